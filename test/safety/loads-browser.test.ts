/**
 * Issue 23: every way a deck can make the browser load something — CSS url() in <style> and
 * style="", reveal.js's lazy data-src, frames and background frames, inline SVG, an SVG file with
 * script — opened in a real Chromium from file://, as the single file, and under `talkdeck serve`,
 * with the speaker view open (its previews are frames of the deck). No file outside the deck is
 * loaded and nothing it sanitised runs; the only requests that leave are the remote addresses the
 * deck names (each a remote-resource warning), which the page's policy lists one by one. Under serve, a page of the
 * deck folder (evil.html, which reads the notes from its parent) is never served, and a deck that
 * frames it is refused: no frame of serve's origin can read the notes.
 */
import { cpSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchBrowser } from '../helpers/browser.js';
import { talkdeck } from '../helpers/cli.js';
import { startServe, type Served } from '../helpers/serve-process.mjs';

let browser: Browser;
let dir: string;
let served: Served;

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'talkdeck-loads-'));
  cpSync(join(import.meta.dirname, 'hostile-loads/deck'), join(dir, 'content/loads'), { recursive: true });
  cpSync(join(import.meta.dirname, 'frame-local'), join(dir, 'content/framing'), { recursive: true });
  // The page that reads the notes from its parent lies beside the deck too, never named by it.
  cpSync(join(import.meta.dirname, 'frame-local/evil.html'), join(dir, 'content/loads/evil.html'));
  for (const args of [['build', 'loads'], ['build', 'loads', '--single-file']]) {
    const r = talkdeck(dir, args);
    expect(r.code, r.stderr).toBe(0);
  }
  [browser, served] = await Promise.all([launchBrowser(), startServe(dir, ['loads'])]);
});

afterAll(async () => {
  await browser?.close();
  await served?.stop();
});

type Reveal = { isReady(): boolean; next(): void; isLastSlide(): boolean; getTotalSlides(): number };

interface Seen {
  dialogs: string[];
  /** Requests that left the deck's own files. */
  outside: string[];
  /** Console errors other than the policy's refusals. */
  errors: string[];
  /** Addresses the Content-Security-Policy refused, in every frame (none: nothing else is tried). */
  refused: Set<string>;
}

/** Opens `url` with its speaker view, walks every slide, and says what was loaded, refused and run. */
async function walk(url: string, own: (request: string) => boolean): Promise<Seen> {
  const context = await browser.newContext({ viewport: { width: 1280, height: 720 } });
  const seen: Seen = { dialogs: [], outside: [], errors: [], refused: new Set() };
  // Nothing reaches the network whatever happens; a request that is even attempted is recorded.
  await context.route((u) => u.protocol !== 'file:' && u.protocol !== 'data:' && !own(u.href), (route) => route.abort('internetdisconnected'));
  await context.exposeBinding('__refused', (_source, uri: string) => void seen.refused.add(uri));
  await context.addInitScript(() => {
    document.addEventListener('securitypolicyviolation', (e) => (window as unknown as { __refused(u: string): void }).__refused(e.blockedURI));
  });
  context.on('page', (page: Page) => {
    page.on('dialog', (d) => {
      seen.dialogs.push(d.message());
      void d.dismiss();
    });
    page.on('request', (r) => {
      if (!own(r.url()) && !r.url().startsWith('data:')) seen.outside.push(r.url());
    });
    page.on('console', (m) => {
      if (m.type() === 'error' && !/Content Security Policy/.test(m.text())) seen.errors.push(m.text());
    });
    page.on('pageerror', (e) => seen.errors.push(e.message));
  });
  const page = await context.newPage();
  await page.goto(url);
  await page.waitForFunction(() => (window as unknown as { Reveal?: Reveal }).Reveal?.isReady(), undefined, { timeout: 15_000 });
  const [popup] = await Promise.all([page.waitForEvent('popup'), page.keyboard.press('s')]);
  await popup.waitForFunction(() => document.getElementById('td-notes')?.textContent?.includes('NOTES-ONE'), undefined, { timeout: 15_000 });
  expect(await page.evaluate(() => (window as unknown as { Reveal: Reveal }).Reveal.getTotalSlides())).toBe(4);
  for (let step = 0; step < 10; step++) {
    // Lazy sources load as a slide comes near: give each slide a moment.
    await page.waitForTimeout(250);
    const last = await page.evaluate(() => {
      const r = (window as unknown as { Reveal: Reveal }).Reveal;
      if (r.isLastSlide()) return true;
      r.next();
      return false;
    });
    if (last) break;
  }
  await popup.waitForFunction(() => document.getElementById('td-notes')?.textContent?.includes('NOTES-FOUR'), undefined, { timeout: 15_000 });
  await page.waitForTimeout(500);
  for (const p of [page, popup]) {
    const canaries = await Promise.all(p.frames().map((f) => f.evaluate(() => (window as unknown as { __pwned?: unknown }).__pwned).catch(() => 'no access')));
    expect(canaries.filter((c) => c !== undefined && c !== 'no access'), p.url()).toEqual([]);
  }
  await context.close();
  return seen;
}

