/**
 * A Markdown deck as the data a `deck.yaml` would hold, with a locator that points every key
 * path back into the `.md` file: from here on, a Markdown deck goes through the same validation,
 * model, lint and outputs as a YAML deck.
 */
import type * as z from 'zod';
import { TalkdeckError } from '../../base/errors.js';
import { THEMES, unknownThemeHint } from '../../deck/themes.js';
import { RevealSchema, type RevealOptions } from '../../deck/options.js';
import { SLIDE_SIZES, TRANSITIONS, type SlideSize } from '../../deck/fields.js';
import { SourceFile, type KeyPath } from '../../base/source.js';
import { suggest } from '../../base/suggest.js';
import { chromeLine, withHeaderAndFooter } from '../marp/marp.js';
import { readMarkdownDeck, type ReadOptions } from './index.js';
import type { MarkdownDeckSource } from './types.js';
import { LENIENT_FIELDS, STRICT_FIELDS, readLenientFields } from './front-matter-fields.js';

/** Front-matter keys that are talkdeck deck fields. */
const DECK_FIELDS = [...LENIENT_FIELDS, ...STRICT_FIELDS] as const;
/** Front-matter keys reveal-md or Marp read, which are not deck fields: no warning for them. */
const DIALECT_KEYS = new Set([
  'theme', 'separator', 'verticalSeparator', 'notesSeparator', 'revealOptions', 'highlightTheme', 'css', 'scripts',
  'preprocessor', 'template', 'listingTemplate', 'static', 'staticDirs', 'assetsDir', 'absoluteUrls',
  'marp', 'paginate', 'header', 'footer', 'class', 'backgroundColor', 'backgroundImage', 'backgroundPosition',
  'backgroundRepeat', 'backgroundSize', 'color', 'style', 'size', 'math', 'headingDivider', 'description', 'image',
  'keywords', 'url', 'transition',
]);

export interface MarkdownDeck {
  deck: MarkdownDeckSource;
  source: SourceFile;
  /** The deck as `deck.yaml` data: metadata and `layout: markdown` slides. */
  data: Record<string, unknown>;
  /** reveal.js options the dialect implies, under the deck's own `reveal` block. */
  revealDefaults: RevealOptions;
  problems: TalkdeckError[];
}

