// Tables, charts, backup slides and slide backgrounds in a real Chromium at 1280×720, from
// file://: every slide fits and passes axe-core; every chart has one mark per value and a
// hidden data table with the same numbers; backup slides are numbered A1, A2, … in reveal's
// slide number and the speaker view, and the closing slide leads to them.
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import type { Browser, Page } from 'playwright-core';
import { parse as parseYaml } from 'yaml';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { contrastRatio, type Rgb } from '../src/core/base/colour.js';
import { fixture, ROOT } from './helpers/build.js';
import { launchBrowser, recordPage, type PageLog } from './helpers/browser.js';
import { talkdeck } from './helpers/cli.js';
import { axePath, axeViolations, layoutProblems, showSlide } from './helpers/layout.js';

interface ChartSlide {
  layout: 'chart';
  title: string;
  chart: string;
  categories: string[];
  series: { name: string; values: number[] }[];
}
interface DeckYaml {
  slides: ({ layout?: string; title?: string } & Partial<Omit<ChartSlide, 'layout'>>)[];
}

type RevealApi = {
  isReady(): boolean;
  getTotalSlides(): number;
  slide(h: number, v?: number, f?: number): void;
  configure(c: object): void;
  getCurrentSlide(): HTMLElement;
};

let browser: Browser;
let page: Page;
let log: PageLog;
let url: string;
let total = 0;
const deck = parseYaml(readFileSync(fixture('numbers/deck.yaml'), 'utf8')) as DeckYaml;

beforeAll(async () => {
  const out = mkdtempSync(join(tmpdir(), 'talkdeck-numbers-'));
  const r = talkdeck(ROOT, ['build', fixture('numbers'), '--out', out]);
  expect(r.code, r.stderr).toBe(0);
  url = pathToFileURL(join(out, 'numbers/index.html')).href;
  browser = await launchBrowser();
  page = await browser.newPage({ viewport: { width: 1280, height: 720 } });
  log = recordPage(page);
  await page.goto(url);
  await page.waitForFunction(() => (window as unknown as { Reveal?: RevealApi }).Reveal?.isReady());
  await page.evaluate(() => (window as unknown as { Reveal: RevealApi }).Reveal.configure({ transition: 'none', backgroundTransition: 'none' }));
  // By the DevTools protocol: the page's policy admits no script tag without its nonce.
  await page.evaluate(readFileSync(axePath, 'utf8'));
  total = await page.evaluate(() => (window as unknown as { Reveal: RevealApi }).Reveal.getTotalSlides());
});

afterAll(async () => {
  await browser?.close();
});

const rgb = (css: string): Rgb => css.match(/\d+(\.\d+)?/g)!.slice(0, 3).map(Number) as Rgb;

describe('a deck with a table and a chart of each kind', () => {
  // Walking every slide twice in a real browser takes a while on a loaded machine.
  it('fits every slide at 1280×720', async () => {
    expect(total).toBe(deck.slides.length);
    const problems: string[] = [];
    for (let i = 0; i < total; i++) problems.push(...(await layoutProblems(page, i)));
    expect(problems).toEqual([]);
    expect(log.pageErrors).toEqual([]);
    expect(log.requests.every((r) => r.startsWith('file:') || r.startsWith('data:'))).toBe(true);
  }, 120_000);

  it('has no serious or critical axe-core violation on any slide', async () => {
    const problems: string[] = [];
    for (let i = 0; i < total; i++) {
      await showSlide(page, i);
      for (const v of await axeViolations(page)) problems.push(`slide ${i + 1}: ${v}`);
    }
    expect(problems).toEqual([]);
  }, 120_000);

  it('draws one mark with data-value per value, and a hidden table with the same numbers', async () => {
    const charts = deck.slides.filter((s): s is ChartSlide => s.layout === 'chart');
    expect(new Set(charts.map((c) => c.chart))).toEqual(new Set(['bar', 'hbar', 'stacked', 'line']));
    const german = new Intl.NumberFormat('de', { minimumFractionDigits: 1, maximumFractionDigits: 1 });
    for (const chart of charts) {
      const found = await page.evaluate((title) => {
        const section = [...document.querySelectorAll('.slides > section')].find((s) => s.querySelector('h2')?.textContent === title)!;
        const svg = section.querySelector('svg.td-chart-svg')!;
        const name = svg.getAttribute('aria-labelledby')!.split(' ').map((id) => document.getElementById(id)?.textContent ?? '');
        const table = section.querySelector('table.td-sr-only')!;
        return {
          role: svg.getAttribute('role'),
          name,
          marks: [...svg.querySelectorAll('[data-value]')].map((m) => ({
            series: m.getAttribute('data-series'),
            category: m.getAttribute('data-category'),
            value: Number(m.getAttribute('data-value')),
          })),
          head: [...table.querySelectorAll('thead th')].map((th) => [th.getAttribute('scope'), th.textContent]),
          rows: [...table.querySelectorAll('tbody tr')].map((tr) => [tr.querySelector('th')?.getAttribute('scope'), ...[...tr.children].map((c) => c.textContent)]),
        };
      }, chart.title);
      expect(found.role).toBe('img');
      expect(found.name[0]).toBe(chart.title);
      expect(found.name[1]!.length).toBeGreaterThan(20);
      const values = chart.series.flatMap((s) => s.values.map((value, c) => ({ series: s.name, category: chart.categories[c], value })));
      expect(found.marks.length, chart.title).toBe(values.length);
      expect(found.marks.sort((a, b) => `${a.series}${a.category}`.localeCompare(`${b.series}${b.category}`))).toEqual(
        values.sort((a, b) => `${a.series}${a.category}`.localeCompare(`${b.series}${b.category}`)),
      );
      expect(found.head).toEqual([['col', 'Kategorie'], ...chart.series.map((s) => ['col', s.name])]);
      const fmt = chart.series.some((s) => s.values.some((v) => !Number.isInteger(v))) ? german : new Intl.NumberFormat('de', { useGrouping: 'min2' } as Intl.NumberFormatOptions);
      expect(found.rows).toEqual(chart.categories.map((c, i) => ['row', c, ...chart.series.map((s) => fmt.format(s.values[i]!))]));
    }
  });

  it('renders the table with column headers, right-aligned numbers and the highlighted row', async () => {
    const table = await page.evaluate(() => {
      const t = document.querySelector('table.td-table')!;
      return {
        head: [...t.querySelectorAll('thead th')].map((th) => th.getAttribute('scope')),
        align: [...t.querySelectorAll('tbody tr:first-child td')].map((td) => getComputedStyle(td).textAlign),
        highlighted: [...t.querySelectorAll('tbody tr')].map((tr) => tr.classList.contains('td-highlight')),
      };
    });
    expect(table.head).toEqual(['col', 'col', 'col', 'col']);
    // "Jahr" mixes 2017 and "Dez. 2021": text, so left; "Zielfelder" is all numbers: right.
    expect(table.align).toEqual(['left', 'left', 'right', 'left']);
    expect(table.highlighted).toEqual([false, true]);
  });
});

