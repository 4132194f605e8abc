// --since beyond the speaker view: the handout's changes page (HTML and Markdown), the single
// file carrying the change marks, a build without --since carrying none, and serve's builder
// comparing on every rebuild. The deck: test/fixtures/diff-speaker/old → new as two commits.
import { execFileSync } from 'node:child_process';
import { copyFileSync, existsSync, mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parse } from 'node-html-parser';
import { beforeAll, describe, expect, it } from 'vitest';
import { earlierModel } from '../src/cli/deck-builder.js';
import { resolveDeck } from '../src/shell/decks.js';
import { createDevBuilder } from '../src/serve/dev-build.js';
import { fixture } from './helpers/build.js';
import { talkdeck } from './helpers/cli.js';
import { repoWithTwoVersions } from './helpers/diff.js';

let repo: string;

beforeAll(() => {
  repo = repoWithTwoVersions({ prefix: 'talkdeck-diff-outputs-', file: 'talk.yaml', first: fixture('diff-speaker/old/talk.yaml'), tag: 'v1', message: 'Fassung 1', next: fixture('diff-speaker/new/talk.yaml') });
});

const run = (args: string[]) => {
  const r = talkdeck(repo, args);
  expect(r.code, r.stderr).toBe(0);
  return r;
};

describe('handout --since', () => {
  it('puts the changes page first in the HTML handout, and nothing without --since', () => {
    const r = run(['handout', '--since', 'v1', '--out', 'with']);
    expect(r.stdout).toMatch(/with the changes since v1 → with\/talk-handout\.html/);
    const main = parse(readFileSync(join(repo, 'with/talk-handout.html'), 'utf8')).querySelector('main')!;
    const first = main.querySelector('section')!;
    expect(first.classList.contains('td-changes')).toBe(true);
    expect(first.querySelector('h2')!.text).toBe('Änderungen seit v1');
    expect(first.querySelectorAll('.td-change h4').map((h) => h.text)).toEqual(['verschoben 2 · Empfehlung', 'geändert 3 · Lage', 'neu 5 · Offene Fragen']);
    expect(first.querySelectorAll('#td-change-lage ins').map((i) => i.text)).toEqual(['Ende', ', nach der zweiten Runde']);
    run(['handout', '--out', 'without']);
    expect(readFileSync(join(repo, 'without/talk-handout.html'), 'utf8')).not.toMatch(/td-changes|Änderungen seit/);
  });

  it('puts the changes first in the Markdown handout', () => {
    run(['handout', '--since', 'v1', '--format', 'md', '--out', 'md']);
    const text = readFileSync(join(repo, 'md/talk-handout.md'), 'utf8');
    const blocks = text.split('\n\n');
    expect(blocks[1]).toBe('# Lagebericht');
    expect(blocks[2]).toBe('## Änderungen seit v1');
    // A mark that starts with a comma stands apart from the word before it, or it would not be bold.
    expect(text).toContain('- **3 · Lage** — geändert\n  - Notizen: Wo wir heute stehen. Die Gespräche stocken seit **Ende** März **, nach der zweiten Runde**. Niemand erwartet eine schnelle Einigung.');
    expect(text.indexOf('## Änderungen seit v1')).toBeLessThan(text.indexOf('### Empfehlung'));
  });
});

describe('build --since', () => {
  it('the single file carries the change marks; a build without --since has neither script nor labels', () => {
    const r = run(['build', '--since', 'v1', '--single-file', '--out', 'single']);
    expect(r.stdout).toContain('; speaker view marks 3 slides changed since v1');
    const single = readFileSync(join(repo, 'single/talk.html'), 'utf8');
    expect(single).toContain("id: 'changes'");
    expect(single).toContain('geändert seit v1');
    run(['build', '--out', 'plain']);
    expect(existsSync(join(repo, 'plain/talk/plugin/speaker-changes.js'))).toBe(false);
    expect(readFileSync(join(repo, 'plain/talk/index.html'), 'utf8')).not.toMatch(/speaker-changes|seit \{since\}|"changes"/);
  });
});

