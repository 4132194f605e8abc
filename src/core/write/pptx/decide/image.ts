/**
 * The picture layouts: an image scaled into the body with its caption and credit below, and a
 * quotation beside an accent bar with the speaker under it, in the deck language's quotation marks.
 */
import type { SlideModel } from '../../../model/types.js';
import type { Box, Run, Shape } from '../presentation.js';
import { runs, type DecideContext } from './context.js';
import { fitScale, linesOf, runLines, textLines } from './fit.js';
import { BASE_PX, SMALL_PX } from './geometry.js';
import { plainOf } from './runs.js';
import { filled, textBox } from './shapes.js';

export function quote(slide: SlideModel, body: Box, ctx: DecideContext): Shape[] {
  const q = slide.quote!;
  const [open, close] = ctx.lang.startsWith('de') ? ['„', '“'] : ctx.lang.startsWith('en') ? ['“', '”'] : ['“', '”'];
  const px0 = BASE_PX * 1.1;
  const capPx0 = BASE_PX * 0.85;
  const textW = body.w - 40;
  const caption = `${q.speaker}${q.contextHtml ? `, ${plainOf(q.contextHtml)}` : ''}`;
  const height = (s: number) => linesOf(q.html, px0 * s, textW) * px0 * s * 1.3 + 16 + 20 + textLines(caption, capPx0 * s, textW) * capPx0 * s * 1.25;
  const scale = fitScale(height, body.h - 20);
  const quoteH = linesOf(q.html, px0 * scale, textW) * px0 * scale * 1.3 + 16;
  const y = body.y + 20;
  const capRuns: Run[] = [{ text: q.speaker, bold: true }];
  if (q.contextHtml) capRuns.push({ text: ', ' }, ...runs(q.contextHtml, ctx));
  return [
    filled('Quote Bar', { x: body.x, y, w: 8, h: quoteH }, 'accent1'),
    textBox('Quotation', { x: body.x + 40, y, w: textW, h: quoteH }, [{ runs: [{ text: open! }, ...runs(q.html, ctx), { text: close! }], style: { sizePx: px0 * scale }, lineSpacingPct: 112 }], { anchor: 'ctr' }),
    textBox('Speaker', { x: body.x + 40, y: y + quoteH + 20, w: textW, h: body.y + body.h - (y + quoteH + 20) }, [{ runs: capRuns, style: { sizePx: capPx0 * scale, color: 'accent5' } }]),
  ];
}

export function image(slide: SlideModel, body: Box, ctx: DecideContext): Shape[] {
  const img = slide.image!;
  const picture = ctx.image(img.src, `Slide ${slide.number} (\`layout: image\`)`);
  const captionRuns: Run[] = [];
  if (img.captionHtml) captionRuns.push(...runs(img.captionHtml, ctx));
  if (img.creditHtml) captionRuns.push(...(captionRuns.length ? [{ text: ' ' }] : []), ...runs(img.creditHtml, ctx));
  // A caption of up to three lines at full size; smaller where it is longer.
  const captionPx = SMALL_PX * fitScale((s) => runLines(captionRuns, SMALL_PX * s, body.w), 3);
  const captionH = captionRuns.length ? runLines(captionRuns, captionPx, body.w) * captionPx * 1.25 + 8 : 0;
  const maxH = Math.min(460, body.h - captionH);
  const scale = Math.min(body.w / picture.width, maxH / picture.height);
  const pw = picture.width * scale;
  const ph = picture.height * scale;
  const shapes: Shape[] = [{ kind: 'picture', name: { numbered: 'Picture' }, descr: img.alt, box: { x: body.x + (body.w - pw) / 2, y: body.y, w: pw, h: ph }, image: picture }];
  if (captionRuns.length) {
    shapes.push(textBox('Caption', { x: body.x, y: body.y + ph + 8, w: body.w, h: captionH }, [{ runs: captionRuns, style: { sizePx: captionPx, color: 'accent5' }, align: 'ctr' }]));
  }
  return shapes;
}
