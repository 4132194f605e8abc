/**
 * The render model: plain typed objects that every writer (reveal.js HTML, single file,
 * handout, PDF, PowerPoint) and lint read, and that templates only have to print. Built from a
 * validated deck by build-model.ts; nothing here decides anything.
 */
import type { KeyPath } from '../base/source.js';
import type { ChartKind, SlideSize } from '../deck/fields.js';
import type { LayoutName } from '../deck/layouts.js';
import type { RevealOptions } from '../deck/options.js';
import type { Labels } from '../base/i18n.js';
import type { DeckTiming } from './timing.js';
import type { DeckChanges } from './changes.js';
import type { SlideRehearsals } from './rehearsals.js';

export type Align = 'left' | 'right' | 'center';

/** A table as plain data: every output (HTML, handout, PowerPoint) reads it. */
export interface TableModel {
  columns: { html: string; text: string; align: Align }[];
  rows: { cells: { html: string; text: string; value?: number | undefined; align: Align }[]; highlight: boolean }[];
}

/** A chart as plain data plus its drawing; the PowerPoint writer reads the data, HTML the svg. */
export interface ChartModel {
  kind: ChartKind;
  categories: string[];
  series: { name: string; values: number[]; formatted: string[] }[];
  unit?: string | undefined;
  /** The value axis after rounding to nice ticks (or the slide's `min`/`max`). */
  min: number;
  max: number;
  ticks: number[];
  /** The inline `<svg>`. */
  svg: string;
  /** Text alternative (the svg's `<desc>`). */
  description: string;
  /** `id` of the visually hidden data table. */
  tableId: string;
}

/** A slide's own background: a colour or an image, with the text tone that reads on it. */
export interface BackgroundModel {
  color?: string | undefined;
  /** Output path of the image (`assets/…`). */
  image?: string | undefined;
  /** Opacity of the image over black (dims any photo under light text). */
  opacity?: number | undefined;
  /** `dark` backgrounds get light text. */
  tone: 'dark' | 'light';
}

export interface PointModel {
  html: string;
  points: PointModel[];
  /** Revealed one by one (a reveal.js fragment). */
  step?: boolean;
}

export interface CiteModel {
  number: number;
  label: string;
}

export interface ReferenceModel {
  key: string;
  number: number;
  label: string;
  titleHtml: string;
  author?: string | undefined;
  publication?: string | undefined;
  date?: string | undefined;
  url?: string | undefined;
  noteHtml?: string | undefined;
}

export interface SlideModel {
  id: string;
  /** 1-based position in the deck. */
  number: number;
  /** The number shown on the slide and in the speaker view: `3` in the talk, `A1` in the backup part. */
  label: string;
  /** After an `appendix` section: outside the talk's timing and agenda. */
  backup: boolean;
  background?: BackgroundModel | undefined;
  /** reveal.js transition of this slide, when it differs from the deck's. */
  transition?: string | undefined;
  layout: LayoutName;
  /** The partial that renders this slide's body: `layouts/<layout>`. */
  template: string;
  /** Plain-text title, for outlines and the speaker view. */
  title: string;
  titleHtml?: string | undefined;
  subtitleHtml?: string | undefined;
  notesHtml?: string | undefined;
  notesText?: string | undefined;
  summaryHtml?: string | undefined;
  cites: CiteModel[];
  citeLabel: string;
  steps: boolean;
  /** Estimated speaking time in whole seconds (timing.ts), at the measured pace when the deck has rehearsals. */
  timing: number;
  /**
   * Seconds the speaker view paces this slide with (reveal.js `data-timing`): the median of its
   * rehearsed times when rehearsals reached it since its last edit, else `timing`.
   */
  pacing: number;
  /** Words of the notes, as the estimate counts them. */
  notesWords: number;
  /** A hash of the slide's notes and talking points (fingerprint.ts): a rehearsal of it is stale once it changes. */
  fingerprint: string;
  /** Layout-specific fields, already rendered. */
  points?: PointModel[];
  left?: { headingHtml: string; points: PointModel[] };
  right?: { headingHtml: string; points: PointModel[] };
  events?: { date: string; html: string; step?: boolean }[];
  figures?: { value: string; labelHtml: string; noteHtml?: string | undefined }[];
  quote?: { html: string; speaker: string; contextHtml?: string | undefined };
  image?: { src: string; alt: string; captionHtml?: string | undefined; creditHtml?: string | undefined };
  map?: {
    svg: string;
    description: string;
    legend: { label: string; className: string; countryNames: string[] }[];
    captionHtml?: string | undefined;
    /** The groups as given (codes upper-cased), for writers that draw the map themselves. */
    groups: { label: string; countries: string[]; emphasis: boolean }[];
  };
  /** `minutes` only when the agenda slide asks for `times: true`. */
  agenda?: { id: string; titleHtml: string; number: number; minutes?: number | undefined }[];
  references?: ReferenceModel[];
  table?: TableModel;
  chart?: ChartModel;
  /** The closing slide's link to the backup part. */
  backupLink?: { id: string } | undefined;
  /** `layout: markdown`: the body, rendered and sanitised. */
  bodyHtml?: string | undefined;
  /** `layout: markdown`: the body as written (for the Markdown handout). */
  bodyMarkdown?: string | undefined;
  /** Extra attributes of the slide's `<section>` (reveal.js backgrounds …), already checked. */
  attributes?: { name: string; value: string }[] | undefined;
  /** Extra classes for the slide's `<section>`. */
  className?: string | undefined;
  /**
   * Set when the slide is part of a vertical stack (reveal.js vertical slides): the stack's id,
   * the slide's place in it (0 = top) and whether it opens or closes the stack. Outputs other
   * than reveal.js may ignore it: `slides` stays the flat list in reading order.
   */
  stack?: { id: string; index: number; first: boolean; last: boolean } | undefined;
}

