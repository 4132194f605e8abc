/**
 * `talkdeck diff --format json`: the change set with a fixed, versioned shape for tools
 * (docs/diff-format.md describes it). Every object is built here key by key, so the key order
 * never depends on how a value was made; absent values are null rather than missing.
 */
import type { DeckChanges, FieldChange, NumberChange, SlideChange, SlideRef } from '../core/model/changes.js';
import type { DeckModel } from '../core/model/types.js';

/** Raised when the shape changes in a way a reader of version 1 would misread. */
export const DIFF_FORMAT_VERSION = 1;

export interface ComparedDeck {
  before: { file: string; model: DeckModel };
  after: { file: string; model: DeckModel & { changes: DeckChanges } };
}

export function diffJson(decks: ComparedDeck[]): string {
  return JSON.stringify({ format: 'talkdeck-changes', version: DIFF_FORMAT_VERSION, decks: decks.map(deckJson) }, null, 2) + '\n';
}

function deckJson({ before, after }: ComparedDeck): object {
  const c = after.model.changes;
  return {
    deck: after.model.name,
    since: c.since,
    revision: c.revision ? { commit: c.revision.commit, date: c.revision.date ?? null, subject: c.revision.subject ?? null } : null,
    before: { file: before.file, title: before.model.title, slides: before.model.slides.length },
    after: { file: after.file, title: after.model.title, slides: after.model.slides.length },
    counts: { added: c.counts.added, removed: c.counts.removed, moved: c.counts.moved, changed: c.counts.changed, unchanged: c.counts.unchanged },
    numbers: c.numbers.map(numberJson),
    deckFields: c.deck.map(fieldJson),
    slides: c.slides.map(slideJson),
    timing: {
      old: c.timing.old,
      new: c.timing.new,
      sections: c.timing.sections.map((s) => ({ title: s.title ?? null, old: s.old ?? null, new: s.new ?? null })),
    },
  };
}

function refJson(ref: SlideRef | undefined): object | null {
  if (!ref) return null;
  return { id: ref.id, number: ref.number, label: ref.label, title: ref.title, layout: ref.layout, backup: ref.backup, section: ref.section ?? null };
}

function slideJson(s: SlideChange): object {
  return {
    status: s.status,
    old: refJson(s.old),
    new: refJson(s.new),
    splitFrom: refJson(s.splitFrom),
    mergedInto: refJson(s.mergedInto),
    fields: s.fields.map(fieldJson),
  };
}

function fieldJson(f: FieldChange): object {
  return {
    field: f.field,
    part: f.part,
    at: f.at ?? null,
    context: f.context ?? null,
    change: f.change,
    old: f.old ?? null,
    new: f.new ?? null,
    number: Boolean(f.number),
    words: f.words ? f.words.map((w) => [w.op, w.text]) : null,
  };
}

function numberJson(n: NumberChange): object {
  return { slide: refJson(n.slide), field: n.field, label: n.label, old: n.old ?? null, new: n.new ?? null };
}
