/**
 * A Markdown deck as the data a `deck.yaml` would hold, with a locator that points every key
 * path back into the `.md` file: from here on, a Markdown deck goes through the same validation,
 * model, lint and outputs as a YAML deck.
 */
import type * as z from 'zod';
import { TalkdeckError } from '../../base/errors.js';
import { THEMES } from '../../deck/themes.js';
import { RevealSchema, type RevealOptions } from '../../deck/options.js';
import { SLIDE_SIZES, TRANSITIONS, type SlideSize } from '../../deck/fields.js';
import { SourceFile, type KeyPath } from '../../base/source.js';
import { suggest } from '../../base/suggest.js';
import { readMarkdownDeck, type ReadOptions } from './index.js';
import type { MarkdownDeckSource } from './types.js';

/** Front-matter keys that are talkdeck deck fields, taken over as they are. */
const DECK_FIELDS = ['title', 'subtitle', 'author', 'institution', 'date', 'lang', 'duration', 'marking', 'lint', 'timing'] as const;
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
  const warn = (key: string, message: string, hint: string, code: TalkdeckError['code'] = 'unknown-key') =>
    problems.push(new TalkdeckError({ code, severity: 'warning', file, line: lineOf(key), column: 1, message, hint }));

  const data: Record<string, unknown> = {};
  for (const key of DECK_FIELDS) if (front[key] !== undefined) data[key] = front[key];
  for (const key of Object.keys(front)) {
    if (!(DECK_FIELDS as readonly string[]).includes(key) && !DIALECT_KEYS.has(key)) {
      warn(key, `Front-matter key \`${key}\` is not read by talkdeck; it is ignored`, `deck fields: ${DECK_FIELDS.join(', ')}`);
    }
  }
  if (typeof front.description === 'string' && data.subtitle === undefined) data.subtitle = front.description;

  // reveal-md's default theme is black, Marp's is a light one; themes that load fonts from the
  // internet (or Marp's own) are not available offline and fall back to that default.
  const fallback = deck.dialect === 'marp' ? 'white' : 'black';
  const theme = front.theme;
  if (theme === undefined) data.theme = fallback;
  else if (typeof theme === 'string' && (THEMES as readonly string[]).includes(theme)) data.theme = theme;
  else {
    data.theme = fallback;
    warn('theme', `Theme \`${String(theme)}\` is not available offline; the deck uses \`${fallback}\``, `themes: ${THEMES.join(', ')}; put your own CSS in style.css next to the deck`, 'theme');
  }

  const firstHeading = deck.slides.map((s) => /^\s{0,3}#{1,6}\s+(.+?)\s*#*\s*$/m.exec(s.markdown)?.[1]).find(Boolean);
  if (data.title === undefined) data.title = firstHeading ?? file.replace(/^.*[\\/]/, '').replace(/\.md$/i, '');

  data.slides = deck.slides.map((s) => ({
    layout: 'markdown',
    body: s.markdown,
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
          else warn('revealOptions', `reveal.js transition \`${String(value)}\` is not one talkdeck offers; it is ignored`, `transitions: ${TRANSITIONS.join(', ')}`, 'wrong-type');
          continue;
        }
        const field = (RevealSchema.shape as Record<string, z.ZodType>)[key];
        if (!field) {
          const guess = suggest(key, Object.keys(RevealSchema.shape));
          warn('revealOptions', `reveal.js option \`${key}\` is not supported by talkdeck; it is ignored`, guess ? `did you mean \`${guess}\`?` : `supported: ${Object.keys(RevealSchema.shape).join(', ')}, transition, width, height`);
        } else if (!field.safeParse(value).success) {
          warn('revealOptions', `reveal.js option \`${key}\` cannot be ${JSON.stringify(value)}; it is ignored`, 'see `reveal` in docs/deck-reference.md for the values each option takes', 'wrong-type');
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
      return { line: slide.line, column: slide.column };
    }
    // The deck's `reveal` block is the front matter's `revealOptions`.
    const key = path[0] === 'reveal' ? 'revealOptions' : path[0];
    return { line: typeof key === 'string' ? lineOf(key) : 1, column: 1 };
  };
  // A slide's Markdown is its text as written: lines inside a value count from the slide's line.
  const source = new SourceFile(file, text, {
    locate: (path) => ({ ...place(path), offset: 0 }),
    contentLine: (path) => place(path).line,
    lineIn: (path, line) => {
      const slide = path[0] === 'slides' && typeof path[1] === 'number' && path[2] === 'body' ? deck.slides[path[1]] : undefined;
      const appended = slide?.appended?.findLast((a) => line >= a.from);
      return appended ? appended.line : place(path).line + line - 1;
    },
  });
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
