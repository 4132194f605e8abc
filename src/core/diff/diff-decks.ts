/**
 * Two versions of a deck compared: the change set (model/changes.ts) that `talkdeck diff`
 * prints and `--since` builds mark. Both versions are models, whatever they were written in
 * (YAML, reveal-md, Marp), so the comparison sees slides, not lines of a file.
 */
import { htmlToText } from '../base/markdown.js';
import type { DeckChanges, FieldChange, NumberChange, SectionTimingChange, SlideChange, SlideRef } from '../model/changes.js';
import { slugify } from '../model/slug.js';
import type { DeckModel, SlideModel } from '../model/types.js';
import { compareSlides, type SlideComparison } from './compare-slide.js';
import { matchSlides } from './match.js';
import { markAddedWords } from './notes-marks.js';
import { slideContent, type ContentHash, type Scalar, type SlideContent } from './slide-content.js';

export interface DiffInput {
  before: DeckModel;
  after: DeckModel;
  /** What `before` is, as the user named it (`v1-approved`, `old.yaml`). */
  since: string;
  revision?: DeckChanges['revision'];
  /** Content hashes of each version's files (images), by path relative to its deck folder. */
  hash: { before: ContentHash; after: ContentHash };
}

/** No slide: what an added slide is compared with, and a removed one against. */
const EMPTY: SlideContent = { scalars: [], lists: [], title: '', body: '', notes: '' };

export function diffDecks(input: DiffInput): DeckChanges {
  const { before, after } = input;
  const lang = after.lang;
  const oldContent = before.slides.map((s) => slideContent(s, input.hash.before));
  const newContent = after.slides.map((s) => slideContent(s, input.hash.after));
  const matching = matchSlides(
    before.slides.map((s, i) => ({ id: s.id, content: oldContent[i]! })),
    after.slides.map((s, i) => ({ id: s.id, content: newContent[i]! })),
  );
  const oldRefs = refs(before);
  const newRefs = refs(after);
  const oldOf = new Map<number, number>();
  matching.partner.forEach((n, o) => n !== undefined && oldOf.set(n, o));

  const numbers: NumberChange[] = [];
  const entry = (o: number | undefined, n: number | undefined): SlideChange => {
    if (o === undefined || n === undefined) {
      // A slide added or removed whole: its content, as added or removed fields, for reports to show.
      const compared = o === undefined ? compareSlides(EMPTY, newContent[n!]!, lang) : compareSlides(oldContent[o]!, EMPTY, lang);
      const fields = compared.fields.filter((f) => f.part !== 'layout');
      if (o === undefined) {
        const ref = newRefs[n!]!;
        numbers.push(...compared.numbers.map((line) => ({ slide: ref, ...line })));
        const from = matching.splitFrom.get(n!);
        return { status: 'added', new: ref, fields, splitFrom: from === undefined ? undefined : oldRefs[from] };
      }
      const ref = oldRefs[o]!;
      numbers.push(...compared.numbers.map((line) => ({ slide: ref, ...line })));
      const into = matching.mergedInto.get(o);
      return { status: 'removed', old: ref, fields, mergedInto: into === undefined ? undefined : newRefs[into] };
    }
    const compared = compareSlides(oldContent[o]!, newContent[n]!, lang);
    placeFields(compared, before.slides[o]!, after.slides[n]!);
    numbers.push(...compared.numbers.map((line) => ({ slide: newRefs[n]!, ...line })));
    const notesChanged = compared.fields.some((f) => f.part === 'notes' && f.change === 'changed');
    const oldNotes = before.slides[o]!.notesHtml;
    const newNotes = after.slides[n]!.notesHtml;
    return {
      status: matching.moved.has(n) ? 'moved' : compared.fields.length ? 'changed' : 'unchanged',
      old: oldRefs[o],
      new: newRefs[n],
      fields: compared.fields,
      notesMarkedHtml: notesChanged && oldNotes && newNotes ? markAddedWords(oldNotes, newNotes, lang) : undefined,
    };
  };

  // The new deck's order; a removed slide stands after the slide that came before it.
  const removedAfter = new Map<number, number[]>();
  matching.partner.forEach((n, o) => {
    if (n !== undefined) return;
    let anchor = -1;
    for (let p = o - 1; p >= 0; p--) {
      if (matching.partner[p] !== undefined) {
        anchor = matching.partner[p]!;
        break;
      }
    }
    removedAfter.set(anchor, [...(removedAfter.get(anchor) ?? []), o]);
  });
  const slides: SlideChange[] = (removedAfter.get(-1) ?? []).map((o) => entry(o, undefined));
  after.slides.forEach((_, n) => {
    slides.push(entry(oldOf.get(n), n));
    for (const o of removedAfter.get(n) ?? []) slides.push(entry(o, undefined));
  });

  const counts = { added: 0, removed: 0, moved: 0, changed: 0, unchanged: 0 };
  for (const s of slides) counts[s.status]++;
  return {
    since: input.since,
    revision: input.revision,
    counts,
    deck: compareSlides(deckContent(before), deckContent(after), lang).fields,
    slides,
    numbers,
    timing: { old: before.timing.totalSeconds, new: after.timing.totalSeconds, sections: sectionTiming(before, after, matching.partner) },
  };
}

