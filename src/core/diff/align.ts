/**
 * Pairs the items of two versions of a list (points, events, table rows …): the longest run of
 * identical items first (jsdiff's array diff), then, where items were removed and added between
 * them, the most alike pairs, so a reworded point reads as changed, not as removed and added.
 */
import { diffArrays } from 'diff';
import { similarity } from './words.js';

/** An item of the old list, the new list, or both. */
export interface Pair<T> {
  old?: T | undefined;
  new?: T | undefined;
}

/** Two items this alike (0 to 1) or more are one item changed. */
const ALIKE = 0.4;

export function alignLists<T>(before: readonly T[], after: readonly T[], textOf: (item: T) => string, alike = ALIKE): Pair<T>[] {
  const out: { pair: Pair<T>; at: number }[] = [];
  let i = 0;
  let j = 0;
  let removed: number[] = [];
  let added: number[] = [];
  const settle = (): void => {
    out.push(...pairBlock(before, after, removed, added, textOf, alike, j));
    removed = [];
    added = [];
  };
  const indexes = (n: number): number[] => Array.from({ length: n }, (_, k) => k);
  const runs = diffArrays(indexes(before.length), indexes(after.length), {
    comparator: (a: number, b: number) => textOf(before[a]!) === textOf(after[b]!),
  });
  for (const run of runs) {
    if (run.removed) removed.push(...run.value.map(() => i++));
    else if (run.added) added.push(...run.value.map(() => j++));
    else {
      settle();
      for (let k = 0; k < run.count; k++) out.push({ pair: { old: before[i++], new: after[j] }, at: j++ });
    }
  }
  settle();
  return out.sort((a, b) => a.at - b.at).map((e) => e.pair);
}

/** Between two identical stretches: the most alike removed and added items paired, best first. */
function pairBlock<T>(
  before: readonly T[],
  after: readonly T[],
  removed: number[],
  added: number[],
  textOf: (item: T) => string,
  alike: number,
  /** Where the stretch ends in the new list (where removed items go when nothing was added). */
  blockEnd: number,
): { pair: Pair<T>; at: number }[] {
  const candidates: { o: number; n: number; score: number }[] = [];
  for (const o of removed) {
    for (const n of added) {
      const score = similarity(textOf(before[o]!), textOf(after[n]!));
      if (score >= alike) candidates.push({ o, n, score });
    }
  }
  // Best first; among equals, the pair closest in order.
  candidates.sort((a, b) => b.score - a.score || Math.abs(a.o - a.n) - Math.abs(b.o - b.n) || a.n - b.n);
  const partner = new Map<number, number>();
  const taken = new Set<number>();
  for (const c of candidates) {
    if (partner.has(c.o) || taken.has(c.n)) continue;
    partner.set(c.o, c.n);
    taken.add(c.n);
  }
  // Removed items without a partner stand first in the stretch, in their old order.
  const start = (added[0] ?? blockEnd) - 0.5;
  const out: { pair: Pair<T>; at: number }[] = [];
  for (const o of removed) {
    const n = partner.get(o);
    out.push(n === undefined ? { pair: { old: before[o] }, at: start } : { pair: { old: before[o], new: after[n] }, at: n });
  }
  for (const n of added) if (!taken.has(n)) out.push({ pair: { new: after[n] }, at: n });
  return out;
}
