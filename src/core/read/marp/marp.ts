/**
 * The Marp dialect (front matter `marp: true`), split as Marpit splits it: pages end at
 * CommonMark thematic breaks (`---`, `***`, `___`) at the top level, outside code; a `---` right
 * under a line of text is that line's heading underline, not a break (the CommonMark parser
 * decides both). HTML comments that are not directives are presenter notes. Directives:
 * local ones (`<!-- class: lead -->`) apply to their page and the pages after it, scoped ones
 * (`<!-- _class: lead -->`) to their page only; global ones come from the front matter.
 */
import jsYaml from 'js-yaml';
import MarkdownIt from 'markdown-it';
import { TalkdeckError } from '../../base/errors.js';
import { suggest } from '../../base/suggest.js';
import { lineCount } from '../markdown/front-matter.js';
import type { MarkdownSlideSource } from '../markdown/types.js';
import { maxOf } from '../../base/extent.js';

const LOCAL = [
  'paginate', 'header', 'footer', 'class', 'backgroundColor', 'backgroundImage', 'backgroundPosition',
  'backgroundRepeat', 'backgroundSize', 'color', 'transition',
] as const;
const GLOBAL = [
  'marp', 'theme', 'style', 'headingDivider', 'lang', 'size', 'math', 'title', 'author', 'description', 'image', 'keywords', 'url',
];
/** Directives talkdeck shows; others are reported once per place they are set. */
const SUPPORTED = new Set<string>([...LOCAL.filter((d) => d !== 'transition'), 'marp', 'theme', 'lang', 'title', 'author', 'description', 'math', 'headingDivider', 'size']);

type Local = Partial<Record<(typeof LOCAL)[number], unknown>>;

const parser = new MarkdownIt({ html: true });

export interface MarpPages {
  slides: MarkdownSlideSource[];
  /** Global directives found in comments (they apply to the whole deck, like front matter). */
  globals: Record<string, unknown>;
  /** Whether any page shows its page number (`paginate: true`). */
  paginate: boolean;
  problems: TalkdeckError[];
}

/**
 * `frontLines` holds the 1-based line of each front-matter key: a directive set there is
 * reported at its line.
 */