/**
 * What the slide's place says beyond its order: a slide moved into or out of the backup part,
 * and a new id the author gave it (one that follows a new title is not worth a line).
 */
function placeFields(compared: SlideComparison, before: SlideModel, after: SlideModel): void {
  const derived = (s: SlideModel): boolean => s.id === slugify(s.title) || /^slide-\d+$/.test(s.id) || new RegExp(`^${slugify(s.title)}-\\d+$`).test(s.id);
  const place: FieldChange[] = [];
  if (before.id !== after.id && !(derived(before) && derived(after))) {
    place.push({ field: 'id', part: 'id', change: 'changed', old: before.id, new: after.id });
  }
  if (before.backup !== after.backup) place.push({ field: 'backup', part: 'backup', change: after.backup ? 'added' : 'removed' });
  compared.fields.unshift(...place);
}

/** Each slide as the change set names it, with the section it stands in. */
function refs(deck: DeckModel): SlideRef[] {
  let section: string | undefined;
  return deck.slides.map((s) => {
    if (s.layout === 'section') section = s.title;
    return { id: s.id, number: s.number, label: s.label, title: s.title, layout: s.layout, backup: s.backup, section };
  });
}

/** The deck's own fields (title, author, duration, references …) in the shape a slide's are compared in. */
function deckContent(deck: DeckModel): SlideContent {
  const scalars = ([
    { key: 'title', part: 'title', text: deck.title },
    { key: 'subtitle', part: 'subtitle', text: deck.subtitleHtml ? htmlToText(deck.subtitleHtml) : '' },
    { key: 'author', part: 'author', text: deck.author ?? '' },
    { key: 'institution', part: 'institution', text: deck.institution ?? '' },
    { key: 'date', part: 'date', text: deck.date ?? '' },
    { key: 'marking', part: 'marking', text: deck.marking ?? '' },
    { key: 'duration', part: 'duration', text: deck.duration === undefined ? '' : String(deck.duration), exact: true },
    { key: 'lang', part: 'lang', text: deck.lang, exact: true },
    { key: 'theme', part: 'theme', text: deck.theme, exact: true },
    { key: 'size', part: 'size', text: deck.size.name, exact: true },
    ...deck.references.map((r): Scalar => ({
      key: `references.${r.key}`,
      part: 'reference',
      at: r.key,
      text: [r.author, htmlToText(r.titleHtml), r.publication, r.date, r.url, r.noteHtml ? htmlToText(r.noteHtml) : undefined].filter(Boolean).join(' · '),
    })),
  ] satisfies Scalar[]).filter((s) => s.text !== '');
  return { scalars, lists: [], title: '', body: '', notes: '' };
}

/** Speaking time per section, old and new, sections paired through their section slides. */
function sectionTiming(before: DeckModel, after: DeckModel, partner: (number | undefined)[]): SectionTimingChange[] {
  const oldByNewFirst = new Map<number, (typeof before.timing.sections)[number]>();
  for (const s of before.timing.sections) {
    const n = s.title === undefined ? -1 : partner[s.first];
    if (n !== undefined) oldByNewFirst.set(n, s);
  }
  const used = new Set<(typeof before.timing.sections)[number]>();
  const out: SectionTimingChange[] = after.timing.sections.map((s) => {
    const old = oldByNewFirst.get(s.title === undefined ? -1 : s.first);
    if (old) used.add(old);
    return { title: s.title, old: old?.seconds, new: s.seconds };
  });
  for (const s of before.timing.sections) if (!used.has(s)) out.push({ title: s.title, old: s.seconds, new: undefined });
  return out;
}
