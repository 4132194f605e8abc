/**
 * One slide of the model as PowerPoint objects: placeholders filled with paragraphs, and shapes
 * and text boxes where the HTML deck draws something (timeline, figures, map, quote bar).
 * Text is sized here so that it fits its box (PowerPoint only autofits after an edit).
 */
import { parseFragment, serialize, serializeOuter, type DefaultTreeAdapterMap } from 'parse5';
import type { DeckModel, PointModel, SlideModel } from '../../model/types.js';
import { worldMapShapes } from '../../model/map/map-shapes.js';
import {
  BASE_PX,
  BODY_TOP,
  CITE,
  CONTENT_BOTTOM,
  CONTENT_W,
  MARGIN,
  SLIDE,
  SMALL_PX,
  SUMMARY_BOTTOM,
  SUMMARY_PX,
  TITLE,
  TITLE_PX,
  emu,
  lineCount,
  type Box,
} from './geometry.js';
import { CLOSING, COMPARE, NS, PH, SECTION, TITLE_PAGE, XML_HEAD, phXml, xfrm, type LayoutKey, type PlaceholderRef } from './masters.js';
import { escapeXml, paragraphXml, plainOf, runsOf, sizeOf, type Paragraph, type Run, type RunStyle, type TextContext } from './text.js';

export interface Relationship {
  id: string;
  type: string;
  target: string;
  external?: boolean;
}

export const REL = {
  slideLayout: 'http://schemas.openxmlformats.org/officeDocument/2006/relationships/slideLayout',
  slide: 'http://schemas.openxmlformats.org/officeDocument/2006/relationships/slide',
  hyperlink: 'http://schemas.openxmlformats.org/officeDocument/2006/relationships/hyperlink',
  image: 'http://schemas.openxmlformats.org/officeDocument/2006/relationships/image',
  notesSlide: 'http://schemas.openxmlformats.org/officeDocument/2006/relationships/notesSlide',
  notesMaster: 'http://schemas.openxmlformats.org/officeDocument/2006/relationships/notesMaster',
  chart: 'http://schemas.openxmlformats.org/officeDocument/2006/relationships/chart',
} as const;

/** A picture the slide shows; the package writer stores it under ppt/media/. */
export interface Picture {
  /** Raster bytes PowerPoint shows (for an SVG: its rendering as PNG). */
  raster: Uint8Array;
  rasterExt: 'png' | 'jpeg' | 'gif';
  /** The SVG itself, shown by PowerPoint versions that can. */
  svg?: Uint8Array | undefined;
  width: number;
  height: number;
}

export interface SlideEnvironment {
  deck: DeckModel;
  lang: string;
  /** Slide number (1-based) of a slide id, for links inside the deck. */
  slideNumberOf(id: string): number | undefined;
  /** The id of the sources slide, which citations link to. */
  sourcesId: string | undefined;
  picture(slide: SlideModel): Picture;
  /** Stores a media file, returns its part name under ppt/media/. */
  addMedia(bytes: Uint8Array, ext: string): string;
  /** Stores a chart (part and workbook), returns its part name under ppt/charts/. */
  addChart(chart: NonNullable<SlideModel['chart']>): string;
  /** The bytes of a picture file of the deck (a background image). */
  readImage(src: string): Picture;
}

export interface SlidePart {
  xml: string;
  rels: Relationship[];
  layout: LayoutKey;
}

const solid = (scheme: string) => `<a:solidFill><a:schemeClr val="${scheme}"/></a:solidFill>`;
const INSETS0 = 'lIns="0" tIns="0" rIns="0" bIns="0"';

class SlideWriter implements TextContext {
  readonly lang: string;
  private readonly shapes: string[] = [];
  readonly rels: Relationship[] = [];
  private nextId = 2;
  /** `<p:bg>` of a slide with its own background. */
  background = '';
  /** Light text on a dark background: the colour map swapped, so theme colours still apply (the accent turns light too). */
  dark = false;
  /** Appear animations: shape id and, for text, the paragraph range. */
  readonly steps: { spid: number; paragraphs?: [number, number] }[] = [];

  constructor(
    readonly env: SlideEnvironment,
    layoutTarget: string,
  ) {
    this.lang = env.lang;
    this.rel(REL.slideLayout, layoutTarget);
  }

  rel(type: string, target: string, external = false): string {
    const existing = this.rels.find((r) => r.type === type && r.target === target && Boolean(r.external) === external);
    if (existing) return existing.id;
    const id = `rId${this.rels.length + 1}`;
    this.rels.push({ id, type, target, ...(external ? { external: true } : {}) });
    return id;
  }

  link(href: string): { rId: string; action?: string } | undefined {
    const inDeck = /^#\/?(.+)$/.exec(href);
    if (inDeck) {
      const n = this.env.slideNumberOf(decodeURIComponent(inDeck[1]!));
      return n === undefined ? undefined : { rId: this.rel(REL.slide, `slide${n}.xml`), action: 'ppaction://hlinksldjump' };
    }
    if (/^(https?:|mailto:)/i.test(href)) return { rId: this.rel(REL.hyperlink, href, true) };
    return undefined; // a relative file link means nothing inside a .pptx
  }

  id(): number {
    return this.nextId++;
  }

  add(xml: string): void {
    this.shapes.push(xml);
  }

  /** A placeholder filled with paragraphs; its place and look come from the layout. */
  placeholder(ph: PlaceholderRef, name: string, paragraphs: Paragraph[], opts: { box?: Box; bodyPr?: string } = {}): number {
    const id = this.id();
    this.add(
      `<p:sp><p:nvSpPr><p:cNvPr id="${id}" name="${escapeXml(name)}"/><p:cNvSpPr><a:spLocks noGrp="1"/></p:cNvSpPr><p:nvPr>${phXml(ph)}</p:nvPr></p:nvSpPr>` +
        `<p:spPr>${opts.box ? xfrm(opts.box) : ''}</p:spPr>` +
        `<p:txBody><a:bodyPr${opts.bodyPr ? ` ${opts.bodyPr}` : ''}/><a:lstStyle/>${paragraphs.map((p) => paragraphXml(p, this)).join('')}</p:txBody></p:sp>`,
    );
    return id;
  }

  /** A text box (not a placeholder) for text that belongs to a drawing: dates, figures, legend. */
  textBox(name: string, box: Box, paragraphs: Paragraph[], opts: { anchor?: 't' | 'ctr' | 'b'; fill?: string; insets?: string } = {}): number {
    const id = this.id();
    this.add(this.textBoxXml(id, name, box, paragraphs, opts));
    return id;
  }

  textBoxXml(id: number, name: string, box: Box, paragraphs: Paragraph[], opts: { anchor?: 't' | 'ctr' | 'b'; fill?: string; insets?: string } = {}): string {
    return (
      `<p:sp><p:nvSpPr><p:cNvPr id="${id}" name="${escapeXml(name)}"/><p:cNvSpPr txBox="1"/><p:nvPr/></p:nvSpPr>` +
      `<p:spPr>${xfrm(box)}<a:prstGeom prst="rect"><a:avLst/></a:prstGeom>${opts.fill ? solid(opts.fill) : '<a:noFill/>'}</p:spPr>` +
      `<p:txBody><a:bodyPr wrap="square" ${opts.insets ?? INSETS0} anchor="${opts.anchor ?? 't'}"><a:noAutofit/></a:bodyPr><a:lstStyle/>` +
      `${paragraphs.map((p) => paragraphXml(p, this)).join('')}</p:txBody></p:sp>`
    );
  }

