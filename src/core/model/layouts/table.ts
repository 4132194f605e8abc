/**
 * The table layout: checks that every row fits the columns, then decides per column how numbers
 * read (digits, alignment) so that every writer prints the same table without judging cells again.
 */
import { decimalCommaHint } from '../problems.js';
import { errorAt } from '../../base/source.js';
import { escapeHtml, htmlToText, plainText } from '../../base/markdown.js';
import { fractionDigits, numberFormat } from '../../base/number-format.js';
import type { SlideOf } from '../../deck/layouts.js';
import type { Align, SlideModel } from '../types.js';
import type { LayoutContext } from './context.js';

/** A cell that is a number, or text that reads as one (`3,1`, `23.000`, `2 %`, `−4`). */
const NUMERIC = /^[−+-]?(\d{1,3}([.,  ]\d{3})+|\d+)([.,]\d+)?\s?(%|‰|€|\$)?$/;

export function tableModel(base: SlideModel, slide: SlideOf<'table'>, ctx: LayoutContext): SlideModel {
  const { path } = ctx;
  const width = slide.columns.length;
  let ok = true;
  slide.rows.forEach((row, r) => {
    if (row.length !== width) {
      ok = false;
      ctx.errors.push(
        errorAt(ctx.source, [...path, 'rows', r], {
          code: 'table-shape',
          message: `Row ${r + 1} has ${row.length} cell${row.length === 1 ? '' : 's'}, but the table has ${width} column${width === 1 ? '' : 's'}`,
          hint: decimalCommaHint(ctx.source, [...path, 'rows', r]) ?? `give every row one cell per entry of \`columns\` (${width}); write "" for an empty cell`,
        }),
      );
    }
  });
  if (slide.align && slide.align.length !== width) {
    ok = false;
    ctx.errors.push(
      errorAt(ctx.source, [...path, 'align'], {
        code: 'table-shape',
        message: `\`align\` has ${slide.align.length} entries, but the table has ${width} columns`,
        hint: 'give one of left, right, center per column, or leave `align` out (numbers are right-aligned by themselves)',
      }),
    );
  }
  (slide.highlight ?? []).forEach((n, i) => {
    if (n > slide.rows.length) {
      ok = false;
      ctx.errors.push(
        errorAt(ctx.source, [...path, 'highlight', i], {
          code: 'table-shape',
          message: `\`highlight\` names row ${n}, but the table has ${slide.rows.length} row${slide.rows.length === 1 ? '' : 's'}`,
          hint: 'rows are counted from 1, the first row under the header',
        }),
      );
    }
  });
  if (!ok) return base;
  // Per column, so a column of years keeps 2017 while a column of shares shows 3,0 and 3,1.
  const formats = slide.columns.map((_, c) =>
    numberFormat(ctx.lang, fractionDigits(slide.rows.flatMap((row) => (typeof row[c] === 'number' ? [row[c]] : [])))),
  );
  const numeric = slide.columns.map((_, c) =>
    slide.rows.every((row) => {
      const cell = row[c];
      return typeof cell === 'number' || (typeof cell === 'string' && (cell.trim() === '' || NUMERIC.test(plainText(cell).trim())));
    }) && slide.rows.some((row) => row[c] !== ''),
  );
  const highlight = new Set(slide.highlight ?? []);
  const align = slide.columns.map((_, i): Align => slide.align?.[i] ?? (numeric[i] ? 'right' : 'left'));
  return {
    ...base,
    table: {
      columns: slide.columns.map((c, i) => {
        const html = ctx.inline(c, [...path, 'columns', i]);
        return { html, text: htmlToText(html), align: align[i]! };
      }),
      rows: slide.rows.map((row, r) => ({
        highlight: highlight.has(r + 1),
        cells: row.map((cell, c) => {
          if (typeof cell === 'number') {
            const text = formats[c]!.format(cell);
            return { html: escapeHtml(text), text, value: cell, align: align[c]! };
          }
          const html = ctx.inline(cell, [...path, 'rows', r, c]);
          return { html, text: htmlToText(html), align: align[c]! };
        }),
      })),
    },
  };
}
