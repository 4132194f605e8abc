/**
 * Build-time charts for the `chart` layout: a pure, deterministic function from the numbers on
 * a slide to an inline `<svg>` (no client-side chart library, nothing fetched at show time).
 * Scales and nice ticks come from d3-scale, the line from d3-shape; numbers are printed with
 * `Intl.NumberFormat` in the deck's language (3,1 in German).
 *
 * SVG structure (the viewBox is the slide's content box, so 1 unit ≈ 1 CSS pixel at 1280×720):
 *
 *   <svg class="td-chart-svg td-chart-<kind>" viewBox role="img" aria-labelledby="<p>-title <p>-desc">
 *     <title/> <desc/>
 *     <g class="grid">   value-axis grid lines and tick labels (<text class="tick">)
 *     <g class="axis">   category labels (<text class="category">), the zero line, the unit
 *     <g class="marks">  one <rect> (bars) or <circle> (line points) per value:
 *                        class="mark series-<i>" data-series data-category data-value
 *     <g class="labels"> data labels where they fit (<text class="value-label">)
 *
 * Colours: the theme styles `series-<i>` (see layouts.css, `--td-chart-<i>`); the fallback
 * colours are presentation attributes, which any CSS rule beats (as in world-map.ts).
 */
import { scaleBand, scaleLinear, scalePoint } from 'd3-scale';
import { line } from 'd3-shape';
import type { ChartKind } from '../deck/fields.js';
import { fractionDigits, numberFormat } from '../base/number-format.js';
import { maxOf, minOf } from '../base/extent.js';

export { fractionDigits, numberFormat };

export interface ChartSeries {
  name: string;
  values: number[];
}

export interface ChartInput {
  kind: ChartKind;
  categories: string[];
  series: ChartSeries[];
  unit?: string | undefined;
  min?: number | undefined;
  max?: number | undefined;
  /** Deck language (BCP 47): number format and the description's words. */
  lang: string;
  /** Plain text for `<title>`. */
  title: string;
  /** Text alternative for `<desc>` (see `describeChart`). */
  description: string;
  /** Prefix for ids, unique per chart in one page. */
  idPrefix: string;
  /** Size of the drawing in viewBox units (≈ CSS px). */
  width: number;
  height: number;
}

export interface ChartDrawing {
  svg: string;
  /** The value axis after rounding to nice ticks. */
  domain: [number, number];
  ticks: number[];
}

/** Fallback colours (light background); themes override them through `--td-chart-<i>`. */
export const CHART_FALLBACK_COLOURS = ['#0b4f9c', '#c2410c', '#15803d', '#7e22ce', '#be185d', '#4a5262'] as const;

const FONT = 22;
const CATEGORY_FONT = 24;
/** Average glyph advance of Source Sans 3 in em (digits are a little wider than letters). */
const GLYPH = 0.52;

export function textWidth(text: string, font = FONT): number {
  return [...text].length * GLYPH * font;
}

/** The value axis: 0 is always on it for bars; `min`/`max` from the slide win. */
export function chartDomain(input: Pick<ChartInput, 'kind' | 'series' | 'min' | 'max' | 'categories'>): [number, number] {
  const values =
    input.kind === 'stacked'
      ? input.categories.map((_, c) => input.series.reduce((sum, s) => sum + (s.values[c] ?? 0), 0))
      : input.series.flatMap((s) => s.values);
  const lo = minOf(values);
  const hi = maxOf(values);
  let min = input.min ?? (input.kind === 'line' ? Math.min(0, lo) : Math.min(0, lo));
  let max = input.max ?? Math.max(0, hi);
  if (min === max) max = min + 1;
  const scale = scaleLinear().domain([min, max]);
  if (input.min === undefined || input.max === undefined) {
    const nice = scale.nice(5).domain() as [number, number];
    if (input.min === undefined) min = nice[0];
    if (input.max === undefined) max = nice[1];
  }
  return [min, max];
}

const r1 = (n: number): string => String(Math.round(n * 10) / 10);

