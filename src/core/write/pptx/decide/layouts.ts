/**
 * The slide master and its layouts, decided: real placeholders (title, body, footer, slide
 * number) with their places and looks, so that PowerPoint's outline view, "Reset slide", the
 * accessibility checker and Design work. Slides only fill the placeholders.
 */
import type { Anchor, Box, ColorMap, Layout, LayoutPlaceholder, LayoutShape, LevelStyle, Master, PlaceholderRef, PresetShape, RuleShape, SchemeColor } from '../presentation.js';
import { BASE_PX, MARGIN, SMALL_PX, TITLE_PX, type Geometry } from './geometry.js';
import { NO_INSETS } from './shapes.js';

/** Placeholders slides refer to: type and index must match the layout's for inheritance to work. */
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

function placeholder(name: string, ph: PlaceholderRef, box: Box, prompt: string, opts: { anchor?: Anchor; listStyle?: LevelStyle } = {}): LayoutPlaceholder {
  return { kind: 'layoutPlaceholder', name, ph, box, insets: NO_INSETS, prompt, ...opts };
}

/** A decoration: a filled rectangle or a rule, drawn in a theme colour. */
const band = (name: string, box: Box, color: SchemeColor): PresetShape => ({ kind: 'preset', geometry: 'rect', name, box, fill: { theme: color }, userDrawn: true });
const rule = (name: string, x1: number, y: number, x2: number, px: number, color: SchemeColor): RuleShape => ({
  kind: 'rule',
  name,
  x: x1,
  y,
  w: x2 - x1,
  line: { px, color },
  userDrawn: true,
});

/** A placeholder's first level: no bullet, no indent, no space before. */
const lvl1 = (px: number, opts: { bold?: boolean; color?: SchemeColor; align?: 'r'; spcAftPx?: number } = {}): LevelStyle => ({
  marginPx: 0,
  hangPx: 0,
  ...(opts.align ? { align: opts.align } : {}),
  spaceBeforePx: 0,
  ...(opts.spcAftPx !== undefined ? { spaceAfterPx: opts.spcAftPx } : {}),
  bullet: { kind: 'none' },
  text: { sizePx: px, ...(opts.bold !== undefined ? { bold: opts.bold } : {}), ...(opts.color ? { color: opts.color } : {}) },
});

const footerPlaceholders = (g: Geometry): LayoutShape[] => [
  placeholder('Footer Placeholder', { ...PH.footer, size: 'quarter' }, g.footer, '', { anchor: 'b', listStyle: lvl1(16, { color: 'accent5' }) }),
  placeholder('Slide Number Placeholder', { ...PH.slideNumber, size: 'quarter' }, g.slideNumber, '‹#›', { anchor: 'b', listStyle: lvl1(18, { color: 'accent5', align: 'r' }) }),
];

/** Titles hang from the top of their box: one that wraps further than fitted grows towards the body, not off the slide. */
const titlePlaceholder = (box: Box): LayoutShape => placeholder('Title Placeholder', PH.title, box, 'Title', { anchor: 't' });
/** The body of a content slide: below the title rule, above the footer line. */
const bodyBox = (g: Geometry): Box => ({ x: MARGIN, y: g.bodyTop, w: g.contentW, h: g.contentBottom - g.bodyTop });
const titleRule = (g: Geometry): LayoutShape => rule('Title Rule', MARGIN, g.titleRuleY, MARGIN + g.contentW, 3, 'accent1');

function compareShapes(g: Geometry): LayoutShape[] {
  const { columnW, headingY, headingH, bodyY } = g.compare;
  const right = MARGIN + columnW + 40;
  const heading = lvl1(BASE_PX * 1.05, { bold: true, color: 'tx2' });
  return [
    titlePlaceholder(g.title),
    titleRule(g),
    placeholder('Left Heading', PH.leftHeading, { x: MARGIN, y: headingY, w: columnW, h: headingH }, 'Heading', { anchor: 't', listStyle: heading }),
    rule('Left Rule', MARGIN, headingY + headingH + 6, MARGIN + columnW, 2, 'accent6'),
    placeholder('Left Content', PH.leftBody, { x: MARGIN, y: bodyY, w: columnW, h: g.contentBottom - bodyY }, 'Text'),
    placeholder('Right Heading', PH.rightHeading, { x: right, y: headingY, w: columnW, h: headingH }, 'Heading', { anchor: 't', listStyle: heading }),
    rule('Right Rule', right, headingY + headingH + 6, right + columnW, 2, 'accent6'),
    placeholder('Right Content', PH.rightBody, { x: right, y: bodyY, w: columnW, h: g.contentBottom - bodyY }, 'Text'),
    ...footerPlaceholders(g),
  ];
}

