/**
 * The slide master and its layouts: real placeholders (title, body, footer, slide number), so
 * PowerPoint's outline view, "Reset slide", the accessibility checker and Design work. Slides
 * only fill the placeholders; look and place come from here.
 */
import { BASE_PX, BODY_TOP, CONTENT_BOTTOM, CONTENT_W, FOOTER, MARGIN, SLIDE, SLIDE_NUMBER, SMALL_PX, TITLE, TITLE_PX, TITLE_RULE_Y } from './decide/geometry.js';
import type { Box, LayoutKey, PlaceholderRef } from './presentation.js';
import { NS, XML_HEAD, emu, sizeOf, xfrm } from './ooxml/xml.js';

/** Placeholders slides refer to: `<p:ph …>` must match the layout's for inheritance to work. */
export const PH = {
  title: { type: 'title' },
  ctrTitle: { type: 'ctrTitle' },
  subTitle: { type: 'subTitle', idx: 1 },
  body: { idx: 1 },
  byline: { type: 'body', idx: 13 },
  sectionText: { type: 'body', idx: 1 },
  leftHeading: { type: 'body', idx: 1 },
  leftBody: { idx: 2 },
  rightHeading: { type: 'body', idx: 3 },
  rightBody: { idx: 4 },
  closingSubtitle: { type: 'body', idx: 13 },
  closingBody: { idx: 14 },
  footer: { type: 'ftr', idx: 11 },
  slideNumber: { type: 'sldNum', idx: 12 },
} as const satisfies Record<string, PlaceholderRef>;

function phXml(ph: PlaceholderRef, extra = ''): string {
  return `<p:ph${ph.type ? ` type="${ph.type}"` : ''}${ph.idx !== undefined ? ` idx="${ph.idx}"` : ''}${extra}/>`;
}

const solid = (scheme: string) => `<a:solidFill><a:schemeClr val="${scheme}"/></a:solidFill>`;

interface PhSpec {
  id: number;
  name: string;
  ph: PlaceholderRef;
  box: Box;
  /** bodyPr attributes, e.g. anchor. */
  bodyPr?: string;
  /** lstStyle content: the level-1 paragraph look of this placeholder. */
  lvl1?: string;
  text?: string;
  hasCustomPrompt?: boolean;
}

function placeholder(s: PhSpec): string {
  const lst = s.lvl1 ? `<a:lstStyle>${s.lvl1}</a:lstStyle>` : '<a:lstStyle/>';
  return (
    `<p:sp><p:nvSpPr><p:cNvPr id="${s.id}" name="${s.name}"/><p:cNvSpPr><a:spLocks noGrp="1"/></p:cNvSpPr>` +
    `<p:nvPr>${phXml(s.ph, s.ph.type === 'ftr' || s.ph.type === 'sldNum' ? ' sz="quarter"' : '')}</p:nvPr></p:nvSpPr>` +
    `<p:spPr>${xfrm(s.box)}</p:spPr>` +
    `<p:txBody><a:bodyPr ${s.bodyPr ?? ''}/>${lst}<a:p><a:r><a:rPr lang="en-US"/><a:t>${s.text ?? s.name}</a:t></a:r></a:p></p:txBody></p:sp>`
  );
}

/** A decoration: a filled rectangle or a line, drawn in a theme colour. */
export function rectXml(id: number, name: string, box: Box, scheme: string): string {
  return (
    `<p:sp><p:nvSpPr><p:cNvPr id="${id}" name="${name}"/><p:cNvSpPr/><p:nvPr userDrawn="1"/></p:nvSpPr>` +
    `<p:spPr>${xfrm(box)}<a:prstGeom prst="rect"><a:avLst/></a:prstGeom>${solid(scheme)}<a:ln><a:noFill/></a:ln></p:spPr></p:sp>`
  );
}

export function lineXml(id: number, name: string, x1: number, y: number, x2: number, widthPx: number, scheme: string): string {
  return (
    `<p:cxnSp><p:nvCxnSpPr><p:cNvPr id="${id}" name="${name}"/><p:cNvCxnSpPr/><p:nvPr userDrawn="1"/></p:nvCxnSpPr>` +
    `<p:spPr><a:xfrm><a:off x="${emu(x1)}" y="${emu(y)}"/><a:ext cx="${emu(x2 - x1)}" cy="0"/></a:xfrm><a:prstGeom prst="line"><a:avLst/></a:prstGeom>` +
    `<a:ln w="${emu(widthPx)}">${solid(scheme)}</a:ln></p:spPr></p:cxnSp>`
  );
}

