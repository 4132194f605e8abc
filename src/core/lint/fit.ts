/**
 * Will a slide's text fit? An estimate from the layout's measures in the briefing theme at
 * reveal.js's 1280×720 (templates/themes/*.css): text is wrapped word by word at an average
 * glyph width, and the heights are added up per layout. It errs on the side of silence; the
 * browser is the judge (`talkdeck build` and look).
 */
import { plainText } from '../markdown.js';
import type { NormalSlide, Point } from '../schema.js';
import type { DeckModel, ReferenceModel } from '../model.js';

/**
 * Average advance of a glyph in Source Sans 3, in em, by weight (400, 600, 700). Calibrated
 * against Chromium on the briefing and example decks (test/aids-browser.test.ts holds it there).
 */
const GLYPH_EM = { regular: 0.46, semibold: 0.49, bold: 0.53 } as const;
type Weight = keyof typeof GLYPH_EM;
const SPACE_EM = 0.2;

const BASE = 32; // --r-main-font-size in briefing.css
const WIDTH = 1280 - 2 * 56; // slide minus side padding
const CONTENT_TOP = 36;
const CONTENT_BOTTOM = 720 - 64;
const SUMMARY_BOTTOM = 720 - 78;
const GAP = 12; // air we want between the body and the summary box

export interface Fit {
  /** Estimated height the body needs, in px. */
  needed: number;
  /** Height available below the title and above the summary, in px. */
  available: number;
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

function titleHeight(title: string): number {
  const font = BASE * 1.45;
  return lineCount(title, font, WIDTH, 'bold') * font * 1.15 + 10 + 3 + 24;
}

function summaryTop(summary: string | undefined): number {
  if (!summary) return CONTENT_BOTTOM;
  const font = BASE * 0.9;
  const height = lineCount(summary, font, WIDTH - 38, 'semibold') * font * 1.3 + 20;
  return SUMMARY_BOTTOM - height - GAP;
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

function bodyHeight(slide: NormalSlide, model: DeckModel, index: number): number | undefined {
  switch (slide.layout) {
    case 'points':
      return pointsHeight(slide.points, BASE, WIDTH);
    case 'compare': {
      const column = (WIDTH - 40) / 2;
      const font = BASE * 0.8;
      const side = (c: { heading: string; points: readonly Point[] }): number =>
        lineCount(c.heading, BASE * 1.05, column, 'bold') * BASE * 1.05 * 1.15 + 12 + 6 + 2 + pointsHeight(c.points, font, column, 0.4);
      return Math.max(side(slide.left), side(slide.right));
    }
    case 'timeline': {
      const font = BASE * 0.9;
      return slide.events.reduce(
        (h, e) => h + Math.max(lineCount(String(e.date), font, 190, 'bold'), lineCount(e.text, font, WIDTH - 8 - 4 - 18 - 190 - 20)) * font * 1.3 + 14,
        -14,
      );
    }
    case 'figures': {
      const columns = Math.max(1, Math.min(slide.figures.length, Math.floor((WIDTH + 28) / (240 + 28))));
      const inner = (WIDTH - 28 * (columns - 1)) / columns - 44;
      let height = 12;
      for (let row = 0; row * columns < slide.figures.length; row++) {
        const cards = slide.figures.slice(row * columns, (row + 1) * columns).map((f) => {
          const value = lineCount(String(f.value), BASE * 2.1, inner, 'bold') * BASE * 2.1 * 1.05 + 8;
          const label = lineCount(f.label, BASE * 0.85, inner) * BASE * 0.85 * 1.3;
          const note = f.note ? lineCount(f.note, 22, inner) * 22 * 1.3 + 6 : 0;
          return 6 + 40 + value + label + note;
        });
        height += Math.max(...cards) + (row ? 28 : 0);
      }
      return height;
    }
    case 'quote': {
      const font = BASE * 1.1;
      const text = lineCount(slide.text, font, WIDTH - 40) * font * 1.35 + 16;
      const caption = lineCount(`${slide.speaker}, ${slide.context ?? ''}`, BASE * 0.85, WIDTH - 40) * BASE * 0.85 * 1.3;
      return 20 + text + 20 + caption;
    }
    case 'agenda': {
      const font = BASE * 1.05;
      return model.slides[index]!.agenda!.reduce((h, a) => h + lineCount(a.titleHtml, font, WIDTH - 39) * font * 1.3 + 0.5 * font, 0);
    }
    case 'sources':
      return model.references.reduce((h, r) => h + lineCount(referenceText(r), 22, WIDTH - 31) * 22 * 1.35 + 10, 0);
    default:
      // title, section and closing are centred with room to spare; images and maps scale to fit.
      return undefined;
  }
}

/** The estimate for one slide, or undefined for layouts that scale or centre their content. */
export function estimateFit(slide: NormalSlide, model: DeckModel, index: number): Fit | undefined {
  const body = bodyHeight(slide, model, index);
  if (body === undefined) return undefined;
  const title = model.slides[index]!.title;
  const top = CONTENT_TOP + (title ? titleHeight(title) : 0);
  return { needed: Math.round(body), available: Math.round(summaryTop(slide.summary) - top) };
}
