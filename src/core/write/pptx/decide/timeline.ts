/**
 * The drawn lists: a timeline (an axis, a marker, a date and a text per event, each event a group
 * that can appear on its own click) and figures (cards of a large value, a label and a note).
 * Rows and cards are measured here so that text boxes stack without overlapping.
 */
import type { SlideModel } from '../../../model/types.js';
import type { Box, Paragraph, Shape } from '../presentation.js';
import { runs, type DecideContext } from './context.js';
import { fitScale, linesOf, textLines } from './fit.js';
import { BASE_PX, SMALL_PX } from './geometry.js';
import { filled, textBox } from './shapes.js';

export function timeline(slide: SlideModel, body: Box, ctx: DecideContext): Shape[] {
  const events = slide.events ?? [];
  const px0 = BASE_PX * 0.9;
  const dateW = 190;
  const textX = body.x + 8 + 4 + 18 + dateW + 20;
  const textW = body.x + body.w - textX;
  const rowHeight = (e: (typeof events)[number], px: number) =>
    Math.max(textLines(e.date, px, dateW, 'bold'), linesOf(e.html, px, textW)) * px * 1.25;
  const scale = fitScale((s) => events.reduce((h, e) => h + rowHeight(e, px0 * s) + 14 * s, -14 * s), body.h);
  const px = px0 * scale;
  let y = body.y;
  const rows: { y: number; h: number }[] = events.map((e) => {
    const row = { y, h: rowHeight(e, px) };
    y += row.h + 14 * scale;
    return row;
  });
  const lineEnd = rows.length ? rows[rows.length - 1]!.y + rows[rows.length - 1]!.h : body.y;
  return [
    filled('Timeline Axis', { x: body.x, y: body.y, w: 4, h: lineEnd - body.y }, 'accent1'),
    ...events.map((e, i): Shape => {
      const row = rows[i]!;
      const dotY = row.y + px * 0.62 - 8;
      return {
        kind: 'group',
        name: `${e.date}`,
        box: { x: body.x - 6, y: row.y, w: textX + textW - (body.x - 6), h: row.h },
        children: [
          filled(`Marker ${i + 1}`, { x: body.x - 6, y: dotY, w: 16, h: 16 }, 'accent1', 'ellipse'),
          textBox(`Date ${i + 1}`, { x: body.x + 30, y: row.y, w: dateW, h: row.h }, [{ runs: [{ text: e.date }], style: { sizePx: px, bold: true, color: 'accent1' } }]),
          textBox(`Event ${i + 1}`, { x: textX, y: row.y, w: textW, h: row.h }, [{ runs: runs(e.html, ctx), style: { sizePx: px } }]),
        ],
        ...(e.step ? { step: true } : {}),
      };
    }),
  ];
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
  const scale = fitScale((s) => 12 + rows.reduce((h, row, r) => h + Math.max(...row.map((f) => cardHeight(f, s))) + (r ? gap : 0), 0), body.h);
  let y = body.y + 12;
  return rows.flatMap((row, r) => {
    const h = Math.max(...row.map((f) => cardHeight(f, scale)));
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
