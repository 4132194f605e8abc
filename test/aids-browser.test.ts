// The presenter's and the author's aids in a real Chromium: the speaker view of the built
// briefing (from file://, and from one self-contained HTML file), and the overflow estimate
// held against the layout the browser actually makes.
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { parse as parseYaml } from 'yaml';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { estimateFit } from '../src/core/model/fit.js';
import { parseSource } from '../src/core/read/yaml/parse.js';
import { validateDeck } from '../src/core/deck/validate.js';
import { buildFolder, fixture, ROOT } from './helpers/build.js';
import { launchBrowser, recordPage } from './helpers/browser.js';
import { talkdeck } from './helpers/cli.js';

let browser: Browser;
let out: string;

beforeAll(async () => {
  out = mkdtempSync(join(tmpdir(), 'talkdeck-aids-'));
  for (const deck of ['kolumbien-nato', 'example', fixture('lint/overflow-estimate-over'), fixture('lint/overflow-estimate-ok')]) {
    const r = talkdeck(ROOT, ['build', deck, '--out', out]);
    expect(r.code, r.stderr).toBe(0);
  }
  browser = await launchBrowser();
});

afterAll(async () => {
  await browser?.close();
});

type Reveal = { isReady(): boolean; getIndices(): { h: number }; slide(h: number): void; getSlides(): HTMLElement[] };
const ready = (page: Page) => page.waitForFunction(() => (window as unknown as { Reveal?: Reveal }).Reveal?.isReady());
const text = (page: Page, selector: string) => page.locator(selector).evaluate((el) => (el.textContent ?? '').trim());

/** 15:04 in Berlin: a 12-hour clock would show 03:04 PM. Timers keep running. */
async function presenterContext(): Promise<BrowserContext> {
  const context = await browser.newContext({ viewport: { width: 1280, height: 720 }, timezoneId: 'Europe/Berlin', locale: 'en-US' });
  await context.clock.setFixedTime(new Date('2026-03-02T15:04:00+01:00'));
  return context;
}

/** Opens the deck at a slide, presses S and returns the speaker view once it shows that slide. */
async function openSpeakerView(context: BrowserContext, url: string): Promise<{ page: Page; popup: Page }> {
  const page = await context.newPage();
  await page.goto(url);
  await ready(page);
  const [popup] = await Promise.all([page.waitForEvent('popup'), page.keyboard.press('s')]);
  await popup.waitForFunction(() => document.getElementById('td-status')?.hidden && document.getElementById('td-position')?.textContent);
  return { page, popup };
}

