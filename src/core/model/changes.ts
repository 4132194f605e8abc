/**
 * The change set: what changed between two versions of a deck, as plain data that every output
 * reads (`talkdeck diff` in its formats, the change report page, the speaker view's marks, the
 * handout's changes page). It lives with the model so writers read `model.changes` like any other
 * field; the comparison that makes it is its own floor, core/diff/. Field keys follow deck.yaml
 * (`points[1]`, `rows[2][1]`, `series[0].values[3]`) so a reader finds the place in the file.
 */
import type { LayoutName } from '../deck/layouts.js';

/** A run of text in a word-level diff: kept, added or removed. */
export interface WordPart {
  text: string;
  op: '=' | '+' | '-';
}

/**
 * What a field is, for its label in the deck's language (`point` → "point 2" / "Punkt 2"):
 * the kinds of things a slide holds.
 */
export type FieldPart =
  | 'id'
  | 'layout'
  | 'backup'
  | 'title'
  | 'subtitle'
  | 'point'
  | 'heading'
  | 'event'
  | 'date'
  | 'figure'
  | 'label'
  | 'note'
  | 'quote'
  | 'speaker'
  | 'context'
  | 'image'
  | 'alt'
  | 'caption'
  | 'credit'
  | 'group'
  | 'countries'
  | 'column'
  | 'row'
  | 'cell'
  | 'chart'
  | 'category'
  | 'series'
  | 'value'
  | 'unit'
  | 'summary'
  | 'cite'
  | 'notes'
  | 'body'
  | 'background'
  | 'transition'
  | 'steps'
  | 'reference'
  | 'author'
  | 'institution'
  | 'duration'
  | 'lang'
  | 'theme'
  | 'marking'
  | 'size';

export interface FieldChange {
  /** Where in deck.yaml (new position when there is one): `points[1]`, `figures[0].value`, `notes`. */
  field: string;
  part: FieldPart;
  /** The position shown with the part: `2` (point 2), `2.1`, `left 3` … (1-based). */
  at?: string | undefined;
  /** Deck text that names the place: a column heading, a row's first cell, a series and category. */
  context?: string | undefined;
  change: 'added' | 'removed' | 'changed';
  /** The value before and after, as plain text (numbers as the deck shows them). */
  old?: string | undefined;
  new?: string | undefined;
  /** Word-level diff of a changed text. */
  words?: WordPart[] | undefined;
  /** A figure, table cell, chart value or a number inside a text: listed first, on a line of its own. */
  number?: boolean | undefined;
}

/** A slide as the change set names it. */
export interface SlideRef {
  id: string;
  /** 1-based position in the deck. */
  number: number;
  /** As shown in the speaker view: `3`, or `A2` in the backup part. */
  label: string;
  title: string;
  layout: LayoutName;
  backup: boolean;
  /** Title of the section the slide is in (none before the first section). */
  section?: string | undefined;
}

export type SlideStatus = 'added' | 'removed' | 'moved' | 'changed' | 'unchanged';

export interface SlideChange {
  /** `moved` wins over `changed`: a moved slide may have changed too (its `fields`). */
  status: SlideStatus;
  old?: SlideRef | undefined;
  new?: SlideRef | undefined;
  fields: FieldChange[];
  /** An added slide whose content comes from this (old) slide: it was split off from it. */
  splitFrom?: SlideRef | undefined;
  /** A removed slide whose content went into this (new) slide: merged. */
  mergedInto?: SlideRef | undefined;
  /** The new notes as HTML with the words added since marked (`<mark class="td-changed">`), when the notes changed. */
  notesMarkedHtml?: string | undefined;
}

/** A changed figure, table cell or chart value, or a number inside a text: "Label: 3,1 % → 3,4 %". */
export interface NumberChange {
  slide: SlideRef;
  field: string;
  /** What the number is, in deck text ("Kolumbien, 2023"; a figure's label; a point's words). */
  label: string;
  old?: string | undefined;
  new?: string | undefined;
}

export interface SectionTimingChange {
  /** The section's title (the newer one); undefined for the slides before the first section. */
  title: string | undefined;
  /** Estimated seconds before and after; undefined when the section is new or gone. */
  old?: number | undefined;
  new?: number | undefined;
}

export interface DeckChanges {
  /** What the deck is compared with, as the user named it: `v1-approved`, `HEAD~1`, `old.yaml`. */
  since: string;
  /** The git commit `since` named, when it came from git. */
  revision?: { commit: string; date?: string | undefined; subject?: string | undefined } | undefined;
  counts: Record<SlideStatus, number>;
  /** Deck-wide fields: title, author, duration, references … */
  deck: FieldChange[];
  /** Every slide of both versions: the new deck's order, a removed slide where it stood. */
  slides: SlideChange[];
  /** Every changed number, in slide order: what a reviewer must see first. */
  numbers: NumberChange[];
  timing: { old: number; new: number; sections: SectionTimingChange[] };
}
