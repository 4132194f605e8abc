/**
 * Issue 22, item 8: a slide that overflows is shrunk to fit — to half size at most, in 5 % steps
 * — in every output, as the PowerPoint export already did: the presentation and the print
 * view the PDF is made from (real Chromium), the PDF itself (read back with pdftotext) and the
 * PowerPoint file (its fitted font sizes). And `reveal: { hash }` does what reveal.js says.
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { fixture } from './helpers/build.js';
import { launchBrowser } from './helpers/browser.js';
import { talkdeck } from './helpers/cli.js';
import { readZipEntry } from '../src/core/write/pptx/ooxml/zip.js';

let browser: Browser;
let url: string;
let dir: string;

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'talkdeck-fit-'));
  const r = talkdeck(fixture('issue-22'), ['build', 'overflow', '--out', dir]);
  expect(r.code, r.stderr).toBe(0);
  url = pathToFileURL(join(dir, 'overflow', 'index.html')).href;
  browser = await launchBrowser();
}, 60_000);

afterAll(async () => {
  await browser?.close();
});

interface Measured {
  fit: string | null;
  /** The lowest body element's bottom and the room's bottom (the summary's top, else the padding), in slide pixels. */
  bottom: number;
  room: number;
  /** How many pixels the widest text runs out of its box sideways (0: none). */
  wide: number;
}

async function measure(query: string): Promise<Record<string, Measured>> {
  const page: Page = await browser.newPage({ viewport: { width: 1280, height: 720 } });
  try {
    await page.goto(url + query);
    await page.waitForFunction(() => (window as unknown as { __talkdeckFitted?: boolean }).__talkdeckFitted === true);
    return await page.evaluate(() => {
      const out: Record<string, { fit: string | null; bottom: number; room: number; wide: number }> = {};
      for (const slide of document.querySelectorAll<HTMLElement>('section.td-slide')) {
        slide.style.display = 'block';
        const box = slide.getBoundingClientRect();
        const k = box.height / slide.offsetHeight;
        const body = [...slide.children].filter((el) => el.tagName !== 'ASIDE' && !el.classList.contains('td-title') && getComputedStyle(el).position !== 'absolute');
        const bottom = Math.max(...body.map((el) => el.getBoundingClientRect().bottom));
        const summary = slide.querySelector(':scope > .td-summary');
        const room = summary ? summary.getBoundingClientRect().top : box.bottom - parseFloat(getComputedStyle(slide).paddingBottom) * k;
        // How far the widest text runs out of its box sideways (boxes that scroll or clip aside).
        const boxes = body.flatMap((el) => [el, ...el.querySelectorAll<HTMLElement>('*')]).filter((b) => b.clientWidth && getComputedStyle(b).overflowX === 'visible');
        const wide = Math.max(0, ...boxes.map((b) => b.scrollWidth - b.clientWidth));
        out[slide.id] = { fit: slide.getAttribute('data-td-fit'), bottom: (bottom - box.top) / k, room: (room - box.top) / k, wide };
      }
      return out;
    });
  } finally {
    await page.close();
  }
}

describe.each([
  ['the presentation', ''],
  ['the print view (talkdeck pdf)', '?print-pdf&pdfMaxPagesPerSlide=1&margin=0'],
])('%s', (_name, query) => {
  it('shrinks what overflows until it fits, and nothing else', async () => {
    const slides = await measure(query);
    const thirteen = slides['thirteen-points']!;
    expect(Number(thirteen.fit)).toBeGreaterThanOrEqual(0.5);
    expect(Number(thirteen.fit)).toBeLessThan(1);
    // Within the plugin's 2 px: a line's box may reach a pixel into the padding.
    expect(thirteen.bottom).toBeLessThanOrEqual(thirteen.room + 2);
    expect(slides['three-points']!.fit).toBeNull();
    expect(Number(slides['free-markdown']!.fit)).toBeLessThan(1);
    expect(slides['free-markdown']!.bottom).toBeLessThanOrEqual(slides['free-markdown']!.room + 2);
    // Beyond half size the rest is cut off, as `check` said.
    expect(slides['far-too-much']!.fit).toBe('0.5');
    // A word wider than its card shrinks the slide until it fits in it, as too many lines do.
    expect(Number(slides['a-word-too-wide']!.fit)).toBeLessThan(1);
    expect(slides['a-word-too-wide']!.wide).toBeLessThanOrEqual(1);
    expect(slides['three-points']!.wide).toBe(0);
  });
});

