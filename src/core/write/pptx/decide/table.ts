/**
 * Data slides as native objects: a table (header row, banded rows, numbers right-aligned,
 * highlighted rows tinted and bold; columns at least as wide as their longest word, rows as tall
 * as their wrapped cells, all fitted to the body) and a chart (its data goes to an embedded workbook).
 */
import type { SlideModel } from '../../../model/types.js';
import type { Align, Box, Fill, Line, Run, Shape, TableCell } from '../presentation.js';
import { runs, type DecideContext } from './context.js';
import { fitScale, runLines, runWidths } from './fit.js';
import { BASE_PX } from './geometry.js';
import { maxOf } from '../../../base/extent.js';

export function table(slide: SlideModel, body: Box, ctx: DecideContext): Shape[] {
  const t = slide.table!;
  const px0 = BASE_PX * 0.78;
  const pad = { x: 14, y: 8 };
  // Every row's cells as runs, and whether the row is set in bold (the header, highlighted rows).
  const grid = [
    { bold: true, cells: t.columns.map((c) => runs(c.html, ctx)) },
    ...t.rows.map((r) => ({ bold: r.highlight, cells: r.cells.map((c) => runs(c.html, ctx)) })),
  ];
  /**
   * Column widths at a size, filling the body: each at least its longest word (a word is never
   * broken), the room beyond shared in proportion to what each column would take unwrapped.
   * Undefined where the longest words alone are wider than the body: the text must shrink.
   */
  const columnsAt = (px: number): number[] | undefined => {
    const measured = t.columns.map((_, i) => grid.map((row) => runWidths(row.cells[i] ?? [], px, row.bold)));
    const natural = measured.map((col) => maxOf(col.map((m) => m.natural)) + 2 * pad.x);
    const minimum = measured.map((col) => maxOf(col.map((m) => m.word)) + 2 * pad.x);
    const sum = (xs: number[]) => xs.reduce((a, b) => a + b, 0);
    if (sum(minimum) > body.w) return undefined;
    if (sum(natural) <= body.w) return natural.map((n) => (n * body.w) / sum(natural));
    const extra = natural.map((n, i) => n - minimum[i]!);
    return minimum.map((m, i) => m + ((body.w - sum(minimum)) * extra[i]!) / sum(extra));
  };
  const rowHeight = (row: (typeof grid)[number], widths: number[], px: number) =>
    maxOf(row.cells.map((cell, i) => runLines(cell, px, widths[i]! - 2 * pad.x, row.bold))) * px * 1.25 + 2 * pad.y;
  const height = (px: number) => {
    const widths = columnsAt(px);
    return widths ? grid.reduce((h, row) => h + rowHeight(row, widths, px), 0) : Infinity;
  };
  const scale = fitScale((s) => height(px0 * s), body.h);
  const px = px0 * scale;
  // (Only a word of hundreds of letters leaves no size at which it fits: then equal columns.)
  const widths = columnsAt(px) ?? t.columns.map(() => body.w / t.columns.length);
  const align = (a: string): Align => (a === 'right' ? 'r' : a === 'center' ? 'ctr' : 'l');
  const cell = (content: Run[], a: string, opts: { bold?: boolean; color?: 'tx2'; fill?: Fill; bottom: Line }): TableCell => ({
    paragraphs: [{ runs: content, align: align(a), style: { sizePx: px, ...(opts.bold ? { bold: true } : {}), ...(opts.color ? { color: opts.color } : {}) } }],
    margin: pad,
    bottom: opts.bottom,
    ...(opts.fill ? { fill: opts.fill } : {}),
  });
  const header = {
    h: rowHeight(grid[0]!, widths, px),
    cells: t.columns.map((c, i) => cell(grid[0]!.cells[i]!, c.align, { bold: true, color: 'tx2', bottom: { px: 3, color: 'accent1' } })),
  };
  const rows = t.rows.map((r, i) => {
    const fill: Fill | undefined = r.highlight ? { theme: 'accent1', tintPct: 14 } : i % 2 === 1 ? { theme: 'bg2' } : undefined;
    return {
      h: rowHeight(grid[i + 1]!, widths, px),
      cells: r.cells.map((c, j) => cell(grid[i + 1]!.cells[j]!, c.align, { bold: r.highlight, ...(fill ? { fill } : {}), bottom: { px: 1, color: 'accent6' } })),
    };
  });
  const all = [header, ...rows];
  return [{ kind: 'table', name: 'Table', box: { ...body, h: all.reduce((h, r) => h + r.h, 0) }, columns: widths, rows: all, firstRow: true, bandRow: true }];
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
