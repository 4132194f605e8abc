import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { debounce } from '../src/serve/debounce.js';

describe('debounce (rebuild after a burst of saves)', () => {
  beforeEach(() => vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout', 'performance'] }));
  afterEach(() => vi.useRealTimers());

  it('runs once after the burst has been quiet', () => {
    const task = vi.fn();
    const d = debounce(task, 10, 250);
    for (let i = 0; i < 5; i++) {
      d.trigger();
      vi.advanceTimersByTime(5);
    }
    expect(task).not.toHaveBeenCalled();
    vi.advanceTimersByTime(10);
    expect(task).toHaveBeenCalledTimes(1);
  });

  it('still runs every maxWait while triggers keep coming', () => {
    const task = vi.fn();
    const d = debounce(task, 10, 100);
    for (let t = 0; t < 300; t += 5) {
      d.trigger();
      vi.advanceTimersByTime(5);
    }
    expect(task).toHaveBeenCalledTimes(3);
  });

  it('retries later unless a trigger comes first, and cancels', () => {
    const task = vi.fn();
    const d = debounce(task, 10, 100);
    d.retryIn(200);
    d.trigger();
    vi.advanceTimersByTime(10);
    expect(task).toHaveBeenCalledTimes(1);
    d.retryIn(50);
    d.cancel();
    vi.advanceTimersByTime(500);
    expect(task).toHaveBeenCalledTimes(1);
  });
});