const ZERO_INSETS = 'lIns="0" tIns="0" rIns="0" bIns="0"';
const lvl1 = (px: number, opts: { bold?: boolean; color?: string; bullet?: boolean; align?: string; spcAftPx?: number; lnPct?: number } = {}) =>
  `<a:lvl1pPr marL="0" indent="0"${opts.align ? ` algn="${opts.align}"` : ''}>` +
  (opts.lnPct ? `<a:lnSpc><a:spcPct val="${opts.lnPct * 1000}"/></a:lnSpc>` : '') +
  `<a:spcBef><a:spcPts val="0"/></a:spcBef>` +
  (opts.spcAftPx !== undefined ? `<a:spcAft><a:spcPts val="${Math.round(opts.spcAftPx * 75)}"/></a:spcAft>` : '') +
  (opts.bullet ? '' : '<a:buNone/>') +
  `<a:defRPr sz="${sizeOf(px)}"${opts.bold !== undefined ? ` b="${opts.bold ? 1 : 0}"` : ''}>${opts.color ? solid(opts.color) : ''}</a:defRPr></a:lvl1pPr>`;

const footerPlaceholders = (first: number): string =>
  placeholder({ id: first, name: 'Footer Placeholder', ph: PH.footer, box: FOOTER, bodyPr: `${ZERO_INSETS} anchor="b"`, lvl1: lvl1(16, { color: 'accent5' }), text: '' }) +
  placeholder({ id: first + 1, name: 'Slide Number Placeholder', ph: PH.slideNumber, box: SLIDE_NUMBER, bodyPr: `${ZERO_INSETS} anchor="b"`, lvl1: lvl1(18, { color: 'accent5', align: 'r' }), text: '‹#›' });

const titlePlaceholder = (id: number, box: Box = TITLE): string =>
  placeholder({ id, name: 'Title Placeholder', ph: PH.title, box, bodyPr: `${ZERO_INSETS} anchor="b"`, text: 'Title' });

const bodyBox: Box = { x: MARGIN, y: BODY_TOP, w: CONTENT_W, h: CONTENT_BOTTOM - BODY_TOP };
const titleRule = (id: number) => lineXml(id, 'Title Rule', MARGIN, TITLE_RULE_Y, MARGIN + CONTENT_W, 3, 'accent1');

/** Title page: accent band on top, title, subtitle, a rule and the byline. */
export const TITLE_PAGE = {
  title: { x: MARGIN, y: 150, w: CONTENT_W, h: 150 } as Box,
  subtitle: { x: MARGIN, y: 312, w: CONTENT_W, h: 48 } as Box,
  ruleY: 394,
  byline: { x: MARGIN, y: 414, w: CONTENT_W * 0.6, h: 110 } as Box,
};
export const SECTION = {
  title: { x: MARGIN + 48, y: 236, w: CONTENT_W - 48, h: 140 } as Box,
  subtitle: { x: MARGIN + 48, y: 384, w: CONTENT_W - 48, h: 48 } as Box,
};
export const CLOSING = {
  title: { x: MARGIN, y: 150, w: CONTENT_W, h: 120 } as Box,
  subtitle: { x: MARGIN, y: 286, w: CONTENT_W, h: 48 } as Box,
  body: { x: MARGIN, y: 350, w: CONTENT_W, h: CONTENT_BOTTOM - 350 } as Box,
};
export const COMPARE = {
  columnW: (CONTENT_W - 40) / 2,
  headingY: BODY_TOP,
  headingH: 44,
  bodyY: BODY_TOP + 60,
};

interface LayoutDef {
  key: LayoutKey;
  name: string;
  type?: string;
  shapes: string;
}

