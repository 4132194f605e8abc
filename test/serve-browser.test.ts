/**
 * The live preview in Chromium: saves reload the page onto the same slide, problems show over
 * the last good deck, and an open speaker view reconnects. One browser, one server, one story.
 */
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchBrowser, recordPage } from './helpers/browser.js';
import { projectWith, type Project } from './helpers/serve-fixture.js';
import { startServe, type Served } from './helpers/serve-process.mjs';

declare const Reveal: {
  isReady(): boolean;
  getCurrentSlide(): HTMLElement;
  getIndices(): { h: number };
  next(): void;
};

let browser: Browser;
let project: Project;
let served: Served;

beforeAll(async () => {
  project = projectWith('serve-live');
  [served, browser] = await Promise.all([startServe(project.root, ['live']), launchBrowser()]);
});

afterAll(async () => {
  await browser?.close();
  await served?.stop();
  project?.remove();
});

/** Saves deck.yaml and waits for the page to load again and reveal.js to be ready. */
async function saveAndReload(page: Page, text: string): Promise<void> {
  const loaded = page.waitForEvent('load', { timeout: 30_000 });
  project.write(text);
  await loaded;
  await page.waitForFunction(() => typeof Reveal !== 'undefined' && Reveal.isReady());
}

const current = (page: Page): Promise<{ id: string; h: number; text: string }> =>
  page.evaluate(() => {
    const slide = Reveal.getCurrentSlide();
    const body = slide.cloneNode(true) as HTMLElement;
    body.querySelector('aside.notes')?.remove();
    return { id: slide.id, h: Reveal.getIndices().h, text: body.textContent!.replace(/\s+/g, ' ').trim() };
  });

describe('talkdeck serve in the browser', () => {
  it('follows saves onto the same slide, shows problems over the deck, and keeps the speaker view connected', { timeout: 180_000 }, async () => {
    const context = await browser.newContext();
    const page = await context.newPage();
    const log = recordPage(page);
    await page.goto(served.url);
    await page.waitForFunction(() => typeof Reveal !== 'undefined' && Reveal.isReady());
    for (let i = 0; i < 4; i++) await page.keyboard.press('ArrowRight');
    await page.waitForFunction(() => Reveal.getIndices().h === 4);
    expect(await current(page)).toMatchObject({ id: 'fifth-slide', h: 4 });

    // The speaker view, opened before any edit.
    const popup = page.waitForEvent('popup');
    await page.keyboard.press('s');
    const notes = await popup;
    const notesText = notes.locator('#td-notes');
    await expect.poll(() => notesText.textContent(), { timeout: 20_000 }).toContain('Notes of the fifth slide, first version');

    // 1. Change the text of slide 5: the page reloads onto slide 5 and shows it.
    const original = project.read();
    const edited = original
      .replace('The fifth slide, as first written', 'The fifth slide, edited live')
      .replace('Notes of the fifth slide, first version', 'Notes of the fifth slide, edited live');
    await saveAndReload(page, edited);
    expect(await current(page)).toMatchObject({ id: 'fifth-slide', h: 4 });
    expect((await current(page)).text).toContain('The fifth slide, edited live');

    // The speaker view reconnects to the reloaded page (talkdeck's speaker view), with the new notes,
    // and its preview of the current slide was reloaded too.
    await expect.poll(() => notesText.textContent(), { timeout: 20_000 }).toContain('Notes of the fifth slide, edited live');
    const preview = notes.frameLocator('#td-current iframe').locator('#fifth-slide');
    await expect.poll(() => preview.textContent(), { timeout: 20_000 }).toContain('The fifth slide, edited live');

    // 2. Insert a slide before it: still the same slide, now the sixth.
    const inserted = edited.replace('  - title: Third slide\n', '  - title: Inserted slide\n    points:\n      - new\n\n  - title: Third slide\n');
    await saveAndReload(page, inserted);
    expect(await current(page)).toMatchObject({ id: 'fifth-slide', h: 5 });
    expect((await current(page)).text).toContain('The fifth slide, edited live');

    // The speaker view still follows the main window.
    await page.evaluate(() => Reveal.next());
    await expect
      .poll(() => notes.frameLocator('#td-current iframe').locator('section.present').first().getAttribute('id'), { timeout: 20_000 })
      .toBe('sixth-slide');
    await page.keyboard.press('ArrowLeft');
    await page.waitForFunction(() => Reveal.getCurrentSlide().id === 'fifth-slide');

    // 3. A typo (a colon forgotten): an overlay names its line; the page does not reload and keeps the deck.
    await page.evaluate(() => Object.assign(window, { notReloaded: true }));
    const broken = inserted.replace('title: Fifth slide\n    points:\n', 'title: Fifth slide\n    points\n');
    const line = broken.split('\n').indexOf('    points') + 1;
    project.write(broken);
    const locations = page.locator('#talkdeck-problems .location');
    await expect.poll(() => locations.allTextContents(), { timeout: 30_000 }).toContain(`content/live/deck.yaml:${line}:5`);
    expect(await page.locator('#talkdeck-problems [role="alert"]').isVisible()).toBe(true);
    expect(await page.evaluate(() => (window as unknown as { notReloaded?: boolean }).notReloaded)).toBe(true);

    // 4. Fixed: the overlay goes; same output, so no reload either.
    project.write(inserted);
    await expect.poll(() => page.locator('#talkdeck-problems').count(), { timeout: 30_000 }).toBe(0);
    expect(await page.evaluate(() => (window as unknown as { notReloaded?: boolean }).notReloaded)).toBe(true);

    // 5. Retitled (the id comes from the title, so it changes): still the same place.
    await saveAndReload(page, inserted.replace('title: Fifth slide', 'title: Renamed fifth slide'));
    expect(await current(page)).toMatchObject({ id: 'renamed-fifth-slide', h: 5 });

    expect(log.pageErrors).toEqual([]);
    expect(log.consoleErrors).toEqual([]);
    await context.close();
  });
});
