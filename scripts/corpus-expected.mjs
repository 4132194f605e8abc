#!/usr/bin/env node
// Computes test/fixtures/markdown-corpus/expected.json with the REAL tools, once, by hand.
// Not run by the tests, and neither tool is a dependency of talkdeck: the expected numbers
// must come from reveal-md and marp-core, never from talkdeck's own parser.
//
//   mkdir -p /tmp/refs && cd /tmp/refs && npm init -y
//   PUPPETEER_SKIP_DOWNLOAD=1 npm i reveal-md@6 @marp-team/marp-core@5 playwright-core
//   REFS=/tmp/refs node scripts/corpus-expected.mjs      # from the repository root
//
// reveal-md decks: `reveal-md deck.md --static out` runs in a copy of the deck's folder (so it
// reads the deck's reveal-md.json from its working folder, as reveal-md does), and the static
// page is opened in Debian's Chromium; after reveal.js's Markdown plugin has split the deck we
// count horizontal slides (`.slides > section`), leaf slides, and leaf slides with notes.
// Marp decks (front matter `marp: true`): marp-core renders them in Node; pages are the
// `<svg data-marpit-svg>` pages of its HTML, notes are its `comments` per page (a page counts when one is non-blank).
import { execFileSync } from 'node:child_process';
import { cpSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync, existsSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';

const refs = resolve(process.env.REFS ?? '/tmp/refs');
const requireRef = createRequire(join(refs, 'package.json'));
const corpus = resolve('test/fixtures/markdown-corpus');
const revealMd = join(refs, 'node_modules/.bin/reveal-md');

const isMarp = (text) => {
  const fm = /^---\r?\n([\s\S]*?)\r?\n---\r?\n/.exec(text);
  return !!fm && /^marp\s*:\s*true\s*$/m.test(fm[1]);
};

function countMarp(text) {
  const { Marp } = requireRef('@marp-team/marp-core');
  const marp = new Marp({ html: true });
  const { html, comments } = marp.render(text);
  // One inline <svg data-marpit-svg> per page (a page with `![bg]` images holds extra <section>s).
  const pages = (html.match(/<svg\b[^>]*\bdata-marpit-svg\b/g) ?? []).length;
  if (pages !== comments.length) throw new Error(`marp-core gave ${pages} pages but ${comments.length} comment lists`);
  const withNotes = comments.filter((page) => page.some((c) => c.trim() !== '')).length;
  return { tool: `marp-core ${requireRef('@marp-team/marp-core/package.json').version}`, horizontal: pages, total: pages, withNotes };
}

async function countRevealMd(dir, browser) {
  const work = mkdtempSync(join(tmpdir(), 'corpus-'));
  try {
    cpSync(dir, work, { recursive: true });
    execFileSync(revealMd, ['deck.md', '--static', 'out'], { cwd: work, stdio: 'pipe', env: { ...process.env, PUPPETEER_SKIP_DOWNLOAD: '1' } });
    const page = await browser.newPage();
    // Only file:// loads: the deck's own remote resources (iframes, images) are not fetched.
    await page.route(/^https?:/, (route) => route.abort());
    await page.goto(pathToFileURL(join(work, 'out', 'index.html')).href);
    await page.waitForFunction(() => globalThis.Reveal?.isReady?.(), null, { timeout: 30000 });
    const counts = await page.evaluate(() => {
      const leaves = [...document.querySelectorAll('.reveal .slides section')].filter((s) => !s.querySelector('section'));
      const hasNotes = (s) => !!s.querySelector('aside.notes') || (s.getAttribute('data-notes') ?? '').trim() !== '';
      return {
        horizontal: document.querySelectorAll('.reveal .slides > section').length,
        total: leaves.length,
        withNotes: leaves.filter(hasNotes).length,
      };
    });
    await page.close();
    return { tool: `reveal-md ${requireRef('reveal-md/package.json').version}`, ...counts };
  } finally {
    rmSync(work, { recursive: true, force: true });
  }
}

const { chromium } = requireRef('playwright-core');
const browser = await chromium.launch({ executablePath: '/usr/bin/chromium' });
const expected = {};
try {
  for (const name of readdirSync(corpus).sort()) {
    const file = join(corpus, name, 'deck.md');
    if (!existsSync(file)) continue;
    const text = readFileSync(file, 'utf8');
    expected[name] = isMarp(text) ? { dialect: 'marp', ...countMarp(text) } : { dialect: 'reveal-md', ...(await countRevealMd(join(corpus, name), browser)) };
    console.log(name, JSON.stringify(expected[name]));
  }
} finally {
  await browser.close();
}
writeFileSync(join(corpus, 'expected.json'), JSON.stringify(expected, null, 2) + '\n');
