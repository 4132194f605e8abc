// Issue 10's small things of the look, in real Chromium and in the printed PDF: the marking in
// the speaker view's previews, the slide number next to the arrows in every theme, an image's
// caption and credit, and the title page's accent band in the PDF.
import { execFileSync } from 'node:child_process';
import { cpSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { fixture } from './helpers/build.js';
import { launchBrowser } from './helpers/browser.js';
import { runCli, talkdeck } from './helpers/cli.js';

const THEMES = ['briefing', 'white', 'black', 'white-contrast', 'black-contrast'];
let browser: Browser;
let dir: string;

beforeAll(async () => {
  // One copy of the fixture deck per theme, side by side.
  dir = mkdtempSync(join(tmpdir(), 'talkdeck-look-'));
  const text = readFileSync(join(fixture('issue-10-look'), 'deck.yaml'), 'utf8');
  for (const theme of THEMES) {
    cpSync(fixture('issue-10-look'), join(dir, 'content', theme), { recursive: true });
    writeFileSync(join(dir, 'content', theme, 'deck.yaml'), text.replace(/^lang: en$/m, `lang: en\ntheme: ${theme}`));
  }
  const r = talkdeck(dir, ['build']);
  expect(r.code, r.stderr).toBe(0);
  browser = await launchBrowser();
}, 60_000);

afterAll(async () => {
  await browser?.close();
});

type Reveal = { isReady(): boolean; slide(h: number): void; getIndices(): { h: number } };
const deckUrl = (theme: string, slide = ''): string => pathToFileURL(join(dir, 'dist', theme, 'index.html')).href + slide;

async function open(url: string, size = { width: 1280, height: 720 }): Promise<Page> {
  const page = await browser.newPage({ viewport: size });
  await page.goto(url);
  await page.waitForFunction(() => (window as unknown as { Reveal?: Reveal }).Reveal?.isReady());
  return page;
}

describe('the look', () => {
  it("the speaker view's previews shrink the marking with the slide", async () => {
    const page = await open(deckUrl('briefing', '#/1'));
    const [popup] = await Promise.all([page.waitForEvent('popup'), page.keyboard.press('s')]);
    // Generous waits: on a busy machine the two preview frames take seconds to appear.
    await expect.poll(() => popup.frames().filter((f) => f.url().includes('receiver')).length, { timeout: 20_000 }).toBe(2);
    const preview = popup.frames().find((f) => f.url().includes('receiver'))!;
    await preview.waitForFunction(() => (window as unknown as { Reveal?: Reveal }).Reveal?.isReady(), undefined, { timeout: 20_000 });
    const m = await preview.evaluate(() => {
      const marking = document.querySelector('.td-marking')!;
      const slide = document.querySelector('.slides > section.present')!.getBoundingClientRect();
      const box = marking.getBoundingClientRect();
      return { font: parseFloat(getComputedStyle(marking).fontSize), slideHeight: slide.height, bottom: box.bottom, viewport: innerHeight };
    });
    // In proportion to the slide (16px of 720), not 16px on a slide a third that tall.
    expect(m.slideHeight).toBeLessThan(500);
    expect(m.font / m.slideHeight).toBeCloseTo(16 / 720, 2);
    expect(m.bottom).toBeLessThanOrEqual(m.viewport);
    await page.close();
  }, 60_000);

  it('the marking keeps its size on a full-size slide', async () => {
    const page = await open(deckUrl('briefing', '#/1'), { width: 1920, height: 1080 });
    const m = await page.evaluate(() => ({
      font: parseFloat(getComputedStyle(document.querySelector('.td-marking')!).fontSize),
      slideHeight: document.querySelector('.slides > section.present')!.getBoundingClientRect().height,
    }));
    expect(m.font / m.slideHeight).toBeCloseTo(16 / 720, 2);
    expect(m.font).toBeGreaterThan(16);
    await page.close();
  });

  it('in every theme the slide number sits left of the arrows, not under the next-arrow', async () => {
    const page = await browser.newPage();
    for (const theme of THEMES) {
      for (const size of [
        { width: 1280, height: 720 },
        { width: 800, height: 600 },
      ]) {
        await page.setViewportSize(size);
        await page.goto(deckUrl(theme, '#/1'));
        await page.waitForFunction(() => (window as unknown as { Reveal?: Reveal }).Reveal?.isReady());
        const boxes = await page.evaluate(() => {
          const rect = (s: string): DOMRect => document.querySelector(s)!.getBoundingClientRect();
          return { number: rect('.slide-number'), arrows: rect('.controls'), right: rect('.controls .navigate-right') };
        });
        const where = `${theme} at ${size.width}×${size.height}: ${JSON.stringify(boxes)}`;
        expect(boxes.number.width, where).toBeGreaterThan(0);
        const overlaps = (a: DOMRect, b: DOMRect): boolean => a.left < b.right && b.left < a.right && a.top < b.bottom && b.top < a.bottom;
        expect(overlaps(boxes.number, boxes.right), where).toBe(false);
        expect(boxes.number.right, where).toBeLessThanOrEqual(boxes.arrows.left + 1);
      }
    }
    await page.close();
  }, 60_000);

  it("an image's credit is set apart from its caption, by a separator and its own style", async () => {
    const page = await open(deckUrl('briefing', '#/2'));
    const caption = page.locator('.present figcaption');
    expect((await caption.innerText()).replace(/\s+/g, ' ')).toBe('The talkdeck pipeline · Diagram by the talkdeck team');
    const style = await page.evaluate(() => {
      const of = (s: string): CSSStyleDeclaration => getComputedStyle(document.querySelector(`.present ${s}`)!);
      return { caption: of('.td-caption').fontStyle, credit: of('.td-credit').fontStyle, sizes: [of('.td-caption').fontSize, of('.td-credit').fontSize] };
    });
    expect(style.caption).toBe('normal');
    expect(style.credit).toBe('italic');
    expect(parseFloat(style.sizes[1]!)).toBeLessThan(parseFloat(style.sizes[0]!));
    await page.close();
  });
});

describe('scripts beyond Latin', () => {
  it('draws Greek, Cyrillic and Vietnamese in Source Sans 3, not a fallback face', async () => {
    const page = await open(deckUrl('briefing', '#/3'));
    await page.evaluate(() => document.fonts.ready);
    const cdp = await page.context().newCDPSession(page);
    await cdp.send('DOM.enable');
    await cdp.send('CSS.enable');
    const { root } = await cdp.send('DOM.getDocument', { depth: -1 });
    const fontsOf = async (selector: string): Promise<string[]> => {
      const { nodeId } = await cdp.send('DOM.querySelector', { nodeId: root.nodeId, selector });
      const { fonts } = await cdp.send('CSS.getPlatformFontsForNode', { nodeId });
      return fonts.map((f) => f.familyName);
    };
    for (const selector of ['.present h2', '.present li:nth-child(1)', '.present li:nth-child(2)', '.present li:nth-child(3)']) {
      // The files name themselves "Source Sans 3 …"; a fallback would be e.g. DejaVu Sans.
      const used = await fontsOf(selector);
      expect(used.length, selector).toBeGreaterThan(0);
      for (const family of used) expect(family, selector).toMatch(/^Source Sans 3\b/);
    }
    await page.close();
  });
});

describe('the PDF', () => {
  /** One page of the PDF as RGB pixels (pdftoppm's PPM: a short header, then raw bytes). */
  function page(file: string, n: number): { width: number; height: number; at(x: number, y: number): [number, number, number] } {
    const ppm = execFileSync('pdftoppm', ['-f', String(n), '-l', String(n), '-r', '48', file]);
    const header = /^P6\s+(\d+)\s+(\d+)\s+255\s/.exec(ppm.subarray(0, 40).toString('latin1'))!;
    const [width, height, offset] = [Number(header[1]), Number(header[2]), header[0].length];
    return { width, height, at: (x, y) => [...ppm.subarray(offset + (y * width + x) * 3, offset + (y * width + x) * 3 + 3)] as [number, number, number] };
  }
  const near = (a: number[], b: number[]): boolean => a.every((v, i) => Math.abs(v - b[i]!) <= 24);

  it("draws the title page's accent band, and only there", async () => {
    const r = await runCli(dir, ['pdf', 'briefing']);
    expect(r.code, r.stderr).toBe(0);
    const file = join(dir, 'dist/briefing.pdf');
    const accent = [0x0b, 0x4f, 0x9c];
    // A band of the accent colour across the top of the title page (16px of 720: about 5 rows
    // of this rendering, a few rows below the edge where reveal.js's print view places the slide).
    const band = (p: ReturnType<typeof page>): boolean =>
      Array.from({ length: Math.ceil(p.height * 0.06) }, (_, y) => y).some((y) =>
        [0.1, 0.5, 0.9].every((f) => near(p.at(Math.floor(p.width * f), y), accent)),
      );
    const title = page(file, 1);
    expect(band(title), 'accent band on the title page').toBe(true);
    expect(title.at(Math.floor(title.width / 2), Math.floor(title.height * 0.1))).toSatisfy((px: number[]) => near(px, [255, 255, 255]));
    expect(band(page(file, 2)), 'no band on a content slide').toBe(false);
  }, 60_000);
});