export const LAYOUTS: LayoutDef[] = [
  {
    key: 'title',
    name: 'Title Slide',
    type: 'title',
    shapes:
      rectXml(2, 'Accent Band', { x: 0, y: 0, w: SLIDE.w, h: 16 }, 'accent1') +
      placeholder({ id: 3, name: 'Title', ph: PH.ctrTitle, box: TITLE_PAGE.title, bodyPr: `${ZERO_INSETS} anchor="b"`, lvl1: lvl1(BASE_PX * 1.9), text: 'Title' }) +
      placeholder({ id: 4, name: 'Subtitle', ph: PH.subTitle, box: TITLE_PAGE.subtitle, bodyPr: `${ZERO_INSETS} anchor="t"`, lvl1: lvl1(BASE_PX * 1.05, { color: 'accent5' }), text: 'Subtitle' }) +
      lineXml(5, 'Byline Rule', MARGIN, TITLE_PAGE.ruleY, MARGIN + CONTENT_W * 0.6, 4, 'accent1') +
      placeholder({ id: 6, name: 'Byline', ph: PH.byline, box: TITLE_PAGE.byline, bodyPr: `${ZERO_INSETS} anchor="t"`, lvl1: lvl1(BASE_PX * 0.8, { spcAftPx: 4 }), text: 'Author' }) +
      footerPlaceholders(7),
  },
  {
    key: 'content',
    name: 'Title and Content',
    type: 'obj',
    shapes: titlePlaceholder(2) + titleRule(3) + placeholder({ id: 4, name: 'Content', ph: PH.body, box: bodyBox, bodyPr: ZERO_INSETS, text: 'Text' }) + footerPlaceholders(5),
  },
  {
    key: 'section',
    name: 'Section Header',
    type: 'secHead',
    shapes:
      rectXml(2, 'Section Bar', { x: MARGIN, y: SECTION.title.y + 60, w: 16, h: SECTION.subtitle.y + SECTION.subtitle.h - SECTION.title.y - 60 }, 'accent1') +
      placeholder({ id: 3, name: 'Title', ph: PH.title, box: SECTION.title, bodyPr: `${ZERO_INSETS} anchor="b"`, lvl1: lvl1(BASE_PX * 1.8, { color: 'accent1' }), text: 'Section' }) +
      placeholder({ id: 4, name: 'Text', ph: PH.sectionText, box: SECTION.subtitle, bodyPr: `${ZERO_INSETS} anchor="t"`, lvl1: lvl1(BASE_PX, { color: 'accent5', bold: false }), text: 'Text' }) +
      footerPlaceholders(5),
  },
  {
    key: 'compare',
    name: 'Comparison',
    type: 'twoTxTwoObj',
    shapes: (() => {
      const { columnW, headingY, headingH, bodyY } = COMPARE;
      const right = MARGIN + columnW + 40;
      const heading = lvl1(BASE_PX * 1.05, { bold: true, color: 'tx2' });
      return (
        titlePlaceholder(2) +
        titleRule(3) +
        placeholder({ id: 4, name: 'Left Heading', ph: PH.leftHeading, box: { x: MARGIN, y: headingY, w: columnW, h: headingH }, bodyPr: `${ZERO_INSETS} anchor="b"`, lvl1: heading, text: 'Heading' }) +
        lineXml(5, 'Left Rule', MARGIN, headingY + headingH + 6, MARGIN + columnW, 2, 'accent6') +
        placeholder({ id: 6, name: 'Left Content', ph: PH.leftBody, box: { x: MARGIN, y: bodyY, w: columnW, h: CONTENT_BOTTOM - bodyY }, bodyPr: ZERO_INSETS, text: 'Text' }) +
        placeholder({ id: 7, name: 'Right Heading', ph: PH.rightHeading, box: { x: right, y: headingY, w: columnW, h: headingH }, bodyPr: `${ZERO_INSETS} anchor="b"`, lvl1: heading, text: 'Heading' }) +
        lineXml(8, 'Right Rule', right, headingY + headingH + 6, right + columnW, 2, 'accent6') +
        placeholder({ id: 9, name: 'Right Content', ph: PH.rightBody, box: { x: right, y: bodyY, w: columnW, h: CONTENT_BOTTOM - bodyY }, bodyPr: ZERO_INSETS, text: 'Text' }) +
        footerPlaceholders(10)
      );
    })(),
  },
  {
    key: 'titleOnly',
    name: 'Title Only',
    type: 'titleOnly',
    shapes: titlePlaceholder(2) + titleRule(3) + footerPlaceholders(4),
  },
  {
    key: 'closing',
    name: 'Closing',
    shapes:
      titlePlaceholder(2, CLOSING.title) +
      placeholder({ id: 3, name: 'Subtitle', ph: PH.closingSubtitle, box: CLOSING.subtitle, bodyPr: `${ZERO_INSETS} anchor="t"`, lvl1: lvl1(BASE_PX, { color: 'tx1' }), text: 'Subtitle' }) +
      placeholder({ id: 4, name: 'Content', ph: PH.closingBody, box: CLOSING.body, bodyPr: ZERO_INSETS, text: 'Text' }) +
      footerPlaceholders(5),
  },
];

