// Limits on what a deck can make talkdeck compute: each refuses with a located message, or
// computes without spreading an unbounded list into a call (which overflows the stack).
import { describe, expect, it } from 'vitest';
import { maxOf, minOf } from '../../src/core/base/extent.js';

describe('the extent of a list', () => {
  it('takes any number of values, as Math.max and Math.min would on a few', () => {
    const many = Array.from({ length: 300_000 }, (_, i) => (i * 7919) % 100_003);
    expect(maxOf(many)).toBe(100_002);
    expect(minOf(many)).toBe(0);
    expect(maxOf([])).toBe(Math.max());
    expect(minOf([])).toBe(Math.min());
    expect(maxOf([], 0)).toBe(0);
    expect(maxOf([1, Number.NaN, 3])).toBeNaN();
  });
});
