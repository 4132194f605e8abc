// Any folder is a place to work (issue 10): a folder holding deck files, with no project around
// it, is worked on directly; `init` makes a deck anywhere. The real CLI in temporary folders.
import { cpSync, existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parse } from 'node-html-parser';
import { describe, expect, it } from 'vitest';
import { discoverDecks, resolveDeck } from '../src/shell/decks.js';
import { fixture } from './helpers/build.js';
import { project, snapshot, talkdeck } from './helpers/cli.js';

/** A fixture folder copied to a fresh temporary folder named `name` (no package.json, no content/). */
function folder(from: string | undefined, name = 'talks'): string {
  const dir = join(mkdtempSync(join(tmpdir(), 'talkdeck-ws-')), name);
  if (from) cpSync(from, dir, { recursive: true });
  else mkdirSync(dir);
  return dir;
}

const slideTitles = (file: string): string[] =>
  parse(readFileSync(file, 'utf8'))
    .querySelectorAll('.slides > section h2, .slides > section h1')
    .map((h) => h.text.trim());

describe('a folder holding deck files', () => {
  it('builds each YAML deck file to dist/<file name>/, and nothing else', () => {
    const dir = folder(fixture('folder-two-decks'));
    const r = talkdeck(dir, ['build']);
    expect(r.code, r.stderr).toBe(0);
    expect(readdirSync(join(dir, 'dist')).sort()).toEqual(['a', 'b']);
    expect(slideTitles(join(dir, 'dist/a/index.html'))).toContain('First of A');
    expect(slideTitles(join(dir, 'dist/b/index.html'))).toEqual(expect.arrayContaining(['First of B', 'Second of B']));
    expect(slideTitles(join(dir, 'dist/a/index.html'))).not.toContain('First of B');
  });

  it('check, outline and handout need no deck argument there either', () => {
    const dir = folder(fixture('folder-two-decks'));
    const check = talkdeck(dir, ['check', '--format', 'json']);
    expect(check.code, check.stderr).toBe(0);
    const report = JSON.parse(check.stdout) as { decks: { name: string }[] };
    expect(report.decks.map((d) => d.name)).toEqual(['a', 'b']);
    expect(talkdeck(dir, ['outline']).stdout).toMatch(/Talk A \(a\)[\s\S]*Talk B \(b\)/);
    expect(talkdeck(dir, ['handout', 'b']).code).toBe(0);
    expect(existsSync(join(dir, 'dist/b-handout.html'))).toBe(true);
  });

  it('a deck file is named on the command line with or without its extension', () => {
    const dir = folder(fixture('folder-two-decks'));
    expect(talkdeck(dir, ['build', 'b']).code).toBe(0);
    expect(talkdeck(dir, ['build', 'a.yaml']).code).toBe(0);
    expect(readdirSync(join(dir, 'dist')).sort()).toEqual(['a', 'b']);
  });

  it("a folder's deck.yaml keeps the folder's name; the output goes to ./dist/ next to it", () => {
    const dir = folder(fixture('minimal'), 'quarterly');
    const r = talkdeck(dir, ['build']);
    expect(r.code, r.stderr).toBe(0);
    expect(r.stdout).toMatch(/quarterly: .* → dist\/quarterly\/index.html/);
    expect(existsSync(join(dir, 'dist/quarterly/index.html'))).toBe(true);
  });

  it('finds deck.yml', () => {
    const dir = folder(fixture('folder-deck-yml'), 'spelt');
    const r = talkdeck(dir, ['build']);
    expect(r.code, r.stderr).toBe(0);
    expect(slideTitles(join(dir, 'dist/spelt/index.html'))).toContain('Only slide');
  });

  it('stops at two deck files in one folder, and at two decks that would share an output', () => {
    const dir = folder(fixture('minimal'), 'a');
    writeFileSync(join(dir, 'deck.yml'), readFileSync(join(dir, 'deck.yaml')));
    const two = talkdeck(dir, ['build']);
    expect(two.code).toBe(2);
    expect(two.stderr).toContain('Two deck files in one folder: deck.yaml and deck.yml');

    const clash = folder(fixture('minimal'), 'a');
    writeFileSync(join(clash, 'a.yaml'), readFileSync(join(clash, 'deck.yaml')));
    const r = talkdeck(clash, ['build']);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/Two decks named `a` \(deck.yaml and a.yaml\)/);
    expect(existsSync(join(clash, 'dist'))).toBe(false);
  });

  it('builds deck.yaml over a deck.md beside it (what import leaves), and says so', () => {
    const dir = folder(fixture('minimal'), 'talk');
    writeFileSync(join(dir, 'deck.md'), '# From Markdown\n');
    const r = talkdeck(dir, ['build']);
    expect(r.code, r.stderr).toBe(0);
    expect(r.stderr).toContain('deck.md: warning: deck.md is not built: deck.yaml in the same folder takes precedence');
    expect(readFileSync(join(dir, 'dist/talk/index.html'), 'utf8')).not.toContain('From Markdown');
  });

  it('a misspelt deck name gets a did-you-mean', () => {
    const dir = project({ minimal: fixture('minimal') });
    const r = talkdeck(dir, ['build', 'minmal']);
    expect(r.code).toBe(1);
    expect(r.stderr).toContain('No deck `minmal` found');
    expect(r.stderr).toContain('did you mean `minimal`?');
  });

  it('an empty folder says how to start', () => {
    const r = talkdeck(folder(undefined), ['build']);
    expect(r.code).toBe(1);
    expect(r.stderr).toContain('No decks found');
    expect(r.stderr).toContain('talkdeck init my-talk');
  });
});