describe('the speaker view of the briefing', () => {
  const notesOf = (id: string): string => {
    const deck = parseYaml(readFileSync(join(ROOT, 'content/kolumbien-nato/deck.yaml'), 'utf8')) as { slides: { id?: string; notes?: string }[] };
    return deck.slides.find((s) => s.id === id)!.notes!.trim();
  };

  it('opens from file:// in German, with a 24-hour clock, the slot and the current notes', async () => {
    const context = await presenterContext();
    const url = pathToFileURL(join(out, 'kolumbien-nato/index.html')).href;
    const { page, popup } = await openSpeakerView(context, `${url}#/kurzfassung`);
    const mainLog = recordPage(page);
    const popupLog = recordPage(popup);

    expect(await popup.evaluate(() => document.documentElement.lang)).toBe('de');
    expect(await popup.title()).toBe('Sprecheransicht');
    const labels = await popup.locator('.td-label').evaluateAll((els) => els.map((e) => e.firstChild?.textContent?.trim()));
    expect(labels).toEqual(['Vergangen', 'Zeitplan', 'Uhrzeit', 'Aktuelle Folie', 'Als Nächstes', 'Notizen']);
    expect(await popup.getByRole('button', { name: 'Zeit neu starten' }).count()).toBe(1);

    expect(await text(popup, '#td-clock')).toBe('15:04');
    expect(await text(popup, '#td-clock')).toMatch(/^\d{2}:\d{2}$/);
    expect(await text(popup, '#td-duration')).toBe('von 20:00');
    expect(await text(popup, '#td-position')).toBe('Folie 3 von 26 · Das Wichtigste in Kürze');
    expect(await text(popup, '#td-next-title')).toBe('· Etappen der Zusammenarbeit');

    const notes = await text(popup, '#td-notes');
    expect(notes).toBe(notesOf('kurzfassung'));
    expect(await popup.locator('#td-notes').evaluate((el) => parseFloat(getComputedStyle(el).fontSize))).toBeGreaterThanOrEqual(24);

    // Keys in the speaker view drive the presentation; the view follows.
    await popup.keyboard.press('ArrowRight');
    await page.waitForFunction(() => location.hash === '#/etappen-der-zusammenarbeit');
    await popup.waitForFunction(() => document.getElementById('td-position')!.textContent!.startsWith('Folie 4 von 26'));
    expect(await text(popup, '#td-notes')).toBe('Keine Notizen zu dieser Folie.');

    await page.keyboard.press('ArrowRight');
    await popup.waitForFunction(() => document.getElementById('td-position')!.textContent!.startsWith('Folie 5 von 26'));
    expect(await text(popup, '#td-notes')).toBe(notesOf('nato-wandel').replace(/\s+/g, ' '));

    // The previews are the deck itself, steered to the current slide and the one after.
    const previews = popup.frames().filter((f) => f.url().includes('?receiver'));
    expect(previews).toHaveLength(2);
    for (const [frame, h] of [[previews[0]!, 4], [previews[1]!, 5]] as const) {
      await frame.waitForFunction((want) => (window as unknown as { Reveal: Reveal }).Reveal.getIndices().h === want, h);
    }

    for (const log of [mainLog, popupLog]) {
      expect(log.pageErrors).toEqual([]);
      expect(log.consoleErrors).toEqual([]);
    }
    const deckUrl = pathToFileURL(join(out, 'kolumbien-nato')).href + '/';
    expect(mainLog.requests.filter((u) => !u.startsWith(deckUrl))).toEqual([]);
    await context.close();
  });

  it('works from one self-contained HTML file with every script inlined', async () => {
    const dir = join(out, 'kolumbien-nato');
    // The nonce stays: the page's Content-Security-Policy admits inline scripts by it.
    const html = readFileSync(join(dir, 'index.html'), 'utf8').replace(
      /<script( nonce="[^"]+")? src="([^"]+)"><\/script>/g,
      (_, nonce: string | undefined, src: string) => `<script${nonce ?? ''}>${readFileSync(join(dir, src), 'utf8')}</script>`,
    );
    expect(html).not.toMatch(/<script src=/);
    writeFileSync(join(dir, 'single.html'), html);
    const context = await presenterContext();
    const { popup } = await openSpeakerView(context, `${pathToFileURL(join(dir, 'single.html')).href}#/fazit`);
    expect(await text(popup, '#td-position')).toBe('Folie 23 von 26 · Fazit: Kein Papiertiger');
    expect(await text(popup, '#td-clock')).toBe('15:04');
    expect(await text(popup, '#td-notes')).toContain('Damit zum Fazit des Autors.');
    await context.close();
  });

  it('speaks English for an English deck', async () => {
    const context = await presenterContext();
    const { popup } = await openSpeakerView(context, `${pathToFileURL(join(out, 'example/index.html')).href}#/steps`);
    const labels = await popup.locator('.td-label').evaluateAll((els) => els.map((e) => e.firstChild?.textContent?.trim()));
    expect(labels).toEqual(['Elapsed', 'Pacing', 'Time of day', 'Current slide', 'Up next', 'Notes']);
    expect(await text(popup, '#td-clock')).toBe('15:04');
    expect(await text(popup, '#td-notes')).toBe('With steps: true the bullets appear one at a time.');
    await context.close();
  });
});

describe('the overflow estimate', () => {
  /**
   * Runs in the page: per slide, the height its body takes and the height it may take — at
   * full size: the fit plugin's shrinking (templates/plugins/fit.js) is undone first, since the
   * estimate is what decides whether that is needed.
   */
  function measure(): ({ needed: number; available: number } | null)[] {
    const reveal = (window as unknown as { Reveal: Reveal }).Reveal;
    return reveal.getSlides().map((s, i) => {
      reveal.slide(i);
      const title = s.querySelector(':scope > .td-title');
      const body = [...s.children].filter((c) => c !== title && !c.matches('.td-summary, .td-cite, aside.notes')) as HTMLElement[];
      if (!body.length) return null;
      for (const c of body) c.style.zoom = '';
      const top = body[0]!.offsetTop - parseFloat(getComputedStyle(body[0]!).marginTop);
      const bottom = Math.max(...body.map((c) => c.offsetTop + c.offsetHeight));
      const summary = s.querySelector<HTMLElement>(':scope > .td-summary');
      const limit = summary ? summary.offsetTop - 12 : s.offsetHeight - 64;
      return { needed: bottom - top, available: limit - top };
    });
  }

  it.each([
    ['kolumbien-nato', join(ROOT, 'content/kolumbien-nato')],
    ['example', join(ROOT, 'content/example')],
    ['overflow-estimate-over', fixture('lint/overflow-estimate-over')],
    ['overflow-estimate-ok', fixture('lint/overflow-estimate-ok')],
  ])('agrees with Chromium on %s', async (name, dir) => {
    const result = await buildFolder(dir);
    const file = join(dir, 'deck.yaml');
    const { source, data } = parseSource(file, readFileSync(file, 'utf8'));
    const estimates = validateDeck(source, data).slides.map(({ slide, index }) => estimateFit(slide, result.model!, index));

    const page = await browser.newPage({ viewport: { width: 1280, height: 720 } });
    await page.goto(pathToFileURL(join(out, name, 'index.html')).href);
    await ready(page);
    await page.evaluate(() => document.fonts.ready);
    await page.waitForFunction(() => (window as unknown as { __talkdeckFitted?: boolean }).__talkdeckFitted === true);
    const measured = await page.evaluate(measure);
    await page.close();

    let compared = 0;
    measured.forEach((m, i) => {
      const e = estimates[i];
      if (!m || !e) return;
      compared++;
      const where = `${name} slide ${i + 1}: estimated ${e.needed}/${e.available}, measured ${Math.round(m.needed)}/${Math.round(m.available)}`;
      expect(e.needed > e.available, where).toBe(m.needed > m.available);
      expect(Math.abs(e.needed - m.needed), where).toBeLessThanOrEqual(0.15 * m.available);
    });
    expect(compared).toBeGreaterThan(1);
  });
});