describe('serve --since', () => {
  it("the dev server's builder compares every rebuild with the version read once", async () => {
    const deck = resolveDeck(repo, 'talk.yaml');
    const since = await earlierModel(deck, repo, 'v1', {});
    if ('errors' in since) throw new Error(since.errors.map((e) => e.message).join('\n'));
    const builder = createDevBuilder({ deck, cwd: repo, builtinMayChange: false, since });
    const result = await builder.rebuild();
    expect(result.kind).toBe('built');
    if (result.kind !== 'built') return;
    expect(result.build.model?.changes?.counts).toEqual({ added: 1, removed: 0, moved: 1, changed: 1, unchanged: 2 });
    expect(result.build.files.has('plugin/speaker-changes.js')).toBe(true);
  });
});

describe('talkdeck diff, at the edges', () => {
  it('tells an image replaced in the repository by its content', () => {
    const dir = mkdtempSync(join(tmpdir(), 'talkdeck-diff-image-'));
    const git = (...args: string[]) => execFileSync('git', args, { cwd: dir, stdio: 'pipe' });
    git('init', '-q');
    git('config', 'user.email', 'test@example.org');
    git('config', 'user.name', 'Test');
    mkdirSync(join(dir, 'images'));
    copyFileSync(fixture('diff-image-replaced/old/talk.yaml'), join(dir, 'talk.yaml'));
    copyFileSync(fixture('diff-image-replaced/old/images/map.svg'), join(dir, 'images/map.svg'));
    git('add', '-A');
    git('commit', '-qm', 'Map');
    copyFileSync(fixture('diff-image-replaced/new/images/map.svg'), join(dir, 'images/map.svg'));
    const r = talkdeck(dir, ['diff', '--since', 'HEAD', '--format', 'json']);
    expect(r.code, r.stderr).toBe(0);
    const [slide] = JSON.parse(r.stdout).decks[0].slides;
    expect(slide.status).toBe('changed');
    expect(slide.fields.map((f: { field: string; old: string; new: string }) => [f.field, f.old.replace(/\(\w+\)/, '(…)'), f.old === f.new])).toEqual([['src', 'images/map.svg (…)', false]]);
  });

  it('shows deck text on the terminal escaped, with colours on too', () => {
    const dir = mkdtempSync(join(tmpdir(), 'talkdeck-diff-escape-'));
    const deck = (point: string) => `title: T\nlang: en\nslides:\n  - title: One\n    points: ["${point}"]\n    notes: N.\n`;
    writeFileSync(join(dir, 'a.yaml'), deck('calm'));
    writeFileSync(join(dir, 'b.yaml'), deck('\\e[2J\\e]0;owned\\a calm \\u202e'));
    const r = talkdeck(dir, ['diff', 'a.yaml', 'b.yaml'], { FORCE_COLOR: '1', NO_COLOR: '' });
    expect(r.code, r.stderr).toBe(0);
    expect(r.stdout).toContain('\\x1b[2J\\x1b]0;owned\\x07');
    expect(r.stdout).toContain('\\u202e');
    // talkdeck's own colours are there; nothing of the deck's reaches the terminal raw.
    expect(r.stdout).toContain('\x1b[32m');
    expect(r.stdout).not.toMatch(/\x1b\[2J|\x1b\]0|\u202e/);
  });

  it('refuses to replace a change report it did not write, and compares nothing with errors in a version', () => {
    mkdirSync(join(repo, 'mine'), { recursive: true });
    writeFileSync(join(repo, 'mine/talk-changes.html'), '<!doctype html><title>My notes</title>');
    const r = talkdeck(repo, ['diff', '--since', 'v1', '--html', '--out', 'mine']);
    expect(r.code).toBe(1);
    expect(r.stderr).toMatch(/mine\/talk-changes\.html exists and was not made by talkdeck \[foreign-output\]/);
    expect(readFileSync(join(repo, 'mine/talk-changes.html'), 'utf8')).toBe('<!doctype html><title>My notes</title>');

    const dir = mkdtempSync(join(tmpdir(), 'talkdeck-diff-broken-'));
    writeFileSync(join(dir, 'a.yaml'), 'title: T\nslides:\n  - title: One\n    points: [a]\n    cite: [nowhere]\n');
    writeFileSync(join(dir, 'b.yaml'), 'title: T\nslides:\n  - title: One\n    points: [a]\n');
    const broken = talkdeck(dir, ['diff', 'a.yaml', 'b.yaml']);
    expect(broken.code).toBe(1);
    expect(broken.stdout).toBe('');
    expect(broken.stderr).toMatch(/a\.yaml:5:\d+: error: .*nowhere[\s\S]*✗ b: fix the errors above to compare the two versions/);
  });
});
