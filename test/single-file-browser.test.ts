/**
 * `talkdeck build --single-file` end to end: the briefing built by the shipped CLI, opened from
 * file:// in Chromium with every request but the file itself blocked and logged.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { existsSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { parse as parseYaml } from 'yaml';
import type { Browser } from 'playwright-core';
import { launchBrowser, recordPage } from './helpers/browser.js';
import { REPO, runCli, tempProject } from './helpers/cli.js';
import { main } from '../src/cli/main.js';
import { isTalkdeckHtml } from '../src/core/base/generated.js';

const deck = parseYaml(readFileSync(join(REPO, 'content/kolumbien-nato/deck.yaml'), 'utf8')) as { slides: { notes?: string }[] };
const withNotes = deck.slides.map((s, i) => ({ index: i, notes: s.notes })).filter((s) => s.notes);

let dir: string;
let file: string;
let browser: Browser;

beforeAll(async () => {
  dir = tempProject([{ name: 'kolumbien-nato', from: 'content/kolumbien-nato' }]);
  const [result, b] = await Promise.all([runCli(dir, ['build', 'kolumbien-nato', '--single-file']), launchBrowser()]);
  browser = b;
  expect(result.stderr).toBe('');
  expect(result.code).toBe(0);
  file = join(dir, 'dist/kolumbien-nato.html');
});

afterAll(async () => {
  await browser?.close();
  if (dir) rmSync(dir, { recursive: true, force: true });
});

describe('build --single-file', () => {
  it('writes one file and no deck folder', () => {
    expect(existsSync(file)).toBe(true);
    expect(existsSync(join(dir, 'dist/kolumbien-nato'))).toBe(false);
  });

  it('opens from file:// with no request but the file itself, every slide, the notes and no errors', async () => {
    const url = pathToFileURL(file).href;
    const context = await browser.newContext();
    const blocked: string[] = [];
    await context.route('**/*', (route) => {
      const requested = route.request().url();
      if (requested.split(/[?#]/)[0] === url) return route.continue();
      blocked.push(requested);
      return route.abort();
    });
    const page = await context.newPage();
    const log = recordPage(page);
    await page.goto(url);
    await page.waitForFunction(() => (window as unknown as { Reveal?: { isReady(): boolean } }).Reveal?.isReady());

    const counts = await page.evaluate(() => ({
      slides: (window as unknown as { Reveal: { getTotalSlides(): number } }).Reveal.getTotalSlides(),
      notes: document.querySelectorAll('section > aside.notes').length,
      fontsLoaded: [...document.fonts].filter((f) => f.status === 'loaded').length,
    }));
    expect(counts.slides).toBe(deck.slides.length);
    expect(counts.notes).toBe(withNotes.length);

    // The speaker view (talkdeck's plugin) is written into a popup whose previews load this very file again.
    const first = withNotes[0]!;
    await page.evaluate((i) => (window as unknown as { Reveal: { slide(h: number): void } }).Reveal.slide(i), first.index);
    const [popup] = await Promise.all([page.waitForEvent('popup'), page.keyboard.press('s')]);
    const popupLog = recordPage(popup);
    const firstWords = first.notes!.trim().split(/\s+/).slice(0, 6).join(' ');
    await popup.waitForFunction((words) => document.getElementById('td-notes')?.textContent?.includes(words), firstWords);
    // The slide previews are the deck itself, loaded in iframes from the same file.
    await expect.poll(() => popup.frames().filter((f) => f.url().includes('receiver')).length).toBe(2);
    const preview = popup.frames().find((f) => f.url().includes('receiver'))!;
    await preview.waitForFunction(() => (window as unknown as { Reveal?: { isReady(): boolean } }).Reveal?.isReady());
    const previewSlides = await preview.evaluate(() => (window as unknown as { Reveal: { getTotalSlides(): number } }).Reveal.getTotalSlides());
    expect(previewSlides).toBe(deck.slides.length);

    expect(blocked).toEqual([]);
    expect(log.requests.filter((r) => !r.startsWith('data:')).map((r) => r.split(/[?#]/)[0])).toEqual([url]);
    expect([...log.consoleErrors, ...log.pageErrors, ...popupLog.pageErrors]).toEqual([]);
    expect(counts.fontsLoaded).toBeGreaterThan(0);
    await context.close();
  });

  it('replaces its own file but refuses one it did not make, unless --force', async () => {
    // In-process: the shipped bin was exercised above, this is about the writer.
    const run = async (...argv: string[]) => {
      let stderr = '';
      const io = { stdout: { write: () => true }, stderr: { write: (t: string) => (stderr += t) }, cwd: dir, env: { NO_COLOR: '1' } };
      return { code: await main(argv, io), stderr };
    };
    expect((await run('build', 'kolumbien-nato', '--single-file')).code).toBe(0);

    const mine = '<!doctype html><title>My own page</title>';
    writeFileSync(file, mine);
    const refused = await run('build', 'kolumbien-nato', '--single-file');
    expect(refused.code).toBe(1);
    expect(refused.stderr).toContain('dist/kolumbien-nato.html exists and was not made by talkdeck [foreign-output]');
    expect(readFileSync(file, 'utf8')).toBe(mine);

    expect((await run('build', 'kolumbien-nato', '--single-file', '--force')).code).toBe(0);
    expect(isTalkdeckHtml(readFileSync(file, 'utf8'))).toBe(true);
  });
});