describe('the PowerPoint file', () => {
  it('fits the same slide by its own measure: its text is set smaller than on a slide that fits', () => {
    expect(talkdeck(fixture('issue-22'), ['pptx', 'overflow', '--out', join(dir, 'o.pptx')]).code).toBe(0);
    const bytes = readFileSync(join(dir, 'o.pptx'));
    const sizes = (n: number): number[] =>
      [...Buffer.from(readZipEntry(bytes, `ppt/slides/slide${n}.xml`)!).toString('utf8').matchAll(/<a:rPr[^>]* sz="(\d+)"/g)].map((m) => Number(m[1]));
    // Slide 1 overflows, slide 2 fits: the bullets' size (the most common one) is smaller on slide 1.
    const common = (list: number[]): number => [...list].sort((a, b) => list.filter((x) => x === b).length - list.filter((x) => x === a).length)[0]!;
    expect(common(sizes(1))).toBeLessThan(common(sizes(2)));
  });
});

describe('the PDF', () => {
  /** Each page's size and its words with their boxes, in pt, as pdftotext reads them. */
  function pdfPages(file: string): { width: number; height: number; words: { text: string; yMin: number; yMax: number }[] }[] {
    const xhtml = spawnSync('pdftotext', ['-bbox', file, '-'], { encoding: 'utf8' }).stdout;
    return xhtml.split('<page ').slice(1).map((page) => ({
      width: Number(/width="([\d.]+)"/.exec(page)![1]),
      height: Number(/height="([\d.]+)"/.exec(page)![1]),
      words: [...page.matchAll(/<word xMin="[\d.]+" yMin="([\d.]+)" xMax="[\d.]+" yMax="([\d.]+)">([^<]*)<\/word>/g)].map((m) => ({
        text: m[3]!,
        yMin: Number(m[1]),
        yMax: Number(m[2]),
      })),
    }));
  }

  it('prints the shrunk slide whole, above its summary, on 960×540 pt pages; the far-too-long one cut at the page', async () => {
    const r = talkdeck(fixture('issue-22'), ['pdf', 'overflow', '--out', join(dir, 'o.pdf')]);
    expect(r.code, r.stderr).toBe(0);
    const pages = pdfPages(join(dir, 'o.pdf'));
    expect(pages.map((p) => [p.width, p.height])).toEqual(Array(5).fill([960, 540]));
    const [thirteen, , free, farTooMuch] = pages.map((p) => p.words);
    const lastPoint = thirteen!.filter((w) => w.text === '11').at(-1)!;
    const summary = thirteen!.find((w) => w.text === 'remember')!;
    expect(lastPoint.yMax).toBeLessThan(summary.yMin);
    expect(free!.map((w) => w.text)).toContain('15');
    // What does not fit at half size is cut off at the page's edge, as `check` warned.
    const numbers = farTooMuch!.filter((w) => /^\d+$/.test(w.text) && w.yMin > 60).map((w) => Number(w.text));
    expect(Math.max(...numbers)).toBeLessThan(30);
  });
});

describe('reveal: { hash }', () => {
  /** The address once reveal.js has written it (it replaces the address at most once a second). */
  async function addressAfterNext(deck: string): Promise<string> {
    const r = talkdeck(fixture('issue-22'), ['build', deck, '--out', dir]);
    expect(r.code, r.stderr).toBe(0);
    const page = await browser.newPage();
    try {
      await page.goto(pathToFileURL(join(dir, deck, 'index.html')).href);
      await page.waitForFunction(() => (window as unknown as { Reveal?: { isReady(): boolean } }).Reveal?.isReady());
      await page.evaluate(() => (window as unknown as { Reveal: { next(): void } }).Reveal.next());
      await page.waitForTimeout(1500);
      return await page.evaluate(() => location.hash);
    } finally {
      await page.close();
    }
  }

  it('keeps the slide in the address by default, and not with hash: false', async () => {
    expect(await addressAfterNext('overflow')).toBe('#/three-points');
    expect(await addressAfterNext('reveal-hash')).toBe('');
  });
});
