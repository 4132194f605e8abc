/**
 * Which slide of the old deck is which slide of the new one. First by id (a slide's `id`, or
 * the id its title gave it), then by how alike the rest are (title, what the slide shows, the
 * notes), so a slide with a new id or a new title is still found. Then, among the pairs, the
 * longest run that kept its order stays; the others moved. A slide added whose text comes from
 * an old slide was split off it; a slide removed whose text went into a new one was merged.
 */
import type { SlideContent } from './slide-content.js';
import { bag, containment, dice, words, type Bag } from './words.js';

export interface MatchSlide {
  id: string;
  content: SlideContent;
}

export interface Matching {
  /** For each old slide, the index of its new slide (or undefined: removed). */
  partner: (number | undefined)[];
  /** New slides (by index) that left the order the others kept. */
  moved: Set<number>;
  /** Added new slide → the old slide it was split off from. */
  splitFrom: Map<number, number>;
  /** Removed old slide → the new slide it was merged into. */
  mergedInto: Map<number, number>;
}

/** Slides this alike (0 to 1, see `alike`) or more are one slide changed. */
const SAME_SLIDE = 0.5;
/** An added slide whose words are this much (0 to 1) another slide's was split off from it. */
const SPLIT = 0.6;
/** …and has at least this many words, so a short slide is not taken for a piece of a long one. */
const SPLIT_WORDS = 6;

/** Ids talkdeck numbers by position (a slide with neither id nor title): they say nothing about content. */
const POSITIONAL_ID = /^slide-\d+$/;

interface Profile {
  title: Bag;
  body: Bag;
  notes: Bag;
  layout: string;
}

function profile(slide: MatchSlide): Profile {
  const layout = slide.content.scalars.find((s) => s.key === 'layout')?.text ?? '';
  return { title: bag(words(slide.content.title)), body: bag(words(slide.content.body)), notes: bag(words(slide.content.notes)), layout };
}

/**
 * How alike two slides are, 0 to 1: their titles, what they show and their notes, each weighed
 * when either slide has it; a little for the same layout and for standing at a similar place.
 */
function alike(a: Profile, b: Profile, place: number): number {
  const parts: [number | undefined, number][] = [
    [dice(a.title, b.title), 0.3],
    [dice(a.body, b.body), 0.4],
    [dice(a.notes, b.notes), 0.3],
  ];
  let sum = 0;
  let weight = 0;
  for (const [score, w] of parts) {
    if (score === undefined) continue;
    sum += score * w;
    weight += w;
  }
  const content = weight ? sum / weight : 1;
  return content * 0.9 + (a.layout === b.layout ? 0.05 : 0) + 0.05 * place;
}