function esc(text: string): string {
  return text.replace(/[&<>"]/g, (c) => (c === '&' ? '&amp;' : c === '<' ? '&lt;' : c === '>' ? '&gt;' : '&quot;'));
}

function text(x: number, y: number, content: string, attrs: string): string {
  return `<text x="${r1(x)}" y="${r1(y)}" ${attrs}>${esc(content)}</text>`;
}

/** Splits a category label into at most two lines that fit `width`. */
function wrap(label: string, width: number, font: number): string[] {
  if (textWidth(label, font) <= width) return [label];
  const words = label.split(/\s+/);
  if (words.length < 2) return [label];
  let best: string[] = [label];
  let bestWidth = Infinity;
  for (let i = 1; i < words.length; i++) {
    const lines = [words.slice(0, i).join(' '), words.slice(i).join(' ')];
    const w = maxOf(lines.map((l) => textWidth(l, font)));
    if (w < bestWidth) {
      best = lines;
      bestWidth = w;
    }
  }
  return best;
}

const memo = new Map<string, ChartDrawing>();

export function renderChart(input: ChartInput): ChartDrawing {
  const key = JSON.stringify(input);
  const hit = memo.get(key);
  if (hit) return hit;
  const drawing = draw(input);
  if (memo.size > 200) memo.clear();
  memo.set(key, drawing);
  return drawing;
}

function draw(input: ChartInput): ChartDrawing {
  const { kind, categories, series, width: W, height: H } = input;
  const fmt = numberFormat(input.lang, fractionDigits(series.flatMap((s) => s.values)));
  const domain = chartDomain(input);
  const value = scaleLinear().domain(domain);
  const ticks = value.ticks(5).filter((t) => t >= domain[0] - 1e-9 && t <= domain[1] + 1e-9);
  const tickFmt = numberFormat(input.lang, fractionDigits(ticks.map((t) => Number(t.toPrecision(12)))));
  const tickLabels = ticks.map((t) => tickFmt.format(t));
  const colour = (i: number): string => CHART_FALLBACK_COLOURS[i % CHART_FALLBACK_COLOURS.length]!;
  const attr = (s: number, c: number, v: number): string =>
    `class="mark series-${s}" fill="${colour(s)}" data-series="${esc(series[s]!.name)}" data-category="${esc(categories[c]!)}" data-value="${v}"`;
  const grid: string[] = [];
  const axis: string[] = [];
  const marks: string[] = [];
  const labels: string[] = [];
  const unit = input.unit;

  if (kind === 'hbar') {
    const labelWidth = Math.min(W * 0.38, maxOf(categories.map((c) => textWidth(c, CATEGORY_FONT))) + 16);
    const widest = maxOf(series.flatMap((s) => s.values.map((v) => textWidth(fmt.format(v)))));
    const left = labelWidth;
    const right = W - Math.max(16, widest + 12);
    const top = unit ? 34 : 8;
    const bottom = H - 40;
    value.range([left, right]);
    const band = scaleBand<number>().domain(categories.map((_, i) => i)).range([top, bottom]).paddingInner(0.25).paddingOuter(0.1);
    const inner = scaleBand<number>().domain(series.map((_, i) => i)).range([0, band.bandwidth()]).padding(0.06);
    ticks.forEach((t, i) => {
      const x = value(t);
      grid.push(`<line x1="${r1(x)}" x2="${r1(x)}" y1="${top}" y2="${r1(bottom)}" class="gridline" stroke="#c9d1dc"/>`);
      grid.push(text(x, bottom + 28, tickLabels[i]!, `class="tick" text-anchor="middle"`));
    });
    if (unit) axis.push(text(right, FONT, unit, `class="unit" text-anchor="end"`));
    const zero = value(Math.max(domain[0], Math.min(domain[1], 0)));
    axis.push(`<line x1="${r1(zero)}" x2="${r1(zero)}" y1="${top}" y2="${r1(bottom)}" class="baseline" stroke="#1a1f29"/>`);
    categories.forEach((c, ci) => {
      const lines = wrap(c, labelWidth - 16, CATEGORY_FONT);
      const mid = band(ci)! + band.bandwidth() / 2;
      lines.forEach((l, li) => {
        const y = mid + (li - (lines.length - 1) / 2) * CATEGORY_FONT * 1.1 + CATEGORY_FONT * 0.35;
        axis.push(text(left - 12, y, l, `class="category" text-anchor="end"`));
      });
      series.forEach((s, si) => {
        const v = s.values[ci]!;
        const y = band(ci)! + inner(si)!;
        const end = value(Math.max(domain[0], Math.min(domain[1], v)));
        const xs = v < 0 ? [end, zero] : [zero, end];
        marks.push(`<rect x="${r1(xs[0]!)}" y="${r1(y)}" width="${r1(Math.max(0, xs[1]! - xs[0]!))}" height="${r1(inner.bandwidth())}" ${attr(si, ci, v)}/>`);
        if (inner.bandwidth() >= FONT * 0.9) {
          const label = fmt.format(v);
          const lx = v < 0 ? xs[0]! - 6 : xs[1]! + 6;
          labels.push(text(lx, y + inner.bandwidth() / 2 + FONT * 0.35, label, `class="value-label" text-anchor="${v < 0 ? 'end' : 'start'}"`));
        }
      });
    });
  } else {
    const tickWidth = maxOf(tickLabels.map((t) => textWidth(t)));
    const left = tickWidth + 14;
    const lastLabels = kind === 'line' && series.length > 1;
    const endWidth = lastLabels ? maxOf(series.map((s) => textWidth(fmt.format(s.values.at(-1)!)))) + 16 : 8;
    const right = W - endWidth;
    const top = unit ? 34 : 14;
    const twoLines = (bw: number): boolean => categories.some((c) => wrap(c, bw, CATEGORY_FONT).length > 1);
    let bottom = H - 36;
    const x =
      kind === 'line'
        ? scalePoint<number>().domain(categories.map((_, i) => i)).range([left, right]).padding(0.4)
        : scaleBand<number>().domain(categories.map((_, i) => i)).range([left, right]).paddingInner(0.28).paddingOuter(0.14);
    const step = kind === 'line' ? (x as ReturnType<typeof scalePoint<number>>).step() : (x as ReturnType<typeof scaleBand<number>>).step();
    if (twoLines(step - 8)) bottom -= CATEGORY_FONT * 1.1;
    value.range([bottom, top]);
    ticks.forEach((t, i) => {
      const y = value(t);
      grid.push(`<line x1="${r1(left)}" x2="${r1(right)}" y1="${r1(y)}" y2="${r1(y)}" class="gridline" stroke="#c9d1dc"/>`);
      grid.push(text(left - 10, y + FONT * 0.35, tickLabels[i]!, `class="tick" text-anchor="end"`));
    });
    if (unit) axis.push(text(0, FONT, unit, `class="unit" text-anchor="start"`));
    const zero = value(Math.max(domain[0], Math.min(domain[1], 0)));
    axis.push(`<line x1="${r1(left)}" x2="${r1(right)}" y1="${r1(zero)}" y2="${r1(zero)}" class="baseline" stroke="#1a1f29"/>`);
    const centre = (ci: number): number =>
      kind === 'line' ? (x as ReturnType<typeof scalePoint<number>>)(ci)! : (x as ReturnType<typeof scaleBand<number>>)(ci)! + (x as ReturnType<typeof scaleBand<number>>).bandwidth() / 2;
    categories.forEach((c, ci) => {
      wrap(c, step - 8, CATEGORY_FONT).forEach((l, li) => {
        axis.push(text(centre(ci), bottom + 28 + li * CATEGORY_FONT * 1.1, l, `class="category" text-anchor="middle"`));
      });
    });
    const clamp = (v: number): number => Math.max(domain[0], Math.min(domain[1], v));
    if (kind === 'bar') {
      const band = x as ReturnType<typeof scaleBand<number>>;
      const inner = scaleBand<number>().domain(series.map((_, i) => i)).range([0, band.bandwidth()]).padding(0.06);
      categories.forEach((_, ci) =>
        series.forEach((s, si) => {
          const v = s.values[ci]!;
          const bx = band(ci)! + inner(si)!;
          const y1 = value(clamp(Math.max(0, v)));
          const y0 = value(clamp(Math.min(0, v)));
          marks.push(`<rect x="${r1(bx)}" y="${r1(y1)}" width="${r1(inner.bandwidth())}" height="${r1(Math.max(0, y0 - y1))}" ${attr(si, ci, v)}/>`);
          const label = fmt.format(v);
          if (textWidth(label) <= inner.bandwidth() + 6) {
            const ly = v < 0 ? y0 + FONT + 2 : y1 - 7;
            labels.push(text(bx + inner.bandwidth() / 2, ly, label, `class="value-label" text-anchor="middle"`));
          }
        }),
      );
    } else if (kind === 'stacked') {
      const band = x as ReturnType<typeof scaleBand<number>>;
      categories.forEach((_, ci) => {
        let base = 0;
        series.forEach((s, si) => {
          const v = s.values[ci]!;
          const y0 = value(clamp(base));
          const y1 = value(clamp(base + v));
          base += v;
          marks.push(`<rect x="${r1(band(ci)!)}" y="${r1(y1)}" width="${r1(band.bandwidth())}" height="${r1(Math.max(0, y0 - y1))}" ${attr(si, ci, v)}/>`);
          const label = fmt.format(v);
          if (y0 - y1 >= FONT + 6 && textWidth(label) <= band.bandwidth() - 8) {
            labels.push(text(band(ci)! + band.bandwidth() / 2, (y0 + y1) / 2 + FONT * 0.35, label, `class="value-label on-mark" text-anchor="middle" fill="#fff"`));
          }
        });
        const total = fmt.format(base);
        if (series.length > 1 && textWidth(total) <= band.step() - 4) {
          labels.push(text(band(ci)! + band.bandwidth() / 2, value(clamp(base)) - 7, total, `class="value-label total" text-anchor="middle"`));
        }
      });
    } else {
      const point = x as ReturnType<typeof scalePoint<number>>;
      const path = line<number>()
        .x((_, ci) => point(ci)!)
        .y((v) => value(clamp(v)))
        .digits(1);
      series.forEach((s, si) => {
        marks.push(`<path d="${path(s.values) ?? ''}" class="line series-${si}" fill="none" stroke="${colour(si)}"/>`);
      });
      series.forEach((s, si) => {
        s.values.forEach((v, ci) => {
          marks.push(`<circle cx="${r1(point(ci)!)}" cy="${r1(value(clamp(v)))}" r="6" ${attr(si, ci, v)}/>`);
        });
      });
      if (series.length === 1) {
        const s = series[0]!;
        const labelsFit = s.values.every((v) => textWidth(fmt.format(v)) <= point.step() - 6);
        if (labelsFit) {
          s.values.forEach((v, ci) => labels.push(text(point(ci)!, value(clamp(v)) - 14, fmt.format(v), `class="value-label" text-anchor="middle"`)));
        }
      } else {
        // End labels, pushed apart so they never overlap.
        const ends = series
          .map((s, si) => ({ si, v: s.values.at(-1)!, y: value(clamp(s.values.at(-1)!)) + FONT * 0.35 }))
          .sort((a, b) => a.y - b.y);
        for (let i = 1; i < ends.length; i++) ends[i]!.y = Math.max(ends[i]!.y, ends[i - 1]!.y + FONT + 2);
        const lastX = point(categories.length - 1)!;
        for (const e of ends) labels.push(text(lastX + 12, e.y, fmt.format(e.v), `class="value-label series-text-${e.si}" text-anchor="start"`));
      }
    }
  }

  const id = input.idPrefix;
  const svg =
    `<svg class="td-chart-svg td-chart-${kind}" viewBox="0 0 ${W} ${H}" role="img" aria-labelledby="${id}-title ${id}-desc" font-size="${FONT}">` +
    `<title id="${id}-title">${esc(input.title)}</title><desc id="${id}-desc">${esc(input.description)}</desc>` +
    `<g class="grid" fill="#4a5262">${grid.join('')}</g>` +
    `<g class="axis" fill="#1a1f29">${axis.join('')}</g>` +
    `<g class="marks">${marks.join('')}</g>` +
    `<g class="labels" fill="#1a1f29">${labels.join('')}</g>` +
    `</svg>`;
  return { svg, domain, ticks };
}
