// What changed, as people see it, in a real Chromium: a deck built with --since marks the
// changed slides in the speaker view (badge, highlighted notes, a list to jump from) and nowhere
// else; the change report page shows old and new side by side, offline, under its policy.
// The deck: test/fixtures/diff-speaker/old → new as two commits of a git repository.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { fixture } from './helpers/build.js';
import { launchBrowser, recordPage } from './helpers/browser.js';
import { talkdeck } from './helpers/cli.js';
import { repoWithTwoVersions } from './helpers/diff.js';
import { axePath, axeViolations } from './helpers/layout.js';

let browser: Browser;
let repo: string;

beforeAll(async () => {
  repo = repoWithTwoVersions({ prefix: 'talkdeck-diff-browser-', file: 'talk.yaml', first: fixture('diff-speaker/old/talk.yaml'), tag: 'v1', message: 'Lagebericht, Fassung 1', next: fixture('diff-speaker/new/talk.yaml') });
  for (const args of [['build', '--since', 'v1'], ['diff', '--since', 'v1', '--html']]) {
    const r = talkdeck(repo, args);
    expect(r.code, r.stderr).toBe(0);
  }
  browser = await launchBrowser();
});

afterAll(async () => {
  await browser?.close();
});

type Reveal = { isReady(): boolean; getCurrentSlide(): HTMLElement; slide(h: number): void };
const reveal = (page: Page) => page.waitForFunction(() => (window as unknown as { Reveal?: Reveal }).Reveal?.isReady());
const text = (page: Page, selector: string) => page.locator(selector).evaluate((el) => (el.textContent ?? '').trim());

describe('the speaker view of a build with --since', () => {
  it('marks the changed slide, its new words and lists the changes to jump to; the audience sees none of it', async () => {
    const context = await browser.newContext({ viewport: { width: 1280, height: 720 } });
    const page = await context.newPage();
    const log = recordPage(page);
    await page.goto(`${pathToFileURL(join(repo, 'dist/talk/index.html')).href}#/lage`);
    await reveal(page);
    const [popup] = await Promise.all([page.waitForEvent('popup'), page.keyboard.press('s')]);
    await popup.setViewportSize({ width: 1280, height: 800 });
    const popupLog = recordPage(popup);

    // The changed slide: its badge, what changed, and the words added to its notes.
    await popup.waitForFunction(() => document.querySelector<HTMLElement>('#td-change-badge')?.hidden === false);
    expect(await text(popup, '#td-change-badge')).toBe('geändert seit v1');
    expect(await text(popup, '#td-change-detail')).toBe('Notizen');
    expect(await popup.locator('#td-notes mark.td-changed').allTextContents()).toEqual(['Ende', ', nach der zweiten Runde']);
    // The notes are the slide's own otherwise: both paragraphs, every word.
    expect((await text(popup, '#td-notes')).replace(/\s+/g, ' ')).toBe(
      'Wo wir heute stehen. Die Gespräche stocken seit Ende März, nach der zweiten Runde. Niemand erwartet eine schnelle Einigung.',
    );

    // An unchanged slide has no badge; a moved one says so, in the deck's language.
    await page.evaluate(() => (window as unknown as { Reveal: Reveal }).Reveal.slide(3));
    await popup.waitForFunction(() => document.querySelector<HTMLElement>('#td-change-badge')?.hidden === true);
    await page.evaluate(() => (window as unknown as { Reveal: Reveal }).Reveal.slide(1));
    await popup.waitForFunction(() => document.querySelector('#td-change-badge')?.textContent === 'verschoben seit v1');
    expect(await text(popup, '#td-change-detail')).toBe('vorher Folie 4');

    // D lists the changed slides (the button says how many); arrows choose, Enter goes there.
    expect(await text(popup, '#td-changes-button')).toBe('Änderungen (3)');
    await popup.keyboard.press('d');
    await popup.waitForFunction(() => !document.getElementById('td-panel')!.hidden);
    expect(await text(popup, '#td-changes-heading')).toBe('Geändert seit v1');
    const entries = await popup.locator('.td-changes-list li').evaluateAll((items) => items.map((li) => [...li.querySelectorAll('span')].map((s) => s.textContent).join(' | ')));
    expect(entries).toEqual(['2 | verschoben | Empfehlung | vorher Folie 4', '3 | geändert | Lage | Notizen', '5 | neu | Offene Fragen']);
    expect(await popup.locator('.td-changes-list button').evaluateAll((b) => b.map((x) => x.getAttribute('data-id')))).toEqual(['empfehlung', 'lage', 'offene-fragen']);
    // The current slide's entry has the focus.
    expect(await popup.evaluate(() => document.activeElement?.getAttribute('data-id'))).toBe('empfehlung');
    await popup.keyboard.press('ArrowDown');
    await popup.keyboard.press('ArrowDown');
    expect(await popup.evaluate(() => document.activeElement?.getAttribute('data-id'))).toBe('offene-fragen');
    await popup.keyboard.press('Enter');
    await page.waitForFunction(() => (window as unknown as { Reveal: Reveal }).Reveal.getCurrentSlide().id === 'offene-fragen');
    await popup.waitForFunction(() => document.getElementById('td-panel')!.hidden);
    expect(await text(popup, '#td-change-badge')).toBe('neu seit v1');
    // Escape closes the list without moving the presentation.
    await popup.keyboard.press('d');
    await popup.waitForFunction(() => !document.getElementById('td-panel')!.hidden);
    await popup.keyboard.press('Escape');
    await popup.waitForFunction(() => document.getElementById('td-panel')!.hidden);
    expect(await page.evaluate(() => (window as unknown as { Reveal: Reveal }).Reveal.getCurrentSlide().id)).toBe('offene-fragen');

    // The audience's window and the speaker view's previews show no mark and no change wording.
    for (const doc of [page, popup.frameLocator('#td-current iframe').locator('body')]) {
      const body = 'goto' in doc ? doc.locator('body') : doc;
      expect(await body.locator('mark.td-changed, .td-change-badge, #td-changes-button').count()).toBe(0);
      expect(await body.evaluate((el) => (el as HTMLElement).innerText)).not.toMatch(/seit v1|geändert|verschoben/);
    }
    for (const l of [log, popupLog]) {
      expect([...l.consoleErrors, ...l.pageErrors]).toEqual([]);
      expect(l.requests.filter((r) => !r.startsWith('file:') && !r.startsWith('about:'))).toEqual([]);
    }
    await context.close();
  });

  it('D in the presentation opens the speaker view on the list, and the key is in reveal.js help', async () => {
    const context = await browser.newContext({ viewport: { width: 1280, height: 720 } });
    const page = await context.newPage();
    await page.goto(pathToFileURL(join(repo, 'dist/talk/index.html')).href);
    await reveal(page);
    const [popup] = await Promise.all([page.waitForEvent('popup'), page.keyboard.press('d')]);
    await popup.waitForFunction(() => !document.getElementById('td-panel')?.hidden && document.querySelectorAll('.td-changes-list li').length === 3);
    await page.evaluate(() => (window as unknown as { Reveal: { toggleHelp(show: boolean): void } }).Reveal.toggleHelp(true));
    expect(await page.locator('.r-overlay-help').textContent()).toMatch(/D\s*Seit der früheren Fassung geänderte Folien auflisten/);
    await context.close();
  });
});

