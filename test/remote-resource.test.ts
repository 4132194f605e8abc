/**
 * One rule for remote files (issue 22, item 4; issue 19, notes): an image slide's `src`, a
 * Markdown image in a bullet or in the notes, a background and a `url()` in style.css are all
 * `remote-resource`, reported where they are named, at the severity the deck gives the rule —
 * an error in YAML decks, a warning in Markdown decks — and a page admits exactly those URLs.
 */
import { cpSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parse as parseHtml, type HTMLElement } from 'node-html-parser';
import { describe, expect, it } from 'vitest';
import { buildFolder, fixture } from './helpers/build.js';
import { talkdeck } from './helpers/cli.js';

const ACCEPTED = fixture('issue-22/remote-accepted');
const MD_NOTES = fixture('issue-22/remote-md-notes');

/** Each problem as `line:column code severity path`. */
const places = (problems: { line?: number; column?: number; code: string; severity: string; path?: string; file?: string }[]): string[] =>
  problems.map((p) => `${p.file?.replace(/^.*\//, '')}:${p.line}:${p.column} ${p.code} ${p.severity} ${p.path ?? ''}`.trim());

const EXPECTED_PLACES = [
  'deck.yaml:6:9 remote-resource %s slides[0].points[0]',
  'deck.yaml:7:12 remote-resource %s slides[0].notes',
  'deck.yaml:11:10 remote-resource %s slides[1].src',
  'deck.yaml:16:17 remote-resource %s slides[2].background',
  'style.css:1:18 remote-resource %s',
];

function policy(html: string): Record<string, string[]> {
  const meta = parseHtml(html).querySelector('meta[http-equiv="Content-Security-Policy"]')!;
  return Object.fromEntries(
    meta
      .getAttribute('content')!
      .split(';')
      .map((d) => d.trim().split(/\s+/))
      .map(([name, ...sources]) => [name!, sources]),
  );
}

describe('a YAML deck', () => {
  it('reports every remote file as remote-resource, an error by default, where it is named', async () => {
    const dir = join(mkdtempSync(join(tmpdir(), 'talkdeck-remote-')), 'remote-refused');
    cpSync(ACCEPTED, dir, { recursive: true });
    writeFileSync(join(dir, 'deck.yaml'), readFileSync(join(dir, 'deck.yaml'), 'utf8').replace('lint: { remote-resource: warning }\n', '\n'));
    const result = await buildFolder(dir);
    expect(places(result.errors)).toEqual(EXPECTED_PLACES.map((p) => p.replace('%s', 'error')));
    expect(result.errors[2]!.message).toBe('Slide 2 loads an image https://example.org/map.png from the network: it is missing when the deck is shown offline');
    expect(result.files.size).toBe(0);
  });

  it('with `lint: { remote-resource: warning }`, builds with the files kept and admitted by the page, one by one', async () => {
    const result = await buildFolder(ACCEPTED);
    expect(result.errors).toEqual([]);
    expect(places(result.warnings)).toEqual(EXPECTED_PLACES.map((p) => p.replace('%s', 'warning')));
    const html = (result.files.get('index.html') as { content: string }).content;
    const page = parseHtml(html);
    expect(page.querySelectorAll('img').map((i) => i.getAttribute('src'))).toEqual([
      'https://example.org/logo.png',
      'https://example.org/notes-chart.png',
      'https://example.org/map.png',
    ]);
    expect(page.querySelector('#outlook')!.getAttribute('data-background-image')).toBe('https://example.org/sky.jpg');
    const csp = policy(html);
    expect(csp['img-src']).toEqual([
      "'self'",
      'data:',
      'https://example.org/logo.png',
      'https://example.org/map.png',
      'https://example.org/notes-chart.png',
      'https://example.org/sky.jpg',
      'https://example.org/texture.png',
    ]);
    expect(csp['font-src']).toEqual(["'self'", 'data:', 'https://example.org/texture.png']);
  });

  it('cannot hide them: the deck’s own `off` counts as a warning; only the person building silences the rule', async () => {
    const dir = join(mkdtempSync(join(tmpdir(), 'talkdeck-remote-')), 'remote-hidden');
    cpSync(ACCEPTED, dir, { recursive: true });
    writeFileSync(join(dir, 'deck.yaml'), readFileSync(join(dir, 'deck.yaml'), 'utf8').replace('remote-resource: warning', 'remote-resource: off'));
    const hidden = await buildFolder(dir);
    expect(hidden.errors).toEqual([]);
    expect(places(hidden.warnings)).toEqual(EXPECTED_PLACES.map((p) => p.replace('%s', 'warning')));
    const off = { lint: { 'remote-resource': 'off' as const } };
    expect((await buildFolder(dir, { cli: off })).warnings).toEqual([]);
    expect((await buildFolder(dir, { config: off })).warnings).toEqual([]);
  });

  it('cannot put a remote picture into a PowerPoint file: a located error, no stack trace', () => {
    const dir = mkdtempSync(join(tmpdir(), 'talkdeck-remote-'));
    cpSync(ACCEPTED, join(dir, 'remote'), { recursive: true });
    const run = talkdeck(dir, ['pptx', 'remote']);
    expect(run.code).toBe(1);
    expect(run.stderr).toContain(
      'remote/deck.yaml:11:10: error: Slide 2 shows an image from the network (https://example.org/map.png); a PowerPoint file carries its pictures inside it, and talkdeck never downloads one [remote-resource]',
    );
    expect(run.stderr).not.toMatch(/^\s+at /m);
  });
});

describe('a Markdown deck: notes follow the body’s rule (issue 19)', () => {
  it('a remote image in the notes is the same warning as in the body, at the notes’ line', async () => {
    const result = await buildFolder(MD_NOTES);
    expect(result.errors).toEqual([]);
    expect(places(result.warnings)).toEqual(['deck.md:6:1 remote-resource warning slides[0].notes', 'deck.md:12:1 remote-resource warning slides[1].body']);
  });

  it('every output keeps it: the page (notes and policy), the single file, both handouts', () => {
    const dir = mkdtempSync(join(tmpdir(), 'talkdeck-remote-'));
    cpSync(MD_NOTES, join(dir, 'notes'), { recursive: true });
    for (const args of [['build'], ['build', '--single-file'], ['handout'], ['handout', '--format', 'md'], ['pptx']]) {
      const run = talkdeck(dir, [...args, 'notes/deck.md']);
      expect(run.code, `${args.join(' ')}: ${run.stderr}`).toBe(0);
      expect(run.stderr, args.join(' ')).toContain('deck.md:6:1: warning: Slide 1 loads an image https://example.org/chart.png from the network');
    }
    const notesImage = (html: string): HTMLElement | null => parseHtml(html).querySelector('aside.notes img');
    for (const file of ['dist/notes/index.html', 'dist/notes.html']) {
      const html = readFileSync(join(dir, file), 'utf8');
      expect(notesImage(html)?.getAttribute('src'), file).toBe('https://example.org/chart.png');
      expect(policy(html)['img-src'], file).toContain('https://example.org/chart.png');
    }
    const handout = readFileSync(join(dir, 'dist/notes-handout.html'), 'utf8');
    expect(parseHtml(handout).querySelectorAll('img').map((i) => i.getAttribute('src'))).toContain('https://example.org/chart.png');
    expect(policy(handout)['img-src']).toContain('https://example.org/chart.png');
    expect(readFileSync(join(dir, 'dist/notes-handout.md'), 'utf8')).toContain('![the chart](https://example.org/chart.png)');
  });
});
