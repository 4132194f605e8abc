/**
 * Words: the word-level diff of two texts (jsdiff's diffWords, split into words by the deck
 * language's own rules through Intl.Segmenter, so `23.000` and `3,1` stay one word), how alike
 * two texts are (for matching slides and list items), and the numbers a change swapped.
 */
import { diffWords } from 'diff';
import type { WordPart } from '../model/changes.js';

const segmenters = new Map<string, Intl.Segmenter>();

/** A word segmenter for the deck's language (English when the runtime does not know it). */
function segmenter(lang: string): Intl.Segmenter {
  let found = segmenters.get(lang);
  if (!found) {
    let locale = lang;
    try {
      Intl.Segmenter.supportedLocalesOf([lang]);
    } catch {
      locale = 'en';
    }
    found = new Intl.Segmenter(locale, { granularity: 'word' });
    segmenters.set(lang, found);
  }
  return found;
}

/** The word-level diff of two texts: kept, removed and added runs, in reading order. */
export function wordDiff(before: string, after: string, lang: string): WordPart[] {
  const parts: WordPart[] = [];
  for (const p of diffWords(before, after, { intlSegmenter: segmenter(lang) })) {
    const op = p.added ? '+' : p.removed ? '-' : '=';
    const last = parts.at(-1);
    // Adjacent runs of one kind read as one (jsdiff may hand them over in pieces).
    if (last && last.op === op) last.text += p.value;
    else parts.push({ text: p.value, op });
  }
  return parts;
}

/** Lower-cased words with a letter or digit: what two texts are compared by. */
export function words(text: string): string[] {
  const out: string[] = [];
  for (const token of text.toLowerCase().split(/[\s\u00a0\u202f]+/)) {
    const word = token.replace(/^[^\p{L}\p{N}]+|[^\p{L}\p{N}]+$/gu, '');
    if (word) out.push(word);
  }
  return out;
}

/** A multiset of words, counted. */
export type Bag = Map<string, number>;

export function bag(list: readonly string[]): Bag {
  const b: Bag = new Map();
  for (const w of list) b.set(w, (b.get(w) ?? 0) + 1);
  return b;
}

const size = (b: Bag): number => {
  let n = 0;
  for (const c of b.values()) n += c;
  return n;
};

/** Words the two bags share, counted with multiplicity. */
function shared(a: Bag, b: Bag): number {
  let n = 0;
  for (const [w, c] of a) n += Math.min(c, b.get(w) ?? 0);
  return n;
}

/** Dice's coefficient of two bags: 1 for the same words, 0 for none in common; undefined when both are empty. */
export function dice(a: Bag, b: Bag): number | undefined {
  const total = size(a) + size(b);
  return total === 0 ? undefined : (2 * shared(a, b)) / total;
}

/** How much of `part` is found in `whole` (0 to 1): a slide split off another is contained in it. */
export function containment(part: Bag, whole: Bag): number {
  const n = size(part);
  return n === 0 ? 0 : shared(part, whole) / n;
}

/** How alike two texts are, 0 to 1 (two empty texts are alike). */
export function similarity(a: string, b: string): number {
  return dice(bag(words(a)), bag(words(b))) ?? 1;
}

/** A number as written in deck text: `2017`, `23.000`, `3,1`, `−4`, `3,1 %`. */
const NUMBER = /[+−-]?\d(?:[\d.,\u00a0\u202f']*\d)?(?:[\u00a0\u202f ]?[%‰])?/g;

export function numbersIn(text: string): string[] {
  return text.match(NUMBER) ?? [];
}

/**
 * The numbers a word diff swapped: for each changed stretch (removed and added runs between
 * kept ones) that takes numbers out and puts others in, the numbers before and after. A number
 * only added or only removed is part of a reworded text, not a changed figure.
 */
export function swappedNumbers(parts: readonly WordPart[]): { old: string; new: string }[] {
  const out: { old: string; new: string }[] = [];
  let removed = '';
  let added = '';
  const flush = (): void => {
    const before = numbersIn(removed);
    const after = numbersIn(added);
    if (before.length && after.length && before.join(' ') !== after.join(' ')) out.push({ old: before.join(' '), new: after.join(' ') });
    removed = '';
    added = '';
  };
  for (const p of parts) {
    if (p.op === '-') removed += p.text;
    else if (p.op === '+') added += p.text;
    // Whitespace alone does not end a change ("23.000 Soldaten" → "24.000 Soldaten").
    else if (p.text.trim()) flush();
  }
  flush();
  return out;
}
