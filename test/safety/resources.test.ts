/**
 * The resource rule (src/core/base/resources.ts) through the real CLI: one folder per case under
 * test/safety/<case>/ — `deck/` is the deck, `expected.json` what must happen. A refused
 * reference exits 1 with its place and writes nothing; a contained one exits 0 with the files
 * it names copied and nothing from outside the deck folder in dist/. Every run is measured
 * with GNU time: hostile input must not cost memory either.
 */
import { cpSync, existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';
import { parse, type DefaultTreeAdapterMap } from 'parse5';
import { describe, expect, it } from 'vitest';
import { talkdeck } from '../helpers/cli.js';
import { measuredTalkdeck } from '../helpers/measured.js';

const HERE = import.meta.dirname;
const SECRET = 'TOP-SECRET-OUTSIDE-THE-DECK';

interface Expected {
  code: 0 | 1;
  /** Beginnings of lines that must be in stderr (file:line:column: error: message). */
  errors?: string[];
  /** Output files (under dist/<case>/) that must be there. */
  copied?: string[];
  notCopied?: string[];
  /** Text the page must contain. */
  html?: string;
  /** Links to create before the run (git does not carry links that point outside a checkout). */
  setup?: 'templates-link-outside' | 'template-file-link-outside' | 'templates-link-inside' | 'style-link-outside';
}

const cases = readdirSync(HERE, { withFileTypes: true })
  .filter((d) => d.isDirectory() && existsSync(join(HERE, d.name, 'expected.json')))
  .map((d) => d.name)
  .sort();

/** A project with the case's deck under content/<case>/ and secrets beside it, where an escape would find them. */
function projectFor(name: string, expected: Expected): string {
  const dir = mkdtempSync(join(tmpdir(), 'talkdeck-safety-'));
  const deck = join(dir, 'content', name);
  cpSync(join(HERE, name, 'deck'), deck, { recursive: true });
  const svg = `<svg xmlns="http://www.w3.org/2000/svg"><title>${SECRET}</title></svg>\n`;
  writeFileSync(join(dir, 'secret.svg'), svg);
  writeFileSync(join(dir, 'content', 'secret.svg'), svg);
  const outside = join(dir, 'outside-templates');
  mkdirSync(join(outside, 'partials'), { recursive: true });
  writeFileSync(join(outside, 'partials', 'heading.hbs'), `<h2>${SECRET}</h2>\n`);
  if (expected.setup === 'templates-link-outside') symlinkSync(outside, join(deck, 'templates'));
  if (expected.setup === 'template-file-link-outside') {
    mkdirSync(join(deck, 'templates', 'partials'), { recursive: true });
    symlinkSync(join(outside, 'partials', 'heading.hbs'), join(deck, 'templates', 'partials', 'heading.hbs'));
  }
  if (expected.setup === 'templates-link-inside') symlinkSync('shared', join(deck, 'templates'));
  if (expected.setup === 'style-link-outside') {
    writeFileSync(join(dir, 'outside.css'), `h2::after { content: "${SECRET}"; }\n`);
    symlinkSync(join(dir, 'outside.css'), join(deck, 'style.css'));
  }
  return dir;
}

function files(dir: string): string[] {
  return readdirSync(dir, { recursive: true, withFileTypes: true })
    .filter((e) => e.isFile())
    .map((e) => relative(dir, join(e.parentPath, e.name)).split('\\').join('/'));
}

/** Every URL the page loads (img src, link href, script src), as written. */
function loadedUrls(html: string): string[] {
  const urls: string[] = [];
  const visit = (node: DefaultTreeAdapterMap['parentNode']): void => {
    for (const child of node.childNodes) {
      if (!('tagName' in child)) continue;
      const attr = (n: string): string | undefined => child.attrs.find((a) => a.name === n)?.value;
      if (child.tagName === 'img' && attr('src') !== undefined) urls.push(attr('src')!);
      if (child.tagName === 'script' && attr('src') !== undefined) urls.push(attr('src')!);
      if (child.tagName === 'link' && attr('href') !== undefined) urls.push(attr('href')!);
      visit(child);
    }
  };
  visit(parse(html));
  return urls;
}

describe.each(cases)('safety case %s', (name) => {
  const expected = JSON.parse(readFileSync(join(HERE, name, 'expected.json'), 'utf8')) as Expected;

  it(expected.code === 0 ? 'builds, copying only files of the deck folder' : 'is refused with its place, writing nothing', () => {
    const dir = projectFor(name, expected);
    const r = measuredTalkdeck(dir, ['build']);
    expect(r.stderr).not.toMatch(/^\s+at /m); // no stack trace
    if (r.maxRssMb !== undefined) expect(r.maxRssMb).toBeLessThan(1024);
    expect(r.code, r.stderr).toBe(expected.code);
    for (const line of expected.errors ?? []) expect(r.stderr).toContain(line);
    if (expected.code === 1) {
      expect(existsSync(join(dir, 'dist'))).toBe(false);
      return;
    }
    const out = join(dir, 'dist', name);
    const built = files(out);
    for (const f of expected.copied ?? []) expect(built).toContain(f);
    for (const f of expected.notCopied ?? []) expect(built).not.toContain(f);
    for (const f of built) expect(readFileSync(join(out, f), 'utf8'), f).not.toContain(SECRET);
    const html = readFileSync(join(out, 'index.html'), 'utf8');
    if (expected.html) expect(html).toContain(expected.html);
    // Everything the page loads is a relative path to a file that was built.
    for (const url of loadedUrls(html)) {
      expect(url).not.toMatch(/^([a-z]+:|\/)/i);
      expect(built, url).toContain(decodeURIComponent(url.replace(/[?#].*$/, '')));
    }
  });
});

describe('the same rule in every command', () => {
  // Every command builds through the same DeckBuilder; one case per kind of reference (deck
  // text, stylesheet, templates) through all of them keeps the suite quick.
  it.each([
    ['md-image-remote', [['check'], ['check', '--strict'], ['build', '--single-file'], ['handout'], ['handout', '--format', 'md'], ['pdf']]],
    ['css-url-outside', [['check'], ['build', '--single-file'], ['handout']]],
    ['templates-link-outside', [['check'], ['handout', '--format', 'md']]],
  ])('%s: every command refuses it alike', { timeout: 120_000 }, (name, commands) => {
    const expected = JSON.parse(readFileSync(join(HERE, name, 'expected.json'), 'utf8')) as Expected;
    const dir = projectFor(name, expected);
    for (const args of commands) {
      const r = talkdeck(dir, args);
      expect(r.code, `${args.join(' ')}: ${r.stderr}`).toBe(1);
      expect(r.stderr).toContain(expected.errors![0]!);
      expect(r.stderr).not.toMatch(/^\s+at /m);
    }
    expect(existsSync(join(dir, 'dist'))).toBe(false);
  });

  it('the single file carries every file free Markdown loads (CSS, data-src, srcset, SVG href) as data URIs', () => {
    const dir = projectFor('md-html-local-loads', { code: 0 });
    expect(talkdeck(dir, ['build', '--single-file']).code).toBe(0);
    const html = readFileSync(join(dir, 'dist/md-html-local-loads.html'), 'utf8');
    expect(html.match(/assets\/[^"')\s]*/g) ?? []).toEqual([]);
    expect(html).toContain('data-src="data:image/png;base64,');
  });

  it('a contained deck gives its inline images to the single file and the HTML handout as data URIs', () => {
    const dir = projectFor('md-image-local', { code: 0 });
    for (const args of [['build', '--single-file'], ['handout']]) expect(talkdeck(dir, args).code).toBe(0);
    for (const file of ['dist/md-image-local.html', 'dist/md-image-local-handout.html']) {
      const urls = loadedUrls(readFileSync(join(dir, file), 'utf8')).filter((u) => !u.startsWith('#'));
      expect(urls.length, file).toBeGreaterThan(0);
      for (const url of urls) expect(url, file).toMatch(/^data:/);
    }
  });
});
