/**
 * What changed on one slide, field by field: its values compared by key, its lists item by
 * item after aligning them (align.ts), tables cell by cell under matching rows and columns,
 * charts value by value under matching series and categories. Texts get a word-level diff;
 * figures, cells and values (and numbers swapped inside a text) also become number lines.
 */
import type { FieldChange, FieldPart } from '../model/changes.js';
import type { ChartModel, TableModel } from '../model/types.js';
import { alignLists } from './align.js';
import type { Item, ItemList, Scalar, SlideContent } from './slide-content.js';
import { numbersIn, swappedNumbers, wordDiff } from './words.js';

/** A number line before it is tied to its slide. */
export interface NumberLine {
  field: string;
  label: string;
  old?: string | undefined;
  new?: string | undefined;
}

export interface SlideComparison {
  fields: FieldChange[];
  numbers: NumberLine[];
}

/** Deck text named in a number line: short enough to read on one line. */
function shortLabel(text: string, max = 60): string {
  const flat = text.replace(/\s+/g, ' ').trim();
  if (flat.length <= max) return flat;
  const cut = flat.slice(0, max);
  return `${cut.slice(0, cut.lastIndexOf(' ') > max / 2 ? cut.lastIndexOf(' ') : max)} …`;
}

export function compareSlides(before: SlideContent, after: SlideContent, lang: string): SlideComparison {
  const out: SlideComparison = { fields: [], numbers: [] };
  compareScalars(before.scalars, after.scalars, '', undefined, lang, out);
  const lists = new Set([...after.lists.map((l) => l.name), ...before.lists.map((l) => l.name)]);
  for (const name of lists) {
    const old = before.lists.find((l) => l.name === name)?.items ?? [];
    const next = after.lists.find((l) => l.name === name)?.items ?? [];
    compareItems(old, next, lang, out);
  }
  if (before.table || after.table) compareTables(before.table, after.table, lang, out);
  if (before.chart || after.chart) compareCharts(before.chart, after.chart, lang, out);
  // Notes last: a reviewer reads what the audience sees first.
  const notes = out.fields.findIndex((f) => f.part === 'notes');
  if (notes >= 0) out.fields.push(...out.fields.splice(notes, 1));
  return out;
}

/** Values compared by key; `prefix` and `at` place those of a list item. */
function compareScalars(before: Scalar[], after: Scalar[], prefix: string, at: string | undefined, lang: string, out: SlideComparison): void {
  const old = new Map(before.map((s) => [s.key, s]));
  const seen = new Set<string>();
  const report = (o: Scalar | undefined, n: Scalar | undefined): void => {
    const s = (n ?? o)!;
    const field = prefix + s.key;
    const change: FieldChange = {
      field,
      part: s.part,
      at: s.at ?? at,
      context: n?.context ?? o?.context,
      change: !o ? 'added' : !n ? 'removed' : 'changed',
      old: o?.text,
      new: n?.text,
      number: s.number || undefined,
    };
    if (o && n && !s.exact) change.words = wordDiff(o.text, n.text, lang);
    out.fields.push(change);
    if (s.number) out.numbers.push({ field, label: (n ?? o)!.label ?? '', old: o?.text, new: n?.text });
    else if (change.words) {
      for (const swap of swappedNumbers(change.words)) out.numbers.push({ field, label: shortLabel(n!.text), ...swap });
    }
  };
  for (const n of after) {
    seen.add(n.key);
    const o = old.get(n.key);
    if (!o) report(undefined, n);
    else if ((o.compare ?? o.text) !== (n.compare ?? n.text)) report(o, n);
  }
  for (const o of before) if (!seen.has(o.key)) report(o, undefined);
}

/** One list: items aligned, then compared field by field; an item added or removed is one change. */
function compareItems(before: Item[], after: Item[], lang: string, out: SlideComparison): void {
  for (const pair of alignLists(before, after, (item) => item.align)) {
    if (pair.old && pair.new) {
      compareScalars(pair.old.fields, pair.new.fields, pair.new.key, pair.new.at, lang, out);
      continue;
    }
    const item = (pair.new ?? pair.old)!;
    const whole = item.fields.filter((f) => f.text !== '' && !f.exact).map((f) => f.text).join(' — ');
    const change: FieldChange = {
      field: item.key,
      part: item.part,
      at: item.at,
      context: item.fields[0]?.context,
      change: pair.new ? 'added' : 'removed',
      [pair.new ? 'new' : 'old']: whole,
    };
    out.fields.push(change);
    for (const f of item.fields) {
      if (f.number && f.text) out.numbers.push({ field: item.key + f.key, label: f.label ?? '', [pair.new ? 'new' : 'old']: f.text });
    }
  }
}

const isNumber = (text: string): boolean => {
  const found = numbersIn(text.trim());
  return found.length === 1 && found[0] === text.trim();
};

