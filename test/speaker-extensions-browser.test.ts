// The speaker view's extension points in a real Chromium: an extension registered the way the
// rehearsal and change-mark files register (TalkdeckSpeakerExtensions) gets its deck side in the
// presentation and its popup side in the speaker view, with the regions, events, keys and
// messages speaker-window.js documents — and the audience's page shows none of it.
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
let url: string;

beforeAll(async () => {
  const out = mkdtempSync(join(tmpdir(), 'talkdeck-speaker-ext-'));
  const r = talkdeck(ROOT, ['build', fixture('pdf-steps'), '--out', out]);
  expect(r.code, r.stderr).toBe(0);
  url = pathToFileURL(join(out, 'pdf-steps/index.html')).href;
  browser = await launchBrowser();
});

afterAll(async () => {
  await browser?.close();
});

/** A probe extension: it shows where the view is, takes the key X for itself and asks its deck side. */
function probe(): void {
  const ext = {
    id: 'probe',
    css: '#probe-badge{background:#2b6cb0}',
    deck(api: { reveal: { getCurrentSlide(): HTMLElement }; config: unknown; send(m: object): void; onMessage(fn: (m: { ping?: string }) => void): void }) {
      api.onMessage((m) => {
        if (m.ping) api.send({ pong: m.ping, slide: api.reveal.getCurrentSlide().id, config: api.config });
      });
    },
    popup(view: {
      regions: { badges: HTMLElement; panel: HTMLElement };
      on(type: string, fn: (data: never) => unknown): void;
      send(ext: string, m: object): void;
      showPanel(show: boolean): void;
    }) {
      const badge = document.createElement('span');
      badge.className = 'td-badge';
      badge.id = 'probe-badge';
      view.regions.badges.appendChild(badge);
      let slides = 0;
      view.on('connect', (data: { slides: unknown[] }) => {
        slides = data.slides.length;
      });
      view.on('state', (s: { id: string; state: { indexf?: number } }) => {
        badge.textContent = `${s.id} step ${s.state.indexf ?? '-'} of ${slides} slides`;
      });
      view.on('key', (e: KeyboardEvent) => {
        if (e.key !== 'x') return false;
        view.send('probe', { ping: 'x' });
        return true;
      });
      view.on('message', (m: { ext: string; pong: string; slide: string; config: unknown }) => {
        if (m.ext !== 'probe') return;
        view.regions.panel.textContent = `pong ${m.pong} from ${m.slide}, config ${JSON.stringify(m.config ?? null)}`;
        view.showPanel(true);
      });
    },
  };
  const w = window as unknown as { TalkdeckSpeakerExtensions?: object[] };
  w.TalkdeckSpeakerExtensions = [...(w.TalkdeckSpeakerExtensions ?? []), ext];
}

const text = (page: Page, selector: string) => page.locator(selector).evaluate((el) => (el.textContent ?? '').trim());

describe('speaker view extensions', () => {
  it('run in both windows, see every step, take their own keys and talk to their deck side', async () => {
    const context = await browser.newContext({ viewport: { width: 1280, height: 720 } });
    await context.addInitScript(probe);
    const page = await context.newPage();
    const log = recordPage(page);
    await page.goto(`${url}#/revealed-one-at-a-time`);
    await page.waitForFunction(() => (window as unknown as { Reveal?: { isReady(): boolean } }).Reveal?.isReady());
    const [popup] = await Promise.all([page.waitForEvent('popup'), page.keyboard.press('s')]);
    const popupLog = recordPage(popup);
    await popup.waitForFunction(() => document.getElementById('probe-badge')?.textContent?.startsWith('revealed-one-at-a-time'));
    expect(await text(popup, '#probe-badge')).toBe('revealed-one-at-a-time step -1 of 3 slides');
    // The extension's style reaches the view.
    expect(await popup.locator('#probe-badge').evaluate((el) => getComputedStyle(el).backgroundColor)).toBe('rgb(43, 108, 176)');

    // Every fragment step is a state.
    await popup.keyboard.press('ArrowRight');
    await popup.waitForFunction(() => document.getElementById('probe-badge')!.textContent!.includes('step 0'));

    // X is the extension's: the presentation does not see it, the deck side answers.
    await popup.keyboard.press('x');
    await popup.waitForFunction(() => !document.getElementById('td-panel')!.hidden);
    expect(await text(popup, '#td-panel')).toBe('pong x from revealed-one-at-a-time, config null');
    expect(await popup.evaluate(() => document.activeElement?.id)).toBe('td-panel');
    expect(await page.evaluate(() => (window as unknown as { Reveal: { getIndices(): { f?: number } } }).Reveal.getIndices().f)).toBe(0);

    // The audience's page carries none of it.
    expect(await page.locator('#probe-badge, #td-panel').count()).toBe(0);
    for (const l of [log, popupLog]) expect([...l.consoleErrors, ...l.pageErrors]).toEqual([]);
    await context.close();
  });
});
