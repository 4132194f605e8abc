// Every slide of the briefing at 1280×720 in Chromium: nothing overflows or is cut off, nothing
// overlaps the footer lines, and axe-core finds no serious or critical accessibility problem.
import { createRequire } from 'node:module';
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ROOT } from './helpers/build.js';
import { launchBrowser, recordPage } from './helpers/browser.js';
import { talkdeck } from './helpers/cli.js';

const axePath = createRequire(import.meta.url).resolve('axe-core/axe.min.js');
let browser: Browser;
let page: Page;
let total = 0;

interface Layout {
  id: string;
  overflow: string[];
  overlaps: string[];
}

/** Runs in the page: elements of the current slide outside its box, or under its footer lines. */
function measure(): Layout {
  const slide = document.querySelector<HTMLElement>('.slides > section.present')!;
  const box = slide.getBoundingClientRect();
  const tol = 1;
  const describe = (el: Element): string => `<${el.tagName.toLowerCase()} class="${el.className}"> ${(el.textContent ?? '').trim().slice(0, 40)}`;
  const footer = [...slide.querySelectorAll(':scope > .td-summary, :scope > .td-cite')].map((el) => el.getBoundingClientRect());
  const overflow: string[] = [];
  const overlaps: string[] = [];
  for (const el of slide.querySelectorAll('*')) {
    if (el.closest('aside.notes') || el.closest('svg')) continue;
    const r = el.getBoundingClientRect();
    if (r.width === 0 && r.height === 0) continue;
    if (r.left < box.left - tol || r.right > box.right + tol || r.top < box.top - tol || r.bottom > box.bottom + tol) {
      overflow.push(describe(el));
    }
    const html = el as HTMLElement;
    if (html.scrollWidth > html.clientWidth + tol && getComputedStyle(html).overflowX !== 'visible') overflow.push(`clipped ${describe(el)}`);
    if (!el.closest('.td-summary, .td-cite') && el.children.length === 0) {
      for (const f of footer) {
        if (r.bottom > f.top + tol && r.top < f.bottom - tol && r.right > f.left && r.left < f.right) overlaps.push(describe(el));
      }
    }
  }
  return { id: slide.id, overflow, overlaps };
}

beforeAll(async () => {
  const out = mkdtempSync(join(tmpdir(), 'talkdeck-briefing-'));
  const r = talkdeck(ROOT, ['build', 'kolumbien-nato', '--out', out]);
  expect(r.code, r.stderr).toBe(0);
  browser = await launchBrowser();
  page = await browser.newPage({ viewport: { width: 1280, height: 720 } });
  await page.goto(pathToFileURL(join(out, 'kolumbien-nato/index.html')).href);
  await page.waitForFunction(() => (window as unknown as { Reveal?: { isReady(): boolean } }).Reveal?.isReady());
  // Transitions would catch slides mid-way; layout is what is measured here.
  await page.evaluate(() => (window as unknown as { Reveal: { configure(c: object): void } }).Reveal.configure({ transition: 'none', backgroundTransition: 'none' }));
  // Evaluated through the DevTools protocol: the page's Content-Security-Policy (rightly) refuses
  // an inline <script> the test would add.
  await page.evaluate(readFileSync(axePath, 'utf8'));
  total = await page.evaluate(() => (window as unknown as { Reveal: { getTotalSlides(): number } }).Reveal.getTotalSlides());
});

afterAll(async () => {
  await browser?.close();
});

describe('the briefing at 1280×720', () => {
  it('fits every slide in its box and keeps the footer lines clear', async () => {
    expect(total).toBeGreaterThanOrEqual(20);
    const problems: string[] = [];
    for (let i = 0; i < total; i++) {
      await page.evaluate((n) => (window as unknown as { Reveal: { slide(h: number, v: number, f: number): void } }).Reveal.slide(n, 0, 99), i);
      await page.evaluate(() => document.fonts.ready);
      const m = await page.evaluate(measure);
      for (const o of m.overflow) problems.push(`slide ${i + 1} (#${m.id}) overflows: ${o}`);
      for (const o of m.overlaps) problems.push(`slide ${i + 1} (#${m.id}) runs into the footer: ${o}`);
    }
    expect(problems).toEqual([]);
  });

  it('has no serious or critical accessibility violations on any slide (axe-core)', async () => {
    const log = recordPage(page);
    const problems: string[] = [];
    for (let i = 0; i < total; i++) {
      await page.evaluate((n) => (window as unknown as { Reveal: { slide(h: number, v: number, f: number): void } }).Reveal.slide(n, 0, 99), i);
      const violations = await page.evaluate(async () => {
        const axe = (window as unknown as { axe: { run(ctx: unknown, opts: unknown): Promise<{ violations: { id: string; impact: string; nodes: { target: string[] }[] }[] }> } }).axe;
        // No preload: axe would fetch the stylesheets by XHR, which file:// refuses (CORS) and the
        // page's policy too (connect-src 'none'); each refusal only costs time.
        const result = await axe.run(document, { resultTypes: ['violations'], preload: false });
        return result.violations
          .filter((v) => v.impact === 'serious' || v.impact === 'critical')
          .map((v) => `${v.id} (${v.impact}) at ${v.nodes.map((n) => n.target.join(' ')).slice(0, 3).join(', ')}`);
      });
      for (const v of violations) problems.push(`slide ${i + 1}: ${v}`);
    }
    expect(problems).toEqual([]);
    expect(log.pageErrors).toEqual([]);
  });
});