function compareTables(before: TableModel | undefined, after: TableModel | undefined, lang: string, out: SlideComparison): void {
  const oldColumns = (before?.columns ?? []).map((c, i) => ({ i, text: c.text }));
  const newColumns = (after?.columns ?? []).map((c, i) => ({ i, text: c.text }));
  const columns = alignLists(oldColumns, newColumns, (c) => c.text);
  for (const c of columns) {
    if (c.old && c.new && c.old.text === c.new.text) continue;
    const i = (c.new ?? c.old)!.i;
    out.fields.push(text({ field: `columns[${i}]`, part: 'column', at: String(i + 1) }, c.old?.text, c.new?.text, lang));
  }
  type Row = { i: number; cells: { text: string; value?: number | undefined }[] };
  const rowsOf = (t: TableModel | undefined): Row[] => (t?.rows ?? []).map((r, i) => ({ i, cells: r.cells }));
  const name = (row: Row): string => row.cells[0]?.text ?? '';
  const headed = (col: { text: string } | undefined, row: Row): string => [name(row), col?.text].filter(Boolean).join(', ');
  for (const r of alignLists(rowsOf(before), rowsOf(after), (row) => row.cells.map((c) => c.text).join(' | '))) {
    if (!r.old || !r.new) {
      const row = (r.new ?? r.old)!;
      const side = r.new ? 'new' : 'old';
      out.fields.push({ field: `rows[${row.i}]`, part: 'row', at: String(row.i + 1), context: name(row), change: r.new ? 'added' : 'removed', [side]: row.cells.map((c) => c.text).join(' | ') });
      const cols = r.new ? newColumns : oldColumns;
      row.cells.forEach((cell, ci) => {
        if (ci > 0 && isNumber(cell.text)) out.numbers.push({ field: `rows[${row.i}][${ci}]`, label: headed(cols[ci], row), [side]: cell.text });
      });
      continue;
    }
    for (const c of columns) {
      if (!c.old || !c.new) continue;
      const o = r.old.cells[c.old.i];
      const n = r.new.cells[c.new.i];
      if (!o || !n || o.text === n.text) continue;
      const field = `rows[${r.new.i}][${c.new.i}]`;
      const number = isNumber(o.text) || isNumber(n.text);
      out.fields.push({ ...text({ field, part: 'cell', at: `${r.new.i + 1}/${c.new.i + 1}`, context: headed(c.new, r.new) }, o.text, n.text, lang), number: number || undefined });
      if (number) out.numbers.push({ field, label: headed(c.new, r.new), old: o.text, new: n.text });
    }
  }
}

/** A chart value as read aloud: `3,1 %` when the unit is a percent sign, the number alone otherwise. */
function valueText(chart: ChartModel, formatted: string, lang: string): string {
  const unit = chart.unit?.trim();
  return unit === '%' || unit === '‰' ? `${formatted}${lang.startsWith('en') ? '' : '\u00a0'}${unit}` : formatted;
}

function compareCharts(before: ChartModel | undefined, after: ChartModel | undefined, lang: string, out: SlideComparison): void {
  const cats = (c: ChartModel | undefined) => (c?.categories ?? []).map((text, i) => ({ i, text }));
  const series = (c: ChartModel | undefined) => (c?.series ?? []).map((s, i) => ({ i, text: s.name, s }));
  const unitOf = (c: ChartModel | undefined): string => {
    const unit = c?.unit?.trim();
    return unit && unit !== '%' && unit !== '‰' ? ` (${unit})` : '';
  };
  const categories = alignLists(cats(before), cats(after), (c) => c.text);
  const lines = alignLists(series(before), series(after), (s) => s.text);
  const label = (s: string, c: string, chart: ChartModel | undefined): string => `${s}, ${c}${unitOf(chart)}`;
  for (const c of categories) {
    if (c.old && c.new && c.old.text === c.new.text) continue;
    const i = (c.new ?? c.old)!.i;
    out.fields.push(text({ field: `categories[${i}]`, part: 'category', at: String(i + 1) }, c.old?.text, c.new?.text, lang));
  }
  for (const l of lines) {
    if (!l.old || !l.new || l.old.text !== l.new.text) {
      const i = (l.new ?? l.old)!.i;
      out.fields.push(text({ field: `series[${i}].name`, part: 'series', at: String(i + 1) }, l.old?.text, l.new?.text, lang));
    }
    for (const c of categories) {
      const o = l.old && c.old ? l.old.s.formatted[c.old.i] : undefined;
      const n = l.new && c.new ? l.new.s.formatted[c.new.i] : undefined;
      const same = o !== undefined && n !== undefined && l.old!.s.values[c.old!.i] === l.new!.s.values[c.new!.i];
      if (same || (o === undefined && n === undefined)) continue;
      const field = l.new && c.new ? `series[${l.new.i}].values[${c.new.i}]` : `series[${l.old!.i}].values[${c.old!.i}]`;
      const name = label((l.new ?? l.old)!.text, (c.new ?? c.old)!.text, after ?? before);
      const oldText = o === undefined ? undefined : valueText(before!, o, lang);
      const newText = n === undefined ? undefined : valueText(after!, n, lang);
      out.numbers.push({ field, label: name, old: oldText, new: newText });
      // A value of a series or category added or removed whole is told by that change.
      if (o !== undefined && n !== undefined) out.fields.push({ field, part: 'value', context: name, change: 'changed', old: oldText, new: newText, number: true });
    }
  }
}

/** A text field's change (added, removed or changed with its word diff). */
function text(place: { field: string; part: FieldPart; at?: string; context?: string }, old: string | undefined, next: string | undefined, lang: string): FieldChange {
  return {
    ...place,
    change: old === undefined ? 'added' : next === undefined ? 'removed' : 'changed',
    old,
    new: next,
    words: old !== undefined && next !== undefined ? wordDiff(old, next, lang) : undefined,
  };
}
