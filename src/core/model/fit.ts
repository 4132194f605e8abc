/**
 * Will a slide's text fit? An estimate from the layout's measures in the briefing theme at
 * reveal.js's 1280×720 (templates/themes/*.css): text is wrapped word by word at an average
 * glyph width, and the heights are added up per layout. It errs on the side of silence; the
 * browser is the judge (`talkdeck build` and look).
 */
import { plainText } from '../base/markdown.js';
import type { NormalSlide } from '../deck/layouts.js';
import type { Point } from '../deck/fields.js';
import type { DeckModel, ReferenceModel } from './types.js';
import { maxOf } from '../base/extent.js';

/**
 * Average advance of a glyph in Source Sans 3, in em, by weight (400, 600, 700). Calibrated
 * against Chromium on the briefing and example decks (test/aids-browser.test.ts holds it there).
 */
const GLYPH_EM = { regular: 0.46, semibold: 0.49, bold: 0.53 } as const;
type Weight = keyof typeof GLYPH_EM;
const SPACE_EM = 0.2;

const BASE = 32; // --r-main-font-size in briefing.css
const CONTENT_TOP = 36;
/** The measures of the deck's slide box (its `size`): text width, and where body and summary end. */
interface Page {
  width: number;
  contentBottom: number;
  summaryBottom: number;
}
const pageOf = (model: DeckModel): Page => ({
  width: model.size.width - 2 * 56, // slide minus side padding
  contentBottom: model.size.height - 64,
  summaryBottom: model.size.height - 78,
});
const GAP = 12; // air we want between the body and the summary box
/** Table cells: font (0.78em), vertical padding + rule, horizontal padding (layouts.css). */
const TABLE_FONT = BASE * 0.78;
const TABLE_ROW_EXTRA = 16 + 1;
const TABLE_CELL_PAD = 28;

export interface Fit {
  /** Estimated height the body needs, in px. */
  needed: number;
  /** Height available below the title and above the summary, in px. */
  available: number;
  /** What to do about it, when the layout knows better than "shorten the text". */
  hint?: string | undefined;
  /** What does not fit, when it is not the height (e.g. a table's columns). */
  what?: string | undefined;
}

/** Lines a text wraps into at a font size and width (greedy, word by word). */
export function lineCount(text: string, fontPx: number, widthPx: number, weight: Weight = 'regular'): number {
  const glyph = GLYPH_EM[weight] * fontPx;
  const space = SPACE_EM * fontPx;
  let lines = 1;
  let x = 0;
  for (const word of plainText(text).split(/\s+/).filter(Boolean)) {
    const w = [...word].length * glyph;
    // A word longer than the line overflows it rather than wrapping (no hyphenation in body text).
    if (x > 0 && x + space + w > widthPx) {
      lines++;
      x = w;
    } else x += (x > 0 ? space : 0) + w;
  }
  return lines;
}

function titleHeight(title: string, page: Page): number {
  const font = BASE * 1.45;
  return lineCount(title, font, page.width, 'bold') * font * 1.15 + 10 + 3 + 24;
}

function summaryTop(summary: string | undefined, page: Page): number {
  if (!summary) return page.contentBottom;
  const font = BASE * 0.9;
  const height = lineCount(summary, font, page.width - 38, 'semibold') * font * 1.3 + 20;
  return page.summaryBottom - height - GAP;
}

/** A list's height; the margin after its last item is not counted, as it takes no room on the slide. */
function pointsHeight(points: readonly Point[], fontPx: number, widthPx: number, itemMargin = 0.5): number {
  const indent = 1.1 * fontPx;
  const last = points.length ? itemMargin * fontPx : 0;
  return -last + points.reduce((h, p) => {
    const text = typeof p === 'string' ? p : p.text;
    let item = lineCount(text, fontPx, widthPx - indent) * fontPx * 1.3 + itemMargin * fontPx;
    const sub = typeof p === 'string' ? [] : (p.points ?? []);
    if (sub.length) item += 0.25 * fontPx + pointsHeight(sub, fontPx * 0.85, widthPx - indent, 0.2);
    return h + item;
  }, 0);
}

function referenceText(r: ReferenceModel): string {
  return [r.author, plainText(r.titleHtml.replace(/<[^>]+>/g, '')), r.publication, r.date, r.url, r.noteHtml?.replace(/<[^>]+>/g, '')]
    .filter(Boolean)
    .join(' ');
}

function bodyHeight(slide: NormalSlide, model: DeckModel, index: number, page: Page): number | undefined {
  switch (slide.layout) {
    case 'points':
      return pointsHeight(slide.points, BASE, page.width);
    case 'compare': {
      const column = (page.width - 40) / 2;
      const font = BASE * 0.8;
      const side = (c: { heading: string; points: readonly Point[] }): number =>
        lineCount(c.heading, BASE * 1.05, column, 'bold') * BASE * 1.05 * 1.15 + 12 + 6 + 2 + pointsHeight(c.points, font, column, 0.4);
      return Math.max(side(slide.left), side(slide.right));
    }
    case 'timeline': {
      const font = BASE * 0.9;
      return slide.events.reduce(
        (h, e) => h + Math.max(lineCount(String(e.date), font, 190, 'bold'), lineCount(e.text, font, page.width - 8 - 4 - 18 - 190 - 20)) * font * 1.3 + 14,
        -14,
      );
    }
    case 'figures': {
      const columns = Math.max(1, Math.min(slide.figures.length, Math.floor((page.width + 28) / (240 + 28))));
      const inner = (page.width - 28 * (columns - 1)) / columns - 44;
      let height = 12;
      for (let row = 0; row * columns < slide.figures.length; row++) {
        const cards = slide.figures.slice(row * columns, (row + 1) * columns).map((f) => {
          const value = lineCount(String(f.value), BASE * 2.1, inner, 'bold') * BASE * 2.1 * 1.05 + 8;
          const label = lineCount(f.label, BASE * 0.85, inner) * BASE * 0.85 * 1.3;
          const note = f.note ? lineCount(f.note, 22, inner) * 22 * 1.3 + 6 : 0;
          return 6 + 40 + value + label + note;
        });
        height += maxOf(cards) + (row ? 28 : 0);
      }
      return height;
    }
    case 'quote': {
      const font = BASE * 1.1;
      const text = lineCount(slide.text, font, page.width - 40) * font * 1.35 + 16;
      const caption = lineCount(`${slide.speaker}, ${slide.context ?? ''}`, BASE * 0.85, page.width - 40) * BASE * 0.85 * 1.3;
      return 20 + text + 20 + caption;
    }
    case 'agenda': {
      const font = BASE * 1.05;
      return model.slides[index]!.agenda!.reduce((h, a) => h + lineCount(a.titleHtml, font, page.width - 39) * font * 1.3 + 0.5 * font, 0);
    }
    case 'sources':
      return model.references.reduce((h, r) => h + lineCount(referenceText(r), 22, page.width - 31) * 22 * 1.35 + 10, 0);
    default:
      // title, section and closing are centred with room to spare; images and maps scale to fit.
      return undefined;
  }
}