/**
 * The remote addresses the deck names, each reported by the build (remote-resource). The page's
 * policy allows exactly these, so a deck can make them look "missing offline" but can never
 * send anything along: no script runs to build another address.
 */
const NAMED = ['css-style.png', 'css-attr.png', 'lazy.png', 'lazy-frame.html', 'bg.html', 'frame.html', 'svg.png'].map((f) => `https://tracker.example/${f}`);

function expectOnlyNamed(seen: Seen): void {
  expect(seen.dialogs).toEqual([]);
  // The test's own network cut shows as "Failed to load resource" for each named address.
  expect(seen.errors.filter((e) => !e.includes('net::ERR_INTERNET_DISCONNECTED'))).toEqual([]);
  expect(seen.refused).toEqual(new Set());
  // Every kind of load was tried (CSS, lazy data-src, frames, inline SVG) — and nothing else.
  expect(new Set(seen.outside)).toEqual(new Set(NAMED));
}

describe('a deck that loads things every way it can', { timeout: 120_000 }, () => {
  it('from file://: only the addresses the deck names are requested, nothing sanitised runs', async () => {
    const deck = pathToFileURL(join(dir, 'dist/loads')).href + '/';
    expectOnlyNamed(await walk(`${deck}index.html`, (u) => u.startsWith(deck)));
  });

  it('as the single file, likewise', async () => {
    const file = pathToFileURL(join(dir, 'dist/loads.html')).href;
    expectOnlyNamed(await walk(file, (u) => u.startsWith(file)));
  });

  it('under talkdeck serve, likewise, and the SVG it serves is the sanitised one', async () => {
    const origin = new URL(served.url).origin;
    expectOnlyNamed(await walk(served.url, (u) => u.startsWith(`${origin}/`)));
    const svg = await (await fetch(new URL('assets/images/script.svg', served.url))).text();
    expect(svg).toContain('<rect');
    for (const gone of ['<script', 'onload', 'foreignObject', 'javascript:', 'tracker.example']) expect(svg).not.toContain(gone);
  });

  it('under talkdeck serve, a page of the deck folder is never served: no frame of its origin can read the notes', async () => {
    for (const path of ['evil.html', 'assets/evil.html', 'loads/evil.html', 'assets/../evil.html', 'content/loads/evil.html']) {
      const r = await fetch(new URL(path, served.url));
      expect(r.status, path).toBe(404);
    }
    // A deck that frames its page is refused where it names it: serve shows the problem, not the deck.
    const framing = await startServe(dir, ['framing']);
    try {
      await expect.poll(() => framing.stderr() + framing.stdout(), { timeout: 15_000 }).toContain('deck.md:5:1');
      expect(framing.stderr() + framing.stdout()).toContain('`evil.html` is a page of the deck folder');
      expect((await fetch(new URL('evil.html', framing.url))).status).toBe(404);
      const context = await browser.newContext();
      const requests: string[] = [];
      context.on('request', (r) => requests.push(r.url()));
      const page = await context.newPage();
      await page.goto(framing.url);
      await page.waitForTimeout(1000);
      // No frame shows evil.html, nothing ran, and no request left serve's origin.
      expect(page.frames().map((f) => f.url()).filter((u) => u.includes('evil'))).toEqual([]);
      expect(await page.evaluate(() => (window as unknown as { __pwned?: unknown }).__pwned)).toBeUndefined();
      expect(requests.filter((u) => !u.startsWith(new URL(framing.url).origin))).toEqual([]);
      await context.close();
    } finally {
      await framing.stop();
    }
  });
});