describe('the change report page', () => {
  it('shows old and new side by side with deletions and insertions marked, offline and accessible', async () => {
    const file = join(repo, 'dist/talk-changes.html');
    const html = readFileSync(file, 'utf8');
    expect(html).toMatch(/<meta http-equiv="Content-Security-Policy" content="default-src 'none'; script-src 'none';/);
    const page = await browser.newPage({ viewport: { width: 1200, height: 900 } });
    const log = recordPage(page);
    await page.goto(pathToFileURL(file).href);
    expect(await page.evaluate(() => document.documentElement.lang)).toBe('de');
    expect(await text(page, 'h1')).toBe('Änderungen seit v1');
    expect(await text(page, '.td-changes-counts')).toMatch(/^1 neu · 1 verschoben · 1 geändert · 2 unverändert · Redezeit 0:30 → 0:39 \(\+0:09\)$/);
    const notes = page.locator('#td-change-lage tr', { hasText: 'Notizen' });
    expect(await notes.locator('td').nth(0).locator('del').count()).toBe(0);
    expect(await notes.locator('td').nth(1).locator('ins').allTextContents()).toEqual(['Ende', ', nach der zweiten Runde']);
    expect(await text(page, '#td-change-empfehlung .td-change-notes')).toBe('vorher Folie 4');
    expect(await page.locator('#td-change-offene-fragen td ins').allTextContents()).toEqual(['Offene Fragen', 'Wer zahlt?', 'Wer führt?', 'Zur Diskussion.']);
    await page.evaluate(readFileSync(axePath, 'utf8'));
    expect(await axeViolations(page)).toEqual([]);
    expect([...log.consoleErrors, ...log.pageErrors]).toEqual([]);
    expect(log.requests.filter((r) => !r.startsWith('file:'))).toEqual([]);
    await page.close();
  });
});