/** A table's column widths the way a browser's auto layout roughly shares them out. */
function tableColumns(cells: string[][], page: Page): { widths: number[]; minimum: number } {
  const natural = cells[0]!.map((_, c) => maxOf(cells.map((row, r) => textPx(row[c] ?? '', r === 0))) + TABLE_CELL_PAD);
  const longestWord = cells[0]!.map(
    (_, c) => maxOf(cells.map((row) => maxOf(plainText(row[c] ?? '').split(/\s+/).map((w) => [...w].length * GLYPH_EM.bold * TABLE_FONT), 0))) + TABLE_CELL_PAD,
  );
  const total = natural.reduce((a, b) => a + b, 0);
  const minimum = longestWord.reduce((a, b) => a + b, 0);
  if (total <= page.width) return { widths: natural, minimum };
  // Too wide: every column keeps its longest word, the rest is shared by natural width.
  const spare = Math.max(0, page.width - minimum);
  const extra = natural.map((n, c) => Math.max(0, n - longestWord[c]!));
  const extraTotal = extra.reduce((a, b) => a + b, 0) || 1;
  return { widths: longestWord.map((w, c) => w + (spare * extra[c]!) / extraTotal), minimum };
}

function textPx(text: string, bold: boolean): number {
  const words = plainText(text).split(/\s+/).filter(Boolean);
  const glyph = (bold ? GLYPH_EM.bold : GLYPH_EM.regular) * TABLE_FONT;
  return words.reduce((w, word) => w + [...word].length * glyph, 0) + Math.max(0, words.length - 1) * SPACE_EM * TABLE_FONT;
}

function tableFit(slide: Extract<NormalSlide, { layout: 'table' }>, page: Page): { height: number; minimumWidth: number } {
  const cells = [slide.columns, ...slide.rows.map((r) => r.map(String))];
  const { widths, minimum } = tableColumns(cells, page);
  const height = cells.reduce((h, row, r) => {
    const lines = maxOf(row.map((cell, c) => lineCount(String(cell), TABLE_FONT, widths[c]! - TABLE_CELL_PAD, r === 0 || slide.highlight?.includes(r) ? 'bold' : 'regular')));
    return h + lines * TABLE_FONT * 1.25 + TABLE_ROW_EXTRA + (r === 0 ? 2 : 0);
  }, 0);
  return { height, minimumWidth: minimum };
}

/** The estimate for one slide, or undefined for layouts that scale or centre their content. */
export function estimateFit(slide: NormalSlide, model: DeckModel, index: number): Fit | undefined {
  const page = pageOf(model);
  if (slide.layout === 'table') {
    const { height, minimumWidth } = tableFit(slide, page);
    const fit = withTitle(height, slide, model, index, page)!;
    if (minimumWidth > page.width) {
      return {
        needed: Math.round(minimumWidth),
        available: page.width,
        what: `its ${slide.columns.length} columns need`,
        hint: 'split the table into two slides, shorten the longest words or drop a column (the detail can go to a backup slide)',
      };
    }
    return { ...fit, hint: 'split the table into two slides or move detail rows to a backup slide after an `appendix` section' };
  }
  if (slide.layout === 'chart') {
    // The drawing is sized to the room it has (chartBox in layouts/chart.ts); what cannot grow is
    // the room per category, so only a crowded chart gets an estimate (in px along the category axis).
    const per = slide.chart === 'hbar' ? 28 : 44;
    const room = slide.chart === 'hbar' ? model.size.height - 300 : page.width - 120;
    const bars = slide.chart === 'bar' ? slide.series.length : 1;
    const needed = slide.categories.length * per * (slide.chart === 'bar' ? Math.max(1, bars * 0.6) : 1);
    if (needed <= room) return undefined;
    return {
      needed: Math.round(needed),
      available: Math.round(room),
      what: `its ${slide.categories.length} categories need`,
      hint: 'show fewer categories (e.g. every other year) or split the chart into two slides',
    };
  }
  return withTitle(bodyHeight(slide, model, index, page), slide, model, index, page);
}

function withTitle(body: number | undefined, slide: NormalSlide, model: DeckModel, index: number, page: Page): Fit | undefined {
  if (body === undefined) return undefined;
  const title = model.slides[index]!.title;
  const top = CONTENT_TOP + (title ? titleHeight(title, page) : 0);
  return { needed: Math.round(body), available: Math.round(summaryTop(slide.summary, page) - top) };
}
