/**
 * A free-Markdown slide (reveal-md / Marp decks, `layout: markdown`): its sanitised HTML as native
 * paragraphs in the body placeholder — headings bold, lists with their levels, code line by line in
 * the monospace font, table rows as tab-separated lines, quotes in italics — sized to fit like
 * every other body; its pictures (files of the deck) in a row below the text, with their alt text.
 * A picture PowerPoint cannot show (a remote or inline one, a format it lacks) leaves its alt text.
 */
import { parseFragment, serialize, serializeOuter, type DefaultTreeAdapterMap } from 'parse5';
import { escapeHtml } from '../../../base/markdown.js';
import type { SlideModel } from '../../../model/types.js';
import { TalkdeckError } from '../../../base/errors.js';
import type { Box, Image, Shape } from '../presentation.js';
import { PH } from './layouts.js';
import { runs, type DecideContext } from './context.js';
import { fitScale, linesOf } from './fit.js';
import { BASE_PX } from './geometry.js';
import { plainOf } from './runs.js';
import { placeholder } from './shapes.js';

/** Text as HTML for runsOf, without the control characters XML 1.0 refuses (they would be dropped when printed). */
const textAsHtml = (text: string): string => escapeHtml(text).replace(/[\u0000-\u0008\u000b\u000c\u000e-\u001f\ufffe\uffff]/g, '');

export function markdownBody(slide: SlideModel, body: Box, ctx: DecideContext): Shape[] {
  const pictures: { image: Image; alt: string }[] = [];
  // Files of the deck become pictures; any other stands as its alt text.
  const picture = (src: string, alt: string): boolean => {
    if (!src.startsWith('assets/') || !ctx.deck.assets.includes(src.slice('assets/'.length))) return false;
    try {
      pictures.push({ image: ctx.image(src, `Slide ${slide.number}`), alt });
      return true;
    } catch (error) {
      if (!(error instanceof TalkdeckError)) throw error;
      ctx.warn(['slides', slide.number - 1, 'body'], { message: `${error.message}; the .pptx shows its alt text instead`, hint: error.hint ?? '' });
      return false;
    }
  };
  const blocks = markdownBlocks(slide.bodyHtml ?? '', slide.titleHtml === undefined ? undefined : plainOf(slide.titleHtml), picture);
  const height = (px: number): number =>
    blocks.reduce((h, b) => h + linesOf(b.html, px * b.scale, body.w - b.level * 1.1 * px) * px * b.scale * 1.2 + 0.35 * px, 0);
  // Pictures take what the text leaves, at least two fifths of the body; the text fits the rest.
  const gap = 16;
  const textRoom = pictures.length ? (blocks.length ? Math.min(body.h - gap - 0.4 * body.h, height(BASE_PX)) : 0) : body.h;
  const scale = fitScale((s) => height(BASE_PX * s), textRoom);
  const px = BASE_PX * scale;
  const shapes: Shape[] = [];
  if (pictures.length) {
    const top = body.y + (blocks.length ? Math.min(textRoom, height(px)) + gap : 0);
    shapes.push(...pictureRow(pictures, { x: body.x, y: top, w: body.w, h: body.y + body.h - top }));
  }
  if (!blocks.length) return shapes;
  return [
    ...shapes,
    placeholder(
      PH.body,
      'Content',
      blocks.map((b) => ({
        runs: b.code ? [{ text: plainOf(b.html), code: true }] : runs(b.html, ctx),
        // Only list items carry a bullet; the body style bullets every paragraph otherwise.
        ...(b.bullet ? (b.level ? { level: b.level } : {}) : { level: b.level, marginPx: 0, hangPx: 0, bullet: { kind: 'none' as const } }),
        style: { sizePx: px * b.scale, ...(b.bold ? { bold: true } : {}), ...(b.italic ? { italic: true } : {}) },
      })),
      { box: pictures.length ? { ...body, h: textRoom } : body },
    ),
  ];
}

/** Pictures side by side in a box, each as large as its share allows, the row centred. */
function pictureRow(pictures: { image: Image; alt: string }[], box: Box): Shape[] {
  const gap = 16;
  const cellW = (box.w - gap * (pictures.length - 1)) / pictures.length;
  const sizes = pictures.map(({ image }) => {
    const scale = Math.min(cellW / image.width, box.h / image.height);
    return { w: image.width * scale, h: image.height * scale };
  });
  let x = box.x + (box.w - sizes.reduce((w, s) => w + s.w, 0) - gap * (pictures.length - 1)) / 2;
  return pictures.map(({ image, alt }, i) => {
    const { w, h } = sizes[i]!;
    const shape: Shape = { kind: 'picture', name: { numbered: 'Picture' }, descr: alt, box: { x, y: box.y + (box.h - h) / 2, w, h }, image };
    x += w + gap;
    return shape;
  });
}

interface MarkdownBlock {
  html: string;
  level: number;
  bullet?: boolean;
  bold?: boolean;
  italic?: boolean;
  code?: boolean;
  scale: number;
}