export function splitMarp(file: string, body: string, bodyLine: number, front: Record<string, unknown>, frontLines: ReadonlyMap<string, number> = new Map()): MarpPages {
  const problems: TalkdeckError[] = [];
  const warn = (line: number, message: string, hint: string) =>
    problems.push(new TalkdeckError({ code: 'marp-unsupported', severity: 'warning', file, line, column: 1, message, hint }));
  const lines = body.split(/\r\n|\n|\r/);
  const divider = headingDivider(front.headingDivider);
  const tokens = parser.parse(body, {});

  // Page boundaries as [first line, end line) in 0-based body lines.
  const breaks: { start: number; end: number }[] = [];
  let pageStart = 0;
  for (const t of tokens) {
    if (t.level !== 0 || !t.map) continue;
    if (t.type === 'hr') {
      breaks.push({ start: pageStart, end: t.map[0] });
      pageStart = t.map[1];
    } else if (divider && t.type === 'heading_open' && Number(t.tag.slice(1)) <= divider && hasContent(lines, pageStart, t.map[0])) {
      breaks.push({ start: pageStart, end: t.map[0] });
      pageStart = t.map[0];
    }
  }
  breaks.push({ start: pageStart, end: lines.length });

  const globals: Record<string, unknown> = {};
  const inherited: Local = {};
  // Where each directive in force was set, for messages about what it does.
  const inheritedLines: Partial<Record<keyof Local, number>> = {};
  for (const key of LOCAL) {
    if (front[key] === undefined) continue;
    inherited[key] = front[key];
    inheritedLines[key] = frontLines.get(key) ?? 1;
  }
  let paginate = false;
  const slides: MarkdownSlideSource[] = breaks.map(({ start, end }, index) => {
    let text = lines.slice(start, end).join('\n');
    const notes: { text: string; line: number }[] = [];
    const scoped: Local = {};
    const scopedLines: Partial<Record<keyof Local, number>> = {};
    // Comments: directives or notes. Replaced by blank lines' worth of text so positions hold.
    // A comment written inside code (a fence or `inline code`) is code, as in marp-core.
    const code = codeRanges(text);
    text = text.replace(/<!--([\s\S]*?)-->/g, (whole, inner: string, offset: number) => {
      if (code.some(([from, to]) => offset >= from && offset < to)) return whole;
      const line = bodyLine + start + lineCount(text.slice(0, offset)) - 1;
      // marp-core's fitting header: `# Title <!--fit-->` is a keyword of the heading, not a note.
      if (inner.trim() === 'fit' && /^ {0,3}#{1,6}\s/.test(text.slice(text.lastIndexOf('\n', offset) + 1, offset))) return '';
      const directives = parseDirectives(inner);
      if (!directives) {
        const misspelt = misspeltDirective(inner);
        if (misspelt) warn(line, `\`${misspelt.key}\` is not a Marp directive, so this comment is a speaker note`, `did you mean \`${misspelt.guess}\`?`);
        const note = inner.trim();
        if (note) notes.push({ text: note, line });
        return keepLines(whole);
      }
      for (const [key, value] of Object.entries(directives)) {
        const name = key.replace(/^_/, '');
        if (!SUPPORTED.has(name)) warn(line, `Marp directive \`${key}\` is not supported by talkdeck; it is ignored`, 'remove it, or style the slide with a `class` and style.css');
        if ((LOCAL as readonly string[]).includes(name)) {
          const local = name as keyof Local;
          if (key.startsWith('_')) [scoped[local], scopedLines[local]] = [value, line];
          else [inherited[local], inheritedLines[local]] = [value, line];
        } else globals[name] = value;
      }
      return keepLines(whole);
    });
    const d: Local = { ...inherited, ...scoped };
    const setAt = { ...inheritedLines, ...scopedLines };
    const attributes: Record<string, string> = {};
    const where: Record<string, number> = {};
    const set = (attribute: string, value: string, directive: keyof Local): void => {
      attributes[attribute] = value;
      where[attribute] = setAt[directive] ?? bodyLine + start;
    };
    if (typeof d.class === 'string') set('class', d.class, 'class');
    if (d.backgroundColor !== undefined) set('data-background-color', String(d.backgroundColor), 'backgroundColor');
    if (typeof d.backgroundImage === 'string') {
      const url = /^url\(\s*['"]?([^'")]+)['"]?\s*\)$/.exec(d.backgroundImage.trim())?.[1];
      if (url) set('data-background-image', url, 'backgroundImage');
      else set('data-background-gradient', d.backgroundImage, 'backgroundImage');
    }
    if (d.backgroundSize !== undefined) set('data-background-size', String(d.backgroundSize), 'backgroundSize');
    if (d.backgroundPosition !== undefined) set('data-background-position', String(d.backgroundPosition), 'backgroundPosition');
    if (d.backgroundRepeat !== undefined) set('data-background-repeat', String(d.backgroundRepeat), 'backgroundRepeat');
    if (d.color !== undefined) set('style', `color: ${String(d.color)}`, 'color');
    for (const part of ['header', 'footer'] as const) if (typeof d[part] === 'string') where[part] = setAt[part] ?? bodyLine + start;
    if (d.paginate === true) paginate = true;

    // ![bg …](url): the page's background, with Marp's keywords as far as reveal.js can show them.
    let backgrounds = 0;
    const codeNow = codeRanges(text);
    text = text.replace(/!\[([^\]]*)\]\(\s*(\S+?)(?:\s+"[^"]*")?\s*\)/g, (whole, alt: string, url: string, offset: number) => {
      if (codeNow.some(([from, to]) => offset >= from && offset < to)) return whole; // an example in code
      const words = alt.trim().split(/\s+/);
      if (!words.includes('bg')) return sizedImage(whole, words, alt, url);
      const line = bodyLine + start + lineCount(text.slice(0, offset)) - 1;
      backgrounds++;
      if (backgrounds === 2) warn(line, 'Several `![bg]` images on one page: reveal.js shows one background, the first', 'keep one background image per page');
      if (backgrounds > 1) return '';
      attributes['data-background-image'] = url;
      where['data-background-image'] = line;
      for (const word of words) {
        if (word === 'bg') continue;
        if (word === 'contain' || word === 'fit') attributes['data-background-size'] = 'contain';
        else if (word === 'cover' || word === 'auto') attributes['data-background-size'] = word;
        else if (/^\d+(\.\d+)?%$/.test(word)) attributes['data-background-size'] = word;
        else if (/^(left|right)(:\d+(\.\d+)?%)?$/.test(word)) {
          const [side, share = '50%'] = word.split(':');
          attributes['data-background-position'] = side!;
          attributes['data-background-size'] = `${share} auto`;
          attributes.class = [attributes.class, `td-split-${side}`].filter(Boolean).join(' ');
          attributes.style = [attributes.style, `--td-split: ${share}`].filter(Boolean).join('; ');
        } else warn(line, `Marp background keyword \`${word}\` is not supported; the image is shown without it`, 'supported: contain, cover, fit, auto, a percentage, left, right, left:40%');
      }
      return '';
    });
    return {
      index,
      markdown: text,
      notes: notes.length ? notes.map((n) => n.text).join('\n\n') : undefined,
      header: typeof d.header === 'string' ? d.header : undefined,
      footer: typeof d.footer === 'string' ? d.footer : undefined,
      lines: where,
      attributes,
      line: bodyLine + start,
      column: 1,
      notesLine: notes[0]?.line,
      h: index,
      v: 0,
      stacked: false,
    };
  });
  return { slides, globals, paginate, problems };
}

/**
 * A page's Markdown as the build shows it: its own text, then its header and footer (CSS places
 * them), so the page's lines keep their numbers. Lines past the page's own are the header's,
 * then the footer's (see `chromeLine`).
 */
