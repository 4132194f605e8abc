/**
 * What a Markdown reader (reveal-md or Marp dialect) makes of a `.md` deck before it becomes the
 * deck model: the front matter and the slides as Markdown text with their notes, attributes and
 * place in the file. `talkdeck import` builds on this; keep it stable.
 */
import type { TalkdeckError } from '../../base/errors.js';

export type MarkdownDialect = 'reveal-md' | 'marp';

export interface MarkdownSlideSource {
  /** 0-based position in the deck, counting every slide (vertical ones too). */
  index: number;
  /**
   * The slide's Markdown as its author wrote it, without the notes. reveal-md: attribute
   * comments (`<!-- .slide: … -->`, `<!-- .element: … -->`) are kept in place. Marp: directive
   * comments, note comments and `![bg](…)` images are taken out (see `attributes`, `notes`).
   */
  markdown: string;
  /** Speaker notes (Markdown), when the slide has them. */
  notes?: string | undefined;
  /**
   * Attributes of the slide's `<section>`: from `<!-- .slide: … -->` comments (reveal-md) or
   * from directives and background images (Marp, e.g. `class`, `data-background-image`).
   */
  attributes: Record<string, string>;
  /** 1-based line and column in the file where `markdown` starts. */
  line: number;
  column: number;
  /** 1-based line of the notes, when there are notes. */
  notesLine?: number | undefined;
  /**
   * Text the reader appended to `markdown` (a Marp page's header and footer): from line `from`
   * (1-based, in `markdown`) on, a problem is at `line` of the file, where that text was set.
   */
  appended?: { from: number; line: number }[] | undefined;
  /** Horizontal position (0-based) and position inside its vertical stack (0 = top slide). */
  h: number;
  v: number;
  /** Whether the slide belongs to a vertical stack of two or more slides. */
  stacked: boolean;
}

export interface MarkdownDeckSource {
  file: string;
  dialect: MarkdownDialect;
  /** The front matter as data (empty when the file has none). */
  frontMatter: Record<string, unknown>;
  /** 1-based line of each front-matter key. */
  frontMatterLines: Map<string, number>;
  /** The separators in force after front matter and `reveal-md.json` (reveal-md dialect). */
  separators: { separator: string; verticalSeparator: string | undefined; notesSeparator: string };
  slides: MarkdownSlideSource[];
  /** Whether slide numbers show (Marp: some page has `paginate: true`; reveal-md: always). */
  paginate: boolean;
  /** Problems found while splitting, each located; `severity` says whether it stops the build. */
  problems: TalkdeckError[];
}

/** A `reveal-md.json` file's text, with the path shown to the user. */
export interface RevealMdJson {
  file: string;
  text: string;
}