  shapeXml(id: number, name: string, box: Box, prst: string, fill: string | undefined, line?: { scheme: string; px: number }): string {
    return (
      `<p:sp><p:nvSpPr><p:cNvPr id="${id}" name="${escapeXml(name)}"/><p:cNvSpPr/><p:nvPr/></p:nvSpPr>` +
      `<p:spPr>${xfrm(box)}<a:prstGeom prst="${prst}"><a:avLst/></a:prstGeom>${fill ? solid(fill) : '<a:noFill/>'}` +
      `${line ? `<a:ln w="${emu(line.px)}">${solid(line.scheme)}</a:ln>` : '<a:ln><a:noFill/></a:ln>'}</p:spPr></p:sp>`
    );
  }

  shape(name: string, box: Box, prst: string, fill: string | undefined, line?: { scheme: string; px: number }): number {
    const id = this.id();
    this.add(this.shapeXml(id, name, box, prst, fill, line));
    return id;
  }

  group(name: string, box: Box, children: string[]): number {
    const id = this.id();
    const b = `<a:off x="${emu(box.x)}" y="${emu(box.y)}"/><a:ext cx="${emu(box.w)}" cy="${emu(box.h)}"/>`;
    this.add(
      `<p:grpSp><p:nvGrpSpPr><p:cNvPr id="${id}" name="${escapeXml(name)}"/><p:cNvGrpSpPr/><p:nvPr/></p:nvGrpSpPr>` +
        `<p:grpSpPr><a:xfrm>${b}<a:chOff x="${emu(box.x)}" y="${emu(box.y)}"/><a:chExt cx="${emu(box.w)}" cy="${emu(box.h)}"/></a:xfrm></p:grpSpPr>` +
        children.join('') +
        `</p:grpSp>`,
    );
    return id;
  }

  xml(): string {
    return (
      XML_HEAD +
      `<p:sld ${NS}><p:cSld>${this.background}<p:spTree><p:nvGrpSpPr><p:cNvPr id="1" name=""/><p:cNvGrpSpPr/><p:nvPr/></p:nvGrpSpPr><p:grpSpPr/>` +
      this.shapes.join('') +
      `</p:spTree></p:cSld><p:clrMapOvr>${this.dark ? DARK_MAP : '<a:masterClrMapping/>'}</p:clrMapOvr>${timingXml(this.steps)}</p:sld>`
    );
  }
}

const DARK_MAP =
  '<a:overrideClrMapping bg1="dk1" tx1="lt1" bg2="dk2" tx2="lt1" accent1="lt2" accent2="accent2" accent3="accent3" accent4="accent4" accent5="lt2" accent6="accent6" hlink="hlink" folHlink="folHlink"/>';

/** Click-by-click appear effects, PowerPoint's counterpart of reveal.js fragments. */
function timingXml(steps: { spid: number; paragraphs?: [number, number] }[]): string {
  if (!steps.length) return '';
  let n = 2;
  const clicks = steps
    .map((s) => {
      const target = s.paragraphs
        ? `<p:spTgt spid="${s.spid}"><p:txEl><p:pRg st="${s.paragraphs[0]}" end="${s.paragraphs[1]}"/></p:txEl></p:spTgt>`
        : `<p:spTgt spid="${s.spid}"/>`;
      const [a, b, c, d] = [++n, ++n, ++n, ++n];
      return (
        `<p:par><p:cTn id="${a}" fill="hold"><p:stCondLst><p:cond delay="indefinite"/></p:stCondLst><p:childTnLst>` +
        `<p:par><p:cTn id="${b}" fill="hold"><p:stCondLst><p:cond delay="0"/></p:stCondLst><p:childTnLst>` +
        `<p:par><p:cTn id="${c}" presetID="1" presetClass="entr" presetSubtype="0" fill="hold"${s.paragraphs ? ' grpId="0"' : ''} nodeType="clickEffect"><p:stCondLst><p:cond delay="0"/></p:stCondLst><p:childTnLst>` +
        `<p:set><p:cBhvr><p:cTn id="${d}" dur="1" fill="hold"><p:stCondLst><p:cond delay="0"/></p:stCondLst></p:cTn><p:tgtEl>${target}</p:tgtEl>` +
        `<p:attrNameLst><p:attrName>style.visibility</p:attrName></p:attrNameLst></p:cBhvr><p:to><p:strVal val="visible"/></p:to></p:set>` +
        `</p:childTnLst></p:cTn></p:par></p:childTnLst></p:cTn></p:par></p:childTnLst></p:cTn></p:par>`
      );
    })
    .join('');
  const textShapes = [...new Set(steps.filter((s) => s.paragraphs).map((s) => s.spid))];
  return (
    `<p:timing><p:tnLst><p:par><p:cTn id="1" dur="indefinite" restart="never" nodeType="tmRoot"><p:childTnLst>` +
    `<p:seq concurrent="1" nextAc="seek"><p:cTn id="2" dur="indefinite" nodeType="mainSeq"><p:childTnLst>${clicks}</p:childTnLst></p:cTn>` +
    `<p:prevCondLst><p:cond evt="onPrev" delay="0"><p:tgtEl><p:sldTgt/></p:tgtEl></p:cond></p:prevCondLst>` +
    `<p:nextCondLst><p:cond evt="onNext" delay="0"><p:tgtEl><p:sldTgt/></p:tgtEl></p:cond></p:nextCondLst></p:seq>` +
    `</p:childTnLst></p:cTn></p:par></p:tnLst>` +
    (textShapes.length ? `<p:bldLst>${textShapes.map((id) => `<p:bldP spid="${id}" grpId="0" build="p"/>`).join('')}</p:bldLst>` : '') +
    `</p:timing>`
  );
}

// ---------------------------------------------------------------------------------------------
// Fitting text

/** The largest scale (1, 0.95, … 0.5) at which `height(scale)` fits into `available`. */
export function fitScale(height: (scale: number) => number, available: number): number {
  for (let s = 1; s > 0.5; s = Math.round((s - 0.05) * 100) / 100) if (height(s) <= available) return s;
  return 0.5;
}

/**
 * Lines of text at a size and width; a word wider than the line counts as many lines, so that
 * fitting shrinks the text rather than let PowerPoint break the word in the middle.
 */
function linesOf(html: string, px: number, width: number, weight: 'regular' | 'bold' = 'regular'): number {
  const text = plainOf(html);
  const longest = Math.max(0, ...text.split(/\s+/).map((word) => [...word].length));
  // Measured on LibreOffice's rendering of Source Sans 3: a long German compound takes ~0.44 em a letter.
  if (longest * px * (weight === 'bold' ? 0.5 : 0.45) > width) return 99;
  return lineCount(text, px, width, weight);
}

