/**
 * The largest and smallest of a list of numbers, counted in a loop. `Math.max(...values)` passes
 * every value as an argument and overflows the stack past about 120,000 of them — a chart's
 * values or a table cell's words come from the deck, and a deck may hold that many.
 */
export function maxOf(values: Iterable<number>, empty = -Infinity): number {
  let max = empty;
  for (const v of values) if (v > max || Number.isNaN(v)) max = v;
  return max;
}

export function minOf(values: Iterable<number>, empty = Infinity): number {
  let min = empty;
  for (const v of values) if (v < min || Number.isNaN(v)) min = v;
  return min;
}
