/**
 * `talkdeck import`: a Markdown deck (as the reveal-md or Marp reader split it) becomes the
 * text of a `deck.yaml` with talkdeck's layouts. Pure: it returns the YAML and the deck-relative
 * files the deck uses; the shell reads, checks and writes.
 *
 * Each slide becomes the most structured layout that says *exactly* what the slide said, and
 * otherwise the free-Markdown layout with the slide's Markdown as its body, so nothing is lost:
 * - the first slide, a heading with at most a subtitle line → `layout: title`;
 * - a heading alone (with at most a subheading) → `layout: section`; so does a Marp `lead` page
 *   with a heading and one line under it;
 * - a heading and one list of plain items, bulleted or numbered (nesting kept) → a bullet slide
 *   (`points`);
 * - a heading and one local image with alt text → `layout: image`;
 * - anything else, or anything with HTML, attribute comments or slide attributes talkdeck has no
 *   field for → `layout: markdown`.
 * Marp's directives become fields (marp/to-layouts.ts): the header and footer every page shows
 * → `marking`, `![bg]` or a hex `backgroundColor` → `background`, no `paginate` → no slide
 * numbers. Notes become `notes`; slides under another in a vertical stack get `below: true`. A
 * deck that loads remote things gets `lint: { remote-resource: warning }`, as Markdown decks have it.
 */
import MarkdownIt from 'markdown-it';
import { stringify } from 'yaml';
import { cssReferences } from '../../base/css-references.js';
import { TalkdeckError } from '../../base/errors.js';
import type { MarkdownDeck } from './deck.js';
import { withHeaderAndFooter } from '../marp/marp.js';
import { deckMarking, pageLook } from '../marp/to-layouts.js';
import type { MarkdownDeckSource, MarkdownSlideSource } from './index.js';

export interface ImportPlan {
  /** The deck.yaml text, without the editor modeline (the shell knows where the schema is). */
  yaml: string;
  /** The deck as data (what `yaml` says), for callers that want to inspect it. */
  deck: Record<string, unknown>;
  /** Deck-relative paths (with `/`) of the local files the slides use: images, backgrounds. */
  files: string[];
  /** Things the user should know: references that point outside the deck are not copied. */
  warnings: TalkdeckError[];
}

type Point = string | { text: string; points: Point[] };
type SlideData = Record<string, unknown>;

const md = new MarkdownIt({ html: true });
type Token = ReturnType<typeof md.parse>[number];

export function importMarkdownDeck(markdown: MarkdownDeck): ImportPlan {
  const source = markdown.deck;
  const warnings: TalkdeckError[] = [];
  // The deck's metadata exactly as building the .md takes it (title, theme fallback, lint …),
  // so the imported deck looks as the Markdown deck did; only the slides are made anew.
  const { slides: _markdownSlides, ...meta } = markdown.data;
  const deck: Record<string, unknown> = { ...meta };
  // A Markdown deck may load remote things (a warning there); a YAML deck refuses them unless
  // it says otherwise. Say so in the imported deck, where the author sees and can change it.
  if (source.slides.some((slide) => references(slide).some(isRemote))) {
    deck.lint = { ...(deck.lint as Record<string, unknown> | undefined), 'remote-resource': 'warning' };
  }
  // Marp: a header and footer on every page are the deck's marking; pages keep them otherwise.
  const marking = source.dialect === 'marp' && deck.marking === undefined ? deckMarking(source.slides, typeof deck.title === 'string' ? deck.title : undefined) : undefined;
  if (marking) deck.marking = marking;
  if (source.dialect === 'marp' && !source.paginate) deck.reveal = { ...(deck.reveal as Record<string, unknown> | undefined), slideNumber: false };
  deck.slides = source.slides.map((slide) => importSlide(slide, source.dialect, marking !== undefined));
  const files = new Set<string>();
  for (const slide of source.slides) {
    for (const ref of localReferences(slide)) {
      const inside = insideDeck(ref);
      if (inside) files.add(inside);
      else
        warnings.push(
          new TalkdeckError({
            code: 'missing-file',
            severity: 'warning',
            file: source.file,
            line: slide.line,
            column: slide.column,
            message: `\`${ref}\` on slide ${slide.index + 1} is outside the deck folder; it is not copied`,
            hint: 'move the file into the deck folder and change the path, then import again',
          }),
        );
    }
  }
  const yaml = stringify(deck, { lineWidth: 0, blockQuote: 'literal', defaultKeyType: 'PLAIN' });
  return { yaml, deck, files: [...files].sort(), warnings };
}