/** Height of a bullet list as the body style draws it (see levels() in masters.ts). */
function pointsHeight(points: PointModel[], px: number, width: number, level = 0): number {
  const indent = 1.1 * px;
  return points.reduce((h, p, i) => {
    const after = i === points.length - 1 && level === 0 ? 0 : (level === 0 ? 0.5 : 0.2) * px;
    const before = level === 0 ? 0 : 0.1 * px;
    let item = before + linesOf(p.html, px, width - indent) * px * 1.2 + after;
    if (p.points.length) item += pointsHeight(p.points, px * 0.85, width - indent, level + 1);
    return h + item;
  }, 0);
}

function pointParagraphs(points: PointModel[], px: number, level = 0, pPr?: (level: number) => string | undefined): Paragraph[] {
  return points.flatMap((p) => [
    { runs: runsOf(p.html), level, pPr: pPr?.(level), style: { sizePx: px } },
    ...pointParagraphs(p.points, px * 0.85, level + 1, pPr),
  ]);
}

function countParagraphs(p: PointModel): number {
  return 1 + p.points.reduce((n, c) => n + countParagraphs(c), 0);
}

// ---------------------------------------------------------------------------------------------
// Slides

export function writeSlide(slide: SlideModel, env: SlideEnvironment, layoutTargets: Record<LayoutKey, string>): SlidePart {
  const layout = layoutFor(slide);
  const w = new SlideWriter(env, layoutTargets[layout]);
  const bottom = summaryTop(slide);
  background(w, slide);
  switch (slide.layout) {
    case 'title':
      titlePage(w, slide, env.deck);
      break;
    case 'section':
      w.placeholder(PH.title, 'Title', [{ runs: runsOf(slide.titleHtml ?? '') }]);
      if (slide.subtitleHtml) w.placeholder(PH.sectionText, 'Subtitle', [{ runs: runsOf(slide.subtitleHtml) }]);
      break;
    case 'closing':
      closing(w, slide);
      break;
    default:
      if (slide.titleHtml) title(w, slide.titleHtml);
      content(w, slide, bottom);
  }
  if (slide.summaryHtml) summary(w, slide.summaryHtml);
  if (slide.cites.length) cites(w, slide);
  footer(w, slide, env.deck);
  return { xml: w.xml(), rels: w.rels, layout };
}

function layoutFor(slide: SlideModel): LayoutKey {
  switch (slide.layout) {
    case 'title':
      return 'title';
    case 'section':
      return 'section';
    case 'closing':
      return 'closing';
    case 'compare':
      return 'compare';
    case 'points':
    case 'agenda':
    case 'sources':
    case 'markdown':
      return 'content';
    default:
      return 'titleOnly';
  }
}

function summaryHeight(html: string): number {
  return linesOf(html, SUMMARY_PX, CONTENT_W - 38, 'bold') * SUMMARY_PX * 1.3 + 20;
}

/** Where the body must end: above the summary box, or at the bottom of the content area. */
function summaryTop(slide: SlideModel): number {
  return slide.summaryHtml ? SUMMARY_BOTTOM - summaryHeight(slide.summaryHtml) - 12 : CONTENT_BOTTOM;
}

function title(w: SlideWriter, html: string): void {
  const scale = fitScale((s) => linesOf(html, TITLE_PX * s, TITLE.w, 'bold') * TITLE_PX * s * 1.1, TITLE.h + 4);
  w.placeholder(PH.title, 'Title', [{ runs: runsOf(html), style: scale < 1 ? { sizePx: TITLE_PX * scale } : {} }]);
}

function titlePage(w: SlideWriter, slide: SlideModel, deck: DeckModel): void {
  const px = BASE_PX * 1.9;
  const html = slide.titleHtml ?? deck.titleHtml;
  const scale = fitScale((s) => linesOf(html, px * s, TITLE_PAGE.title.w, 'bold') * px * s * 1.1, TITLE_PAGE.title.h);
  w.placeholder(PH.ctrTitle, 'Title', [{ runs: runsOf(html), style: scale < 1 ? { sizePx: px * scale } : {} }]);
  if (slide.subtitleHtml) w.placeholder(PH.subTitle, 'Subtitle', [{ runs: runsOf(slide.subtitleHtml) }]);
  const byline: Paragraph[] = [];
  if (deck.author) byline.push({ runs: [{ text: deck.author, bold: true }] });
  if (deck.institution) byline.push({ runs: [{ text: deck.institution }] });
  if (deck.date) byline.push({ runs: [{ text: deck.date }] });
  if (byline.length) w.placeholder(PH.byline, 'Byline', byline);
}

/** The closing slide centres title, subtitle and points together, as the HTML does. */
function closing(w: SlideWriter, slide: SlideModel): void {
  const points = slide.points ?? [];
  const top = 36;
  const room = CONTENT_BOTTOM - top;
  const titleH = Math.min(linesOf(slide.titleHtml ?? '', TITLE_PX, CONTENT_W, 'bold'), 2) * TITLE_PX * 1.15;
  const subtitleH = slide.subtitleHtml ? linesOf(slide.subtitleHtml, BASE_PX, CONTENT_W) * BASE_PX * 1.25 + 16 : 0;
  const scale = fitScale((s) => pointsHeight(points, BASE_PX * s, CONTENT_W), room - titleH - subtitleH - 24);
  const pointsH = points.length ? pointsHeight(points, BASE_PX * scale, CONTENT_W) : 0;
  let y = top + Math.max(0, (room - titleH - 24 - subtitleH - pointsH) / 2);
  w.placeholder(PH.title, 'Title', [{ runs: runsOf(slide.titleHtml ?? '') }], { box: { ...CLOSING.title, y, h: titleH }, bodyPr: 'anchor="b"' });
  y += titleH + 24;
  if (slide.subtitleHtml) {
    w.placeholder(PH.closingSubtitle, 'Subtitle', [{ runs: runsOf(slide.subtitleHtml) }], { box: { ...CLOSING.subtitle, y, h: subtitleH } });
    y += subtitleH;
  }
  if (points.length) {
    w.placeholder(PH.closingBody, 'Content', pointParagraphs(points, BASE_PX * scale), { box: { ...CLOSING.body, y, h: CONTENT_BOTTOM - y } });
  }
  if (slide.backupLink) {
    const label = `${w.env.deck.labels.backup} →`;
    w.textBox('Backup Link', { x: SLIDE.w - MARGIN - 400, y: CITE.y, w: 400, h: CITE.h }, [
      { runs: [{ text: label, href: `#/${slide.backupLink.id}` }], style: { sizePx: SMALL_PX }, pPr: '<a:pPr algn="r"/>' },
    ], { anchor: 'b' });
  }
}

function content(w: SlideWriter, slide: SlideModel, bottom: number): void {
  const available = bottom - BODY_TOP;
  const body: Box = { x: MARGIN, y: BODY_TOP, w: CONTENT_W, h: available };
  switch (slide.layout) {
    case 'points': {
      const points = slide.points ?? [];
      const scale = fitScale((s) => pointsHeight(points, BASE_PX * s, CONTENT_W), available);
      const id = w.placeholder(PH.body, 'Content', pointParagraphs(points, BASE_PX * scale), { box: body });
      if (slide.steps) {
        let at = 0;
        for (const p of points) {
          const n = countParagraphs(p);
          w.steps.push({ spid: id, paragraphs: [at, at + n - 1] });
          at += n;
        }
      }
      return;
    }
    case 'agenda':
      return agenda(w, slide, body);
    case 'sources':
      return sources(w, slide, body);
    case 'compare':
      return compare(w, slide, bottom);
    case 'timeline':
      return timeline(w, slide, body);
    case 'figures':
      return figures(w, slide, body);
    case 'quote':
      return quote(w, slide, body);
    case 'image':
      return image(w, slide, body);
    case 'map':
      return map(w, slide, body);
    case 'table':
      return table(w, slide, body);
    case 'chart':
      return chart(w, slide, body);
    case 'markdown':
      return markdownBody(w, slide, body);
    default:
      return;
  }
}

