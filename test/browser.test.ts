// The built example deck in a real Chromium, opened from file:// as a presenter would.
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ROOT } from './helpers/build.js';
import { launchBrowser, recordPage } from './helpers/browser.js';
import { talkdeck } from './helpers/cli.js';

let browser: Browser;
let deckDir: string;

beforeAll(async () => {
  const out = mkdtempSync(join(tmpdir(), 'talkdeck-browser-'));
  const r = talkdeck(ROOT, ['build', 'example', '--out', out]);
  expect(r.code, r.stderr).toBe(0);
  deckDir = join(out, 'example');
  browser = await launchBrowser();
});

afterAll(async () => {
  await browser?.close();
});

describe('the example deck from file://', () => {
  it('opens offline, counts its slides and steps through them with the keyboard', async () => {
    const page = await browser.newPage({ viewport: { width: 1280, height: 720 } });
    const log = recordPage(page);
    await page.goto(pathToFileURL(join(deckDir, 'index.html')).href);
    await page.waitForFunction(() => (window as unknown as { Reveal?: { isReady(): boolean } }).Reveal?.isReady());

    const total = await page.evaluate(() => (window as unknown as { Reveal: { getTotalSlides(): number } }).Reveal.getTotalSlides());
    // 20 slides: the free-Markdown slide and the one `below` it form one vertical stack.
    expect(total).toBe(20);
    expect(await page.locator('.slides > section').count()).toBe(19);

    const visited: string[] = [];
    for (let i = 0; i < 40 && !visited.includes('thank-you'); i++) {
      visited.push(await page.evaluate(() => document.querySelector('.slides > section.present')!.id));
      await page.keyboard.press('ArrowRight');
      await page.waitForTimeout(50);
    }
    // Every horizontal slide of the talk is reached in order (→ passes a stack by its top slide;
    // the two backup slides come after the closing slide); the step slide holds for its fragments.
    const distinct = visited.filter((id, i) => id !== visited[i - 1]);
    expect(distinct).toHaveLength(17);
    expect(distinct[0]).toBe('from-talking-points-to-slides');
    expect(visited.filter((id) => id === 'steps').length).toBe(4); // arrival + 3 fragments
    // The press after the closing slide goes on into the backup part.
    await page.waitForFunction(() => location.hash === '#/backup');

    await page.keyboard.press('Home');
    await page.waitForFunction(() => document.querySelector('.slides > section.present')?.id === 'from-talking-points-to-slides');

    expect(log.consoleErrors).toEqual([]);
    expect(log.pageErrors).toEqual([]);
    const deckUrl = pathToFileURL(deckDir).href + '/';
    expect(log.requests.filter((u) => !u.startsWith(deckUrl))).toEqual([]);
    expect(log.requests.length).toBeGreaterThan(5);
    await page.close();
    // 18 slides stepped through one key at a time: more than the default on a busy machine.
  }, 60_000);

  it('lands on the slide named in the URL (stable ids)', async () => {
    const page = await browser.newPage({ viewport: { width: 1280, height: 720 } });
    await page.goto(pathToFileURL(join(deckDir, 'index.html')).href + '#/a-map');
    await page.waitForFunction(() => (window as unknown as { Reveal?: { isReady(): boolean } }).Reveal?.isReady());
    expect(await page.evaluate(() => document.querySelector('.slides > section.present')!.id)).toBe('a-map');
    await page.close();
  });
});
