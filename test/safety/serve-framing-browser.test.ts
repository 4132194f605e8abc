/**
 * Another origin cannot read a served deck's notes. An "attacker" page on a second loopback
 * server frames the preview (plain, and as a speaker-view preview with reveal.js's postMessage
 * API switched on by the URL), opens it in a window, and asks every handle for the notes.
 * The same probe against the built deck served without talkdeck's headers does read them,
 * so the probe works. The speaker view itself, framing previews of its own origin, still works.
 */
import { readFileSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { extname, join, normalize } from 'node:path';
import type { Browser, BrowserContext } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchBrowser } from '../helpers/browser.js';
import { project, talkdeck } from '../helpers/cli.js';
import { startServe, type Served } from '../helpers/serve-process.mjs';

const DECK = join(import.meta.dirname, 'serve-framing-deck');
const QUERY = '?receiver&postMessage=true&postMessageEvents=true';

/** The attacker's page: frames and a window on `target`, asking each for notes every 100 ms. */
function attackerPage(target: string): string {
  return `<!doctype html><meta charset="utf-8"><title>attacker</title>
<iframe id="plain" src="${target}"></iframe>
<iframe id="receiver" src="${target}${QUERY}"></iframe>
<script>
window.got = [];
addEventListener('message', (e) => got.push(String(e.data)));
window.win = window.open(${JSON.stringify(target + QUERY)}, 'deck');
const ask = JSON.stringify({ method: 'getSlideNotes' });
const next = JSON.stringify({ method: 'next' });
setInterval(() => {
  for (const w of [...document.querySelectorAll('iframe')].map((f) => f.contentWindow).concat(window.win)) {
    try { w.postMessage(ask, '*'); w.postMessage(next, '*'); } catch (e) {}
  }
}, 100);
</script>`;
}

/** A loopback HTTP server: the attacker page at `/attack`, else files of `root` (if given), no extra headers. */
function plainServer(page: () => string, root?: string): Promise<{ server: Server; origin: string }> {
  const types: Record<string, string> = { '.html': 'text/html', '.js': 'text/javascript', '.css': 'text/css', '.woff2': 'font/woff2' };
  const server = createServer((req, res) => {
    const path = (req.url ?? '/').split('?')[0]!;
    if (path === '/attack') return void res.writeHead(200, { 'Content-Type': 'text/html' }).end(page());
    if (!root) return void res.writeHead(404).end();
    const file = join(root, normalize(decodeURIComponent(path === '/' ? '/index.html' : path)));
    let body: Buffer;
    try {
      body = readFileSync(file);
    } catch {
      return void res.writeHead(404).end();
    }
    res.writeHead(200, { 'Content-Type': types[extname(file)] ?? 'application/octet-stream' }).end(body);
  });
  return new Promise((resolve) =>
    server.listen(0, '127.0.0.1', () => resolve({ server, origin: `http://127.0.0.1:${(server.address() as AddressInfo).port}` })),
  );
}

let browser: Browser;
let served: Served;
let cwd: string;
const servers: Server[] = [];

beforeAll(async () => {
  cwd = project({ framing: DECK });
  expect(talkdeck(cwd, ['build', 'framing']).code).toBe(0);
  [served, browser] = await Promise.all([startServe(cwd, ['framing']), launchBrowser()]);
});

afterAll(async () => {
  await browser?.close();
  await served?.stop();
  await Promise.all(servers.map((s) => new Promise((r) => s.close(r))));
});

/** Opens the attacker page against `target` and returns what it received within a few seconds. */
async function probe(context: BrowserContext, target: string): Promise<{ got: string[]; windowClosed: boolean }> {
  const attacker = await plainServer(() => attackerPage(target));
  servers.push(attacker.server);
  const page = await context.newPage();
  await page.goto(`${attacker.origin}/attack`);
  await page.waitForTimeout(3000);
  return page.evaluate(() => {
    const w = window as unknown as { got: string[]; win: Window | null };
    return { got: w.got, windowClosed: !w.win || w.win.closed };
  });
}

describe('talkdeck serve and other origins', () => {
  it('the probe reads notes from the same deck served without talkdeck’s headers', { timeout: 60_000 }, async () => {
    const open = await plainServer(() => '', join(cwd, 'dist/framing'));
    servers.push(open.server);
    const context = await browser.newContext();
    const { got } = await probe(context, `${open.origin}/`);
    expect(got.some((m) => m.includes('SECRET-NOTE'))).toBe(true);
    await context.close();
  });

  it('refuses framing and window handles from another origin: no notes leave', { timeout: 60_000 }, async () => {
    const context = await browser.newContext();
    const { got, windowClosed } = await probe(context, served.url);
    expect(got.filter((m) => m.includes('SECRET-NOTE') || m.includes('"namespace":"reveal"'))).toEqual([]);
    expect(windowClosed, 'the opened window is cut off from its opener (COOP)').toBe(true);
    // Nothing of the deck was shown inside the attacker's frames.
    const page = context.pages()[0]!;
    for (const frame of page.frames().slice(1)) {
      const revealed = await frame.evaluate(() => typeof (window as unknown as { Reveal?: unknown }).Reveal).catch(() => 'blocked');
      expect(revealed).not.toBe('object');
    }
    await context.close();
  });

  it('the speaker view still shows notes and steers its previews', { timeout: 60_000 }, async () => {
    const context = await browser.newContext();
    const page = await context.newPage();
    await page.goto(served.url);
    await page.waitForFunction(() => (window as unknown as { Reveal?: { isReady(): boolean } }).Reveal?.isReady());
    const [popup] = await Promise.all([page.waitForEvent('popup'), page.keyboard.press('s')]);
    await popup.waitForFunction(() => document.getElementById('td-notes')?.textContent?.includes('SECRET-NOTE-ONE'));
    await page.keyboard.press('ArrowRight');
    await popup.waitForFunction(() => document.getElementById('td-notes')?.textContent?.includes('SECRET-NOTE-TWO'));
    // Both previews (this slide and the next) are framed pages of their own; the second may be
    // still on its way when the notes arrive.
    const previewFrames = () => popup.frames().filter((f) => f.url().includes('?receiver'));
    await expect.poll(() => previewFrames().length, { timeout: 15_000 }).toBe(2);
    const previews = previewFrames();
    // The preview may still be loading reveal.js: wait for it to be ready before asking where it is.
    type R = { Reveal?: { isReady?(): boolean; getIndices(): { h: number } } };
    await previews[0]!.waitForFunction(() => {
      const reveal = (window as unknown as R).Reveal;
      return reveal?.isReady?.() === true && reveal.getIndices().h === 1;
    });
    await context.close();
  });
});
