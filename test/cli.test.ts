// The real CLI, spawned in temporary projects: exit codes, messages, and what is left on disk.
import { existsSync, mkdirSync, readdirSync, readFileSync, symlinkSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { fixture, ROOT } from './helpers/build.js';
import { project, snapshot, talkdeck } from './helpers/cli.js';

describe('talkdeck build', () => {
  it('builds every deck under content/ and leaves the last good output when a deck breaks', () => {
    const dir = project({ example: join(ROOT, 'content/example'), minimal: fixture('minimal') });
    const first = talkdeck(dir, ['build']);
    expect(first.stderr).toBe('');
    expect(first.code).toBe(0);
    expect(first.stdout).toMatch(/example: 20 slides → dist\/example\/index.html/);
    expect(existsSync(join(dir, 'dist/minimal/index.html'))).toBe(true);
    const marker = JSON.parse(readFileSync(join(dir, 'dist/minimal/.talkdeck.json'), 'utf8')) as { files: string[] };
    expect(marker.files).toContain('index.html');
    const good = snapshot(join(dir, 'dist'));

    writeFileSync(join(dir, 'content/minimal/deck.yaml'), readFileSync(fixture('every-problem/deck.yaml')));
    const broken = talkdeck(dir, ['build']);
    expect(broken.code).toBe(1);
    for (const place of ['2:11', '6:5', '7:13', '9:5', '13:10', '16:13', '17:12']) {
      expect(broken.stderr).toContain(`content/minimal/deck.yaml:${place}:`);
    }
    expect(broken.stderr).toContain('did you mean `timeline`?');
    expect(broken.stderr).not.toMatch(/\n\s+at /); // no stack trace for a user mistake
    expect(snapshot(join(dir, 'dist')), 'previous output byte-identical').toEqual(good);
    expect(readdirSync(join(dir, 'dist')).sort()).toEqual(['example', 'minimal']);
  });

  it('gives byte-identical output for the same input', () => {
    const dir = project({ example: join(ROOT, 'content/example') });
    expect(talkdeck(dir, ['build']).code).toBe(0);
    const once = snapshot(join(dir, 'dist'));
    expect(talkdeck(dir, ['build']).code).toBe(0);
    expect(snapshot(join(dir, 'dist'))).toEqual(once);
  });

  it('never deletes files it did not write, unless --force', () => {
    const dir = project({ minimal: fixture('minimal') });
    expect(talkdeck(dir, ['build']).code).toBe(0);
    writeFileSync(join(dir, 'dist/minimal/my-notes.txt'), 'mine');
    const refused = talkdeck(dir, ['build']);
    expect(refused.code).toBe(1);
    expect(refused.stderr).toContain('contains files talkdeck did not write: my-notes.txt');
    expect(readFileSync(join(dir, 'dist/minimal/my-notes.txt'), 'utf8')).toBe('mine');

    mkdirSync(join(dir, 'out/minimal'), { recursive: true });
    writeFileSync(join(dir, 'out/minimal/thesis.docx'), 'precious');
    const foreign = talkdeck(dir, ['build', 'minimal', '--out', 'out']);
    expect(foreign.code).toBe(1);
    expect(foreign.stderr).toContain('was not made by talkdeck');
    expect(readFileSync(join(dir, 'out/minimal/thesis.docx'), 'utf8')).toBe('precious');

    expect(talkdeck(dir, ['build', '--force']).code).toBe(0);
    expect(existsSync(join(dir, 'dist/minimal/my-notes.txt'))).toBe(false);
  });

  it('cleans up temporary folders of interrupted builds, but only its own', () => {
    const dir = project({ minimal: fixture('minimal') });
    const stale = join(dir, 'dist/.minimal.tmp-999999-abc');
    const foreign = join(dir, 'dist/.minimal.tmp-999999-xyz');
    mkdirSync(stale, { recursive: true });
    writeFileSync(join(stale, '.talkdeck.json'), JSON.stringify({ generator: 'talkdeck', deck: 'minimal', files: [] }));
    mkdirSync(foreign, { recursive: true });
    writeFileSync(join(foreign, 'keep.txt'), 'not ours');
    expect(talkdeck(dir, ['build']).code).toBe(0);
    expect(existsSync(stale)).toBe(false);
    expect(existsSync(join(foreign, 'keep.txt'))).toBe(true);
  });

  it('does not publish a file that an image links to outside the deck folder', () => {
    const dir = project({ linked: fixture('minimal') });
    writeFileSync(join(dir, 'secret.svg'), '<svg xmlns="http://www.w3.org/2000/svg"/>');
    symlinkSync(join(dir, 'secret.svg'), join(dir, 'content/linked/leak.svg'));
    writeFileSync(
      join(dir, 'content/linked/deck.yaml'),
      'title: Linked\nslides:\n  - layout: image\n    title: Leak\n    src: leak.svg\n    alt: A file from elsewhere\n',
    );
    const r = talkdeck(dir, ['build']);
    expect(r.code).toBe(1);
    expect(r.stderr).toContain('content/linked/deck.yaml:5:10: error: Image `leak.svg` not found in the deck folder');
    expect(existsSync(join(dir, 'dist'))).toBe(false);
  });

  it('builds a deck named by folder or file', () => {
    const dir = project({});
    const r = talkdeck(dir, ['build', fixture('minimal/deck.yaml'), '--out', 'site']);
    expect(r.code).toBe(0);
    expect(existsSync(join(dir, 'site/minimal/index.html'))).toBe(true);
  });
});

describe('a broken config file', () => {
  it('stops the run once with its place, instead of failing every deck', () => {
    const dir = project({ a: fixture('minimal'), b: fixture('minimal') });
    writeFileSync(join(dir, 'talkdeck.config.json'), '{\n  "lint": { "max-bullets": "loud" }\n}\n');
    for (const command of ['build', 'outline']) {
      const r = talkdeck(dir, [command]);
      expect(r.code, command).toBe(1);
      expect(r.stderr.match(/talkdeck\.config\.json:2:/g), command).toHaveLength(1);
      expect(r.stderr, command).not.toContain('✗');
    }
    expect(existsSync(join(dir, 'dist'))).toBe(false);
  });

  it('two config files are one problem of the run, not one per deck', () => {
    const dir = project({ a: fixture('minimal'), b: fixture('minimal') });
    writeFileSync(join(dir, 'talkdeck.config.json'), '{}\n');
    writeFileSync(join(dir, 'talkdeck.config.yaml'), 'lint: {}\n');
    const r = talkdeck(dir, ['build']);
    expect(r.code).toBe(1);
    expect(r.stderr.match(/Two config files/g)).toHaveLength(1);
    expect(r.stderr).not.toContain('✗');
    expect(existsSync(join(dir, 'dist'))).toBe(false);
  });
});

describe('talkdeck check and usage', () => {
  it('check reports problems without writing anything', () => {
    const dir = project({ broken: fixture('misspelt-key'), ok: fixture('minimal') });
    const r = talkdeck(dir, ['check']);
    expect(r.code).toBe(1);
    expect(r.stderr).toContain('content/broken/deck.yaml:5:5: error: Unknown key `nots`');
    expect(r.stdout).toContain('ok: 1 slide, no problems');
    expect(existsSync(join(dir, 'dist'))).toBe(false);
  });

  it('exits 2 on wrong usage and names the problem', () => {
    const dir = project({});
    const r = talkdeck(dir, ['build', '--bogus']);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('Unknown option --bogus');
    expect(talkdeck(dir, []).code).toBe(2);
  });

  it('exits 1 with a hint when there is no deck', () => {
    const r = talkdeck(project({}), ['build']);
    expect(r.code).toBe(1);
    expect(r.stderr).toContain('No decks found: this folder has no deck.yaml, deck.md or YAML file with `slides:`, and no content/<name>/ with one');
    const named = talkdeck(project({}), ['build', 'nope']);
    expect(named.code).toBe(1);
    expect(named.stderr).toContain('No deck `nope` found');
  });

  it('prints help with examples, and the version', () => {
    const dir = project({});
    const help = talkdeck(dir, ['build', '--help']);
    expect(help.code).toBe(0);
    expect(help.stdout).toContain('Examples:');
    const version = talkdeck(dir, ['--version']);
    expect(version.stdout.trim()).toBe(JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')).version);
  });
});