export function matchSlides(before: MatchSlide[], after: MatchSlide[]): Matching {
  const partner: (number | undefined)[] = before.map(() => undefined);
  const taken = new Set<number>();
  const pair = (o: number, n: number): void => {
    partner[o] = n;
    taken.add(n);
  };

  // 1. The same id: the same slide, whatever changed on it.
  const count = (list: { id: string }[]) => list.reduce((m, s) => m.set(s.id, (m.get(s.id) ?? 0) + 1), new Map<string, number>());
  const oldIds = count(before);
  const newIds = new Map(after.map((s, i) => [s.id, i]));
  const newCount = count(after);
  before.forEach((s, o) => {
    const n = newIds.get(s.id);
    if (n === undefined || POSITIONAL_ID.test(s.id) || oldIds.get(s.id) !== 1 || newCount.get(s.id) !== 1) return;
    pair(o, n);
  });

  // 2. The same content under another title or id (one of a kind on both sides): the same slide.
  // Cheap, and it spares the comparison of every slide with every other below for most of them.
  const contentKey = (s: MatchSlide): string => `${s.content.body}\0${s.content.notes}`;
  const oldKeys = count(before.map((s) => ({ id: contentKey(s) })));
  const newKeys = count(after.map((s) => ({ id: contentKey(s) })));
  const newByKey = new Map<string, number>();
  after.forEach((s, n) => !taken.has(n) && newByKey.set(contentKey(s), n));
  before.forEach((s, o) => {
    const key = contentKey(s);
    const n = newByKey.get(key);
    if (partner[o] !== undefined || n === undefined || taken.has(n) || key === '\0' || oldKeys.get(key) !== 1 || newKeys.get(key) !== 1) return;
    pair(o, n);
  });

  // 3. The rest by how alike they are, most alike first.
  const profiles = { old: before.map(profile), new: after.map(profile) };
  const candidates: { o: number; n: number; score: number }[] = [];
  const spread = (i: number, list: unknown[]): number => (list.length > 1 ? i / (list.length - 1) : 0);
  before.forEach((_, o) => {
    if (partner[o] !== undefined) return;
    after.forEach((_, n) => {
      if (taken.has(n)) return;
      const place = 1 - Math.abs(spread(o, before) - spread(n, after));
      const score = alike(profiles.old[o]!, profiles.new[n]!, place);
      if (score >= SAME_SLIDE) candidates.push({ o, n, score });
    });
  });
  candidates.sort((a, b) => b.score - a.score || a.n - b.n || a.o - b.o);
  for (const c of candidates) if (partner[c.o] === undefined && !taken.has(c.n)) pair(c.o, c.n);

  // 4. A slide left over on both sides, of the same layout, between the same neighbours: the one
  // slide rewritten in place (a section renamed has nothing else to be known by).
  before.forEach((_, o) => {
    if (partner[o] !== undefined) return;
    after.forEach((_, n) => {
      if (partner[o] !== undefined || taken.has(n) || profiles.old[o]!.layout !== profiles.new[n]!.layout) return;
      const prevPaired = o === 0 ? n === 0 : partner[o - 1] !== undefined && partner[o - 1] === n - 1;
      const nextPaired = o === before.length - 1 ? n === after.length - 1 : partner[o + 1] !== undefined && partner[o + 1] === n + 1;
      if (prevPaired && nextPaired) pair(o, n);
    });
  });

  // 5. Split and merged slides: what one side lacks a partner for, found inside a slide of the other.
  const splitFrom = new Map<number, number>();
  after.forEach((_, n) => {
    if (taken.has(n)) return;
    const from = closest(profiles.new[n]!, profiles.old);
    if (from !== undefined) splitFrom.set(n, from);
  });
  const mergedInto = new Map<number, number>();
  before.forEach((_, o) => {
    if (partner[o] !== undefined) return;
    const into = closest(profiles.old[o]!, profiles.new);
    if (into !== undefined) mergedInto.set(o, into);
  });

  return { partner, moved: movedSlides(partner), splitFrom, mergedInto };
}

/** The slide of `others` that holds most of `slide`'s text, when it holds at least SPLIT of it. */
function closest(slide: Profile, others: Profile[]): number | undefined {
  const own = slide.body.size ? slide.body : slide.notes;
  if ([...own.values()].reduce((a, b) => a + b, 0) < SPLIT_WORDS) return undefined;
  let best: number | undefined;
  let bestScore = SPLIT;
  others.forEach((other, i) => {
    const score = containment(own, slide.body.size ? other.body : other.notes);
    if (score >= bestScore && (best === undefined || score > bestScore)) {
      best = i;
      bestScore = score;
    }
  });
  return best;
}

/**
 * Pairs outside the longest run that kept its order (a longest increasing subsequence of the
 * new positions, taken in old order): those slides moved; the others only shifted as slides
 * around them came and went.
 */
function movedSlides(partner: (number | undefined)[]): Set<number> {
  const seq = partner.filter((n): n is number => n !== undefined);
  // Patience sorting: tails[k] is the index in seq ending the best run of length k + 1.
  const tails: number[] = [];
  const previous: number[] = new Array(seq.length).fill(-1);
  seq.forEach((value, i) => {
    let lo = 0;
    let hi = tails.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (seq[tails[mid]!]! < value) lo = mid + 1;
      else hi = mid;
    }
    if (lo > 0) previous[i] = tails[lo - 1]!;
    tails[lo] = i;
  });
  const kept = new Set<number>();
  for (let i = tails.at(-1) ?? -1; i >= 0; i = previous[i]!) kept.add(seq[i]!);
  return new Set(seq.filter((n) => !kept.has(n)));
}