describe('backup slides', () => {
  const slideNumber = () => page.evaluate(() => (document.querySelector('.reveal .slide-number')?.textContent ?? '').replace(/\s+/g, ''));

  it('numbers the talk 1…n of n and the backup part A, A1, A2 in reveal.js slide number', async () => {
    const main = deck.slides.findIndex((s) => (s as { appendix?: boolean }).appendix);
    await showSlide(page, 0);
    expect(await slideNumber()).toBe(`1/${main}`);
    await showSlide(page, main + 1);
    expect(await slideNumber()).toBe('A1');
    await showSlide(page, main + 2);
    expect(await slideNumber()).toBe('A2');
  });

  it('leaves them out of the agenda and links the closing slide to them', async () => {
    const agenda = await page.evaluate(() => [...document.querySelectorAll('.td-agenda a')].map((a) => a.textContent));
    expect(agenda).toEqual(['Tabellen', 'Diagramme']);
    const closing = deck.slides.findIndex((s) => s.layout === 'closing');
    await showSlide(page, closing);
    await page.click('.slides > section.present .td-backup-link a');
    await page.waitForFunction(() => (window as unknown as { Reveal: RevealApi }).Reveal.getCurrentSlide().id === 'backup');
    expect(await slideNumber()).toBe('A');
  });

  it('shows A1 in the speaker view, which jumps to the backup part', async () => {
    const context = await browser.newContext({ viewport: { width: 1280, height: 720 } });
    try {
      const deckPage = await context.newPage();
      await deckPage.goto(url + '#/eine-linie');
      await deckPage.waitForFunction(() => (window as unknown as { Reveal?: RevealApi }).Reveal?.isReady());
      const [popup] = await Promise.all([deckPage.waitForEvent('popup'), deckPage.keyboard.press('s')]);
      await popup.waitForFunction(() => document.getElementById('td-status')?.hidden && document.getElementById('td-position')?.textContent);
      expect(await popup.locator('#td-position').textContent()).toBe('Folie A1 · Eine Linie');
      await deckPage.evaluate(() => (window as unknown as { Reveal: RevealApi }).Reveal.slide(0));
      await popup.waitForFunction(() => document.getElementById('td-position')?.textContent?.startsWith('Folie 1 von 12'));
      await popup.click('#td-backup');
      await deckPage.waitForFunction(() => (window as unknown as { Reveal: RevealApi }).Reveal.getCurrentSlide().id === 'backup');
    } finally {
      await context.close();
    }
  });
});

describe('slide backgrounds', () => {
  it('switches to light text on a dark colour and on a dimmed image', async () => {
    for (const id of ['mit-hintergrundfarbe', 'mit-hintergrundbild']) {
      const index = await page.evaluate((id) => [...document.querySelectorAll('.slides > section')].findIndex((s) => s.id === id), id);
      await showSlide(page, index);
      const look = await page.evaluate(() => {
        const section = document.querySelector<HTMLElement>('.slides > section.present')!;
        const bg = (window as unknown as { Reveal: { getSlideBackground(s: HTMLElement): HTMLElement } }).Reveal.getSlideBackground(section);
        const content = bg.querySelector<HTMLElement>('.slide-background-content')!;
        return {
          heading: getComputedStyle(section.querySelector('h2')!).color,
          text: getComputedStyle(section.querySelector('li')!).color,
          background: getComputedStyle(bg).backgroundColor,
          image: getComputedStyle(content).backgroundImage,
          opacity: Number(getComputedStyle(content).opacity),
        };
      });
      if (id === 'mit-hintergrundbild') {
        expect(look.image).toMatch(/assets\/images\/sky\.svg/);
        // White text over the brightest pixel the dimmed image can have.
        const brightest = Math.round(255 * look.opacity);
        expect(contrastRatio(rgb(look.text), [brightest, brightest, brightest])).toBeGreaterThanOrEqual(4.5);
      }
      expect(contrastRatio(rgb(look.heading), rgb(look.background))).toBeGreaterThanOrEqual(4.5);
      expect(contrastRatio(rgb(look.text), rgb(look.background))).toBeGreaterThanOrEqual(4.5);
    }
  });
});
