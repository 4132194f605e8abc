/**
 * What the speaker view's change marks (templates/plugins/speaker-changes.js) need from a build
 * with `--since`, worded in the deck's language here so the popup only prints: per changed slide
 * its badge, what changed, and its notes with the added words marked; and the list of every
 * changed slide in deck order (a removed slide too, which cannot be opened).
 */
import { fieldPhrase, fill, slideNotes, slideOf, type ChangedDeck } from '../../model/change-labels.js';
import type { SlideChange } from '../../model/changes.js';

/** Fields named in a list entry before the rest is cut to "…". */
const NAMED_FIELDS = 5;

export interface SpeakerChanges {
  since: string;
  /** The list's heading ("Geändert seit v1-approved") and the button that opens it ("Änderungen (6)"). */
  heading: string;
  button: string;
  /** By slide id (the new deck's): the slides the speaker will meet. */
  slides: Record<string, { status: 'added' | 'moved' | 'changed'; badge: string; detail: string; notes?: string | undefined }>;
  list: { id: string | null; label: string; title: string; status: string; detail: string }[];
}

export function speakerChanges(deck: ChangedDeck): SpeakerChanges {
  const c = deck.changes;
  const L = deck.labels.changes;
  const S = deck.labels.speaker.changes;
  const out: SpeakerChanges = { since: c.since, heading: fill(S.heading, { since: c.since }), button: '', slides: {}, list: [] };
  for (const s of c.slides) {
    if (s.status === 'unchanged') continue;
    const ref = slideOf(s);
    const d = detail(s, deck);
    out.list.push({ id: s.new ? ref.id : null, label: ref.label, title: ref.title || ref.layout, status: s.status === 'removed' ? S.removed : L.status[s.status], detail: d });
    if (s.status === 'removed') continue;
    out.slides[ref.id] = { status: s.status, badge: fill(S[s.status], { since: c.since }), detail: d, notes: s.notesMarkedHtml };
  }
  out.button = `${S.list} (${out.list.length})`;
  return out;
}

/** What changed on a slide, in a few words: "point 5, notes" or "was slide 19". */
function detail(s: SlideChange, deck: ChangedDeck): string {
  const L = deck.labels.changes;
  const notes = slideNotes(s, L);
  if (s.status === 'added' || s.status === 'removed') return notes.join('; ');
  const named = [...new Set(s.fields.map((f) => fieldPhrase(f, L)))];
  const fields = named.length > NAMED_FIELDS ? [...named.slice(0, NAMED_FIELDS), '…'] : named;
  return [...notes, ...(fields.length ? [fields.join(', ')] : [])].join('; ');
}
