/**
 * A slide's fingerprint: a short, stable hash of what the speaker says on it — its notes and
 * its talking points. A rehearsal record keeps the fingerprint of every slide it timed, so a
 * later edit of that slide's notes or points shows the record is stale for it (the report
 * marks it, and the plan stops using its time). Change marks (#20) may use it to tell
 * unchanged slides quickly.
 *
 * The algorithm, which must stay as it is for old records to keep matching:
 *   1. notes: the slide's `notes` as written, runs of white space made one space, trimmed
 *      ("" when there are none);
 *   2. points: the slide's content as written — every field except `id`, `layout`, `notes`,
 *      `cite`, `background`, `transition`, `below`, `steps` and `attributes`, which change how the slide
 *      looks or where it sits, not what is said — with object keys sorted and every string
 *      white-space-normalised as in 1;
 *   3. the first 16 hexadecimal digits of SHA-256 over the UTF-8 JSON text of `[notes, points]`.
 * So re-wrapping a paragraph, reordering keys or changing a background keeps the fingerprint;
 * any change of a word in the notes, the title or a bullet gives a new one.
 */
import { createHash } from 'node:crypto';

const NOT_SAID = new Set(['id', 'layout', 'notes', 'cite', 'background', 'transition', 'below', 'steps', 'attributes']);

function normalise(text: string): string {
  return text.replace(/\s+/g, ' ').trim();
}

/** The value with keys sorted and strings normalised, so equal content gives equal JSON. */
function canonical(value: unknown): unknown {
  if (typeof value === 'string') return normalise(value);
  if (Array.isArray(value)) return value.map(canonical);
  if (value && typeof value === 'object') {
    const out: Record<string, unknown> = {};
    for (const key of Object.keys(value).sort()) {
      const v = (value as Record<string, unknown>)[key];
      if (v !== undefined) out[key] = canonical(v);
    }
    return out;
  }
  return value;
}

/** The fingerprint of a slide as written in the deck (a validated slide). */
export function slideFingerprint(slide: object): string {
  const fields = slide as Record<string, unknown>;
  const notes = typeof fields.notes === 'string' ? normalise(fields.notes) : '';
  const points = Object.fromEntries(Object.entries(fields).filter(([key]) => !NOT_SAID.has(key)));
  return createHash('sha256')
    .update(JSON.stringify([notes, canonical(points)]))
    .digest('hex')
    .slice(0, 16);
}
