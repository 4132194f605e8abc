/**
 * The chart layout: checks the series against the categories and the axis bounds, formats the
 * values in the deck's language, and has the (lazily loaded) chart renderer draw the SVG in the
 * room the slide leaves. The sentence that describes the chart in words (alt text, handout) is
 * decided here too, so every output says the same.
 */
import type { Labels } from '../../base/i18n.js';
import { plainText } from '../../base/markdown.js';
import { fractionDigits, numberFormat } from '../../base/number-format.js';
import { decimalCommaHint } from '../problems.js';
import { errorAt } from '../../base/source.js';
import type { ChartKind } from '../../deck/fields.js';
import type { SlideOf } from '../../deck/layouts.js';
import type { SlideModel } from '../types.js';
import type { LayoutContext } from './context.js';
import { maxOf, minOf } from '../../base/extent.js';

/**
 * The most values one chart draws (categories × series). A slide shows a few hundred at most;
 * 150,000 made a 36 MB page and most of a gigabyte of memory in every output.
 */
const MAX_CHART_VALUES = 10_000;

/** Room for a chart: the slide's content box below the title, minus a legend row and the summary. */
function chartBox(ctx: LayoutContext, slide: SlideOf<'chart'>): { width: number; height: number } {
  const width = ctx.size.width - 2 * 56;
  const legend = slide.series.length > 1 ? 44 : 0;
  const summary = slide.summary ? 112 : 0;
  const cite = slide.cite?.length ? 10 : 0;
  return { width, height: Math.max(240, ctx.size.height - 36 - 64 - 74 - legend - summary - cite) };
}

export function chartModel(base: SlideModel, slide: SlideOf<'chart'>, ctx: LayoutContext): SlideModel {
  const { path } = ctx;
  if (!ctx.charts) throw new Error('chart slide modelled without a chart renderer');
  let ok = true;
  const n = slide.categories.length;
  const values = slide.series.reduce((sum, s) => sum + s.values.length, 0);
  if (Math.max(values, n) > MAX_CHART_VALUES) {
    ctx.errors.push(
      errorAt(ctx.source, [...path, values > n ? 'series' : 'categories'], {
        code: 'chart-shape',
        message: `The chart has ${n.toLocaleString('en')} categories and ${values.toLocaleString('en')} values; one chart draws at most ${MAX_CHART_VALUES.toLocaleString('en')}`,
        hint: 'sum the data up (monthly instead of daily, say) or split it over several slides',
      }),
    );
    return base;
  }
  slide.series.forEach((s, si) => {
    if (s.values.length !== n) {
      ok = false;
      ctx.errors.push(
        errorAt(ctx.source, [...path, 'series', si, 'values'], {
          code: 'chart-shape',
          message: `Series \`${s.name}\` has ${s.values.length} value${s.values.length === 1 ? '' : 's'}, but there ${n === 1 ? 'is 1 category' : `are ${n} categories`}`,
          hint:
            decimalCommaHint(ctx.source, [...path, 'series', si, 'values']) ??
            `give one number per entry of \`categories\` (${[...slide.categories.slice(0, 12).map(String), ...(n > 12 ? ['…'] : [])].join(', ')}), in the same order`,
        }),
      );
    }
    if (slide.chart === 'stacked') {
      const negative = s.values.findIndex((v) => v < 0);
      if (negative >= 0) {
        ok = false;
        ctx.errors.push(
          errorAt(ctx.source, [...path, 'series', si, 'values', negative], {
            code: 'chart-negative',
            message: `A stacked chart cannot show the negative value ${s.values[negative]} (series \`${s.name}\`)`,
            hint: 'stacked bars add up parts of a whole; use `chart: bar` to show negative values side by side',
          }),
        );
      }
    }
  });
  if (slide.min !== undefined && slide.max !== undefined && slide.min >= slide.max) {
    ok = false;
    ctx.errors.push(
      errorAt(ctx.source, [...path, 'max'], {
        code: 'chart-shape',
        message: `\`max\` (${slide.max}) must be greater than \`min\` (${slide.min})`,
        hint: 'leave both out to fit the axis to the data',
      }),
    );
  }
  if (!ok) return base;
  const all = slide.chart === 'stacked'
    ? slide.categories.map((_, c) => slide.series.reduce((sum, s) => sum + s.values[c]!, 0))
    : slide.series.flatMap((s) => s.values);
  const hi = maxOf(all);
  const lo = minOf(all);
  if (slide.max !== undefined && slide.max < hi) {
    ctx.errors.push(
      errorAt(ctx.source, [...path, 'max'], {
        code: 'chart-shape',
        message: `\`max\` (${slide.max}) is below the largest ${slide.chart === 'stacked' ? 'stack' : 'value'} (${hi}): bars would be cut off`,
        hint: `raise \`max\` to at least ${hi}, or leave it out`,
      }),
    );
    return base;
  }
  if (slide.min !== undefined && slide.min > Math.min(lo, slide.chart === 'line' ? lo : 0)) {
    ctx.errors.push(
      errorAt(ctx.source, [...path, 'min'], {
        code: 'chart-shape',
        message: `\`min\` (${slide.min}) is above the ${slide.chart === 'line' ? 'smallest value' : 'baseline 0 of the bars'} (${slide.chart === 'line' ? lo : Math.min(lo, 0)})`,
        hint: slide.chart === 'line' ? `lower \`min\` to ${lo} or less, or leave it out` : 'bars start at 0: leave `min` out, or use `chart: line` for an axis that does not start at 0',
      }),
    );
    return base;
  }
  const format = numberFormat(ctx.lang, fractionDigits(slide.series.flatMap((s) => s.values)));
  const categories = slide.categories.map((c) => (typeof c === 'number' ? String(c) : plainText(c)));
  const series = slide.series.map((s) => ({ name: plainText(s.name), values: s.values, formatted: s.values.map((v) => format.format(v)) }));
  const description = chartDescription(ctx.labels, slide.chart, categories, series, slide.unit, format.format(lo), format.format(hi));
  const box = chartBox(ctx, slide);
  const drawing = ctx.charts.renderChart({
    kind: slide.chart,
    categories,
    series: series.map(({ name, values }) => ({ name, values })),
    unit: slide.unit,
    min: slide.min,
    max: slide.max,
    lang: ctx.lang,
    title: base.title,
    description,
    idPrefix: `chart-${base.id}`,
    ...box,
  });
  return {
    ...base,
    chart: {
      kind: slide.chart,
      categories,
      series,
      unit: slide.unit,
      min: drawing.domain[0],
      max: drawing.domain[1],
      ticks: drawing.ticks,
      svg: drawing.svg,
      description,
      tableId: `chart-${base.id}-data`,
    },
  };
}

/** "Bar chart: Kolumbien, Japan; 2021 to 2023; in % des BIP; values from 1.1 to 3.1." */
function chartDescription(
  labels: Labels,
  kind: ChartKind,
  categories: string[],
  series: { name: string }[],
  unit: string | undefined,
  lo: string,
  hi: string,
): string {
  const span = categories.length > 1 ? `${categories[0]} ${labels.to} ${categories.at(-1)}` : categories[0];
  return [
    `${labels.chartKinds[kind]}: ${series.map((s) => s.name).join(', ')}`,
    span,
    unit ? `in ${unit}` : undefined,
    `${labels.valuesFrom} ${lo} ${labels.to} ${hi}.`,
  ]
    .filter(Boolean)
    .join('; ');
}
