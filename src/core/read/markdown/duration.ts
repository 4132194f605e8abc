/**
 * A talk's duration as people write it in a Markdown deck's front matter, in English or German,
 * read as minutes: `60`, `60 minutes`, `1 hour`, `1h 30m`, `1:30`, `PT1H30M`, `90 Minuten`,
 * `1,5 Stunden`, `1 Std. 30 Min.`, `eine halbe Stunde`, `ca. 45 min (with questions)`.
 * reveal-md ignores the key, so its authors write whatever reads well to them; talkdeck takes
 * what is unambiguous and says why it cannot take the rest, never guessing (days, `1,500`,
 * units out of order, unknown words). No library reads German durations (parse-duration's
 * German switch is process-wide and singular-only; timestring and ms have none).
 */
import { suggest } from '../../base/suggest.js';

export type DurationReading = { minutes: number } | { problem: string; suggestion?: string };

const HOUR = 60;
const MINUTE = 1;
const SECOND = 1 / 60;

const UNITS = new Map<string, number>([
  ...['h', 'hr', 'hrs', 'hour', 'hours', 'std', 'stunde', 'stunden'].map((u) => [u, HOUR] as const),
  ...['m', 'min', 'mins', 'minute', 'minutes', 'minuten', "'"].map((u) => [u, MINUTE] as const),
  ...['s', 'sec', 'secs', 'second', 'seconds', 'sek', 'sekunde', 'sekunden', '"', "''"].map((u) => [u, SECOND] as const),
]);
/** Longer than any talk: named, so the message says so rather than "unknown word". */
const TOO_LONG = new Set(['d', 'day', 'days', 'tag', 'tage', 'w', 'week', 'weeks', 'woche', 'wochen']);
/** Number words; fractions (< 1) scale the number or unit they go with. */
const WORD_NUMBERS = new Map<string, number>([
  ['a', 1], ['an', 1], ['one', 1], ['ein', 1], ['eine', 1], ['einer', 1], ['einen', 1],
  ['two', 2], ['zwei', 2], ['three', 3], ['drei', 3],
  ['half', 0.5], ['halb', 0.5], ['halbe', 0.5], ['halben', 0.5], ['einhalb', 0.5],
  ['anderthalb', 1.5], ['eineinhalb', 1.5], ['zweieinhalb', 2.5], ['dreieinhalb', 3.5],
  ['quarter', 0.25], ['viertel', 0.25], ['dreiviertel', 0.75],
]);
/** Words that join parts: `1 hour and 30 minutes`, `a quarter of an hour`. */
const JOINERS = new Set(['and', 'und', 'of', '+', ',']);
const HEDGE = /^(?:ca\.?|circa|about|approx\.?|approximately|around|roughly|etwa|ungefähr|ungefaehr|rund|~)\s*/i;
/**
 * Every word the grammar knows, for a did-you-mean on a misspelt unit (`15 minuets`); longest
 * first, so that of two equally close words the plural wins (`minutes`, not `minute`).
 */
const VOCABULARY = [...UNITS.keys(), ...WORD_NUMBERS.keys()].filter((w) => w.length > 2).sort((a, b) => b.length - a.length);

export function readDuration(value: unknown): DurationReading {
  if (typeof value === 'number') return finish(value);
  if (typeof value !== 'string') return { problem: 'it is not a number or a text' };
  let text = value.trim();
  const hedge = HEDGE.exec(text);
  if (hedge) text = text.slice(hedge[0].length);
  // One trailing remark in brackets: `45 min (plus questions)`.
  text = text.replace(/^(.+?)\s*\([^()]*\)$/s, '$1').trim();
  if (text === '') return { problem: 'it is empty' };

  const iso = /^PT(?:(\d+(?:[.,]\d+)?)H)?(?:(\d+(?:[.,]\d+)?)M)?(?:(\d+(?:[.,]\d+)?)S)?$/i.exec(text);
  if (iso && (iso[1] || iso[2] || iso[3])) return finish(num(iso[1]) * HOUR + num(iso[2]) + num(iso[3]) * SECOND);
  // A clock reading h:mm or h:mm:ss, optionally followed by an hour unit (`1:30 h`).
  const clock = /^(\d{1,2}):([0-5]\d)(?::([0-5]\d))?\s*(?:h|std\.?|stunden?)?$/i.exec(text);
  if (clock) return finish(Number(clock[1]) * HOUR + Number(clock[2]) + num(clock[3]) * SECOND);

  // German compounds: `Viertelstunde`, `Dreiviertelstunde`, `halbe Stunde` written together.
  text = text.replace(/(dreiviertel|viertel|halbe?)(stunde)/gi, '$1 $2');
  const tokens = text.match(/\d+(?:[.,]\d+)?|\p{L}+\.?|''|\S/gu) ?? [];
  let total = 0;
  /** A number waiting for its unit, and whether it came from a fraction word. */
  let pending: { value: number; fraction: boolean } | undefined;
  let lastUnit: number | undefined;
  for (const token of tokens) {
    const word = token.toLowerCase().replace(/\.$/, '');
    // `half an hour`, `a quarter of an hour`: the article after a number adds nothing.
    if (pending && (word === 'a' || word === 'an')) continue;
    if (/^\d/.test(token)) {
      if (pending) return { problem: `two numbers in a row (“${token}”)` };
      if (/,\d{3}$/.test(token)) return { problem: `“${token}” could be thousands or a decimal comma` };
      pending = { value: num(token), fraction: false };
    } else if (WORD_NUMBERS.has(word)) {
      const n = WORD_NUMBERS.get(word)!;
      if (!pending) pending = { value: n, fraction: n < 1 };
      // `eine halbe Stunde`, `a quarter hour`: the fraction of one; `zwei einhalb`: plus.
      else if (n < 1) pending = { value: pending.value === 1 ? n : pending.value + n, fraction: pending.value === 1 };
      else return { problem: `two numbers in a row (“${token}”)` };
    } else if (UNITS.has(word) || UNITS.has(token)) {
      const size = UNITS.get(word) ?? UNITS.get(token)!;
      if (!pending) return { problem: `“${token}” has no number before it` };
      if (lastUnit !== undefined && size >= lastUnit) return { problem: `“${token}” comes after a smaller or equal unit` };
      total += pending.value * size;
      pending = undefined;
      lastUnit = size;
    } else if (TOO_LONG.has(word)) {
      return { problem: `“${token}”: days and weeks are not the length of a talk` };
    } else if (!JOINERS.has(word)) {
      const suggestion = suggest(word, VOCABULARY);
      return suggestion ? { problem: `unknown word “${token}”`, suggestion } : { problem: `unknown word “${token}”` };
    }
  }
  if (pending) {
    if (lastUnit === undefined) total += pending.value; // a bare number: minutes, as in deck.yaml
    else if (pending.fraction) total += pending.value * lastUnit; // `an hour and a half`
    else if (lastUnit === HOUR) total += pending.value; // `1h30`, `1 Std. 30`
    else if (lastUnit === MINUTE) total += pending.value * SECOND; // `5 min 30`
    else return { problem: 'a number after the seconds' };
  }
  return finish(total);
}

function num(text: string | undefined): number {
  return text ? Number(text.replace(',', '.')) : 0;
}

function finish(minutes: number): DurationReading {
  if (!Number.isFinite(minutes) || minutes <= 0) return { problem: 'it is not a positive length of time' };
  if (minutes > 24 * HOUR) return { problem: 'it is longer than a day' };
  // Seconds and decimal fractions leave binary noise (1.1 h = 66.00000000000001 min).
  return { minutes: Math.round(minutes * 1000) / 1000 };
}
