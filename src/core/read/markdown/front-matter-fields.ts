/**
 * The front-matter keys of a Markdown deck that are also talkdeck's deck fields (`title`, `lang`,
 * `duration` …), read leniently. A Markdown deck's front matter belongs to reveal-md's world
 * first: reveal-md ignores keys it does not know, so authors write them for their own tools
 * (Polkadot's slides say `duration: 1 hour`). What talkdeck can read as the author meant is
 * taken (a duration in words, a list of authors, a number as a title); anything else is a
 * warning at its line and the field is left out, never a failed build. `lint` and `timing` mean
 * nothing to reveal-md: they are talkdeck's own settings and stay as strict as in deck.yaml.
 */
import type * as z from 'zod';
import { deckMetaSchema } from '../../deck/schema.js';
import { readDuration } from './duration.js';

/** Deck fields a front matter may carry, taken leniently. */
export const LENIENT_FIELDS = ['title', 'subtitle', 'author', 'institution', 'date', 'lang', 'duration', 'marking'] as const;
/** Deck fields a front matter may carry, validated with the deck as in deck.yaml. */
export const STRICT_FIELDS = ['lint', 'timing'] as const;

/** A field left out, for the caller to report at the key's line. */
export interface FieldProblem {
  key: string;
  message: string;
  hint: string;
}

const DURATION_HINT = 'write minutes as a number, or with a unit: `45`, `60 minutes`, `1 hour`, `1h 30m`, `90 Minuten`, `1,5 Stunden`';
const DEFAULT_LANG = 'en';

export function readLenientFields(front: Record<string, unknown>): { fields: Record<string, unknown>; problems: FieldProblem[] } {
  const fields: Record<string, unknown> = {};
  const problems: FieldProblem[] = [];
  const shape = deckMetaSchema().shape as Record<string, z.ZodType>;
  for (const key of LENIENT_FIELDS) {
    const given = front[key];
    if (given === undefined) continue;
    const shown = `\`${key}: ${show(given)}\``;
    if (key === 'duration') {
      const reading = readDuration(given);
      if ('minutes' in reading) fields.duration = reading.minutes;
      else {
        problems.push({
          key,
          message: `Front-matter ${shown} is not a length of time talkdeck can read (${reading.problem}); the deck has no time slot`,
          hint: reading.suggestion ? `did you mean \`${reading.suggestion}\`? ${DURATION_HINT}` : DURATION_HINT,
        });
      }
      continue;
    }
    const value = asText(key, given);
    const result = shape[key]!.safeParse(value);
    if (result.success) fields[key] = result.data;
    else if (key === 'lang') {
      problems.push({
        key,
        message: `Front-matter ${shown} is not a language tag; the deck's language is \`${DEFAULT_LANG}\``,
        hint: 'write a BCP 47 language tag such as `en`, `de` or `en-GB`',
      });
    } else {
      problems.push({
        key,
        message: `Front-matter ${shown} cannot be talkdeck's \`${key}\` (${result.error.issues[0]?.message ?? 'wrong type'}); it is ignored`,
        hint: `\`${key}\` is a text; see docs/deck-reference.md`,
      });
    }
  }
  return { fields, problems };
}

/** What an author plainly meant as text: a number (`title: 2024`), a list of names. */
function asText(key: string, value: unknown): unknown {
  if (key === 'lang') return value;
  if (typeof value === 'number' && key !== 'date') return String(value);
  const names = key === 'author' || key === 'institution';
  if (names && Array.isArray(value) && value.length && value.every((v) => typeof v === 'string' || typeof v === 'number')) return value.join(', ');
  return value;
}

function show(value: unknown): string {
  const text = typeof value === 'string' && value.trim() === value && value !== '' ? value : JSON.stringify(value) ?? String(value);
  return text.length > 60 ? `${text.slice(0, 57)}…` : text;
}