/** `marked`: the deck's marking shows the Marp header and footer, so the page need not. */
function importSlide(slide: MarkdownSlideSource, dialect: MarkdownDeckSource['dialect'], marked: boolean): SlideData {
  const look = pageLook(slide.attributes);
  const chrome = !marked && (slide.header !== undefined || slide.footer !== undefined);
  const structured = Object.keys(look.rest).length === 0 && !chrome ? structuredSlide(slide, look.lead) : undefined;
  const out: SlideData = structured
    ? { ...structured, ...(look.background ? { background: look.background } : {}) }
    : {
        layout: 'markdown',
        body: bodyOf(marked ? slide.markdown : withHeaderAndFooter(slide)),
        // reveal-md keeps `<!-- .slide: … -->` in the Markdown, where the layout reads it again;
        // Marp's directives and `![bg]` images were taken out of it into attributes.
        ...(dialect === 'marp' && Object.keys(slide.attributes).length ? { attributes: { ...slide.attributes } } : {}),
      };
  if (slide.v > 0) out.below = true;
  const notes = slide.notes?.replace(/^\s*\n/, '').replace(/\s+$/, '');
  if (notes) out.notes = notes;
  return out;
}

/** The slide's Markdown without the blank lines around it; a page with nothing on it stays empty. */
function bodyOf(markdown: string): string {
  const body = markdown.replace(/^(?:[ \t]*\r?\n)+/, '').replace(/\s+$/, '');
  return body ? body + '\n' : '';
}

/**
 * The slide as title, section, bullet or image slide, when one of them says all it says. `lead`:
 * a Marp `lead` page, a title or section page whose one line under the heading is its subtitle.
 */
function structuredSlide(slide: MarkdownSlideSource, lead: boolean): SlideData | undefined {
  const parts = blocks(slide.markdown);
  if (parts.some((b) => b.some(hasHtml))) return undefined;
  const title = headingOf(parts[0]);
  if (title === undefined) return undefined;
  const rest = parts.slice(1);
  const subtitle = rest.length === 1 ? (headingOf(rest[0]) ?? plainParagraph(rest[0]!)) : undefined;
  if (slide.index === 0 && slide.v === 0 && (rest.length === 0 || subtitle !== undefined)) {
    return { layout: 'title', title, ...(subtitle ? { subtitle } : {}) };
  }
  if (rest.length === 0) return { layout: 'section', title };
  if (rest.length !== 1) return undefined;
  const only = rest[0]!;
  const subheading = lead ? subtitle : headingOf(only);
  if (subheading !== undefined) return { layout: 'section', title, subtitle: subheading };
  const points = bulletList(only);
  if (points) return { title, points };
  const image = loneImage(only);
  if (image) return { layout: 'image', title, src: image.src, alt: image.alt };
  return undefined;
}

/** The slide's top-level blocks, each as its run of tokens. */
function blocks(markdown: string): Token[][] {
  const out: Token[][] = [];
  let depth = 0;
  let current: Token[] = [];
  for (const t of md.parse(markdown, {})) {
    current.push(t);
    depth += t.nesting;
    if (depth === 0) {
      out.push(current);
      current = [];
    }
  }
  return out;
}

const hasHtml = (t: Token): boolean => t.type === 'html_block' || t.type === 'html_inline' || (t.children ?? []).some(hasHtml);

function headingOf(block: Token[] | undefined): string | undefined {
  if (!block || block[0]?.type !== 'heading_open') return undefined;
  return nonEmpty(block[1]?.content);
}

/** A paragraph of one line of text (a title page's subtitle). */
function plainParagraph(block: Token[]): string | undefined {
  if (block[0]?.type !== 'paragraph_open') return undefined;
  const inline = block[1]!;
  if (inline.children?.some((c) => c.type === 'image' || c.type === 'softbreak' || c.type === 'hardbreak')) return undefined;
  return nonEmpty(inline.content);
}

/** A list (bulleted or numbered) whose items are each one line of text, maybe with a nested list. */
function bulletList(block: Token[]): Point[] | undefined {
  const isOpen = (t: Token | undefined): boolean => t?.type === 'bullet_list_open' || t?.type === 'ordered_list_open';
  const isClose = (t: Token | undefined): boolean => t?.type === 'bullet_list_close' || t?.type === 'ordered_list_close';
  if (!isOpen(block[0])) return undefined;
  let i = 1;
  const list = (): Point[] | undefined => {
    const items: Point[] = [];
    while (block[i]?.type === 'list_item_open') {
      i++;
      if (block[i]?.type !== 'paragraph_open' || !block[i]!.hidden) return undefined;
      const text = nonEmpty(block[i + 1]?.content);
      if (text === undefined || block[i + 1]!.children?.some((c) => c.type === 'softbreak' || c.type === 'hardbreak' || c.type === 'image')) return undefined;
      i += 3;
      let sub: Point[] | undefined;
      if (isOpen(block[i])) {
        i++;
        sub = list();
        if (!sub || !isClose(block[i])) return undefined;
        i++;
      }
      if (block[i]?.type !== 'list_item_close') return undefined;
      i++;
      items.push(sub ? { text, points: sub } : text);
    }
    return items.length ? items : undefined;
  };
  const points = list();
  return points && i === block.length - 1 ? points : undefined;
}

