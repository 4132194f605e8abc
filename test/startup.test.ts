/**
 * What a command pays for before it starts (issue 10, start-up time). Two libraries are costly
 * to load and needed only by some runs, and scripts/compile.mjs defers them: the help layout
 * (cliui, string-width) for help and usage text, and the `yaml` package (syntax tree with source
 * positions) for a problem's place. These tests run the real CLI with a preload that notes which
 * of them a run loaded (test/fixtures/startup/observe-loading.mjs).
 */
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, sep } from 'node:path';
import { describe, expect, it } from 'vitest';
import { talkdeck } from './helpers/cli.js';

const preload = new URL('./fixtures/startup/observe-loading.mjs', import.meta.url).href;
const CLEAN = 'title: Start-up\nlang: en\nslides:\n  - title: One\n    points: [a, b]\n    notes: Say a and b.\n';

interface Observed {
  loaded: { helpLayout: boolean; yaml: boolean };
  /** Folders the run listed. */
  listed: string[];
  dir: string;
  code: number | null;
  stdout: string;
  stderr: string;
}

function observe(deck: string, args: string[]): Observed {
  const dir = mkdtempSync(join(tmpdir(), 'talkdeck-startup-'));
  writeFileSync(join(dir, 'deck.yaml'), deck);
  const file = join(dir, 'observed.json');
  const r = talkdeck(dir, args, { NODE_OPTIONS: `--import=${preload}`, TALKDECK_OBSERVE_FILE: file });
  const { listed, ...loaded } = JSON.parse(readFileSync(file, 'utf8')) as Observed['loaded'] & { listed: string[] };
  return { loaded, listed, dir, code: r.code, stdout: r.stdout, stderr: r.stderr };
}

describe('a clean run loads neither the help layout nor the positional YAML parser', () => {
  it('build, check and --version', () => {
    for (const args of [['build'], ['check'], ['--version']]) {
      const r = observe(CLEAN, args);
      expect(r.code, args.join(' ')).toBe(0);
      expect(r.loaded, args.join(' ')).toEqual({ helpLayout: false, yaml: false });
    }
  });

  it('and lists no folder above the one it works in (yargs looked for a package.json up to /)', () => {
    for (const args of [['build'], ['--version']]) {
      const r = observe(CLEAN, args);
      expect(r.code, args.join(' ')).toBe(0);
      const above = r.listed.filter((d) => r.dir.startsWith(d.endsWith(sep) ? d : d + sep));
      expect(above, args.join(' ')).toEqual([]);
    }
  });
});

describe('each loads when it is needed, and does its work', () => {
  it('help lays out its columns', () => {
    const r = observe(CLEAN, ['--help']);
    expect(r.code).toBe(0);
    expect(r.loaded.helpLayout).toBe(true);
    expect(r.stdout).toMatch(/^ {2}talkdeck build \[decks\.\.\] {2,}Build decks/m);
  });

  it('a warning is placed at its line and column', () => {
    const r = observe(CLEAN.replace('    notes: Say a and b.\n', ''), ['check']);
    expect(r.code).toBe(0);
    expect(r.loaded.yaml).toBe(true);
    expect(r.stderr).toMatch(/deck\.yaml:4:5: warning: Slide 1 .*notes/i);
  });

  it('a file js-yaml cannot read gets every syntax error, placed', () => {
    const r = observe('title: Broken\nslides:\n  - title: "unclosed\n', ['check']);
    expect(r.code).not.toBe(0);
    expect(r.loaded.yaml).toBe(true);
    expect(r.stderr).toMatch(/deck\.yaml:3:\d+/);
  });
});