/** The body's blocks of text; `picture(src, alt)` takes a picture in (true) or leaves its alt text to stand in. */
function markdownBlocks(html: string, title: string | undefined, picture: (src: string, alt: string) => boolean): MarkdownBlock[] {
  const out: MarkdownBlock[] = [];
  let titleSkipped = false;
  const inner = (el: Element): string => serializeChildren(el);
  const walk = (nodes: ChildNode[], level: number): void => {
    for (const node of nodes) {
      if (!('tagName' in node)) {
        const text = node.nodeName === '#text' ? (node as TextNode).value.trim() : '';
        if (text) out.push({ html: textAsHtml(text), level, scale: 1 });
        continue;
      }
      const el = node as Element;
      const tag = el.tagName;
      if (/^h[1-6]$/.test(tag)) {
        // The first heading is the slide's title, already in the title placeholder.
        if (!titleSkipped && title !== undefined && plainOf(inner(el)).trim() === title.trim()) {
          titleSkipped = true;
          continue;
        }
        out.push({ html: inner(el), level, bold: true, scale: tag <= 'h2' ? 1.1 : 1 });
      } else if (tag === 'ul' || tag === 'ol') {
        for (const li of el.childNodes.filter((c): c is Element => 'tagName' in c && (c as Element).tagName === 'li')) {
          const own = li.childNodes.filter((c) => !('tagName' in c) || !/^(ul|ol)$/.test((c as Element).tagName));
          out.push({ html: own.map(serializeNode).join('').trim(), level, bullet: true, scale: level ? 0.85 : 1 });
          walk(li.childNodes.filter((c) => 'tagName' in c && /^(ul|ol)$/.test((c as Element).tagName)), level + 1);
        }
      } else if (tag === 'pre') {
        for (const line of plainOf(inner(el)).replace(/\n$/, '').split('\n')) out.push({ html: textAsHtml(line || ' '), level, code: true, scale: 0.7 });
      } else if (tag === 'table') {
        for (const tr of descendants(el, 'tr')) {
          const cells = tr.childNodes.filter((c): c is Element => 'tagName' in c && /^t[hd]$/.test((c as Element).tagName));
          out.push({ html: cells.map((c) => inner(c)).join('\t'), level, bold: cells.every((c) => c.tagName === 'th'), scale: 0.85 });
        }
      } else if (tag === 'blockquote') {
        const before = out.length;
        walk(el.childNodes, level);
        for (const b of out.slice(before)) b.italic = true;
      } else if (tag === 'p' || tag === 'figcaption' || tag === 'dt' || tag === 'dd') {
        const alt = descendants(el, 'img').filter((img) => !placed(img)).map((img) => attr(img, 'alt') ?? '').filter(Boolean);
        const text = inner(el).replace(/<img\b[^>]*>/g, '').trim();
        if (text) out.push({ html: text, level, scale: 1 });
        else if (alt.length) out.push({ html: textAsHtml(alt.join(' · ')), level, italic: true, scale: 0.85 });
      } else if (tag === 'img') {
        const alt = attr(el, 'alt');
        if (!placed(el) && alt) out.push({ html: textAsHtml(alt), level, italic: true, scale: 0.85 });
      } else if (tag === 'aside' || tag === 'style' || tag === 'script' || tag === 'svg') {
        continue;
      } else {
        walk(el.childNodes, level);
      }
    }
  };
  const attr = (el: Element, name: string): string | undefined => el.attrs.find((a) => a.name === name)?.value;
  const placed = (img: Element): boolean => picture(attr(img, 'src') ?? '', attr(img, 'alt') ?? '');
  const fragment = parseFragment(html);
  mathAsTex(fragment);
  walk(fragment.childNodes as ChildNode[], 0);
  return out;
}

/**
 * KaTeX draws a formula three times (visible glyphs, MathML, and the TeX source as an annotation);
 * on a PowerPoint slide the TeX source is the one a person can read and edit: each formula becomes
 * that text.
 */
function mathAsTex(parent: { childNodes: ChildNode[] }): void {
  for (const child of parent.childNodes) {
    if (!('tagName' in child)) continue;
    const el = child as Element;
    const classes = (el.attrs.find((a) => a.name === 'class')?.value ?? '').split(/\s+/);
    if (classes.includes('katex')) {
      const tex = descendants(el, 'annotation')[0];
      const text = tex ? serializeChildren(tex) : '';
      el.childNodes = [{ nodeName: '#text', value: decodeText(text), parentNode: el } as TextNode];
      continue;
    }
    mathAsTex(el);
  }
}

/** The text of serialized HTML text (entities decoded). */
function decodeText(html: string): string {
  return plainOf(`<span>${html}</span>`);
}

type Element = DefaultTreeAdapterMap['element'];
type ChildNode = DefaultTreeAdapterMap['childNode'];
type TextNode = DefaultTreeAdapterMap['textNode'];
const serializeChildren = (el: Element): string => serialize(el);
const serializeNode = (node: ChildNode): string => serializeOuter(node);

function descendants(el: Element, tag: string): Element[] {
  const found: Element[] = [];
  for (const c of el.childNodes) {
    if (!('tagName' in c)) continue;
    const child = c as Element;
    if (child.tagName === tag) found.push(child);
    else found.push(...descendants(child, tag));
  }
  return found;
}
