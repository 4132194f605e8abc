/**
 * Data slides as native objects: a table (header row, banded rows, numbers right-aligned,
 * highlighted rows tinted and bold; columns as wide as their text, rows as tall as their
 * wrapped cells, all fitted to the body) and a chart (its data goes to an embedded workbook).
 */
import type { SlideModel } from '../../../model/types.js';
import type { Align, Box, Fill, Line, Shape, TableCell } from '../presentation.js';
import { runs, type DecideContext } from './context.js';
import { fitScale, textLines } from './fit.js';
import { BASE_PX } from './geometry.js';

export function table(slide: SlideModel, body: Box, ctx: DecideContext): Shape[] {
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
    Math.max(...texts.map((text, i) => textLines(text, px, widths[i]! - 2 * pad.x, weight))) * px * 1.25 + 2 * pad.y;
  const height = (px: number) =>
    rowHeight(t.columns.map((c) => c.text), px, 'bold') + t.rows.reduce((h, r) => h + rowHeight(r.cells.map((c) => c.text), px, r.highlight ? 'bold' : 'regular'), 0);
  const scale = fitScale((s) => height(px0 * s), body.h);
  const px = px0 * scale;
  const align = (a: string): Align => (a === 'right' ? 'r' : a === 'center' ? 'ctr' : 'l');
  const cell = (html: string, a: string, opts: { bold?: boolean; color?: 'tx2'; fill?: Fill; bottom: Line }): TableCell => ({
    paragraphs: [{ runs: runs(html, ctx), align: align(a), style: { sizePx: px, ...(opts.bold ? { bold: true } : {}), ...(opts.color ? { color: opts.color } : {}) } }],
    margin: pad,
    bottom: opts.bottom,
    ...(opts.fill ? { fill: opts.fill } : {}),
  });
  const header = {
    h: rowHeight(t.columns.map((c) => c.text), px, 'bold'),
    cells: t.columns.map((c) => cell(c.html, c.align, { bold: true, color: 'tx2', bottom: { px: 3, color: 'accent1' } })),
  };
  const rows = t.rows.map((r, i) => {
    const fill: Fill | undefined = r.highlight ? { theme: 'accent1', tintPct: 14 } : i % 2 === 1 ? { theme: 'bg2' } : undefined;
    return {
      h: rowHeight(r.cells.map((c) => c.text), px, r.highlight ? 'bold' : 'regular'),
      cells: r.cells.map((c) => cell(c.html, c.align, { bold: r.highlight, ...(fill ? { fill } : {}), bottom: { px: 1, color: 'accent6' } })),
    };
  });
  return [{ kind: 'table', name: 'Table', box: { ...body, h: height(px) }, columns: widths, rows: [header, ...rows], firstRow: true, bandRow: true }];
}

export function chart(slide: SlideModel, body: Box, ctx: DecideContext): Shape[] {
  const c = slide.chart!;
  return [
    {
      kind: 'chart',
      name: `Chart: ${slide.title}`,
      descr: c.description,
      box: { ...body, h: Math.min(body.h, 500) },
      chart: c,
      categoryLabel: ctx.deck.labels.category,
      fontPx: 20,
    },
  ];
}