export function withHeaderAndFooter(slide: Pick<MarkdownSlideSource, 'markdown' | 'header' | 'footer'>): string {
  let text = slide.markdown;
  if (slide.header !== undefined) text += chromeBlock('header', slide.header);
  if (slide.footer !== undefined) text += chromeBlock('footer', slide.footer);
  return text;
}

/** The header or footer as `withHeaderAndFooter` appends it. */
const chromeBlock = (part: 'header' | 'footer', markdown: string): string => `\n\n<${part} class="td-marp-${part}">\n\n${markdown}\n\n</${part}>\n`;

/**
 * The file line of a line (1-based) of `withHeaderAndFooter`'s text: the page's own lines count
 * from where the page starts; a line of the header or footer is where that directive was set.
 */
export function chromeLine(slide: MarkdownSlideSource, line: number): number {
  const own = lineCount(slide.markdown);
  if (line <= own) return slide.line + line - 1;
  const headerLines = slide.header === undefined ? 0 : lineCount(chromeBlock('header', slide.header)) - 1;
  const part = slide.header !== undefined && line <= own + headerLines ? 'header' : 'footer';
  return slide.lines?.[part] ?? slide.line;
}

/** A comment that looks like a directive with a misspelt name (`paginte: true`): the name and the guess. */
function misspeltDirective(inner: string): { key: string; guess: string } | undefined {
  const key = /^\s*(_?[A-Za-z]+)\s*:/.exec(inner)?.[1];
  if (!key || inner.trim().split('\n').length > 3) return undefined;
  const scoped = key.startsWith('_') ? '_' : '';
  const guess = suggest(key.slice(scoped.length), [...LOCAL, ...GLOBAL]);
  return guess ? { key, guess: scoped + guess } : undefined;
}

/** Where code is in a page's text: fenced blocks and inline code spans, as [start, end) offsets. */
function codeRanges(text: string): [number, number][] {
  const ranges: [number, number][] = [];
  for (const m of text.matchAll(/^ {0,3}(`{3,}|~{3,})[^\n]*\n[\s\S]*?(?:^ {0,3}\1[`~]*[ \t]*$|(?![\s\S]))/gm)) ranges.push([m.index, m.index + m[0].length]);
  for (const m of text.matchAll(/(`+)(?!`)[\s\S]*?(?<!`)\1(?!`)/g)) {
    if (!ranges.some(([from, to]) => m.index >= from && m.index < to)) ranges.push([m.index, m.index + m[0].length]);
  }
  return ranges;
}

/** Blank lines for removed text, so the lines after it keep their numbers. */
function keepLines(removed: string): string {
  return '\n'.repeat(lineCount(removed) - 1);
}

function hasContent(lines: string[], from: number, to: number): boolean {
  for (let i = from; i < to; i++) if (lines[i]!.trim() && !/^\s*<!--.*-->\s*$/.test(lines[i]!)) return true;
  return false;
}

function headingDivider(value: unknown): number | undefined {
  if (typeof value === 'number' && value >= 1 && value <= 6) return Math.floor(value);
  if (Array.isArray(value) && value.length) return maxOf(value.filter((v): v is number => typeof v === 'number'));
  return undefined;
}

/** A comment's directives, or undefined when it is not a directive comment (then it is a note). */
function parseDirectives(inner: string): Record<string, unknown> | undefined {
  let data: unknown;
  try {
    data = jsYaml.load(inner, { schema: jsYaml.CORE_SCHEMA });
  } catch {
    return undefined;
  }
  if (!data || typeof data !== 'object' || Array.isArray(data)) return undefined;
  const keys = Object.keys(data);
  const known = (k: string) => (LOCAL as readonly string[]).includes(k.replace(/^_/, '')) || GLOBAL.includes(k);
  if (!keys.length || !keys.every(known)) return undefined;
  // Marp reads directive values loosely: `_backgroundColor: #123` is the colour, where YAML
  // would see a comment and no value.
  const directives = data as Record<string, unknown>;
  for (const key of keys) {
    if (directives[key] !== null) continue;
    const raw = new RegExp(`^\\s*${key.replace(/[$]/g, '\\$&')}\\s*:[ \\t]*(\\S.*?)\\s*$`, 'm').exec(inner)?.[1];
    if (raw !== undefined) directives[key] = raw;
  }
  return directives;
}

/** `![w:700 alt](x)`: Marp's size keywords become width/height attributes on the image. */
function sizedImage(whole: string, words: string[], alt: string, url: string): string {
  const size: string[] = [];
  const rest = words.filter((w) => {
    const m = /^(w|h|width|height):(\d+(?:px)?)$/.exec(w);
    if (!m) return true;
    size.push(`${m[1]!.startsWith('w') ? 'width' : 'height'}="${m[2]!.replace(/px$/, '')}"`);
    return false;
  });
  if (!size.length) return whole;
  void alt;
  return `![${rest.join(' ')}](${url})<!-- .element: ${size.join(' ')} -->`;
}