describe('deck discovery (Markdown decks are found; other Markdown is not)', () => {
  it('deck.md makes a folder a deck; README.md does not', () => {
    const dir = folder(undefined, 'md-talk');
    writeFileSync(join(dir, 'README.md'), '# Read me\n');
    writeFileSync(join(dir, 'notes.md'), '# Notes\n');
    expect(discoverDecks(dir)).toEqual([]);
    writeFileSync(join(dir, 'deck.md'), '# A talk\n');
    expect(discoverDecks(dir)).toEqual([{ name: 'md-talk', dir, file: join(dir, 'deck.md') }]);
  });

  it('a .md file named on the command line is a deck, named after the file', () => {
    const dir = folder(undefined);
    writeFileSync(join(dir, 'kickoff.md'), '# Kick-off\n');
    expect(resolveDeck(dir, 'kickoff.md')).toEqual({ name: 'kickoff', dir, file: join(dir, 'kickoff.md') });
    expect(resolveDeck(dir, 'kickoff').file).toBe(join(dir, 'kickoff.md'));
  });

  it('content/<name>/deck.md is found in a project', () => {
    const dir = project({ minimal: fixture('minimal') });
    mkdirSync(join(dir, 'content/md'));
    writeFileSync(join(dir, 'content/md/deck.md'), '# A talk\n');
    expect(discoverDecks(dir).map((d) => [d.name, d.file.slice(dir.length)])).toEqual([
      ['md', '/content/md/deck.md'],
      ['minimal', '/content/minimal/deck.yaml'],
    ]);
  });
});

describe('talkdeck init anywhere', () => {
  it('init my-talk in an empty folder with no project: a deck that builds from inside it', () => {
    const dir = folder(undefined);
    const init = talkdeck(dir, ['init', 'my-talk']);
    expect(init.code, init.stderr).toBe(0);
    expect(init.stdout).toContain('✓ New deck in my-talk. Next: talkdeck check my-talk · talkdeck build my-talk');
    const build = talkdeck(join(dir, 'my-talk'), ['build']);
    expect(build.code, build.stderr).toBe(0);
    expect(existsSync(join(dir, 'my-talk/dist/my-talk/index.html'))).toBe(true);
    // Building again does not take the output folder for a deck or its files for the deck's.
    expect(talkdeck(join(dir, 'my-talk'), ['build']).code).toBe(0);
  });

  it('init in the current folder says so, and the next commands need no argument', () => {
    const dir = folder(undefined);
    const init = talkdeck(dir, ['init']);
    expect(init.code, init.stderr).toBe(0);
    expect(init.stdout).toContain('✓ New deck in this folder. Next: talkdeck check · talkdeck build\n');
    expect(talkdeck(dir, ['check']).code).toBe(0);
  });

  it('quotes a folder with spaces in its hints, and the hint works as typed', () => {
    const dir = folder(undefined);
    const init = talkdeck(dir, ['init', 'My Talk']);
    expect(init.code, init.stderr).toBe(0);
    expect(init.stdout).toContain("Next: talkdeck check 'My Talk' · talkdeck build 'My Talk'");
    const before = snapshot(join(dir, 'My Talk'));
    expect(talkdeck(dir, ['check', 'My Talk']).code).toBe(0);
    expect(snapshot(join(dir, 'My Talk'))).toEqual(before);
  });
});
