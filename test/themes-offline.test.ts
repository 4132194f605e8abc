// A reveal.js theme with web fonts through every output, by the real CLI: the built folder carries
// its theme's font files and licences and nothing else, the single file has them inlined, and
// the PDF has them embedded. night: Montserrat headings, Open Sans text (from Google Fonts online).
import { execFileSync } from 'node:child_process';
import { cpSync, mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parse } from 'node-html-parser';
import postcss from 'postcss';
import { beforeAll, describe, expect, it } from 'vitest';
import { fixture } from './helpers/build.js';
import { runCli } from './helpers/cli.js';

let dir: string;

beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'talkdeck-theme-outputs-'));
  cpSync(fixture('reveal-themes'), join(dir, 'night'), { recursive: true });
  const deck = join(dir, 'night', 'deck.yaml');
  writeFileSync(deck, readFileSync(deck, 'utf8').replace(/^theme: briefing$/m, 'theme: night'));
});

describe('a theme with web fonts, offline in every output', () => {
  it('build: the theme without its import, and exactly its faces, in the subsets the text uses', async () => {
    const r = await runCli(dir, ['build', 'night']);
    expect(r.code, r.stderr).toBe(0);
    const out = join(dir, 'dist', 'night', 'theme');
    expect(readFileSync(join(out, 'night.css'), 'utf8')).not.toMatch(/@import|googleapis/);
    // The deck's text has Łódź and Ærø: Latin Extended too; the closing slide's → is in Open
    // Sans's `math` and `symbols` ranges (a browser loads every declared face whose range holds a
    // character it shows); no Cyrillic, Greek or Vietnamese.
    expect(readdirSync(join(out, 'fonts')).sort()).toEqual([
      'LICENSE-montserrat',
      'LICENSE-open-sans',
      'montserrat-latin-700-normal.woff2',
      'montserrat-latin-ext-700-normal.woff2',
      ...['latin', 'latin-ext', 'math', 'symbols'].flatMap((s) => ['400-italic', '400-normal', '700-italic', '700-normal'].map((f) => `open-sans-${s}-${f}.woff2`)),
    ].sort());
    const faces: string[] = [];
    postcss.parse(readFileSync(join(out, 'fonts.css'), 'utf8')).walkAtRules('font-face', (rule) => {
      const get = (prop: string): string | undefined => rule.nodes?.find((n): n is postcss.Declaration => n.type === 'decl' && n.prop === prop)?.value;
      faces.push(`${get('font-family')} ${get('font-weight')} ${get('font-style')} ${get('src')}`);
    });
    expect(faces).toContain('"Montserrat" 700 normal url("fonts/montserrat-latin-700-normal.woff2") format("woff2")');
    expect(faces).toContain('"Open Sans" 400 italic url("fonts/open-sans-latin-ext-400-italic.woff2") format("woff2")');
    expect(faces).toHaveLength(18);
    const page = parse(readFileSync(join(dir, 'dist', 'night', 'index.html'), 'utf8'));
    expect(page.querySelectorAll('link[rel=stylesheet]').map((l) => l.getAttribute('href'))).toEqual([
      'reveal/reset.css', 'reveal/reveal.css', 'theme/fonts.css', 'theme/night.css', 'theme/layouts.css', 'highlight/github-dark.css',
    ]);
  }, 60_000);

  it('single file: the fonts inlined as data: URIs, nothing left to fetch', async () => {
    const r = await runCli(dir, ['build', 'night', '--single-file']);
    expect(r.code, r.stderr).toBe(0);
    const html = readFileSync(join(dir, 'dist', 'night.html'), 'utf8');
    const css = parse(html).querySelectorAll('style').map((s) => s.textContent).join('\n');
    const sources: string[] = [];
    postcss.parse(css).walkAtRules('font-face', (rule) => rule.walkDecls('src', (d) => void sources.push(d.value)));
    expect(sources).toHaveLength(18);
    for (const src of sources) expect(src.slice(0, 40)).toMatch(/^url\("?data:font\/woff2;base64,/);
    expect(html).not.toMatch(/googleapis|url\("?fonts\//);
  }, 60_000);

  it('PDF: the text set in the theme’s own faces, embedded', async () => {
    const r = await runCli(dir, ['pdf', 'night']);
    expect(r.code, r.stderr).toBe(0);
    const fonts = execFileSync('pdffonts', [join(dir, 'dist', 'night.pdf')], { encoding: 'utf8' });
    expect(fonts).toMatch(/Montserrat/);
    expect(fonts).toMatch(/OpenSans|Open Sans/);
  }, 120_000);
});
