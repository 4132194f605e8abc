// A Markdown deck (reveal-md dialect) built by the real CLI and shown in Chromium from file://:
// its vertical stack navigable, notes in the speaker view, nothing loaded from the network.
import { execFileSync } from 'node:child_process';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { fixture, ROOT } from './helpers/build.js';
import { launchBrowser, recordPage } from './helpers/browser.js';
import { talkdeck } from './helpers/cli.js';

let browser: Browser;
let deckDir: string;
let out: string;

beforeAll(async () => {
  out = mkdtempSync(join(tmpdir(), 'talkdeck-md-'));
  const r = talkdeck(ROOT, ['build', join(fixture('md-reveal'), 'deck.md'), '--out', out]);
  expect(r.code, r.stderr).toBe(0);
  deckDir = join(out, 'md-reveal');
  browser = await launchBrowser();
});

afterAll(async () => {
  await browser?.close();
});

type Reveal = { isReady(): boolean; getTotalSlides(): number; getIndices(): { h: number; v: number }; getCurrentSlide(): HTMLElement };
const reveal = (page: Page) => page.evaluate(() => {
  const r = (window as unknown as { Reveal: Reveal }).Reveal;
  return { ...r.getIndices(), id: r.getCurrentSlide().id };
});

describe('a reveal-md deck in Chromium', () => {
  it('navigates its vertical stack with the arrow keys and loads nothing from the network', async () => {
    const page = await browser.newPage({ viewport: { width: 1280, height: 720 } });
    const log = recordPage(page);
    await page.goto(pathToFileURL(join(deckDir, 'index.html')).href);
    await page.waitForFunction(() => (window as unknown as { Reveal?: Reveal }).Reveal?.isReady());
    expect(await page.evaluate(() => (window as unknown as { Reveal: Reveal }).Reveal.getTotalSlides())).toBe(5);

    const seen = [await reveal(page)];
    for (const key of ['ArrowRight', 'ArrowDown', 'ArrowDown', 'ArrowDown', 'ArrowDown', 'ArrowRight']) {
      await page.keyboard.press(key);
      await page.waitForTimeout(100);
      seen.push(await reveal(page));
    }
    expect(seen.map((s) => [s.h, s.v, s.id])).toEqual([
      [0, 0, 'erste-folie'],
      [1, 0, 'code'],
      [1, 0, 'code'], // the code's second line-highlight step
      [1, 1, 'darunter'],
      [1, 1, 'darunter'], // its second bullet is a fragment (an .element comment)
      [1, 2, 'mathe'],
      [2, 0, 'tabelle-und-bild'],
    ]);
    // KaTeX's fonts and the highlighted code's styles come from the deck folder.
    await page.evaluate(() => document.fonts.ready);
    expect(log.requests.some((u) => u.includes('/katex/fonts/'))).toBe(true);
    const deckUrl = pathToFileURL(deckDir).href + '/';
    expect(log.requests.filter((u) => !u.startsWith(deckUrl) && !u.startsWith('data:'))).toEqual([]);
    expect(log.consoleErrors).toEqual([]);
    expect(log.pageErrors).toEqual([]);
    await page.close();
  });

  it('shows a stacked slide’s notes in the speaker view, counting every slide', async () => {
    const context = await browser.newContext({ viewport: { width: 1280, height: 720 } });
    const page = await context.newPage();
    await page.goto(pathToFileURL(join(deckDir, 'index.html')).href + '#/darunter');
    await page.waitForFunction(() => (window as unknown as { Reveal?: Reveal }).Reveal?.isReady());
    const [popup] = await Promise.all([page.waitForEvent('popup'), page.keyboard.press('s')]);
    await popup.waitForFunction(() => document.getElementById('td-status')?.hidden && document.getElementById('td-position')?.textContent);
    const text = (selector: string) => popup.locator(selector).evaluate((el) => (el.textContent ?? '').trim());
    expect(await text('#td-position')).toBe('Folie 3 von 5 · Darunter');
    expect(await text('#td-notes')).toBe('Die zweite Folie im Stapel.');
    expect(await text('#td-next-title')).toBe('· Mathe');
    await context.close();
  });
});

describe('a reveal-md deck as PDF', () => {
  it('prints every slide of a stack on its own page, notes pages after their slides', { timeout: 120_000 }, () => {
    const r = talkdeck(ROOT, ['pdf', join(fixture('md-reveal'), 'deck.md'), '--out', out, '--notes']);
    expect(r.code, r.stderr).toBe(0);
    const text = execFileSync('pdftotext', [join(out, 'md-reveal-notes.pdf'), '-'], { encoding: 'utf8' }).split('\f').slice(0, -1);
    // 5 slides, 3 of them with notes: a notes page after each of those.
    expect(text).toHaveLength(8);
    const stacked = text.findIndex((page) => /DARUNTER|Darunter/.test(page) && !page.includes('Die zweite Folie'));
    expect(text[stacked + 1]).toContain('Die zweite Folie im Stapel.');
    const slidesOnly = talkdeck(ROOT, ['pdf', join(fixture('md-reveal'), 'deck.md'), '--out', out]);
    expect(slidesOnly.code, slidesOnly.stderr).toBe(0);
    const plain = execFileSync('pdfinfo', [join(out, 'md-reveal.pdf')], { encoding: 'utf8' });
    expect(plain).toMatch(/Pages:\s+5\b/);
  });
});
