/**
 * Prints a built deck to PDF through reveal.js's print view in the user's own Chrome or
 * Chromium (playwright-core drives it; talkdeck never downloads a browser). One browser serves
 * every deck of a run; each deck gets a fresh context that may load nothing but local files.
 */
import { pathToFileURL } from 'node:url';
import type { Browser, BrowserContext } from 'playwright-core';
import { TalkdeckError } from '../core/base/errors.js';
import { HEADLESS_ARGS } from './find-browser.js';

export interface PrintRequest {
  /** The deck's index.html on disk. */
  htmlFile: string;
  /** A page of speaker notes after each slide that has notes. */
  notes: boolean;
  /** Labels for the notes pages, in the deck's language. */
  labels: { notes: string; slide: string };
  /** The whole print of this deck; on expiry its pages are closed and a TalkdeckError thrown. */
  timeoutMs: number;
  onProgress?: (text: string) => void;
}

export interface PrintResult {
  pdf: Uint8Array;
  slides: number;
  /** Network addresses the deck tried to load; blocked, so the PDF is made offline. */
  blocked: string[];
}

export interface Printer {
  print(request: PrintRequest): Promise<PrintResult>;
  close(): Promise<void>;
}

declare global {
  interface Window {
    __talkdeckPdfReady?: boolean;
    /** Set by talkdeck's fit plugin (templates/plugins/fit.js) when every slide fits. */
    __talkdeckFitted?: boolean;
  }
}

export async function launchPrinter(executablePath: string, timeoutMs: number): Promise<Printer> {
  const { chromium } = await import('playwright-core');
  let browser: Browser;
  try {
    browser = await chromium.launch({
      executablePath,
      headless: true,
      args: HEADLESS_ARGS.filter((a) => a !== '--headless'),
      // Starting the browser is not the deck's printing time; a slow first start is common.
      timeout: Math.max(timeoutMs, 30_000),
    });
  } catch (cause) {
    throw new TalkdeckError({
      code: 'browser',
      message: `The browser at ${executablePath} could not be started: ${firstLine(cause)}`,
      hint: 'check that it is Chrome, Chromium or Edge and runs on this computer, or point --browser-path / CHROME_PATH at another one',
      cause,
    });
  }
  return {
    print: (request) => printDeck(browser, request),
    close: () => browser.close(),
  };
}

async function printDeck(browser: Browser, req: PrintRequest): Promise<PrintResult> {
  let context: BrowserContext | undefined;
  let timer: NodeJS.Timeout | undefined;
  const expired = new Promise<never>((_, reject) => {
    timer = setTimeout(() => {
      reject(
        new TalkdeckError({
          code: 'browser',
          message: `The browser did not finish the PDF within ${formatSeconds(req.timeoutMs)}`,
          hint: 'a slow computer or a very large deck may need more time: pass e.g. --timeout 180 (seconds)',
        }),
      );
    }, req.timeoutMs);
  });
  try {
    // A page can wait forever (for a browser that hangs, or even on a context closed under
    // it), so the work races the clock instead of being cancelled from inside.
    return await Promise.race([
      (async () => {
        context = await browser.newContext();
        return render(context, req);
      })(),
      expired,
    ]);
  } catch (cause) {
    if (cause instanceof TalkdeckError) throw cause;
    throw new TalkdeckError({
      code: 'browser',
      message: `The browser failed while printing: ${firstLine(cause)}`,
      hint: 'run again with --debug for details; if it keeps failing, try another browser with --browser-path',
      cause,
    });
  } finally {
    clearTimeout(timer);
    // Closing is best effort and bounded: the browser itself is closed at the end of the run.
    await Promise.race([context?.close().catch(() => undefined), new Promise((done) => setTimeout(done, 2000).unref())]);
  }
}

async function render(context: BrowserContext, req: PrintRequest): Promise<PrintResult> {
  const blocked: string[] = [];
  await context.route(
    (url) => url.protocol !== 'file:' && url.protocol !== 'data:',
    (route) => {
      blocked.push(route.request().url());
      return route.abort('internetdisconnected');
    },
  );
  const page = await context.newPage();
  // reveal.js announces the finished print layout with a `pdf-ready` event on its element.
  await page.addInitScript(() => document.addEventListener('pdf-ready', () => (window.__talkdeckPdfReady = true)));
  req.onProgress?.('laying out slides');
  // Print view, at most one page per slide; --notes adds reveal's notes page after a slide.
  // No margin: a page is the slide box itself, 1280×720 px = 960×540 pt for 16:9, the page size
  // PowerPoint and Marp give a 16:9 slide (reveal.js adds its 4 % screen margin otherwise).
  const query = `?print-pdf&pdfMaxPagesPerSlide=1&margin=0${req.notes ? '&showNotes=separate-page' : ''}`;
  await page.goto(pathToFileURL(req.htmlFile).href + query, { timeout: 0 });
  await page.waitForFunction(() => window.__talkdeckPdfReady === true, undefined, { timeout: 0 });
  await page.evaluate(() => document.fonts.ready.then(() => undefined));
  // Slides that overflow are shrunk to fit in the page, as on screen (a page template without
  // the plugin has nothing to wait for).
  await page.waitForFunction(() => window.__talkdeckFitted === true || !document.querySelector('script[src$="plugin/fit.js"]'), undefined, { timeout: 0 });

  const slides = await page.evaluate(() => document.querySelectorAll('.pdf-page').length);
  // Images are decoded one slide at a time, so none is printed blank; it is also the part of
  // the work that grows with the slides, which makes it the honest thing to count.
  await page.exposeFunction('__talkdeckProgress', (n: number) => req.onProgress?.(`slide ${n} of ${slides}`));
  await page.evaluate(async () => {
    const pages = [...document.querySelectorAll('.pdf-page')];
    const report = (window as unknown as { __talkdeckProgress: (n: number) => Promise<void> }).__talkdeckProgress;
    for (const [i, p] of pages.entries()) {
      await Promise.all([...p.querySelectorAll('img')].map((img) => img.decode().catch(() => undefined)));
      await report(i + 1);
    }
  });
  if (req.notes) await page.evaluate(labelNotesPages, req.labels);

  req.onProgress?.(`printing ${slides} slides`);
  const pdf = await page.pdf({ preferCSSPageSize: true, printBackground: true, tagged: true, outline: true });
  return { pdf, slides, blocked };
}

function formatSeconds(ms: number): string {
  return `${Number((ms / 1000).toFixed(3))} s`;
}

/**
 * Runs in the page: heads each notes page with the slide it belongs to ("Notizen · Folie 3 ·
 * title"), in the deck's language, instead of reveal's English "Speaker notes".
 */
function labelNotesPages(labels: { notes: string; slide: string }): void {
  document.querySelectorAll('.speaker-notes-pdf[data-layout="separate-page"]').forEach((notes) => {
    const slidePage = notes.previousElementSibling;
    const section = slidePage?.querySelector('section');
    const title = section?.querySelector('.td-title')?.textContent?.trim();
    // The slide's own label: its number, or A1, A2, … in the backup part.
    const number = section?.getAttribute('data-label') ?? String([...document.querySelectorAll('.pdf-page')].indexOf(slidePage as Element) + 1);
    const heading = document.createElement('p');
    heading.className = 'td-notes-heading';
    heading.textContent = [labels.notes, `${labels.slide} ${number}`, title].filter(Boolean).join(' · ');
    notes.prepend(heading);
  });
}

function firstLine(error: unknown): string {
  return (error instanceof Error ? error.message : String(error)).split('\n')[0] ?? '';
}
