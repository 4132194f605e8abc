/**
 * A Markdown deck as the data a `deck.yaml` would hold, with a locator that points every key
 * path back into the `.md` file: from here on, a Markdown deck goes through the same validation,
 * model, lint and outputs as a YAML deck.
 */
import { TalkdeckError } from '../../errors.js';
import { THEMES } from '../../render/assets.js';
import { SourceFile, type KeyPath } from '../../source.js';
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

/** reveal.js options a deck's `revealOptions` may set, with the type each must have. */
const REVEAL_OPTIONS: Record<string, 'boolean' | 'string' | 'number' | 'string|boolean'> = {
  transition: 'string',
  transitionSpeed: 'string',
  backgroundTransition: 'string',
  controls: 'boolean',
  progress: 'boolean',
  slideNumber: 'string|boolean',
  center: 'boolean',
  loop: 'boolean',
  rtl: 'boolean',
  navigationMode: 'string',
  width: 'number',
  height: 'number',
  margin: 'number',
  autoSlide: 'number',
};

export interface MarkdownDeck {
  deck: MarkdownDeckSource;
  source: SourceFile;
  /** The deck as `deck.yaml` data: metadata and `layout: markdown` slides. */
  data: Record<string, unknown>;
  /** reveal.js options from `revealOptions`, checked against the supported subset. */
  revealOptions: Record<string, unknown>;
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

  const revealOptions: Record<string, unknown> = {};
  const given = front.revealOptions;
  if (given !== undefined) {
    if (given === null || typeof given !== 'object' || Array.isArray(given)) {
      warn('revealOptions', '`revealOptions` must be a mapping of reveal.js options; it is ignored', 'e.g. revealOptions: { transition: slide }', 'wrong-type');
    } else {
      for (const [key, value] of Object.entries(given)) {
        const type = REVEAL_OPTIONS[key];
        if (!type) {
          warn('revealOptions', `reveal.js option \`${key}\` is not supported by talkdeck; it is ignored`, `supported: ${Object.keys(REVEAL_OPTIONS).join(', ')}`);
        } else if (!type.split('|').includes(typeof value)) {
          warn('revealOptions', `reveal.js option \`${key}\` must be a ${type.replace('|', ' or ')}; it is ignored`, `e.g. ${key}: ${type === 'number' ? 1 : type === 'boolean' ? 'true' : 'fade'}`, 'wrong-type');
        } else revealOptions[key] = value;
      }
    }
  }
  if (!deck.paginate && revealOptions.slideNumber === undefined) revealOptions.slideNumber = false;

  const source = new SourceFile(file, text, (path: KeyPath) => {
    if (path[0] === 'slides' && typeof path[1] === 'number') {
      const slide = deck.slides[path[1]];
      if (!slide) return { line: 1, column: 1 };
      if (path[2] === 'notes' && slide.notesLine) return { line: slide.notesLine, column: 1 };
      return { line: slide.line, column: slide.column };
    }
    return { line: typeof path[0] === 'string' ? lineOf(path[0]) : 1, column: 1 };
  });
  return { deck, source, data, revealOptions, problems };
}
