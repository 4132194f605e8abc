// Every slide of the briefing at 1280×720 in Chromium: nothing overflows or is cut off, nothing
// overlaps the footer lines, and axe-core finds no serious or critical accessibility problem.
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ROOT } from './helpers/build.js';
import { launchBrowser, recordPage } from './helpers/browser.js';
import { talkdeck } from './helpers/cli.js';
import { axePath, axeViolations, layoutProblems, showSlide } from './helpers/layout.js';

let browser: Browser;
let page: Page;
let total = 0;

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
  await page.addScriptTag({ path: axePath });
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
      problems.push(...(await layoutProblems(page, i)));
    }
    expect(problems).toEqual([]);
  }, 120_000);

  it('has no serious or critical accessibility violations on any slide (axe-core)', async () => {
    const log = recordPage(page);
    const problems: string[] = [];
    for (let i = 0; i < total; i++) {
      await showSlide(page, i);
      for (const v of await axeViolations(page)) problems.push(`slide ${i + 1}: ${v}`);
    }
    expect(problems).toEqual([]);
    expect(log.pageErrors).toEqual([]);
  }, 120_000);
});
