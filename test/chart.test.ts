// The chart renderer on its own: the numbers it prints, the marks it draws, that it draws the
// same bytes twice; and the themes' series colours held to WCAG contrast on every background.
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { parse } from 'node-html-parser';
import postcss from 'postcss';
import { describe, expect, it } from 'vitest';
import { contrastRatio, parseHexColour, type Rgb } from '../src/core/base/colour.js';
import { DARK_THEMES, REVEAL_THEMES } from '../src/core/deck/themes.js';
import { chartDomain, renderChart, type ChartInput } from '../src/core/model/chart-svg.js';
import { ROOT } from './helpers/build.js';

const base: ChartInput = {
  kind: 'bar',
  categories: ['2021', '2022', '2023'],
  series: [
    { name: 'Kolumbien', values: [3.1, 3.0, 3.1] },
    { name: 'Japan', values: [1.1, 1.1, 1.2] },
  ],
  unit: '% des BIP',
  lang: 'de',
  title: 'Ausgaben',
  description: 'Säulendiagramm',
  idPrefix: 'c',
  width: 1168,
  height: 460,
};

const texts = (svg: string, cls: string) => parse(svg).querySelectorAll(`text.${cls}`).map((t) => t.text);

describe('renderChart', () => {
  it('prints numbers in the deck language, with the fraction digits the data has', () => {
    const de = renderChart(base).svg;
    expect(texts(de, 'value-label')).toEqual(['3,1', '1,1', '3,0', '1,1', '3,1', '1,2']);
    expect(texts(de, 'tick')).toEqual(['0,0', '0,5', '1,0', '1,5', '2,0', '2,5', '3,0', '3,5']);
    const en = renderChart({ ...base, lang: 'en' }).svg;
    expect(texts(en, 'value-label')).toContain('3.0');
    const big = renderChart({ ...base, kind: 'stacked', series: [{ name: 'A', values: [12000, 2021, 9] }] }).svg;
    expect(texts(big, 'tick')).toContain('10.000');
  });

  it('draws one mark per value, each with its value, series and category', () => {
    for (const kind of ['bar', 'hbar', 'stacked', 'line'] as const) {
      const doc = parse(renderChart({ ...base, kind }).svg);
      const marks = doc.querySelectorAll('.mark');
      expect(marks.map((m) => [m.getAttribute('data-series'), m.getAttribute('data-category'), m.getAttribute('data-value')]).sort()).toEqual(
        base.series.flatMap((s) => s.values.map((v, i) => [s.name, base.categories[i], String(v)])).sort(),
      );
      expect(doc.querySelector('svg')!.getAttribute('role')).toBe('img');
      expect(doc.querySelector('title')!.text).toBe('Ausgaben');
    }
  });

  it('keeps 0 on the axis for bars and takes min/max from the slide', () => {
    expect(chartDomain({ ...base, series: [{ name: 'A', values: [-2, 3, 7] }] })).toEqual([-2, 8]);
    expect(chartDomain({ ...base, kind: 'stacked', series: [{ name: 'A', values: [1, 2, 3] }, { name: 'B', values: [4, 4, 4] }] })).toEqual([0, 7]);
    expect(chartDomain({ ...base, min: 0, max: 5 })).toEqual([0, 5]);
    const doc = parse(renderChart({ ...base, series: [{ name: 'A', values: [-2, 3, 7] }] }).svg);
    const bars = doc.querySelectorAll('rect.mark').map((r) => Number(r.getAttribute('height')));
    expect(bars.every((h) => h > 0)).toBe(true);
  });

  it('draws the same bytes for the same numbers', () => {
    const a = renderChart({ ...base, kind: 'line' }).svg;
    const b = renderChart(JSON.parse(JSON.stringify({ ...base, kind: 'line' })) as ChartInput).svg;
    expect(a).toBe(b);
  });
});

describe('series colours', () => {
  const css = (file: string) => postcss.parse(readFileSync(file, 'utf8'));
  const layouts = css(join(ROOT, 'templates/themes/layouts.css'));
  const briefing = css(join(ROOT, 'templates/themes/briefing.css'));
  const themeDir = join(dirname(createRequire(import.meta.url).resolve('reveal.js')), 'theme');

  /** The custom properties a selector sets, in one stylesheet. */
  const vars = (root: postcss.Root, match: (selector: string) => boolean): Record<string, string> => {
    const out: Record<string, string> = {};
    root.walkRules((rule) => {
      if (!match(rule.selector)) return;
      rule.walkDecls(/^--/, (d) => {
        out[d.prop] = d.value.trim();
      });
    });
    return out;
  };
  const resolve = (value: string, scope: Record<string, string>): string => {
    const m = /^var\((--[\w-]+)(?:,\s*([^)]+))?\)$/.exec(value);
    return m ? resolve(scope[m[1]!] ?? m[2]!, scope) : value;
  };
  const hex = (value: string): Rgb => {
    const rgb = parseHexColour(value);
    if (!rgb) throw new Error(`not a hex colour: ${value}`);
    return rgb;
  };

  const light = vars(layouts, (s) => s === ':root');
  /** What layouts.css sets for one theme by its class (the dark themes' series colours …). */
  const own = (name: string) => vars(layouts, (s) => s.split(',').some((part) => part.trim() === `.reveal.td-theme-${name}`));
  const themes: [string, Record<string, string>, Record<string, string>][] = [
    ['briefing', { ...light, ...vars(briefing, (s) => s === ':root') }, {}],
    ...REVEAL_THEMES.map((name): [string, Record<string, string>, Record<string, string>] => [
      name,
      { ...vars(css(join(themeDir, `${name}.css`)), (s) => s === ':root'), ...light },
      own(name),
    ]),
  ];

  it('give the dark themes, and only those, the light series colours', () => {
    const lightSeries = own('black')['--td-chart-0'];
    expect(REVEAL_THEMES.filter((name) => own(name)['--td-chart-0'] === lightSeries)).toEqual(DARK_THEMES);
  });

  it.each(themes)('have at least 4.5:1 against the %s background, on marks and as text', (_name, scope, override) => {
    const all = { ...scope, ...override };
    const background = hex(resolve(all['--r-background-color']!, all));
    for (let i = 0; i < 6; i++) {
      const colour = hex(resolve(all[`--td-chart-${i}`]!, all));
      expect(contrastRatio(colour, background), `--td-chart-${i}`).toBeGreaterThanOrEqual(4.5);
    }
    // Values written on a mark (stacked bars) read against every series colour.
    const on = hex(resolve(all['--td-chart-on']!, all));
    for (let i = 0; i < 6; i++) {
      expect(contrastRatio(on, hex(resolve(all[`--td-chart-${i}`]!, all))), `on --td-chart-${i}`).toBeGreaterThanOrEqual(4.5);
    }
  });
});
