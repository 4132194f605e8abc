import { afterEach, describe, expect, it, vi } from 'vitest';
import { progressLine } from '../src/cli/progress.js';

function stream(isTTY: boolean) {
  const writes: string[] = [];
  return { writes, isTTY, write: (t: string) => writes.push(t) };
}

describe('progressLine', () => {
  afterEach(() => void vi.useRealTimers());

  it('stays silent for work that ends within the first second', () => {
    vi.useFakeTimers();
    const s = stream(true);
    const p = progressLine(s);
    p.update('deck: slide 1 of 3');
    vi.advanceTimersByTime(999);
    p.done();
    vi.advanceTimersByTime(5000);
    expect(s.writes).toEqual([]);
  });

  it('shows the latest state after a second, updates it in place, and clears it', () => {
    vi.useFakeTimers();
    const s = stream(true);
    const p = progressLine(s);
    p.update('deck: slide 1 of 3');
    p.update('deck: slide 2 of 3');
    vi.advanceTimersByTime(1000);
    p.update('deck: slide 3 of 3');
    p.done();
    p.update('too late');
    expect(s.writes).toEqual(['\r\x1b[Kdeck: slide 2 of 3', '\r\x1b[Kdeck: slide 3 of 3', '\r\x1b[K']);
  });

  it('writes nothing when the output is not a terminal', () => {
    vi.useFakeTimers();
    const s = stream(false);
    const p = progressLine(s);
    p.update('deck: slide 1 of 3');
    vi.advanceTimersByTime(5000);
    p.done();
    expect(s.writes).toEqual([]);
  });
});
