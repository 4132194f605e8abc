/**
 * Issue 9: a deck full of hostile text (test/safety/hostile/: script tags, event handlers,
 * `javascript:` in the forms that are text, template syntax, `</script>`, `-->`, direction
 * overrides and zero-width characters in every field of every layout) opened in a real Chromium
 * from file://: the deck with every slide and fragment walked and the speaker view open, the
 * single file, the HTML handout and the print view. Fails if any script of the deck's text runs
 * (the `__pwned` canary), any dialog opens, any request leaves the deck's own files, or the
 * Content-Security-Policy complains about talkdeck's own page (a console error).
 */
import { cpSync, mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { spawnSync } from 'node:child_process';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchBrowser } from '../helpers/browser.js';
import { talkdeck } from '../helpers/cli.js';

let browser: Browser;
let dir: string;

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'talkdeck-hostile-'));
  cpSync(join(import.meta.dirname, 'hostile/deck'), join(dir, 'content/hostile'), { recursive: true });
  for (const args of [['build'], ['build', '--single-file'], ['handout']]) {
    const r = talkdeck(dir, args);
    expect(r.code, r.stderr).toBe(0);
  }
  browser = await launchBrowser();
});

afterAll(async () => {
  await browser?.close();
});

interface Watch {
  dialogs: string[];
  requests: string[];
  errors: string[];
}

/** A context that records every dialog, request and error of every page it opens, and lets nothing reach the network. */
async function watchedContext(): Promise<{ context: BrowserContext; watch: Watch }> {
  const context = await browser.newContext({ viewport: { width: 1280, height: 720 } });
  const watch: Watch = { dialogs: [], requests: [], errors: [] };
  await context.route(
    (url) => url.protocol !== 'file:' && url.protocol !== 'data:',
    (route) => route.abort('internetdisconnected'),
  );
  const observe = (page: Page): void => {
    page.on('dialog', (d) => {
      watch.dialogs.push(`${d.type()}: ${d.message()}`);
      void d.dismiss();
    });
    page.on('request', (r) => watch.requests.push(r.url()));
    page.on('console', (m) => {
      if (m.type() === 'error') watch.errors.push(m.text());
    });
    page.on('pageerror', (e) => watch.errors.push(e.message));
  };
  context.on('page', observe);
  return { context, watch };
}

/** `__pwned` in the page and every frame in it: undefined unless deck text ran as script. */
async function canaries(page: Page): Promise<unknown[]> {
  return Promise.all(page.frames().map((f) => f.evaluate(() => (window as unknown as { __pwned?: unknown }).__pwned).catch(() => 'frame gone')));
}

type Reveal = {
  isReady(): boolean;
  next(): void;
  isLastSlide(): boolean;
  availableFragments(): { next: boolean };
  getIndices(): { h: number };
  getTotalSlides(): number;
};