/** The master's layouts at the deck's size. */
export const layoutsFor = (g: Geometry): Layout[] => [
  {
    key: 'title',
    name: 'Title Slide',
    type: 'title',
    shapes: [
      band('Accent Band', { x: 0, y: 0, w: g.slide.w, h: 16 }, 'accent1'),
      placeholder('Title', PH.ctrTitle, g.titlePage.title, 'Title', { anchor: 'b', listStyle: lvl1(BASE_PX * 1.9) }),
      placeholder('Subtitle', PH.subTitle, g.titlePage.subtitle, 'Subtitle', { anchor: 't', listStyle: lvl1(BASE_PX * 1.05, { color: 'accent5' }) }),
      rule('Byline Rule', MARGIN, g.titlePage.ruleY, MARGIN + g.contentW * 0.6, 4, 'accent1'),
      placeholder('Byline', PH.byline, g.titlePage.byline, 'Author', { anchor: 't', listStyle: lvl1(BASE_PX * 0.8, { spcAftPx: 4 }) }),
      ...footerPlaceholders(g),
    ],
  },
  {
    key: 'content',
    name: 'Title and Content',
    type: 'obj',
    shapes: [titlePlaceholder(g.title), titleRule(g), placeholder('Content', PH.body, bodyBox(g), 'Text'), ...footerPlaceholders(g)],
  },
  {
    key: 'section',
    name: 'Section Header',
    type: 'secHead',
    shapes: [
      band('Section Bar', { x: MARGIN, y: g.section.title.y + 60, w: 16, h: g.section.subtitle.y + g.section.subtitle.h - g.section.title.y - 60 }, 'accent1'),
      placeholder('Title', PH.title, g.section.title, 'Section', { anchor: 'b', listStyle: lvl1(BASE_PX * 1.8, { color: 'accent1' }) }),
      placeholder('Text', PH.sectionText, g.section.subtitle, 'Text', { anchor: 't', listStyle: lvl1(BASE_PX, { color: 'accent5', bold: false }) }),
      ...footerPlaceholders(g),
    ],
  },
  { key: 'compare', name: 'Comparison', type: 'twoTxTwoObj', shapes: compareShapes(g) },
  { key: 'titleOnly', name: 'Title Only', type: 'titleOnly', shapes: [titlePlaceholder(g.title), titleRule(g), ...footerPlaceholders(g)] },
  {
    key: 'closing',
    name: 'Closing',
    shapes: [
      titlePlaceholder(g.closing.title),
      placeholder('Subtitle', PH.closingSubtitle, g.closing.subtitle, 'Subtitle', { anchor: 't', listStyle: lvl1(BASE_PX, { color: 'tx1' }) }),
      placeholder('Content', PH.closingBody, g.closing.body, 'Text'),
      ...footerPlaceholders(g),
    ],
  },
];

/** Talking points: level 1 at 32 px, deeper levels 85 % of their parent, bullets • ◦ ▪, as in the HTML lists. */
function bodyLevels(): LevelStyle[] {
  const out: LevelStyle[] = [];
  let size = BASE_PX;
  let marL = 0;
  for (let level = 1; level <= 9; level++) {
    const indent = 1.1 * size;
    marL += level === 1 ? indent : 1.1 * size;
    out.push({
      marginPx: marL,
      hangPx: indent,
      align: 'l',
      lineSpacingPct: 100,
      spaceBeforePx: level === 1 ? 0 : 0.1 * size,
      spaceAfterPx: level === 1 ? 0.5 * size : 0.2 * size,
      bullet: { kind: 'char', char: level === 1 ? '•' : level === 2 ? '◦' : '▪', font: { typeface: 'Arial', pitchFamily: 34, charset: 0 }, color: 'tx1' },
      text: { sizePx: size, kern: 0, color: 'tx1', themeFont: 'minor' },
    });
    size *= 0.85;
  }
  return out;
}

/** Nine levels of unindented body text at one size. */
export function plainLevels(px: number): LevelStyle[] {
  return Array.from({ length: 9 }, () => ({ marginPx: 0, hangPx: 0, align: 'l', text: { sizePx: px, kern: 0, color: 'tx1', themeFont: 'minor' } }));
}

/** Text is the theme's dark colour on its light one. */
const COLOR_MAP: ColorMap = {
  bg1: 'lt1',
  tx1: 'dk1',
  bg2: 'lt2',
  tx2: 'dk2',
  accent1: 'accent1',
  accent2: 'accent2',
  accent3: 'accent3',
  accent4: 'accent4',
  accent5: 'accent5',
  accent6: 'accent6',
  hlink: 'hlink',
  folHlink: 'folHlink',
};

/** The slide master at the deck's size. */
export const masterFor = (g: Geometry): Master => ({
  shapes: [
    titlePlaceholder(g.title),
    placeholder('Text Placeholder', { type: 'body', idx: 1 }, bodyBox(g), 'Text'),
    ...footerPlaceholders(g),
  ],
  colorMap: COLOR_MAP,
  titleStyle: [{ align: 'l', lineSpacingPct: 100, spaceBeforePx: 0, bullet: { kind: 'none' }, text: { sizePx: TITLE_PX, bold: true, kern: 0, color: 'tx2', themeFont: 'major' } }],
  bodyStyle: bodyLevels(),
  otherStyle: plainLevels(SMALL_PX),
});
