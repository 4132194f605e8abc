/**
 * A rehearsal record: what the speaker view's rehearsal mode saves into the deck folder
 * (`rehearsals/<date-time>.json`, through `talkdeck serve`, or downloaded from a built deck).
 * One schema for both sides: the server validates a record before it writes one, and every
 * command that reads the folder validates each file before it counts.
 *
 * A record holds times and the deck's own identifiers, nothing about the person or the
 * computer: the deck's name, the talkdeck version that built the page, when the rehearsal
 * began, and per slide reached its id, fingerprint (model/fingerprint.ts), the words of its
 * notes, the seconds on it (in total and per fragment step) and how often it was entered.
 */
import * as z from 'zod';

export const REHEARSAL_FORMAT = 'talkdeck-rehearsal';
export const REHEARSAL_VERSION = 1;
/** The folder in the deck folder that holds the records. */
export const REHEARSALS_DIR = 'rehearsals';

/** A day is far more than any rehearsal; the bound keeps a broken file from skewing sums. */
const MAX_SECONDS = 86_400;
const Seconds = z.number().finite().min(0).max(MAX_SECONDS);
/** A slide id: generated ones are short slugs, an explicit `id` has no length limit in the deck. */
const SlideId = z.string().min(1).max(500);

const SlideTimes = z.strictObject({
  id: SlideId,
  /** The slide's fingerprint when it was rehearsed: a different one now means the record is stale for it. */
  fingerprint: z.string().regex(/^[0-9a-f]{16}$/, 'a fingerprint is 16 hexadecimal digits'),
  /** Words of the slide's notes when it was rehearsed (the measured pace divides by them). */
  words: z.number().int().min(0).max(1_000_000),
  /** Time on the slide, every visit together, pauses left out. */
  seconds: Seconds,
  /** How often the slide was entered (going back to it is a second visit). */
  visits: z.number().int().min(1).max(100_000),
  /** Seconds per fragment step: [0] before the first fragment, [k] after the k-th. */
  steps: z.array(Seconds).max(1000),
});

export const rehearsalSchema = z.strictObject({
  format: z.literal(REHEARSAL_FORMAT),
  version: z.literal(REHEARSAL_VERSION),
  /** The deck's name (its folder, or its file without extension): at most a file name. */
  deck: z.string().min(1).max(255),
  talkdeck: z.string().min(1).max(50),
  /** When the rehearsal began (UTC). */
  recorded: z.iso.datetime(),
  /** Time rehearsed: the slides' seconds together, pauses left out. */
  total: Seconds,
  /** Seconds spent paused, and where. */
  paused: Seconds,
  pauses: z.array(z.strictObject({ slide: SlideId, seconds: Seconds })).max(10_000),
  /** The slides reached, in the order they were first reached. */
  slides: z.array(SlideTimes).max(20_000),
});

export type RehearsalRecord = z.infer<typeof rehearsalSchema>;

/** What one check of a record found: the record, or the first reason it is not one. */
export type RecordCheck = { record: RehearsalRecord } | { problem: string };

/** Checks parsed JSON against the schema; the problem names the first offending field. */
export function checkRehearsal(data: unknown): RecordCheck {
  const result = rehearsalSchema.safeParse(data);
  if (result.success) return { record: result.data };
  const issue = result.error.issues[0]!;
  const at = issue.path.length ? issue.path.map((p) => (typeof p === 'number' ? `[${p}]` : `.${String(p)}`)).join('').replace(/^\./, '') : '';
  return { problem: at ? `${at}: ${issue.message}` : issue.message };
}

/** A record's text: parsed, then checked. */
export function parseRehearsal(text: string): RecordCheck {
  let data: unknown;
  try {
    data = JSON.parse(text);
  } catch (error) {
    return { problem: `not valid JSON (${(error as Error).message})` };
  }
  return checkRehearsal(data);
}

/** A record as written to disk: the schema's fields in the schema's order, two-space indented. */
export function serializeRehearsal(record: RehearsalRecord): string {
  return JSON.stringify(rehearsalSchema.parse(record), null, 2) + '\n';
}