/** What the deck's rehearsals (`rehearsals/*.json`) say; see rehearsals.ts. */
export interface RehearsalsModel {
  /** The deck's rehearsals, oldest first: the file as shown, when it began, its times, its pace. */
  records: { file: string; recorded: string; totalSeconds: number; pausedSeconds: number; pace?: number | undefined; changed: string[] }[];
  /** Words per minute measured over them; undefined when none of them spoke notes. */
  pace?: number | undefined;
  /** Whether the estimate uses that pace: no `wordsPerMinute` is set in the config file, the deck or a flag. */
  paceUsed: boolean;
  /** Per slide, in deck order: the rehearsals that reached it and the median of those still current. */
  slides: SlideRehearsals[];
  /** The talk as rehearsed: each main slide's `pacing` (rehearsed median, else estimate) together. */
  plannedSeconds: number;
  /** How many main slides have a rehearsed time that is still current. */
  rehearsedSlides: number;
}

/** A remote file the deck loads (image, iframe, background, style sheet): missing when offline. */
export interface RemoteResourceModel {
  url: string;
  /** What loads it, e.g. `an image`, `<iframe src>`, `data-background-image`, `url()`. */
  what: string;
  /** The slide (1-based) that loads it; none for the deck's style sheet. */
  slide: number | undefined;
  /** Where it is named: the deck field (key path) and its place, in the deck file or style.css. */
  path: KeyPath;
  file: string;
  line: number;
  column: number;
}

export interface DeckModel {
  name: string;
  lang: string;
  title: string;
  titleHtml: string;
  subtitleHtml?: string | undefined;
  author?: string | undefined;
  institution?: string | undefined;
  date?: string | undefined;
  marking?: string | undefined;
  theme: string;
  duration?: number | undefined;
  timing: DeckTiming;
  labels: Labels;
  slides: SlideModel[];
  references: ReferenceModel[];
  /** Files of the deck folder the output needs (images), relative to the deck folder. */
  assets: string[];
  /** Deck files among `assets` that free Markdown loads as style sheets (`<link>`, `@import`): checked like style.css. */
  stylesheets?: string[];
  /** Slide size: aspect ratio and the pixel box reveal.js lays slides out in (also the PDF page). */
  size: { name: SlideSize; width: number; height: number };
  transition: string;
  /** The reveal.js options the deck sets (validated); `revealConfig` merges them over the defaults. */
  reveal: RevealOptions;
  /** The backup part: its first slide (the `appendix` section), when the deck has one. */
  appendix?: { id: string; titleHtml: string } | undefined;
  /** Slides of the talk itself (without the backup part). */
  mainSlideCount: number;
  /** Remote files the slides load: reported by the `remote-resource` rule, missing offline. */
  remote: RemoteResourceModel[];
  /** The deck's Markdown dialect (`markdown` for reveal-md, `marp`); unset for YAML decks. */
  dialect?: 'markdown' | 'marp' | undefined;
  /** Which build-time assets free-Markdown slides need: highlight.js's and KaTeX's styles. */
  uses: { code: boolean; math: boolean };
  /** What changed since an earlier version (`--since`): set only when a build compares (core/diff/). */
  changes?: DeckChanges | undefined;
  /** Set when the deck folder holds rehearsals of this deck. */
  rehearsals?: RehearsalsModel | undefined;
}
