/**
 * The drawn lists: a timeline (an axis, then per event a marker, a date and a text) and figures
 * (cards of a large value, a label and a note), measured so that nothing overlaps.
 */
import type { SlideModel } from '../../../model/types.js';
import { textWidth } from '../../../model/text-width.js';
import type { Box, Paragraph, Run, Shape } from '../presentation.js';
import { runs, type DecideContext } from './context.js';
import { fitScale, linesOf, runLines, textLines } from './fit.js';
import { BASE_PX, SMALL_PX } from './geometry.js';
import { filled, textBox } from './shapes.js';
import { maxOf } from '../../../base/extent.js';

/**
 * The marker that opens each event: a dot and two no-break spaces, in Arial (Liberation Sans in
 * LibreOffice: the same advances), so that it is as wide in every viewer: 0.604 + 2 × 0.278 em.
 */
const MARKER = { text: '●\u00a0\u00a0', em: 1.16, dotEm: 0.604 };

/**
 * A timeline as one text frame, a paragraph per event: the marker and the date on the first line,
 * a tab to the hanging indent, the text beside it; its wrapped lines stay in the text column, and
 * a row that wraps pushes the next one down in any viewer. Each event can appear on its own click.
 * The axis is a bar behind the markers. A date too wide for the column gets a line of its own.
 */
export function timeline(slide: SlideModel, body: Box, ctx: DecideContext): Shape[] {
  const events = (slide.events ?? []).map((e) => ({ ...e, runs: runs(e.html, ctx) }));
  const px0 = BASE_PX * 0.9;
  const axis = body.x + 2;
  // Where things sit at a size: dates start after the marker, the text after the widest date
  // (at least where the HTML puts it, at most a little under half the width).
  const columns = (px: number) => {
    const dateX = axis - (MARKER.dotEm / 2) * px + MARKER.em * px;
    const widest = maxOf(events.map((e) => textWidth({ text: e.date, bold: true }, px)), 0);
    const textX = Math.min(Math.max(body.x + 240, dateX + widest + 20), body.x + 0.45 * body.w);
    return { frameX: axis - (MARKER.dotEm / 2) * px, dateX, textX, textW: body.x + body.w - textX };
  };
  const ownLine = (date: string, px: number) => {
    const c = columns(px);
    return textWidth({ text: date, bold: true }, px) > c.textX - 20 - c.dateX;
  };
  const gap = (px: number) => 14 * (px / px0);
  const eventLines = (e: (typeof events)[number], px: number): number => {
    const { textW } = columns(px);
    const text = runLines(e.runs, px, textW);
    return ownLine(e.date, px) ? textLines(e.date, px, textW, 'bold') + text : text;
  };
  const height = (px: number) => events.reduce((h, e, i) => h + eventLines(e, px) * px * 1.2 + (i ? gap(px) : 0), 0);
  const px = px0 * fitScale((s) => height(px0 * s), body.h);
  const { frameX, textX } = columns(px);
  const paragraphs: Paragraph[] = events.map((e, i) => {
    const marker: Run = { text: MARKER.text, style: { font: 'Arial', color: 'accent1' } };
    const date: Run = { text: e.date, style: { bold: true, color: 'accent1' } };
    const between: Run = ownLine(e.date, px) ? { text: '', br: true } : { text: '\t' };
    return {
      runs: [marker, date, between, ...e.runs],
      marginPx: textX - frameX,
      hangPx: textX - frameX,
      ...(i ? { spaceBeforePx: gap(px) } : {}),
      style: { sizePx: px },
      ...(e.step ? { step: i } : {}),
    };
  });
  const h = height(px);
  return [filled('Timeline Axis', { x: body.x, y: body.y, w: 4, h }, 'accent1'), textBox('Timeline', { x: frameX, y: body.y, w: body.x + body.w - frameX, h }, paragraphs)];
}

export function figures(slide: SlideModel, body: Box, ctx: DecideContext): Shape[] {
  const figures = slide.figures ?? [];
  const gap = 28;
  const columns = Math.max(1, Math.min(figures.length, Math.floor((body.w + gap) / (240 + gap))));
  const cardW = (body.w - gap * (columns - 1)) / columns;
  const inner = cardW - 44;
  const valuePx0 = BASE_PX * 2.1;
  const labelPx0 = BASE_PX * 0.85;
  const rowsOf = <T,>(list: T[]) => Array.from({ length: Math.ceil(list.length / columns) }, (_, r) => list.slice(r * columns, (r + 1) * columns));
  const cardHeight = (f: (typeof figures)[number], s: number) =>
    6 + 40 + textLines(f.value, valuePx0 * s, inner, 'bold') * valuePx0 * s * 1.05 + 8 + linesOf(f.labelHtml, labelPx0 * s, inner) * labelPx0 * s * 1.25 + (f.noteHtml ? linesOf(f.noteHtml, SMALL_PX * s, inner) * SMALL_PX * s * 1.25 + 6 : 0);
  const rows = rowsOf(figures);
  const scale = fitScale((s) => 12 + rows.reduce((h, row, r) => h + maxOf(row.map((f) => cardHeight(f, s))) + (r ? gap : 0), 0), body.h);
  let y = body.y + 12;
  return rows.flatMap((row, r) => {
    const h = maxOf(row.map((f) => cardHeight(f, scale)));
    const cards = row.map((f, c): Shape => {
      const x = body.x + c * (cardW + gap);
      const n = r * columns + c + 1;
      const paragraphs: Paragraph[] = [
        { runs: [{ text: f.value }], style: { sizePx: valuePx0 * scale, bold: true, color: 'accent1' }, lineSpacingPct: 90, spaceAfterPx: 8 },
        { runs: runs(f.labelHtml, ctx), style: { sizePx: labelPx0 * scale } },
      ];
      if (f.noteHtml) paragraphs.push({ runs: runs(f.noteHtml, ctx), style: { sizePx: SMALL_PX * scale, color: 'accent5' }, spaceBeforePx: 6 });
      return {
        kind: 'group',
        name: `Figure ${n}`,
        box: { x, y, w: cardW, h },
        children: [
          textBox(`Figure ${n} Text`, { x, y, w: cardW, h }, paragraphs, { fill: 'bg2', insets: { l: 22, t: 26, r: 22, b: 20 } }),
          filled(`Figure ${n} Bar`, { x, y, w: cardW, h: 6 }, 'accent1'),
        ],
      };
    });
    y += h + gap;
    return cards;
  });
}
