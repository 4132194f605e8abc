// `talkdeck init`: a new deck that builds and checks clean in both languages, a modeline that
// finds the schema, and nothing overwritten, ever.
import { existsSync, mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parse as parseYaml } from 'yaml';
import { describe, expect, it } from 'vitest';
import { LAYOUT_NAMES } from '../src/core/deck/layouts.js';
import { planScaffold, schemaReference } from '../src/shell/scaffold.js';
import { ROOT } from './helpers/build.js';
import { project, snapshot, talkdeck } from './helpers/cli.js';

const MODELINE = /^# yaml-language-server: \$schema=(\S+)\n/;

describe.each(['de', 'en'] as const)('talkdeck init --lang %s', (lang) => {
  const dir = project({});
  const made = talkdeck(dir, ['init', 'content/talk', '--lang', lang]);
  const text = existsSync(join(dir, 'content/talk/deck.yaml')) ? readFileSync(join(dir, 'content/talk/deck.yaml'), 'utf8') : '';

  it('creates the deck and says what to do next', () => {
    expect(made.code, made.stderr).toBe(0);
    expect(made.stdout).toContain('created content/talk/deck.yaml');
    expect(made.stdout).toContain('talkdeck check content/talk');
  });

  it('has one commented example of every layout, in the chosen language', () => {
    const deck = parseYaml(text) as { lang: string; slides: { layout?: string }[] };
    expect(deck.lang).toBe(lang);
    const layouts = deck.slides.map((s) => s.layout ?? 'points');
    expect(new Set(layouts)).toEqual(new Set(LAYOUT_NAMES));
    const lines = text.split('\n');
    for (const layout of LAYOUT_NAMES) {
      const first = lines.findIndex((l) => (layout === 'points' ? /^ {2}- title:/ : new RegExp(`^ {2}- layout: ${layout}$`)).test(l));
      expect(lines[first - 1], `comment above the first ${layout} slide`).toMatch(/^ {2}# \S/);
    }
  });

  it('points its modeline at the schema talkdeck ships', () => {
    const m = MODELINE.exec(text);
    expect(m).not.toBeNull();
    // Outside any project (the temp folder has no package.json): a file URL of this package's schema.
    expect(fileURLToPath(m![1]!)).toBe(join(ROOT, 'schema/deck.schema.json'));
    expect(existsSync(fileURLToPath(m![1]!))).toBe(true);
  });

  it('checks clean with --strict and builds', () => {
    const check = talkdeck(dir, ['check', 'talk', '--strict']);
    expect(check.code, check.stderr).toBe(0);
    expect(check.stderr).toBe('');
    expect(check.stdout).toMatch(/✓ talk: \d+ slides, no problems · speaking time ≈/);
    const build = talkdeck(dir, ['build', 'talk']);
    expect(build.code, build.stderr).toBe(0);
    expect(existsSync(join(dir, 'dist/talk/index.html'))).toBe(true);
  });

  it('refuses to overwrite, and writes nothing then', () => {
    const before = snapshot(join(dir, 'content'));
    const again = talkdeck(dir, ['init', 'content/talk', '--lang', lang]);
    expect(again.code).toBe(1);
    expect(again.stderr).toContain('Not overwriting content/talk/deck.yaml');
    expect(snapshot(join(dir, 'content'))).toEqual(before);
  });
});

describe('talkdeck init, edge cases', () => {
  it('refuses when any one of its files exists, without creating the others', () => {
    const dir = project({});
    mkdirSync(join(dir, 'content/talk/images'), { recursive: true });
    writeFileSync(join(dir, 'content/talk/images/diagram.svg'), 'mine');
    const r = talkdeck(dir, ['init', 'content/talk']);
    expect(r.code).toBe(1);
    expect(r.stderr).toContain('Not overwriting content/talk/images/diagram.svg');
    expect(existsSync(join(dir, 'content/talk/deck.yaml'))).toBe(false);
    expect(readFileSync(join(dir, 'content/talk/images/diagram.svg'), 'utf8')).toBe('mine');
  });

  it('inside this repository, the modeline is the same relative path the shipped decks use', () => {
    const deck = planScaffold(join(ROOT, 'content/new-talk'), 'en').find((f) => f.path.endsWith('deck.yaml'))!;
    const line = String(deck.content).split('\n')[0];
    expect(line).toBe(readFileSync(join(ROOT, 'content/example/deck.yaml'), 'utf8').split('\n')[0]);
    expect(line).toBe('# yaml-language-server: $schema=../../schema/deck.schema.json');
  });

  it('chooses a relative path inside a project, a file URL outside one or with spaces', () => {
    const installed = '/home/a/talks/node_modules/talkdeck/schema/deck.schema.json';
    expect(schemaReference('/home/a/talks/content/x', installed, '/home/a/talks')).toBe('../../node_modules/talkdeck/schema/deck.schema.json');
    expect(schemaReference('/tmp/x', '/usr/lib/node_modules/talkdeck/schema/deck.schema.json', undefined)).toBe(
      'file:///usr/lib/node_modules/talkdeck/schema/deck.schema.json',
    );
    expect(schemaReference('/home/a/talks/content/x', installed, '/elsewhere')).toBe(`file://${installed}`);
    // Spaces around the project do not matter; a space on the way from deck to schema does.
    expect(schemaReference('/home/a/my talks/content/x', '/home/a/my talks/schema/deck.schema.json', '/home/a/my talks')).toBe(
      '../../schema/deck.schema.json',
    );
    expect(schemaReference('/p/content/x', '/p/vendor files/deck.schema.json', '/p')).toBe('file:///p/vendor%20files/deck.schema.json');
  });
});

describe.each(['de', 'en'] as const)('talkdeck init --markdown --lang %s', (lang) => {
  const dir = mkdtempSync(join(tmpdir(), 'talkdeck-init-md-'));
  const made = talkdeck(dir, ['init', 'content/talk', '--markdown', '--lang', lang]);

  it('writes a deck.md in reveal-md’s dialect that checks clean, even with --strict', () => {
    expect(made.code, made.stderr).toBe(0);
    expect(existsSync(join(dir, 'content/talk/deck.md'))).toBe(true);
    expect(existsSync(join(dir, 'content/talk/deck.yaml'))).toBe(false);
    const checked = talkdeck(dir, ['check', 'talk', '--strict']);
    expect(checked.code, checked.stderr).toBe(0);
    const built = talkdeck(dir, ['build', 'talk']);
    expect(built.code, built.stderr).toBe(0);
    const html = readFileSync(join(dir, 'dist/talk/index.html'), 'utf8');
    expect(html).toContain(`<html lang="${lang}">`);
    expect(html).toContain('class="td-stack"');
  });
});