/** Opens a deck, opens its speaker view, walks every slide and fragment, and checks the canaries. */
async function walkDeck(url: string, allowed: string): Promise<void> {
  const { context, watch } = await watchedContext();
  const page = await context.newPage();
  await page.goto(url);
  await page.waitForFunction(() => (window as unknown as { Reveal?: Reveal }).Reveal?.isReady(), undefined, { timeout: 10_000 });
  const [popup] = await Promise.all([page.waitForEvent('popup'), page.keyboard.press('s')]);
  await popup.waitForFunction(() => document.getElementById('td-status')?.hidden, undefined, { timeout: 10_000 });
  const total = await page.evaluate(() => (window as unknown as { Reveal: Reveal }).Reveal.getTotalSlides());
  expect(total).toBe(13);
  const seen = new Set<number>();
  for (let step = 0; step < 100; step++) {
    const h = await page.evaluate(() => (window as unknown as { Reveal: Reveal }).Reveal.getIndices().h);
    seen.add(h);
    // The speaker view shows this slide, its notes (hostile too) and both previews.
    await popup.waitForFunction((n) => new RegExp(`^\\D*${n} `).test(document.getElementById('td-position')?.textContent ?? ''), h + 1, {
      timeout: 10_000,
    });
    expect(await popup.locator('#td-notes').textContent()).toContain('<script>window.__pwned=');
    const last = await page.evaluate(() => {
      const r = (window as unknown as { Reveal: Reveal }).Reveal;
      if (r.isLastSlide() && !r.availableFragments().next) return true;
      r.next();
      return false;
    });
    if (last) break;
  }
  expect(seen.size).toBe(13);
  // Give late handlers (image errors, iframes) a moment, then read every canary.
  await page.waitForTimeout(300);
  expect(await canaries(page)).toEqual(page.frames().map(() => undefined));
  expect(await canaries(popup)).toEqual(popup.frames().map(() => undefined));
  expect(popup.frames().filter((f) => f.url().includes('?receiver'))).toHaveLength(2);
  expect(watch.dialogs).toEqual([]);
  expect(watch.errors).toEqual([]);
  expect(watch.requests.filter((u) => !u.startsWith(allowed) && !u.startsWith('data:'))).toEqual([]);

  // The policy is really in force: a remote image and an inline script added now are refused.
  const refused = await page.evaluate(
    () =>
      new Promise<string[]>((done) => {
        const seen: string[] = [];
        document.addEventListener('securitypolicyviolation', (e) => {
          seen.push(e.effectiveDirective);
          if (seen.length === 2) done(seen.sort());
        });
        const img = document.createElement('img');
        img.src = 'https://tracker.example/csp-probe.gif';
        document.body.append(img);
        const script = document.createElement('script');
        script.textContent = 'window.__pwned = "inline"';
        document.body.append(script);
      }),
  );
  expect(refused).toEqual(['img-src', 'script-src-elem']);
  expect(await page.evaluate(() => (window as unknown as { __pwned?: unknown }).__pwned)).toBeUndefined();
  await context.close();
}

describe('a deck full of hostile text', { timeout: 90_000 }, () => {
  it('runs none of it from file://, in the deck and in the speaker view, and loads only its own files', async () => {
    const deckDir = pathToFileURL(join(dir, 'dist/hostile')).href + '/';
    await walkDeck(deckDir + 'index.html', deckDir);
  });

  it('runs none of it in the single file, which loads nothing else', async () => {
    const file = pathToFileURL(join(dir, 'dist/hostile.html')).href;
    await walkDeck(file, file);
  });

  it('runs none of it in the HTML handout', async () => {
    const { context, watch } = await watchedContext();
    const page = await context.newPage();
    const file = pathToFileURL(join(dir, 'dist/hostile-handout.html')).href;
    await page.goto(file);
    await page.waitForLoadState('load');
    expect(await page.locator('body').textContent()).toContain('<script>window.__pwned=');
    expect(await canaries(page)).toEqual(page.frames().map(() => undefined));
    expect(watch.dialogs).toEqual([]);
    expect(watch.errors).toEqual([]);
    expect(watch.requests.filter((u) => u !== file && !u.startsWith('data:'))).toEqual([]);
    // No script runs in the handout at all.
    expect(readFileSync(join(dir, 'dist/hostile-handout.html'), 'utf8')).toContain("script-src 'none'");
    await context.close();
  });

  it('runs none of it in the print view, and `talkdeck pdf` prints it as text without a network request', async () => {
    const { context, watch } = await watchedContext();
    const page = await context.newPage();
    const deckDir = pathToFileURL(join(dir, 'dist/hostile')).href + '/';
    await page.goto(`${deckDir}index.html?print-pdf`);
    await page.waitForFunction(() => document.querySelectorAll('.pdf-page').length > 0 && document.documentElement.classList.contains('reveal-print'));
    await page.pdf({ width: '1280px', height: '720px' });
    expect(await canaries(page)).toEqual(page.frames().map(() => undefined));
    expect(watch.dialogs).toEqual([]);
    expect(watch.errors).toEqual([]);
    expect(watch.requests.filter((u) => !u.startsWith(deckDir) && !u.startsWith('data:'))).toEqual([]);
    await context.close();

    const r = talkdeck(dir, ['pdf']);
    expect(r.code, r.stderr).toBe(0);
    // The printer blocked no request (the SVG's remote picture was removed when it was shipped).
    expect(r.stderr).not.toContain('it was blocked');
    const text = spawnSync('pdftotext', [join(dir, 'dist/hostile.pdf'), '-'], { encoding: 'utf8' }).stdout;
    expect(text).toContain('<script>window.__pwned=');
  });
});
