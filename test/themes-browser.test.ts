// Every reveal.js theme, offline, in real Chromium: a deck of the things a theme colours and sets
// (test/fixtures/reveal-themes) built in each, opened from file:// with the network cut. The
// briefing's checks hold for each (test/briefing-browser.test.ts): every slide fits its box and
// keeps the footer clear, and axe-core finds nothing serious — except contrast that the build
// itself warned about (`theme-contrast`), in exactly the colours the warning names. The theme's
// web fonts are the deck's own files, and the text is drawn in them.
import { cpSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { REVEAL_THEMES } from '../src/core/deck/themes.js';
import { fixture } from './helpers/build.js';
import { launchBrowser, recordPage } from './helpers/browser.js';
import { runCli, type Run } from './helpers/cli.js';
import { axePath, layoutProblems, showSlide } from './helpers/layout.js';

/** The faces a theme draws headings and text in, as the font files name themselves. */
const FONTS: Partial<Record<(typeof REVEAL_THEMES)[number], { heading: RegExp; text: RegExp }>> = {
  beige: { heading: /^Source Sans 3\b/, text: /^Source Sans 3\b/ },
  black: { heading: /^Source Sans Pro\b/, text: /^Source Sans Pro\b/ },
  blood: { heading: /^Ubuntu\b/, text: /^Ubuntu\b/ },
  league: { heading: /^League Gothic\b/, text: /^Lato\b/ },
  moon: { heading: /^League Gothic\b/, text: /^Lato\b/ },
  night: { heading: /^Montserrat\b/, text: /^Open Sans\b/ },
  simple: { heading: /^News Cycle\b/, text: /^Lato\b/ },
  sky: { heading: /^Quicksand\b/, text: /^Open Sans\b/ },
  solarized: { heading: /^League Gothic\b/, text: /^Lato\b/ },
};

let dir: string;
let build: Run;
let browser: Browser;

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'talkdeck-themes-'));
  const text = readFileSync(join(fixture('reveal-themes'), 'deck.yaml'), 'utf8');
  for (const theme of REVEAL_THEMES) {
    cpSync(fixture('reveal-themes'), join(dir, 'content', theme), { recursive: true });
    writeFileSync(join(dir, 'content', theme, 'deck.yaml'), text.replace(/^theme: briefing$/m, `theme: ${theme}`));
  }
  [build, browser] = await Promise.all([runCli(dir, ['build']), launchBrowser()]);
}, 120_000);

afterAll(async () => {
  await browser?.close();
});

/** `#a23` → `#aa2233`, as axe-core reports colours. */
const long = (hex: string): string => (hex.length === 4 ? `#${[...hex.slice(1)].map((c) => c + c).join('')}` : hex).toLowerCase();

/** The colours the build's theme-contrast warning names for a theme (none: no warning). */
function warnedColours(theme: string): string[] {
  const line = build.stderr.split('\n').find((l) => l.startsWith(`content/${theme}/deck.yaml:`) && l.endsWith('[theme-contrast]'));
  return [...(line?.matchAll(/(?:text|accents) (#[0-9a-f]{3,6})\b/g) ?? [])].map((m) => long(m[1]!));
}

/** Per axe-core violation: its rule, and for contrast the foreground colour it measured. */
async function violations(page: Page): Promise<{ rule: string; colour?: string; where: string }[]> {
  return page.evaluate(async () => {
    type Node = { target: string[]; any: { data?: { fgColor?: string } }[] };
    const axe = (window as unknown as { axe: { run(c: unknown, o: unknown): Promise<{ violations: { id: string; impact: string; nodes: Node[] }[] }> } }).axe;
    const result = await axe.run(document, { resultTypes: ['violations'], preload: false });
    return result.violations
      .filter((v) => v.impact === 'serious' || v.impact === 'critical')
      .flatMap((v) => v.nodes.map((n) => ({ rule: v.id, colour: n.any[0]?.data?.fgColor, where: n.target.join(' ') })));
  });
}

async function fontsOf(page: Page, selector: string): Promise<string[]> {
  const cdp = await page.context().newCDPSession(page);
  await cdp.send('DOM.enable');
  await cdp.send('CSS.enable');
  const { root } = await cdp.send('DOM.getDocument', { depth: -1 });
  const { nodeId } = await cdp.send('DOM.querySelector', { nodeId: root.nodeId, selector });
  const { fonts } = await cdp.send('CSS.getPlatformFontsForNode', { nodeId });
  await cdp.detach();
  return fonts.map((f) => f.familyName);
}

describe('reveal.js themes, offline', () => {
  it('build, each with warnings only', () => {
    expect(build.code, build.stderr).toBe(0);
    expect(build.stderr).not.toMatch(/error:/);
  });

  for (const theme of REVEAL_THEMES) {
    it(`${theme}: fits, reads (or says it does not), and draws in its own fonts from the deck folder`, async () => {
      const page = await browser.newPage({ viewport: { width: 1280, height: 720 } });
      const log = recordPage(page);
      await page.route(/^https?:/, (route) => route.abort());
      await page.goto(pathToFileURL(join(dir, 'dist', theme, 'index.html')).href);
      await page.waitForFunction(() => (window as unknown as { Reveal?: { isReady(): boolean } }).Reveal?.isReady());
      await page.evaluate(() => (window as unknown as { Reveal: { configure(c: object): void } }).Reveal.configure({ transition: 'none', backgroundTransition: 'none' }));
      await page.evaluate(readFileSync(axePath, 'utf8'));
      const total = await page.evaluate(() => (window as unknown as { Reveal: { getTotalSlides(): number } }).Reveal.getTotalSlides());

      const fit: string[] = [];
      const found: { rule: string; colour?: string; where: string }[] = [];
      for (let i = 0; i < total; i++) {
        fit.push(...(await layoutProblems(page, i)));
        found.push(...(await violations(page)).map((v) => ({ ...v, where: `slide ${i + 1}: ${v.where}` })));
      }
      expect(fit).toEqual([]);
      const allowed = warnedColours(theme);
      const unexplained = found.filter((v) => v.rule !== 'color-contrast' || !allowed.includes(v.colour ?? ''));
      expect(unexplained, `allowed by the warning: ${allowed.join(', ') || 'nothing'}`).toEqual([]);

      const fonts = FONTS[theme];
      if (fonts) {
        await showSlide(page, 1);
        for (const family of await fontsOf(page, '.present h2')) expect(family, 'heading').toMatch(fonts.heading);
        for (const family of await fontsOf(page, '.present li')) expect(family, 'text').toMatch(fonts.text);
      }
      expect(log.pageErrors).toEqual([]);
      expect(log.consoleErrors).toEqual([]);
      const deck = pathToFileURL(join(dir, 'dist', theme)).href + '/';
      expect(log.requests.filter((u) => !u.startsWith(deck) && !u.startsWith('data:'))).toEqual([]);
      await page.close();
    }, 60_000);
  }
});