/**
 * A free-Markdown slide (reveal-md / Marp decks, `layout: markdown`): its sanitised HTML as native
 * paragraphs in the body placeholder — headings bold, lists with their levels, code line by line in
 * the monospace font, table rows as tab-separated lines, quotes in italics — sized to fit like
 * every other body. Pictures inside free Markdown are not placed (their alt text stands in).
 */
function markdownBody(w: SlideWriter, slide: SlideModel, body: Box): void {
  const blocks = markdownBlocks(slide.bodyHtml ?? '', slide.titleHtml === undefined ? undefined : plainOf(slide.titleHtml));
  if (!blocks.length) return;
  const height = (px: number): number =>
    blocks.reduce((h, b) => h + linesOf(b.html, px * b.scale, body.w - b.level * 1.1 * px) * px * b.scale * 1.2 + 0.35 * px, 0);
  const scale = fitScale((s) => height(BASE_PX * s), body.h);
  const px = BASE_PX * scale;
  w.placeholder(
    PH.body,
    'Content',
    blocks.map((b) => ({
      runs: b.code ? [{ text: plainOf(b.html), code: true }] : runsOf(b.html),
      level: b.level,
      // Only list items carry a bullet; the body style bullets every paragraph otherwise.
      pPr: b.bullet ? undefined : `<a:pPr lvl="${b.level}" marL="0" indent="0"><a:buNone/></a:pPr>`,
      style: { sizePx: px * b.scale, ...(b.bold ? { bold: true } : {}), ...(b.italic ? { italic: true } : {}) },
    })),
    { box: body },
  );
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

function markdownBlocks(html: string, title: string | undefined): MarkdownBlock[] {
  const out: MarkdownBlock[] = [];
  let titleSkipped = false;
  const inner = (el: Element): string => serializeChildren(el);
  const walk = (nodes: ChildNode[], level: number): void => {
    for (const node of nodes) {
      if (!('tagName' in node)) {
        const text = node.nodeName === '#text' ? (node as TextNode).value.trim() : '';
        if (text) out.push({ html: escapeXml(text), level, scale: 1 });
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
        for (const line of plainOf(inner(el)).replace(/\n$/, '').split('\n')) out.push({ html: escapeXml(line || ' '), level, code: true, scale: 0.7 });
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
        const alt = descendants(el, 'img').map((img) => img.attrs.find((a) => a.name === 'alt')?.value ?? '').filter(Boolean);
        const text = inner(el).replace(/<img\b[^>]*>/g, '').trim();
        if (text) out.push({ html: text, level, scale: 1 });
        else if (alt.length) out.push({ html: escapeXml(alt.join(' · ')), level, italic: true, scale: 0.85 });
      } else if (tag === 'img') {
        const alt = el.attrs.find((a) => a.name === 'alt')?.value;
        if (alt) out.push({ html: escapeXml(alt), level, italic: true, scale: 0.85 });
      } else if (tag === 'aside' || tag === 'style' || tag === 'script' || tag === 'svg') {
        continue;
      } else {
        walk(el.childNodes, level);
      }
    }
  };
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

function agenda(w: SlideWriter, slide: SlideModel, body: Box): void {
  const items = slide.agenda ?? [];
  const labels = w.env.deck.labels;
  const px0 = BASE_PX * 1.05;
  const timeW = 150;
  const scale = fitScale((s) => items.reduce((h, a) => h + linesOf(a.titleHtml, px0 * s, body.w - 42 - timeW) * px0 * s * 1.2 + 0.5 * px0 * s, 0), body.h);
  const px = px0 * scale;
  // Right-aligned minutes: a tab stop just inside the box (LibreOffice counts from the indent, PowerPoint from the box).
  const tab = emu(body.w - 42 - 4);
  w.placeholder(
    PH.body,
    'Agenda',
    items.map((a) => {
      // No links on the titles: PowerPoint would draw them blue and underlined, the HTML does not.
      const titleRuns: Run[] = runsOf(a.titleHtml);
      const time: Run[] = a.minutes ? [{ text: `\t${labels.about} ${a.minutes} ${labels.minutesShort}`, style: { sizePx: px * 0.8, color: 'accent5' } }] : [];
      return {
        runs: [...titleRuns, ...time],
        pPr:
          `<a:pPr marL="${emu(42)}" indent="${-emu(42)}"><a:spcAft><a:spcPts val="${Math.round(px * 0.5 * 75)}"/></a:spcAft>` +
          `<a:buClr><a:schemeClr val="tx1"/></a:buClr><a:buFont typeface="+mj-lt"/><a:buAutoNum type="arabicPeriod"/><a:tabLst><a:tab pos="${tab}" algn="r"/></a:tabLst></a:pPr>`,
        style: { sizePx: px },
      };
    }),
    { box: body },
  );
}

function referenceRuns(r: NonNullable<SlideModel['references']>[number]): Run[] {
  const runs: Run[] = [];
  if (r.author) runs.push({ text: `${r.author}: ` });
  runs.push(...runsOf(r.titleHtml));
  let tail = '';
  if (r.publication) tail += `. ${r.publication}`;
  if (r.date) tail += `, ${r.date}`;
  runs.push({ text: `${tail}.` });
  if (r.url) runs.push({ text: ' ' }, { text: r.url, href: r.url });
  if (r.noteHtml) runs.push({ text: ' ' }, ...runsOf(r.noteHtml));
  return runs;
}

function sources(w: SlideWriter, slide: SlideModel, body: Box): void {
  const refs = slide.references ?? [];
  const scale = fitScale(
    (s) => refs.reduce((h, r) => h + lineCount(referenceRuns(r).map((x) => x.text).join(''), SMALL_PX * s, body.w - 31) * SMALL_PX * s * 1.35 + 10 * s, 0),
    body.h,
  );
  const px = SMALL_PX * scale;
  w.placeholder(
    PH.body,
    'Sources',
    refs.map((r) => ({
      runs: referenceRuns(r),
      pPr:
        `<a:pPr marL="${emu(31)}" indent="${-emu(31)}"><a:lnSpc><a:spcPct val="112000"/></a:lnSpc><a:spcAft><a:spcPts val="${Math.round(10 * scale * 75)}"/></a:spcAft>` +
        `<a:buClr><a:schemeClr val="tx1"/></a:buClr><a:buFont typeface="+mj-lt"/><a:buAutoNum type="arabicPeriod" startAt="${r.number}"/></a:pPr>`,
      style: { sizePx: px },
    })),
    { box: body },
  );
}

function compare(w: SlideWriter, slide: SlideModel, bottom: number): void {
  const { columnW, bodyY } = COMPARE;
  const available = bottom - bodyY;
  const sides = [slide.left!, slide.right!];
  const px0 = BASE_PX * 0.8;
  const scale = fitScale((s) => Math.max(...sides.map((c) => pointsHeight(c.points, px0 * s, columnW))), available);
  const px = px0 * scale;
  const heights: PlaceholderRef[] = [PH.leftHeading, PH.rightHeading];
  const bodies: PlaceholderRef[] = [PH.leftBody, PH.rightBody];
  sides.forEach((side, i) => {
    const x = MARGIN + i * (columnW + 40);
    w.placeholder(heights[i]!, i ? 'Right Heading' : 'Left Heading', [{ runs: runsOf(side.headingHtml) }]);
    w.placeholder(bodies[i]!, i ? 'Right Content' : 'Left Content', pointParagraphs(side.points, px), {
      box: { x, y: bodyY, w: columnW, h: available },
    });
  });
}

function timeline(w: SlideWriter, slide: SlideModel, body: Box): void {
  const events = slide.events ?? [];
  const px0 = BASE_PX * 0.9;
  const dateW = 190;
  const textX = body.x + 8 + 4 + 18 + dateW + 20;
  const textW = body.x + body.w - textX;
  const rowHeight = (e: (typeof events)[number], px: number) =>
    Math.max(lineCount(e.date, px, dateW, 'bold'), linesOf(e.html, px, textW)) * px * 1.25;
  const scale = fitScale((s) => events.reduce((h, e) => h + rowHeight(e, px0 * s) + 14 * s, -14 * s), body.h);
  const px = px0 * scale;
  let y = body.y;
  const rows: { y: number; h: number }[] = events.map((e) => {
    const row = { y, h: rowHeight(e, px) };
    y += row.h + 14 * scale;
    return row;
  });
  const lineEnd = rows.length ? rows[rows.length - 1]!.y + rows[rows.length - 1]!.h : body.y;
  w.shape('Timeline Axis', { x: body.x, y: body.y, w: 4, h: lineEnd - body.y }, 'rect', 'accent1');
  events.forEach((e, i) => {
    const row = rows[i]!;
    const dotY = row.y + px * 0.62 - 8;
    const children = [
      w.shapeXml(w.id(), `Marker ${i + 1}`, { x: body.x - 6, y: dotY, w: 16, h: 16 }, 'ellipse', 'accent1'),
      w.textBoxXml(w.id(), `Date ${i + 1}`, { x: body.x + 30, y: row.y, w: dateW, h: row.h }, [{ runs: [{ text: e.date }], style: { sizePx: px, bold: true, color: 'accent1' } }]),
      w.textBoxXml(w.id(), `Event ${i + 1}`, { x: textX, y: row.y, w: textW, h: row.h }, [{ runs: runsOf(e.html), style: { sizePx: px } }]),
    ];
    const id = w.group(`${e.date}`, { x: body.x - 6, y: row.y, w: textX + textW - (body.x - 6), h: row.h }, children);
    if (e.step) w.steps.push({ spid: id });
  });
}

function figures(w: SlideWriter, slide: SlideModel, body: Box): void {
  const figures = slide.figures ?? [];
  const gap = 28;
  const columns = Math.max(1, Math.min(figures.length, Math.floor((body.w + gap) / (240 + gap))));
  const cardW = (body.w - gap * (columns - 1)) / columns;
  const inner = cardW - 44;
  const valuePx0 = BASE_PX * 2.1;
  const labelPx0 = BASE_PX * 0.85;
  const rowsOf = <T,>(list: T[]) => Array.from({ length: Math.ceil(list.length / columns) }, (_, r) => list.slice(r * columns, (r + 1) * columns));
  const cardHeight = (f: (typeof figures)[number], s: number) =>
    6 + 40 + lineCount(f.value, valuePx0 * s, inner, 'bold') * valuePx0 * s * 1.05 + 8 + linesOf(f.labelHtml, labelPx0 * s, inner) * labelPx0 * s * 1.25 + (f.noteHtml ? linesOf(f.noteHtml, SMALL_PX * s, inner) * SMALL_PX * s * 1.25 + 6 : 0);
  const rows = rowsOf(figures);
  const scale = fitScale((s) => 12 + rows.reduce((h, row, r) => h + Math.max(...row.map((f) => cardHeight(f, s))) + (r ? gap : 0), 0), body.h);
  let y = body.y + 12;
  rows.forEach((row, r) => {
    const h = Math.max(...row.map((f) => cardHeight(f, scale)));
    row.forEach((f, c) => {
      const x = body.x + c * (cardW + gap);
      const n = r * columns + c + 1;
      const paragraphs: Paragraph[] = [
        { runs: [{ text: f.value }], style: { sizePx: valuePx0 * scale, bold: true, color: 'accent1' }, pPr: `<a:pPr><a:lnSpc><a:spcPct val="90000"/></a:lnSpc><a:spcAft><a:spcPts val="600"/></a:spcAft></a:pPr>` },
        { runs: runsOf(f.labelHtml), style: { sizePx: labelPx0 * scale } },
      ];
      if (f.noteHtml) paragraphs.push({ runs: runsOf(f.noteHtml), style: { sizePx: SMALL_PX * scale, color: 'accent5' }, pPr: '<a:pPr><a:spcBef><a:spcPts val="450"/></a:spcBef></a:pPr>' });
      w.group(`Figure ${n}`, { x, y, w: cardW, h }, [
        w.textBoxXml(w.id(), `Figure ${n} Text`, { x, y, w: cardW, h }, paragraphs, { fill: 'bg2', insets: `lIns="${emu(22)}" tIns="${emu(26)}" rIns="${emu(22)}" bIns="${emu(20)}"` }),
        w.shapeXml(w.id(), `Figure ${n} Bar`, { x, y, w: cardW, h: 6 }, 'rect', 'accent1'),
      ]);
    });
    y += h + gap;
  });
}

function quote(w: SlideWriter, slide: SlideModel, body: Box): void {
  const q = slide.quote!;
  const [open, close] = w.lang.startsWith('de') ? ['„', '“'] : w.lang.startsWith('en') ? ['“', '”'] : ['“', '”'];
  const px0 = BASE_PX * 1.1;
  const capPx0 = BASE_PX * 0.85;
  const textW = body.w - 40;
  const caption = `${q.speaker}${q.contextHtml ? `, ${plainOf(q.contextHtml)}` : ''}`;
  const height = (s: number) => linesOf(q.html, px0 * s, textW) * px0 * s * 1.3 + 16 + 20 + lineCount(caption, capPx0 * s, textW) * capPx0 * s * 1.25;
  const scale = fitScale(height, body.h - 20);
  const quoteH = linesOf(q.html, px0 * scale, textW) * px0 * scale * 1.3 + 16;
  const y = body.y + 20;
  w.shape('Quote Bar', { x: body.x, y, w: 8, h: quoteH }, 'rect', 'accent1');
  w.textBox('Quotation', { x: body.x + 40, y, w: textW, h: quoteH }, [{ runs: [{ text: open }, ...runsOf(q.html), { text: close }], style: { sizePx: px0 * scale }, pPr: '<a:pPr><a:lnSpc><a:spcPct val="112000"/></a:lnSpc></a:pPr>' }], { anchor: 'ctr' });
  const capRuns: Run[] = [{ text: q.speaker, bold: true }];
  if (q.contextHtml) capRuns.push({ text: ', ' }, ...runsOf(q.contextHtml));
  w.textBox('Speaker', { x: body.x + 40, y: y + quoteH + 20, w: textW, h: body.y + body.h - (y + quoteH + 20) }, [{ runs: capRuns, style: { sizePx: capPx0 * scale, color: 'accent5' } }]);
}

function image(w: SlideWriter, slide: SlideModel, body: Box): void {
  const img = slide.image!;
  const picture = w.env.picture(slide);
  const captionRuns: Run[] = [];
  if (img.captionHtml) captionRuns.push(...runsOf(img.captionHtml));
  if (img.creditHtml) captionRuns.push(...(captionRuns.length ? [{ text: ' ' }] : []), ...runsOf(img.creditHtml));
  const captionH = captionRuns.length ? lineCount(captionRuns.map((r) => r.text).join(''), SMALL_PX, body.w) * SMALL_PX * 1.25 + 8 : 0;
  const maxH = Math.min(460, body.h - captionH);
  const scale = Math.min(body.w / picture.width, maxH / picture.height);
  const pw = picture.width * scale;
  const ph = picture.height * scale;
  const box: Box = { x: body.x + (body.w - pw) / 2, y: body.y, w: pw, h: ph };
  const raster = w.rel(REL.image, `../media/${w.env.addMedia(picture.raster, picture.rasterExt)}`);
  const svg = picture.svg ? w.rel(REL.image, `../media/${w.env.addMedia(picture.svg, 'svg')}`) : undefined;
  const id = w.id();
  w.add(
    `<p:pic><p:nvPicPr><p:cNvPr id="${id}" name="${escapeXml(`Picture ${id}`)}" descr="${escapeXml(img.alt)}"/><p:cNvPicPr><a:picLocks noChangeAspect="1"/></p:cNvPicPr><p:nvPr/></p:nvPicPr>` +
      `<p:blipFill><a:blip r:embed="${raster}">` +
      (svg ? `<a:extLst><a:ext uri="{96DAC541-7B7A-43D3-8B79-37D633B846F1}"><asvg:svgBlip xmlns:asvg="http://schemas.microsoft.com/office/drawing/2016/SVG/main" r:embed="${svg}"/></a:ext></a:extLst>` : '') +
      `</a:blip><a:stretch><a:fillRect/></a:stretch></p:blipFill>` +
      `<p:spPr>${xfrm(box)}<a:prstGeom prst="rect"><a:avLst/></a:prstGeom></p:spPr></p:pic>`,
  );
  if (captionRuns.length) {
    w.textBox('Caption', { x: body.x, y: body.y + ph + 8, w: body.w, h: captionH }, [{ runs: captionRuns, style: { sizePx: SMALL_PX, color: 'accent5' }, pPr: '<a:pPr algn="ctr"/>' }]);
  }
}

/** Map colours by group, as the theme's map variables: the accent, then accents 2–4. */
const GROUP_COLOURS = ['accent1', 'accent2', 'accent3', 'accent4'];

function map(w: SlideWriter, slide: SlideModel, body: Box): void {
  const m = slide.map!;
  const geo = worldMapShapes({ groups: m.groups, lang: w.env.deck.lang });
  const legendW = 300;
  const areaW = body.w - legendW - 24;
  const scale = Math.min(areaW / geo.width, Math.min(470, body.h) / geo.height);
  const ox = body.x;
  const oy = body.y;
  const children: string[] = [];
  for (const country of geo.countries) {
    const xs = country.rings.flat().map((p) => p[0]);
    const ys = country.rings.flat().map((p) => p[1]);
    const [x0, y0, x1, y1] = [Math.min(...xs), Math.min(...ys), Math.max(...xs), Math.max(...ys)];
    const pw = Math.max(1, Math.round((x1 - x0) * 10));
    const ph = Math.max(1, Math.round((y1 - y0) * 10));
    const path = country.rings
      .map((ring) =>
        ring
          .map((p, i) => `<a:${i ? 'lnTo' : 'moveTo'}><a:pt x="${Math.round((p[0] - x0) * 10)}" y="${Math.round((p[1] - y0) * 10)}"/></a:${i ? 'lnTo' : 'moveTo'}>`)
          .join('') + '<a:close/>',
      )
      .join('');
    const colour = country.group === undefined ? 'accent6' : GROUP_COLOURS[country.group % GROUP_COLOURS.length]!;
    const box: Box = { x: ox + x0 * scale, y: oy + y0 * scale, w: Math.max((x1 - x0) * scale, 0.1), h: Math.max((y1 - y0) * scale, 0.1) };
    const id = w.id();
    children.push(
      `<p:sp><p:nvSpPr><p:cNvPr id="${id}" name="${escapeXml(country.name || country.iso || `Land ${id}`)}"${country.iso ? ` descr="${escapeXml(`${country.name} (${country.iso})`)}"` : ''}/><p:cNvSpPr/><p:nvPr/></p:nvSpPr>` +
        `<p:spPr>${xfrm(box)}<a:custGeom><a:avLst/><a:gdLst/><a:ahLst/><a:cxnLst/><a:rect l="0" t="0" r="r" b="b"/><a:pathLst><a:path w="${pw}" h="${ph}">${path}</a:path></a:pathLst></a:custGeom>` +
        `${solid(colour)}<a:ln w="${emu(0.5 * scale)}"><a:solidFill><a:schemeClr val="bg1"/></a:solidFill><a:round/></a:ln></p:spPr></p:sp>`,
    );
  }
  for (const marker of geo.markers) {
    const colour = GROUP_COLOURS[marker.group % GROUP_COLOURS.length]!;
    const id = w.id();
    const r = marker.r * scale;
    children.push(
      `<p:sp><p:nvSpPr><p:cNvPr id="${id}" name="${escapeXml(`Marker ${marker.iso}`)}"/><p:cNvSpPr/><p:nvPr/></p:nvSpPr>` +
        `<p:spPr>${xfrm({ x: ox + marker.x * scale - r, y: oy + marker.y * scale - r, w: 2 * r, h: 2 * r })}<a:prstGeom prst="ellipse"><a:avLst/></a:prstGeom><a:noFill/>` +
        `<a:ln w="${emu((marker.emphasis ? 2 : 1.2) * scale)}">${solid(colour)}</a:ln></p:spPr></p:sp>`,
    );
  }
  const mapBox: Box = { x: ox, y: oy, w: geo.width * scale, h: geo.height * scale };
  const mapId = w.id();
  // The group carries the text alternative, like the SVG's <desc>.
  w.add(
    `<p:grpSp><p:nvGrpSpPr><p:cNvPr id="${mapId}" name="${escapeXml(`Map: ${slide.title}`)}" descr="${escapeXml(m.description)}"/><p:cNvGrpSpPr/><p:nvPr/></p:nvGrpSpPr>` +
      `<p:grpSpPr><a:xfrm><a:off x="${emu(mapBox.x)}" y="${emu(mapBox.y)}"/><a:ext cx="${emu(mapBox.w)}" cy="${emu(mapBox.h)}"/><a:chOff x="${emu(mapBox.x)}" y="${emu(mapBox.y)}"/><a:chExt cx="${emu(mapBox.w)}" cy="${emu(mapBox.h)}"/></a:xfrm></p:grpSpPr>` +
      children.join('') +
      `</p:grpSp>`,
  );
  // Legend: a swatch and a label per group, then the caption.
  const lx = body.x + body.w - legendW;
  let y = body.y + 8;
  const legend: string[] = [];
  m.legend.forEach((entry, i) => {
    const h = lineCount(entry.label, SMALL_PX, legendW - 28) * SMALL_PX * 1.25;
    legend.push(
      w.shapeXml(w.id(), `Swatch ${i + 1}`, { x: lx, y: y + 3, w: 18, h: 18 }, 'rect', GROUP_COLOURS[i % GROUP_COLOURS.length]),
      w.textBoxXml(w.id(), `Legend ${i + 1}`, { x: lx + 28, y, w: legendW - 28, h }, [{ runs: [{ text: entry.label }], style: { sizePx: SMALL_PX } }]),
    );
    y += h + 12;
  });
  if (legend.length) w.group('Legend', { x: lx, y: body.y + 8, w: legendW, h: y - body.y - 8 }, legend);
  if (m.captionHtml) {
    const h = linesOf(m.captionHtml, SMALL_PX, legendW) * SMALL_PX * 1.25;
    w.textBox('Caption', { x: lx, y: y + 4, w: legendW, h }, [{ runs: runsOf(m.captionHtml), style: { sizePx: SMALL_PX, color: 'accent5' } }]);
  }
}

/** A slide's own background colour or picture; on a dark one the text turns light. */
function background(w: SlideWriter, slide: SlideModel): void {
  const bg = slide.background;
  if (!bg) return;
  w.dark = bg.tone === 'dark';
  if (bg.image) {
    const picture = w.env.readImage(bg.image);
    const rId = w.rel(REL.image, `../media/${w.env.addMedia(picture.raster, picture.rasterExt)}`);
    w.background = `<p:bg><p:bgPr><a:blipFill dpi="0" rotWithShape="1"><a:blip r:embed="${rId}"/><a:srcRect/><a:stretch><a:fillRect/></a:stretch></a:blipFill><a:effectLst/></p:bgPr></p:bg>`;
    // Dimmed as in the HTML, where the image lies at `opacity` over black: a translucent black
    // rectangle behind everything (a blip's own brightness effects are not drawn by every viewer).
    if (bg.opacity !== undefined && bg.opacity < 1) {
      const id = w.id();
      w.add(
        `<p:sp><p:nvSpPr><p:cNvPr id="${id}" name="Background Dimming"/><p:cNvSpPr><a:spLocks noSelect="1"/></p:cNvSpPr><p:nvPr userDrawn="1"/></p:nvSpPr>` +
          `<p:spPr>${xfrm({ x: 0, y: 0, w: SLIDE.w, h: SLIDE.h })}<a:prstGeom prst="rect"><a:avLst/></a:prstGeom>` +
          `<a:solidFill><a:prstClr val="black"><a:alpha val="${Math.round((1 - bg.opacity) * 100000)}"/></a:prstClr></a:solidFill><a:ln><a:noFill/></a:ln></p:spPr></p:sp>`,
      );
    }
  } else if (bg.color) {
    const hex = bg.color.replace(/^#/, '').toUpperCase();
    const full = hex.length === 3 ? [...hex].map((c) => c + c).join('') : hex.slice(0, 6);
    w.background = `<p:bg><p:bgPr><a:solidFill><a:srgbClr val="${full}"/></a:solidFill><a:effectLst/></p:bgPr></p:bg>`;
  }
}

/** A native table: header row, banded rows, numbers right-aligned, highlighted rows tinted and bold. */
function table(w: SlideWriter, slide: SlideModel, body: Box): void {
  const t = slide.table!;
  const px0 = BASE_PX * 0.78;
  const pad = { x: 14, y: 8 };
  // Column widths in proportion to their longest text, each at least a sixth of the share.
  const longest = t.columns.map((c, i) => Math.max(c.text.length, ...t.rows.map((r) => r.cells[i]?.text.length ?? 0), 3));
  const total = longest.reduce((a, b) => a + b, 0);
  const floor = body.w / t.columns.length / 6;
  const raw = longest.map((l) => Math.max(floor, (body.w * l) / total));
  const widths = raw.map((x) => (x * body.w) / raw.reduce((a, b) => a + b, 0));
  const rowHeight = (texts: string[], px: number, weight: 'regular' | 'bold') =>
    Math.max(...texts.map((text, i) => lineCount(text, px, widths[i]! - 2 * pad.x, weight))) * px * 1.25 + 2 * pad.y;
  const height = (px: number) =>
    rowHeight(t.columns.map((c) => c.text), px, 'bold') + t.rows.reduce((h, r) => h + rowHeight(r.cells.map((c) => c.text), px, r.highlight ? 'bold' : 'regular'), 0);
  const scale = fitScale((s) => height(px0 * s), body.h);
  const px = px0 * scale;
  const algn = (a: string) => (a === 'right' ? 'r' : a === 'center' ? 'ctr' : 'l');
  const none = '<a:noFill/>';
  const line = (tag: string, px: number, scheme?: string) =>
    scheme ? `<a:${tag} w="${emu(px)}"><a:solidFill><a:schemeClr val="${scheme}"/></a:solidFill></a:${tag}>` : `<a:${tag} w="0">${none}</a:${tag}>`;
  const cell = (html: string, align: string, opts: { bold?: boolean; color?: string; fill?: string; bottom: [number, string] }) =>
    `<a:tc><a:txBody><a:bodyPr/><a:lstStyle/>` +
    paragraphXml({ runs: runsOf(html), pPr: `<a:pPr algn="${algn(align)}"/>`, style: { sizePx: px, ...(opts.bold ? { bold: true } : {}), ...(opts.color ? { color: opts.color } : {}) } }, w) +
    `</a:txBody><a:tcPr marL="${emu(pad.x)}" marR="${emu(pad.x)}" marT="${emu(pad.y)}" marB="${emu(pad.y)}">` +
    line('lnL', 0) + line('lnR', 0) + line('lnT', 0) + line('lnB', opts.bottom[0], opts.bottom[1]) +
    (opts.fill ? `<a:solidFill>${opts.fill}</a:solidFill>` : none) +
    `</a:tcPr></a:tc>`;
  const header =
    `<a:tr h="${emu(rowHeight(t.columns.map((c) => c.text), px, 'bold'))}">` +
    t.columns.map((c) => cell(c.html, c.align, { bold: true, color: 'tx2', bottom: [3, 'accent1'] })).join('') +
    `</a:tr>`;
  const rows = t.rows
    .map((r, i) => {
      const fill = r.highlight
        ? '<a:schemeClr val="accent1"><a:lumMod val="14000"/><a:lumOff val="86000"/></a:schemeClr>'
        : i % 2 === 1
          ? '<a:schemeClr val="bg2"/>'
          : undefined;
      return (
        `<a:tr h="${emu(rowHeight(r.cells.map((c) => c.text), px, r.highlight ? 'bold' : 'regular'))}">` +
        r.cells.map((c) => cell(c.html, c.align, { bold: r.highlight, ...(fill ? { fill } : {}), bottom: [1, 'accent6'] })).join('') +
        `</a:tr>`
      );
    })
    .join('');
  const id = w.id();
  w.add(
    `<p:graphicFrame><p:nvGraphicFramePr><p:cNvPr id="${id}" name="Table"/><p:cNvGraphicFramePr><a:graphicFrameLocks noGrp="1"/></p:cNvGraphicFramePr><p:nvPr/></p:nvGraphicFramePr>` +
      `<p:xfrm><a:off x="${emu(body.x)}" y="${emu(body.y)}"/><a:ext cx="${emu(body.w)}" cy="${emu(height(px))}"/></p:xfrm>` +
      `<a:graphic><a:graphicData uri="http://schemas.openxmlformats.org/drawingml/2006/table"><a:tbl><a:tblPr firstRow="1" bandRow="1"/>` +
      `<a:tblGrid>${widths.map((x) => `<a:gridCol w="${emu(x)}"/>`).join('')}</a:tblGrid>${header}${rows}</a:tbl></a:graphicData></a:graphic></p:graphicFrame>`,
  );
}

/** A native chart, its data in an embedded workbook ("Edit Data" in PowerPoint). */
function chart(w: SlideWriter, slide: SlideModel, body: Box): void {
  const c = slide.chart!;
  const part = w.env.addChart(c);
  const rId = w.rel(REL.chart, `../charts/${part}`);
  const id = w.id();
  w.add(
    `<p:graphicFrame><p:nvGraphicFramePr><p:cNvPr id="${id}" name="${escapeXml(`Chart: ${slide.title}`)}" descr="${escapeXml(c.description)}"/><p:cNvGraphicFramePr/><p:nvPr/></p:nvGraphicFramePr>` +
      `<p:xfrm><a:off x="${emu(body.x)}" y="${emu(body.y)}"/><a:ext cx="${emu(body.w)}" cy="${emu(Math.min(body.h, 500))}"/></p:xfrm>` +
      `<a:graphic><a:graphicData uri="http://schemas.openxmlformats.org/drawingml/2006/chart"><c:chart xmlns:c="http://schemas.openxmlformats.org/drawingml/2006/chart" r:id="${rId}"/></a:graphicData></a:graphic></p:graphicFrame>`,
  );
}

function summary(w: SlideWriter, html: string): void {
  const h = summaryHeight(html);
  const box: Box = { x: MARGIN, y: SUMMARY_BOTTOM - h, w: CONTENT_W, h };
  w.textBox('Summary', box, [{ runs: runsOf(html), style: { sizePx: SUMMARY_PX, bold: true } }], {
    fill: 'bg2',
    anchor: 'ctr',
    insets: `lIns="${emu(22)}" tIns="${emu(10)}" rIns="${emu(16)}" bIns="${emu(10)}"`,
  });
  w.shape('Summary Bar', { x: MARGIN, y: box.y, w: 6, h }, 'rect', 'accent1');
}

function cites(w: SlideWriter, slide: SlideModel): void {
  const sources = w.env.sourcesId;
  const runs: Run[] = [{ text: `${slide.citeLabel}: ` }];
  slide.cites.forEach((c, i) => {
    if (i) runs.push({ text: '; ' });
    runs.push({ text: `[${c.number}] ${c.label}`, ...(sources ? { href: `#/${sources}` } : {}) });
  });
  w.textBox('Citation', CITE, [{ runs, style: { sizePx: SMALL_PX, color: 'accent5' } }], { anchor: 'b' });
}

/**
 * Footer and slide number fill the layout's placeholders, with their look written out: viewers
 * such as LibreOffice do not pass a layout's footer style on to the slide.
 */
function footer(w: SlideWriter, slide: SlideModel, deck: DeckModel): void {
  const style: RunStyle = { sizePx: 16, color: 'accent5', font: '+mn-lt' };
  if (deck.marking) w.placeholder(PH.footer, 'Footer', [{ runs: [{ text: deck.marking }], style, pPr: '<a:pPr algn="l"/>' }]);
  const id = w.id();
  const rPr = `<a:rPr lang="${w.lang}" sz="${sizeOf(18)}"><a:solidFill><a:schemeClr val="accent5"/></a:solidFill><a:latin typeface="+mn-lt"/></a:rPr>`;
  // The talk's slides count with PowerPoint's own field; backup slides keep their label (A1, A2, …), which no field can show.
  const number = slide.backup
    ? `<a:r>${rPr}<a:t>${escapeXml(slide.label)}</a:t></a:r>`
    : `<a:fld id="{5C4A8F0E-7D2B-4E1A-9C3F-2B6D8E1A4F70}" type="slidenum">${rPr}<a:t>${slide.number}</a:t></a:fld>`;
  w.add(
    `<p:sp><p:nvSpPr><p:cNvPr id="${id}" name="Slide Number"/><p:cNvSpPr><a:spLocks noGrp="1"/></p:cNvSpPr><p:nvPr>${phXml(PH.slideNumber, ' sz="quarter"')}</p:nvPr></p:nvSpPr><p:spPr/>` +
      `<p:txBody><a:bodyPr/><a:lstStyle/><a:p><a:pPr algn="r"/>${number}<a:endParaRPr lang="${w.lang}"/></a:p></p:txBody></p:sp>`,
  );
}

// ---------------------------------------------------------------------------------------------
// Notes

/** The speaker notes (block HTML from Markdown) as paragraphs: one per paragraph or list item. */
export function notesParagraphs(html: string): Paragraph[] {
  const blocks = html
    .replace(/\r/g, '')
    .split(/<\/(?:p|li|h[1-6]|blockquote|pre)>|<(?:ul|ol)>|<\/(?:ul|ol)>/)
    .map((b) => b.trim())
    .filter(Boolean);
  return blocks.map((block) => {
    const item = /^<li>/.test(block);
    const inner = block.replace(/^<(p|li|h[1-6]|blockquote|pre)[^>]*>/, '').replace(/\n/g, ' ');
    const runs = runsOf(inner);
    return { runs: item ? [{ text: '• ' }, ...runs] : runs };
  });
}

export function notesSlideXml(slide: SlideModel, lang: string): string {
  const ctx: TextContext = { lang, link: () => undefined };
  const paragraphs = notesParagraphs(slide.notesHtml ?? '');
  return (
    XML_HEAD +
    `<p:notes ${NS}><p:cSld><p:spTree><p:nvGrpSpPr><p:cNvPr id="1" name=""/><p:cNvGrpSpPr/><p:nvPr/></p:nvGrpSpPr><p:grpSpPr/>` +
    `<p:sp><p:nvSpPr><p:cNvPr id="2" name="Slide Image"/><p:cNvSpPr><a:spLocks noGrp="1" noRot="1" noChangeAspect="1"/></p:cNvSpPr><p:nvPr><p:ph type="sldImg"/></p:nvPr></p:nvSpPr><p:spPr/></p:sp>` +
    `<p:sp><p:nvSpPr><p:cNvPr id="3" name="Notes"/><p:cNvSpPr><a:spLocks noGrp="1"/></p:cNvSpPr><p:nvPr><p:ph type="body" idx="1"/></p:nvPr></p:nvSpPr><p:spPr/>` +
    `<p:txBody><a:bodyPr/><a:lstStyle/>${paragraphs.map((p) => paragraphXml(p, ctx)).join('')}</p:txBody></p:sp>` +
    `</p:spTree></p:cSld><p:clrMapOvr><a:masterClrMapping/></p:clrMapOvr></p:notes>`
  );
}