export function layoutXml(def: LayoutDef): string {
  return (
    XML_HEAD +
    `<p:sldLayout ${NS}${def.type ? ` type="${def.type}"` : ''} preserve="1"><p:cSld name="${def.name}"><p:spTree>` +
    `<p:nvGrpSpPr><p:cNvPr id="1" name=""/><p:cNvGrpSpPr/><p:nvPr/></p:nvGrpSpPr><p:grpSpPr/>` +
    def.shapes +
    `</p:spTree></p:cSld><p:clrMapOvr><a:masterClrMapping/></p:clrMapOvr></p:sldLayout>`
  );
}

const CLR_MAP = 'bg1="lt1" tx1="dk1" bg2="lt2" tx2="dk2" accent1="accent1" accent2="accent2" accent3="accent3" accent4="accent4" accent5="accent5" accent6="accent6" hlink="hlink" folHlink="folHlink"';

function levels(): string {
  // Level 1 as a talking point (32 px), deeper levels 85 % of their parent, as in the HTML lists.
  let out = '';
  let size = BASE_PX;
  let marL = 0;
  for (let level = 1; level <= 9; level++) {
    const indent = 1.1 * size;
    marL += level === 1 ? indent : 1.1 * size;
    const bullet = level === 1 ? '•' : level === 2 ? '◦' : '▪';
    const after = level === 1 ? 0.5 * size : 0.2 * size;
    const before = level === 1 ? 0 : 0.1 * size;
    out +=
      `<a:lvl${level}pPr marL="${emu(marL)}" indent="${-emu(indent)}" algn="l">` +
      `<a:lnSpc><a:spcPct val="100000"/></a:lnSpc><a:spcBef><a:spcPts val="${Math.round(before * 75)}"/></a:spcBef><a:spcAft><a:spcPts val="${Math.round(after * 75)}"/></a:spcAft>` +
      `<a:buClr><a:schemeClr val="tx1"/></a:buClr><a:buFont typeface="Arial" pitchFamily="34" charset="0"/><a:buChar char="${bullet}"/>` +
      `<a:defRPr sz="${sizeOf(size)}" kern="0"><a:solidFill><a:schemeClr val="tx1"/></a:solidFill><a:latin typeface="+mn-lt"/><a:ea typeface="+mn-ea"/><a:cs typeface="+mn-cs"/></a:defRPr></a:lvl${level}pPr>`;
    size *= 0.85;
  }
  return out;
}

function plainLevels(px: number): string {
  let out = '';
  for (let level = 1; level <= 9; level++) {
    out += `<a:lvl${level}pPr marL="0" indent="0" algn="l"><a:defRPr sz="${sizeOf(px)}" kern="0"><a:solidFill><a:schemeClr val="tx1"/></a:solidFill><a:latin typeface="+mn-lt"/><a:ea typeface="+mn-ea"/><a:cs typeface="+mn-cs"/></a:defRPr></a:lvl${level}pPr>`;
  }
  return out;
}