/** A paragraph that is one local image with alt text (and no title). */
function loneImage(block: Token[]): { src: string; alt: string } | undefined {
  if (block[0]?.type !== 'paragraph_open') return undefined;
  const children = (block[1]!.children ?? []).filter((c) => !(c.type === 'text' && c.content.trim() === ''));
  const img = children[0];
  if (children.length !== 1 || img?.type !== 'image' || img.attrGet('title')) return undefined;
  const src = String(img.attrGet('src') ?? '');
  const alt = img.content.trim();
  if (!alt || isRemote(src) || !insideDeck(src)) return undefined;
  return { src, alt };
}

/** Every reference to a local file in a slide: Markdown and HTML images, backgrounds. */
function localReferences(slide: MarkdownSlideSource): string[] {
  return references(slide).filter((r) => !isRemote(r) && !r.startsWith('#') && looksLikeFile(r));
}

/**
 * What a slide loads: Markdown and HTML images, frames, media, backgrounds, srcset candidates,
 * inline SVG pictures and CSS (url(), @import, image-set() in <style> and style=""). The build
 * judges them all (free-markdown/loads.ts); here they decide what is copied and what is reported.
 */
function references(slide: MarkdownSlideSource): string[] {
  const refs: string[] = [];
  const text = [slide.markdown, slide.header ?? '', slide.footer ?? ''].join('\n');
  const value = (m: RegExpMatchArray): string => m[1] ?? m[2]!;
  for (const m of text.matchAll(/!\[[^\]]*\]\(\s*<?([^)\s>]+)>?(?:\s+["'][^"']*["'])?\s*\)/g)) refs.push(m[1]!);
  for (const m of text.matchAll(/\s(?:src|data-src|poster|data-background(?:-image|-video|-iframe)?)\s*=\s*(?:"([^"]*)"|'([^']*)')/g)) refs.push(value(m));
  for (const m of text.matchAll(/\s(?:data-)?srcset\s*=\s*(?:"([^"]*)"|'([^']*)')/g)) {
    for (const candidate of value(m).split(',')) refs.push(candidate.trim().split(/\s+/)[0] ?? '');
  }
  for (const m of text.matchAll(/<(?:image|feImage|use)\b[^>]*?\s(?:xlink:)?href\s*=\s*(?:"([^"]*)"|'([^']*)')/gi)) refs.push(value(m));
  const sheets = [...text.matchAll(/<style\b[^>]*>([\s\S]*?)<\/style>/gi)].map((m) => m[1]!);
  for (const m of text.matchAll(/\sstyle\s*=\s*(?:"([^"]*)"|'([^']*)')/g)) sheets.push(`x{${value(m)}}`);
  if (slide.attributes.style) sheets.push(`x{${slide.attributes.style}}`);
  for (const css of sheets) {
    try {
      for (const r of cssReferences(css).references) refs.push(r.url);
    } catch {
      // CSS that does not parse: the build reports it at its place.
    }
  }
  for (const [key, value] of Object.entries(slide.attributes)) {
    if (/^data-background(?:-image|-video|-iframe)?$/.test(key)) refs.push(value);
  }
  return refs.filter((r) => r !== '' && !r.startsWith('data:'));
}

/** Loaded from elsewhere: a URL with a scheme or `//` — a `file:` URL is a file of this computer, outside the deck. */
const isRemote = (ref: string): boolean => /^(?:[a-z][a-z0-9+.-]*:|\/\/)/i.test(ref) && !/^file:/i.test(ref);
/** `data-background` also takes colours: only values with a file extension are files. */
const looksLikeFile = (ref: string): boolean => /\.[A-Za-z0-9]{2,5}(?:[?#].*)?$/.test(ref);

/** The deck-relative path of a reference, or undefined when it leaves the deck folder. */
export function insideDeck(ref: string): string | undefined {
  if (/^file:/i.test(ref)) return undefined;
  let path = ref.replace(/[?#].*$/, '').replace(/\\/g, '/');
  try {
    path = decodeURI(path);
  } catch {
    // a literal % in a file name
  }
  if (path.startsWith('/')) return undefined;
  const parts: string[] = [];
  for (const part of path.split('/')) {
    if (part === '' || part === '.') continue;
    if (part === '..') {
      if (!parts.length) return undefined;
      parts.pop();
    } else parts.push(part);
  }
  return parts.length ? parts.join('/') : undefined;
}

function nonEmpty(value: unknown): string | undefined {
  return typeof value === 'string' && value.trim() !== '' ? value.trim() : undefined;
}
