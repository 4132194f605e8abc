/**
 * The rehearsal mode in a real Chromium, on a clock the test moves (Playwright's clock): a
 * rehearsal through slides and fragment steps, with a pause and a step back, from file:// (saved
 * as a download), from the single file, and under `talkdeck serve` (saved into the deck folder).
 * The summary, the record, the report and the learned plan must all say the times the test spent.
 */
import { copyFileSync, mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { parse } from 'node-html-parser';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { checkRehearsal, type RehearsalRecord } from '../src/core/deck/rehearsal.js';
import { launchBrowser, recordPage, type PageLog } from './helpers/browser.js';
import { runCli } from './helpers/cli.js';
import { projectWith, type Project } from './helpers/serve-fixture.js';
import { startServe } from './helpers/serve-process.mjs';

let browser: Browser;
let project: Project;

beforeAll(async () => {
  browser = await launchBrowser();
  project = projectWith('rehearsals', 'rehearsals');
  // Start without the fixture's records: the estimate is the plain one (130 words per minute).
  rmSync(join(project.deckDir, 'rehearsals'), { recursive: true });
});

afterAll(async () => {
  await browser?.close();
  project?.remove();
});

type Reveal = { isReady(): boolean };

/** Opens the deck and its speaker view; the clock stands still from then on. */
async function open(url: string, size = { width: 1280, height: 720 }): Promise<{ context: BrowserContext; page: Page; popup: Page; logs: PageLog[] }> {
  const context = await browser.newContext({ viewport: size, timezoneId: 'UTC' });
  await context.clock.install({ time: new Date('2025-06-02T08:00:00Z') });
  const page = await context.newPage();
  const logs = [recordPage(page)];
  await page.goto(url);
  await page.waitForFunction(() => (window as unknown as { Reveal?: Reveal }).Reveal?.isReady());
  const [popup] = await Promise.all([page.waitForEvent('popup'), page.keyboard.press('s')]);
  logs.push(recordPage(popup));
  await popup.setViewportSize(size);
  await popup.waitForFunction(() => document.getElementById('td-status')?.hidden);
  await context.clock.pauseAt(new Date('2025-06-02T08:01:00Z'));
  return { context, page, popup, logs };
}

/** Presses a key in the speaker view and waits until the view has the presentation's answer. */
async function go(popup: Page, key: string, id: string, fragment = -1): Promise<void> {
  await popup.evaluate(
    ([id, fragment]) => {
      (window as unknown as { arrived: Promise<void> }).arrived = new Promise<void>((resolve) => {
        const on = (event: MessageEvent): void => {
          const data = typeof event.data === 'string' && event.data.startsWith('{') ? JSON.parse(event.data) : null;
          if (data?.type !== 'state' || data.id !== id || (data.state.indexf ?? -1) !== fragment) return;
          window.removeEventListener('message', on);
          resolve();
        };
        window.addEventListener('message', on);
      });
    },
    [id, fragment] as const,
  );
  await popup.keyboard.press(key);
  await popup.evaluate(() => (window as unknown as { arrived: Promise<void> }).arrived);
}

/**
 * The rehearsal every test makes, 2:00 in all: 12 s on the title, 5 on the section, 10 + 15 + 10
 * on the three steps of `sixty-words`, 8 on `thirty-words`, a 42 s pause, 12 more, back to the
 * last step of `sixty-words` for 5, forward again for 4, then 5, 25 and 9.
 */
async function rehearse(context: BrowserContext, popup: Page): Promise<void> {
  const wait = (s: number): Promise<void> => context.clock.runFor(s * 1000);
  await popup.keyboard.press('r');
  await wait(12);
  await go(popup, 'ArrowRight', 'part-one');
  await wait(5);
  await go(popup, 'ArrowRight', 'sixty-words');
  await wait(10);
  await go(popup, 'ArrowRight', 'sixty-words', 0);
  await wait(15);
  await go(popup, 'ArrowRight', 'sixty-words', 1);
  await wait(10);
  await go(popup, 'ArrowRight', 'thirty-words');
  await wait(8);
  await popup.keyboard.press('w');
  expect(await popup.locator('#td-rh-badge').textContent()).toMatch(/^Paused /);
  await wait(42);
  await popup.keyboard.press('w');
  await wait(12);
  await go(popup, 'ArrowLeft', 'sixty-words', 1);
  await wait(5);
  await go(popup, 'ArrowRight', 'thirty-words');
  await wait(4);
  await go(popup, 'ArrowRight', 'part-two');
  await wait(5);
  await go(popup, 'ArrowRight', 'changed-since');
  await wait(25);
  await go(popup, 'ArrowRight', 'thank-you');
  await wait(9);
  expect(await popup.locator('#td-rh-badge').textContent()).toBe('● Rehearsal 2:00');
  await popup.keyboard.press('r');
  await popup.locator('#td-rh-summary').waitFor();
}

const SECONDS = { 'rehearsed-talk': 12, 'part-one': 5, 'sixty-words': 40, 'thirty-words': 24, 'part-two': 5, 'changed-since': 25, 'thank-you': 9 };

/** The record must say exactly what the test did. */
function expectRecord(record: RehearsalRecord): void {
  expect(checkRehearsal(record)).toEqual({ record });
  expect(record).toMatchObject({ deck: 'rehearsals', recorded: '2025-06-02T08:01:00Z', total: 120, paused: 42, pauses: [{ slide: 'thirty-words', seconds: 42 }] });
  expect(Object.fromEntries(record.slides.map((s) => [s.id, s.seconds]))).toEqual(SECONDS);
  const sixty = record.slides.find((s) => s.id === 'sixty-words')!;
  expect(sixty).toMatchObject({ words: 60, visits: 2, steps: [10, 15, 15] });
  expect(record.slides.find((s) => s.id === 'thirty-words')).toMatchObject({ words: 30, visits: 2, steps: [24] });
}

/** The summary's rows as the speaker reads them. */
async function summaryRows(popup: Page): Promise<string[][]> {
  return popup.$$eval('#td-rh-summary tr', (rows) => rows.map((r) => [...r.children].map((c) => (c.textContent ?? '').trim())));
}

/** `talkdeck rehearsals --format json` for the project's deck. */
async function report(): Promise<{ pace: { measured: number }; slides: { id: string; lastSeconds: number | null; lastStale: boolean }[] }> {
  const r = await runCli(project.root, ['rehearsals', 'rehearsals', '--format', 'json']);
  expect(r.code, r.stderr).toBe(0);
  return JSON.parse(r.stdout).decks[0];
}

describe('rehearsal mode', () => {
  it('times every slide and step from file://, sums it up in the speaker view, and downloads the record the report and the plan then use', async () => {
    const out = join(project.root, 'built');
    const built = await runCli(project.root, ['build', 'rehearsals', '--out', out]);
    expect(built.code, built.stderr).toBe(0);
    const { context, page, popup, logs } = await open(pathToFileURL(join(out, 'rehearsals/index.html')).href);
    await rehearse(context, popup);

    expect(await popup.locator('#td-rh-title').textContent()).toBe('Rehearsal of Jun 2, 2025, 08:01');
    const figures = await popup.$$eval('.td-rh-figures > div', (items) => items.map((i) => (i.textContent ?? '').replace(/\s+/g, ' ').trim()));
    // 130 words of notes in (40 - 5) + (24 - 5) + (25 - 5) s of speaking: 105 per minute.
    expect(figures).toEqual([
      'Total2:00 of 1:30 · 0:30 over time',
      'Estimate1:35',
      'Your pace105 words per minute (the estimate assumes 130)',
      'Pauses1 × · 0:42 not counted',
    ]);
    expect(await summaryRows(popup)).toEqual([
      ['Slide', 'Estimate', 'This rehearsal', 'Difference'],
      ['Before the first section', '0:05', '0:12', '+0:07'],
      ['1Rehearsed talk', '0:05', '0:12', '+0:07'],
      ['Part one', '0:57', '1:09', '+0:12'],
      ['2Part one', '0:05', '0:05', '±0:00'],
      ['3Sixty words', '0:33', '0:40', '+0:07'],
      ['4Thirty words', '0:19', '0:24', '+0:05'],
      ['Part two', '0:33', '0:39', '+0:06'],
      ['5Part two', '0:05', '0:05', '±0:00'],
      ['6Forty words', '0:23', '0:25', '+0:02'],
      ['7Thank you', '0:05', '0:09', '+0:04'],
      ['Total', '1:35', '2:00', '+0:25'],
    ]);

    // A dialog for the keyboard: focus in it, Tab moves between its buttons, Escape closes it.
    expect(await popup.evaluate(() => document.activeElement?.id)).toBe('td-panel');
    await popup.keyboard.press('Tab');
    expect(await popup.evaluate(() => document.activeElement?.id)).toBe('td-rh-save');
    await popup.keyboard.press('Tab');
    expect(await popup.evaluate(() => document.activeElement?.id)).toBe('td-rh-close');
    await popup.keyboard.press('Tab');
    expect(await popup.evaluate(() => document.activeElement?.id)).toBe('td-rh-save');
    await popup.keyboard.press('Escape');
    expect(await popup.locator('#td-panel').isHidden()).toBe(true);
    expect(await popup.evaluate(() => document.activeElement?.id)).toBe('td-rh-result');
    await popup.keyboard.press('Enter');
    await popup.locator('#td-rh-summary').waitFor();

    // Readable on a small and a large screen: nothing wider than the window, the buttons in view.
    for (const size of [{ width: 1280, height: 720 }, { width: 1920, height: 1080 }]) {
      await popup.setViewportSize(size);
      const box = await popup.evaluate(() => {
        const panel = document.getElementById('td-panel')!;
        const save = document.getElementById('td-rh-save')!.getBoundingClientRect();
        const cell = getComputedStyle(document.querySelector('#td-rh-summary td')!);
        return { overflow: panel.scrollWidth - panel.clientWidth, saveBottom: save.bottom, font: parseFloat(cell.fontSize) };
      });
      expect(box.overflow, `${size.width}`).toBeLessThanOrEqual(0);
      expect(box.saveBottom).toBeLessThan(size.height);
      expect(box.font).toBeGreaterThanOrEqual(16);
    }

    // From file:// there is no server: "save" downloads the same JSON.
    expect(await popup.locator('#td-rh-save').textContent()).toBe('Download (JSON)');
    const [download] = await Promise.all([popup.waitForEvent('download'), popup.click('#td-rh-save')]);
    expect(download.suggestedFilename()).toBe('rehearsals-rehearsal-2025-06-02_08-01-00.json');
    const record = JSON.parse(readFileSync((await download.path())!, 'utf8')) as RehearsalRecord;
    expectRecord(record);
    expect(await popup.locator('#td-rh-status').textContent()).toContain('Downloaded as rehearsals-rehearsal-2025-06-02_08-01-00.json');

    // The audience saw none of it.
    expect(await page.locator('[id^="td-rh-"], #td-panel').count()).toBe(0);
    for (const log of logs) expect([...log.consoleErrors, ...log.pageErrors]).toEqual([]);
    await context.close();

    // Put where the deck keeps its rehearsals, the record teaches the plan.
    mkdirSync(join(project.deckDir, 'rehearsals'));
    writeFileSync(join(project.deckDir, 'rehearsals', download.suggestedFilename()), JSON.stringify(record));
    try {
      const r = await report();
      expect(r.pace.measured).toBe(105);
      expect(Object.fromEntries(r.slides.map((s) => [s.id, s.lastSeconds]))).toEqual(SECONDS);
      const rebuilt = await runCli(project.root, ['build', 'rehearsals', '--out', out]);
      expect(rebuilt.code, rebuilt.stderr).toBe(0);
      const html = parse(readFileSync(join(out, 'rehearsals/index.html'), 'utf8'));
      const pacing = Object.fromEntries(html.querySelectorAll('.slides section[id]').map((s) => [s.id, Number(s.getAttribute('data-timing'))]));
      expect(pacing).toEqual(SECONDS);
    } finally {
      rmSync(join(project.deckDir, 'rehearsals'), { recursive: true });
    }
  });

  it('works the same from the single file', async () => {
    const built = await runCli(project.root, ['build', 'rehearsals', '--single-file', '--out', join(project.root, 'single.html')]);
    expect(built.code, built.stderr).toBe(0);
    const { context, popup, logs } = await open(pathToFileURL(join(project.root, 'single.html')).href);
    await rehearse(context, popup);
    const [download] = await Promise.all([popup.waitForEvent('download'), popup.click('#td-rh-save')]);
    expectRecord(JSON.parse(readFileSync((await download.path())!, 'utf8')) as RehearsalRecord);
    for (const log of logs) expect([...log.consoleErrors, ...log.pageErrors]).toEqual([]);
    await context.close();
  });

  it('starts, pauses and finishes from the presentation too: R opens the speaker view and starts, W pauses', async () => {
    const built = await runCli(project.root, ['build', 'rehearsals', '--out', join(project.root, 'keys')]);
    expect(built.code, built.stderr).toBe(0);
    const context = await browser.newContext({ viewport: { width: 1280, height: 720 } });
    const page = await context.newPage();
    const logs = [recordPage(page)];
    await page.goto(pathToFileURL(join(project.root, 'keys/rehearsals/index.html')).href);
    await page.waitForFunction(() => (window as unknown as { Reveal?: Reveal }).Reveal?.isReady());
    const [popup] = await Promise.all([page.waitForEvent('popup'), page.keyboard.press('r')]);
    logs.push(recordPage(popup));
    const badge = popup.locator('#td-rh-badge');
    await badge.filter({ hasText: 'Rehearsal' }).waitFor();
    await page.bringToFront();
    await page.keyboard.press('w');
    await badge.filter({ hasText: 'Paused' }).waitFor();
    await page.keyboard.press('w');
    await badge.filter({ hasText: 'Rehearsal' }).waitFor();
    await page.keyboard.press('r');
    await popup.locator('#td-rh-summary').waitFor();
    // reveal.js's help lists both keys.
    await page.evaluate(() => (window as unknown as { Reveal: { toggleHelp(show: boolean): void } }).Reveal.toggleHelp(true));
    const help = await page.locator('.r-overlay-help-content').innerText();
    expect(help).toMatch(/R\s+Rehearse: start or finish timing every slide \(speaker view\)/);
    expect(help).toMatch(/W\s+Pause or resume the rehearsal/);
    for (const log of logs) expect([...log.consoleErrors, ...log.pageErrors]).toEqual([]);
    await context.close();
  });

  it('saves into the deck folder under talkdeck serve; the plan learns it, and the report marks it stale after an edit', async () => {
    const served = await startServe(project.root, ['rehearsals']);
    try {
      const { context, page, popup, logs } = await open(served.url);
      await rehearse(context, popup);
      await context.clock.resume();
      expect(await popup.locator('#td-rh-save').textContent()).toBe('Save in the deck folder');
      const reloaded = page.waitForEvent('load');
      await popup.click('#td-rh-save');
      await popup.locator('#td-rh-status', { hasText: 'Saved as rehearsals/' }).waitFor();
      const saved = readdirSync(join(project.deckDir, 'rehearsals'));
      expect(saved).toHaveLength(1);
      expect(await popup.locator('#td-rh-status').textContent()).toContain(`Saved as rehearsals/${saved[0]}.`);
      expect(await popup.locator('#td-rh-save').isDisabled()).toBe(true);
      expectRecord(JSON.parse(readFileSync(join(project.deckDir, 'rehearsals', saved[0]!), 'utf8')) as RehearsalRecord);

      // The server rebuilds with the new record and reloads the presentation: its pacing is the rehearsal's.
      await reloaded;
      await page.waitForFunction(() => (window as unknown as { Reveal?: Reveal }).Reveal?.isReady());
      expect(await page.locator('#sixty-words').getAttribute('data-timing')).toBe('40');
      for (const log of logs) expect([...log.consoleErrors, ...log.pageErrors]).toEqual([]);
      await context.close();

      const r = await report();
      expect(r.pace.measured).toBe(105);
      expect(Object.fromEntries(r.slides.map((s) => [s.id, s.lastSeconds]))).toEqual(SECONDS);
      project.write(project.read().replace('title: Thirty words\n    points: [Third point]\n    notes: |\n      ', 'title: Thirty words\n    points: [Third point]\n    notes: |\n      Also '));
      expect((await report()).slides.filter((s) => s.lastStale).map((s) => s.id)).toEqual(['thirty-words']);
    } finally {
      await served.stop();
      rmSync(join(project.deckDir, 'rehearsals'), { recursive: true, force: true });
      copyFileSync(new URL('./fixtures/rehearsals/deck.yaml', import.meta.url), project.deckFile);
    }
  });
});