export function markdownDeck(file: string, text: string, options: ReadOptions = {}): MarkdownDeck {
  const deck = readMarkdownDeck(file, text, options);
  const problems = [...deck.problems];
  const front = deck.frontMatter;
  const lineOf = (key: string) => deck.frontMatterLines.get(key) ?? 1;
  /** `key` is a front-matter key, or `[key, child]` for one inside it (`revealOptions` → `contols`). */
  const warn = (key: string | [string, string], message: string, hint: string, code: TalkdeckError['code'] = 'unknown-key') => {
    const [top, child] = typeof key === 'string' ? [key] : key;
    const line = (child === undefined ? undefined : deck.frontMatterChildLines.get(top)?.get(child)) ?? lineOf(top);
    problems.push(new TalkdeckError({ code, severity: 'warning', file, line, column: 1, message, hint }));
  };

  const lenient = readLenientFields(front);
  for (const p of lenient.problems) warn(p.key, p.message, p.hint, 'wrong-type');
  const data: Record<string, unknown> = { ...lenient.fields };
  for (const key of STRICT_FIELDS) if (front[key] !== undefined) data[key] = front[key];
  for (const key of Object.keys(front)) {
    if (!(DECK_FIELDS as readonly string[]).includes(key) && !DIALECT_KEYS.has(key)) {
      const guess = suggest(key, [...DECK_FIELDS, ...DIALECT_KEYS]);
      warn(key, `Front-matter key \`${key}\` is not read by talkdeck; it is ignored`, guess ? `did you mean \`${guess}\`?` : `deck fields: ${DECK_FIELDS.join(', ')}`);
    }
  }
  if (typeof front.description === 'string' && data.subtitle === undefined) data.subtitle = front.description;

  // reveal-md's default theme is black, Marp's is a light one; a theme talkdeck does not have
  // (Marp's own, a reveal-md deck's CSS file) falls back to that default.
  const fallback = deck.dialect === 'marp' ? 'white' : 'black';
  const theme = front.theme;
  if (theme === undefined) data.theme = fallback;
  else if (typeof theme === 'string' && (THEMES as readonly string[]).includes(theme)) data.theme = theme;
  else {
    data.theme = fallback;
    warn('theme', `Theme \`${String(theme)}\` is not one of talkdeck's themes; the deck uses \`${fallback}\``, unknownThemeHint(theme), 'theme');
  }

  const firstHeading = deck.slides.map((s) => /^\s{0,3}#{1,6}\s+(.+?)\s*#*\s*$/m.exec(s.markdown)?.[1]).find(Boolean);
  if (data.title === undefined) data.title = firstHeading ?? file.replace(/^.*[\\/]/, '').replace(/\.md$/i, '');

  data.slides = deck.slides.map((s) => ({
    layout: 'markdown',
    body: deck.dialect === 'marp' ? withHeaderAndFooter(s) : s.markdown,
    ...(s.notes !== undefined && s.notes !== '' ? { notes: s.notes } : {}),
    ...(s.v > 0 ? { below: true } : {}),
    ...(deck.dialect === 'marp' && Object.keys(s.attributes).length ? { attributes: s.attributes } : {}),
  }));

  // revealOptions map onto the deck's own fields, validated as a deck.yaml's are: its `reveal`
  // block (reveal.js names), `transition`, and `size` from width × height. A deck written for
  // reveal-md may carry options talkdeck does not offer: each is a warning with its line.
  const reveal: Record<string, unknown> = {};
  const given = front.revealOptions;
  if (given !== undefined) {
    if (given === null || typeof given !== 'object' || Array.isArray(given)) {
      warn('revealOptions', '`revealOptions` must be a mapping of reveal.js options; it is ignored', 'e.g. revealOptions: { transition: slide }', 'wrong-type');
    } else {
      const options = new Map(Object.entries(given));
      const width = options.get('width');
      const height = options.get('height');
      options.delete('width');
      options.delete('height');
      if (width !== undefined || height !== undefined) {
        const size = sizeFor(width, height);
        if (size && data.size === undefined) data.size = size;
        else if (!size) warn('revealOptions', `reveal.js size ${String(width)}×${String(height)} is not one talkdeck lays out; the deck is 16:9`, `talkdeck's sizes: ${Object.keys(SLIDE_SIZES).join(', ')} (set \`size\` in the front matter)`);
      }
      for (const [key, value] of options) {
        if (key === 'transition') {
          if ((TRANSITIONS as readonly unknown[]).includes(value)) data.transition ??= value;
          else warn(['revealOptions', key], `reveal.js transition \`${String(value)}\` is not one talkdeck offers; it is ignored`, `transitions: ${TRANSITIONS.join(', ')}`, 'wrong-type');
          continue;
        }
        const field = (RevealSchema.shape as Record<string, z.ZodType>)[key];
        if (!field) {
          const guess = suggest(key, Object.keys(RevealSchema.shape));
          warn(['revealOptions', key], `reveal.js option \`${key}\` is not supported by talkdeck; it is ignored`, guess ? `did you mean \`${guess}\`?` : `supported: ${Object.keys(RevealSchema.shape).join(', ')}, transition, width, height`);
        } else if (!field.safeParse(value).success) {
          warn(['revealOptions', key], `reveal.js option \`${key}\` cannot be ${JSON.stringify(value)}; it is ignored`, 'see `reveal` in docs/deck-reference.md for the values each option takes', 'wrong-type');
        } else reveal[key] = value;
      }
    }
  }
  if (Object.keys(reveal).length) data.reveal = reveal;
  // reveal-md and Marp centre slides vertically (reveal.js's default); Marp numbers pages only
  // with `paginate`. The dialect's look, below the deck's own options: not deck data, so an
  // imported deck.yaml does not carry it onto talkdeck's layouts.
  const revealDefaults: RevealOptions = { center: true, ...(deck.paginate ? {} : { slideNumber: false }) };

  const place = (path: KeyPath): { line: number; column: number } => {
    if (path[0] === 'slides' && typeof path[1] === 'number') {
      const slide = deck.slides[path[1]];
      if (!slide) return { line: 1, column: 1 };
      if (path[2] === 'notes' && slide.notesLine) return { line: slide.notesLine, column: 1 };
      if (path[2] === 'attributes' && typeof path[3] === 'string' && slide.lines?.[path[3]]) return { line: slide.lines[path[3]]!, column: 1 };
      // The slide itself: its first line with text, not the blank line after the separator.
      if (path.length === 2) return { line: slide.line + Math.max(0, slide.markdown.split(/\r?\n/).findIndex((l) => l.trim() !== '')), column: 1 };
      return { line: slide.line, column: slide.column };
    }
    // The deck's `reveal` block is the front matter's `revealOptions`.
    const key = path[0] === 'reveal' ? 'revealOptions' : path[0];
    return { line: typeof key === 'string' ? lineOf(key) : 1, column: 1 };
  };
  // A slide's Markdown is its text as written: lines inside a value count from the slide's line
  // (a Marp page's header and footer are where their directives are).
  const lineIn = (path: KeyPath, line: number): number => {
    const slide = path[0] === 'slides' && typeof path[1] === 'number' ? deck.slides[path[1]] : undefined;
    if (slide && path[2] === 'body') return deck.dialect === 'marp' ? chromeLine(slide, line) : slide.line + line - 1;
    return place(path).line + line - 1;
  };
  const source = new SourceFile(file, text, { locate: (path) => ({ ...place(path), offset: 0 }), lineIn });
  return { deck, source, data, revealDefaults, problems };
}

/** The talkdeck size whose aspect ratio reveal-md's width × height has, if any. */
function sizeFor(width: unknown, height: unknown): SlideSize | undefined {
  const w = typeof width === 'number' ? width : 960;
  const h = typeof height === 'number' ? height : 700;
  return (Object.keys(SLIDE_SIZES) as SlideSize[]).find((size) => {
    const [a, b] = size.split(':').map(Number) as [number, number];
    return Math.abs(w / h - a / b) < 0.01;
  });
}
