/**
 * What surrounds a slide's body: its own background, the summary box, the citation line, the
 * footer and the slide number. The body ends above the summary, so the summary is measured first.
 */
import type { SlideModel } from '../../../model/types.js';
import type { Background, ColorMap, Run, Shape } from '../presentation.js';
import { PH } from './layouts.js';
import { runs, type DecideContext } from './context.js';
import { fitScale, linesOf, runLines, textLines } from './fit.js';
import { MARGIN, SMALL_PX, SUMMARY_PX } from './geometry.js';
import { filled, placeholder, textBox } from './shapes.js';

/**
 * Light text on a dark background: the colour map swapped, so theme colours still apply (the
 * accent turns light too).
 */
const DARK: ColorMap = {
  bg1: 'dk1',
  tx1: 'lt1',
  bg2: 'dk2',
  tx2: 'lt1',
  accent1: 'lt2',
  accent2: 'accent2',
  accent3: 'accent3',
  accent4: 'accent4',
  accent5: 'lt2',
  accent6: 'accent6',
  hlink: 'hlink',
  folHlink: 'folHlink',
};

/** A slide's own background colour or picture; on a dark one the text turns light. */
export function background(slide: SlideModel, ctx: DecideContext): { background?: Background; colorMap?: ColorMap; shapes: Shape[] } {
  const bg = slide.background;
  if (!bg) return { shapes: [] };
  const colorMap = bg.tone === 'dark' ? { colorMap: DARK } : {};
  if (bg.image) {
    const shapes: Shape[] = [];
    // Dimmed as in the HTML, where the image lies at `opacity` over black: a translucent black
    // rectangle behind everything (a blip's own brightness effects are not drawn by every viewer).
    if (bg.opacity !== undefined && bg.opacity < 1) {
      shapes.push({
        kind: 'preset',
        geometry: 'rect',
        name: 'Background Dimming',
        box: { x: 0, y: 0, ...ctx.g.slide },
        fill: { black: 1 - bg.opacity },
        noSelect: true,
        userDrawn: true,
      });
    }
    return { background: { image: ctx.image(bg.image, 'a background') }, ...colorMap, shapes };
  }
  if (bg.color) {
    const hex = bg.color.replace(/^#/, '').toUpperCase();
    const rgb = hex.length === 3 ? [...hex].map((c) => c + c).join('') : hex.slice(0, 6);
    return { background: { rgb }, ...colorMap, shapes: [] };
  }
  return { ...colorMap, shapes: [] };
}

/** The summary's text, size and height: up to three lines at full size, smaller where it is longer. */
export interface SummaryFit {
  html: string;
  px: number;
  h: number;
}

export function summaryFit(html: string, ctx: DecideContext): SummaryFit {
  const width = ctx.g.contentW - 38;
  const px = SUMMARY_PX * fitScale((s) => linesOf(html, SUMMARY_PX * s, width, 'bold'), 3);
  return { html, px, h: linesOf(html, px, width, 'bold') * px * 1.3 + 20 };
}

/** Where the body must end: above the summary box, or at the bottom of the content area. */
export function summaryTop(fit: SummaryFit | undefined, ctx: DecideContext): number {
  return fit ? ctx.g.summaryBottom - fit.h - 12 : ctx.g.contentBottom;
}

/** The summary: bold text in a tinted box with an accent bar on its left. */
export function summary({ html, px, h }: SummaryFit, ctx: DecideContext): Shape[] {
  const box = { x: MARGIN, y: ctx.g.summaryBottom - h, w: ctx.g.contentW, h };
  return [
    textBox('Summary', box, [{ runs: runs(html, ctx), style: { sizePx: px, bold: true } }], { fill: 'bg2', anchor: 'ctr', insets: { l: 22, t: 10, r: 16, b: 10 } }),
    filled('Summary Bar', { x: MARGIN, y: box.y, w: 6, h }, 'accent1'),
  ];
}

/** The citation line at the bottom; each citation links to the sources slide. */
export function cites(slide: SlideModel, ctx: DecideContext): Shape[] {
  const link = ctx.sourcesId ? ctx.link(`#/${ctx.sourcesId}`) : undefined;
  const out: Run[] = [{ text: `${slide.citeLabel}: ` }];
  slide.cites.forEach((c, i) => {
    if (i) out.push({ text: '; ' });
    out.push({ text: `[${c.number}] ${c.label}`, ...(link ? { link } : {}) });
  });
  // One line, as in the HTML: smaller where the citations are many.
  const px = SMALL_PX * fitScale((s) => runLines(out, SMALL_PX * s, ctx.g.cite.w), 1);
  return [textBox('Citation', ctx.g.cite, [{ runs: out, style: { sizePx: px, color: 'accent5' } }], { anchor: 'b' })];
}

/**
 * Footer and slide number fill the layout's placeholders, with their look written out: viewers
 * such as LibreOffice do not pass a layout's footer style on to the slide.
 */
export function footer(slide: SlideModel, ctx: DecideContext): Shape[] {
  const { deck } = ctx;
  const shapes: Shape[] = [];
  if (deck.marking) {
    // One line under the slide: a long marking is set smaller.
    const px = 16 * fitScale((s) => textLines(deck.marking!, 16 * s, ctx.g.footer.w), 1);
    shapes.push(placeholder(PH.footer, 'Footer', [{ runs: [{ text: deck.marking }], style: { sizePx: px, color: 'accent5', font: '+mn-lt' }, align: 'l' }]));
  }
  shapes.push({
    kind: 'slideNumber',
    name: 'Slide Number',
    ph: { ...PH.slideNumber, size: 'quarter' },
    align: 'r',
    style: { sizePx: 18, color: 'accent5', font: '+mn-lt' },
    // "3 / 26" as in the HTML: the number is PowerPoint's own field (it stays right when slides are
    // added); there is no field for the total, which counts the talk's slides without the backup
    // part. Backup slides keep their label (A1, A2, …), which no field can show.
    runs: slide.backup ? [{ text: slide.label }] : [{ text: String(slide.number), field: 'slidenum' }, { text: ` / ${deck.mainSlideCount}` }],
  });
  return shapes;
}