export function masterXml(layoutCount: number): string {
  const body: Box = { x: MARGIN, y: BODY_TOP, w: CONTENT_W, h: CONTENT_BOTTOM - BODY_TOP };
  return (
    XML_HEAD +
    `<p:sldMaster ${NS}><p:cSld><p:bg><p:bgRef idx="1001"><a:schemeClr val="bg1"/></p:bgRef></p:bg><p:spTree>` +
    `<p:nvGrpSpPr><p:cNvPr id="1" name=""/><p:cNvGrpSpPr/><p:nvPr/></p:nvGrpSpPr><p:grpSpPr/>` +
    titlePlaceholder(2) +
    placeholder({ id: 3, name: 'Text Placeholder', ph: { type: 'body', idx: 1 }, box: body, bodyPr: ZERO_INSETS, text: 'Text' }) +
    footerPlaceholders(4) +
    `</p:spTree></p:cSld><p:clrMap ${CLR_MAP}/><p:sldLayoutIdLst>` +
    Array.from({ length: layoutCount }, (_, i) => `<p:sldLayoutId id="${2147483649 + i}" r:id="rId${i + 1}"/>`).join('') +
    `</p:sldLayoutIdLst><p:hf hdr="0" dt="0"/><p:txStyles>` +
    `<p:titleStyle><a:lvl1pPr algn="l"><a:lnSpc><a:spcPct val="100000"/></a:lnSpc><a:spcBef><a:spcPts val="0"/></a:spcBef><a:buNone/>` +
    `<a:defRPr sz="${sizeOf(TITLE_PX)}" b="1" kern="0"><a:solidFill><a:schemeClr val="tx2"/></a:solidFill><a:latin typeface="+mj-lt"/><a:ea typeface="+mj-ea"/><a:cs typeface="+mj-cs"/></a:defRPr></a:lvl1pPr></p:titleStyle>` +
    `<p:bodyStyle>${levels()}</p:bodyStyle>` +
    `<p:otherStyle>${plainLevels(SMALL_PX)}</p:otherStyle>` +
    `</p:txStyles></p:sldMaster>`
  );
}

export const DEFAULT_TEXT_STYLE = `<p:defaultTextStyle>${plainLevels(BASE_PX)}</p:defaultTextStyle>`;


export const NOTES_SIZE = { cx: 6858000, cy: 9144000 };

export function notesMasterXml(): string {
  return (
    XML_HEAD +
    `<p:notesMaster ${NS}><p:cSld><p:bg><p:bgRef idx="1001"><a:schemeClr val="bg1"/></p:bgRef></p:bg><p:spTree>` +
    `<p:nvGrpSpPr><p:cNvPr id="1" name=""/><p:cNvGrpSpPr/><p:nvPr/></p:nvGrpSpPr><p:grpSpPr/>` +
    `<p:sp><p:nvSpPr><p:cNvPr id="2" name="Slide Image Placeholder"/><p:cNvSpPr><a:spLocks noGrp="1" noRot="1" noChangeAspect="1"/></p:cNvSpPr><p:nvPr><p:ph type="sldImg" idx="2"/></p:nvPr></p:nvSpPr>` +
    `<p:spPr><a:xfrm><a:off x="381000" y="685800"/><a:ext cx="6096000" cy="3429000"/></a:xfrm><a:prstGeom prst="rect"><a:avLst/></a:prstGeom><a:noFill/><a:ln w="12700"><a:solidFill><a:prstClr val="black"/></a:solidFill></a:ln></p:spPr></p:sp>` +
    `<p:sp><p:nvSpPr><p:cNvPr id="3" name="Notes Placeholder"/><p:cNvSpPr><a:spLocks noGrp="1"/></p:cNvSpPr><p:nvPr><p:ph type="body" sz="quarter" idx="1"/></p:nvPr></p:nvSpPr>` +
    `<p:spPr><a:xfrm><a:off x="685800" y="4343400"/><a:ext cx="5486400" cy="4114800"/></a:xfrm><a:prstGeom prst="rect"><a:avLst/></a:prstGeom></p:spPr>` +
    `<p:txBody><a:bodyPr/><a:lstStyle/><a:p><a:r><a:rPr lang="en-US"/><a:t>Notes</a:t></a:r></a:p></p:txBody></p:sp>` +
    `</p:spTree></p:cSld><p:clrMap ${CLR_MAP}/>` +
    `<p:notesStyle>${Array.from({ length: 9 }, (_, i) => `<a:lvl${i + 1}pPr marL="${i * 457200}" algn="l"><a:spcAft><a:spcPts val="600"/></a:spcAft><a:defRPr sz="1400" kern="0"><a:solidFill><a:schemeClr val="tx1"/></a:solidFill><a:latin typeface="+mn-lt"/><a:ea typeface="+mn-ea"/><a:cs typeface="+mn-cs"/></a:defRPr></a:lvl${i + 1}pPr>`).join('')}</p:notesStyle>` +
    `</p:notesMaster>`
  );
}
