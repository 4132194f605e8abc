/**
 * What a command pays for before it starts (issue 10, start-up time). The help layout (cliui,
 * string-width) is costly to load and needed only for help and usage text: scripts/compile.mjs
 * defers it. These tests run the real CLI with a preload that counts what got built.
 */
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { talkdeck } from './helpers/cli.js';

const preload = new URL('./fixtures/startup/count-help-layout.mjs', import.meta.url).href;

function segmentersMadeBy(args: string[]): { made: number; code: number | null; stdout: string } {
  const dir = mkdtempSync(join(tmpdir(), 'talkdeck-startup-'));
  writeFileSync(join(dir, 'deck.yaml'), 'title: Start-up\nlang: en\nslides:\n  - title: One\n    points: [a, b]\n');
  const countFile = join(dir, 'count');
  const r = talkdeck(dir, args, { NODE_OPTIONS: `--import=${preload}`, TALKDECK_COUNT_FILE: countFile });
  return { made: Number(readFileSync(countFile, 'utf8')), code: r.code, stdout: r.stdout };
}

describe('the help layout loads only for help and usage text', () => {
  it('is not loaded by build, check or --version', () => {
    for (const args of [['build'], ['check'], ['--version']]) {
      const r = segmentersMadeBy(args);
      expect(r.code, args.join(' ')).toBe(0);
      expect(r.made, args.join(' ')).toBe(0);
    }
  });

  it('is loaded, and lays out the columns, when help is asked for', () => {
    const r = segmentersMadeBy(['--help']);
    expect(r.code).toBe(0);
    expect(r.made).toBeGreaterThan(0);
    // Commands and their descriptions side by side: the layout did its work.
    expect(r.stdout).toMatch(/^ {2}talkdeck build \[decks\.\.\] {2,}Build decks/m);
  });
});
