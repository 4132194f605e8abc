// What reaches the terminal: deck text with control characters made visible, and a long list
// of problems cut to the first 50 with a count of the rest (JSON keeps every one).
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { MAX_PRINTED, status, terminalSafe } from '../../src/cli/report.js';
import { crashSigns, measuredTalkdeck } from './helpers.js';

describe('terminalSafe', () => {
  it('shows C0, DEL, C1 and bidi controls as escapes', () => {
    expect(terminalSafe('a\x1b]0;t\x07b\x7f\x9b\u202e\r')).toBe('a\\x1b]0;t\\x07b\\x7f\\u009b\\u202e\\x0d');
  });
  it('keeps line feeds and tabs unless asked, and talkdeck’s own colours only when asked', () => {
    expect(terminalSafe('a\n\tb')).toBe('a\n\tb');
    expect(terminalSafe('a\n\tb', { multiline: false })).toBe('a\\x0a\\x09b');
    expect(terminalSafe('\x1b[31mred\x1b[0m \x1b[2J', { keepColors: true })).toBe('\x1b[31mred\x1b[0m \\x1b[2J');
    expect(terminalSafe('\x1b[31m')).toBe('\\x1b[31m');
  });
  it('leaves JSON text meaning the same', () => {
    const json = JSON.stringify({ t: 'x\u202ey\x9b\x1b' });
    expect(JSON.parse(terminalSafe(json, { keepColors: true }))).toEqual({ t: 'x\u202ey\x9b\x1b' });
  });
});

describe('status lines', () => {
  it('keep their own text and show the values put into them on one line, escaped', () => {
    expect(status`✓ ${'a\x1b[31mb\nc'}: ${3} slides\n`).toBe('✓ a\\x1b[31mb\\x0ac: 3 slides\n');
  });

  // Issue 23: a folder name with ESC or a line feed was printed raw in the ✓ line, so the
  // stream filter took `\x1b[31m` for talkdeck's own colour and the line break for its own.
  const dir = mkdtempSync(join(tmpdir(), 'talkdeck-names-'));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));
  const name = 'ev\x1b[31mil\nname';
  mkdirSync(join(dir, 'content', name), { recursive: true });
  writeFileSync(join(dir, 'content', name, 'deck.yaml'), 'title: T\nlang: en\nslides:\n  - title: A\n    points: [a]\n    notes: n\n');
  const shown = 'ev\\x1b[31mil\\x0aname';
  for (const command of [['build'], ['check'], ['build', '--single-file'], ['handout'], ['pptx'], ['init', `x${name}`]]) {
    it(`${command.join(' ')} shows the folder's name with its controls as escapes`, () => {
      const run = measuredTalkdeck(dir, command);
      expect(run.code, run.stderr).toBe(0);
      expect(run.stdout + run.stderr).not.toMatch(/\x1b|(^|\n)name/);
      expect(run.stdout.split('\n').find((l) => l.startsWith('✓ '))).toContain(shown);
    });
  }
});

describe('check --format json', () => {
  it('stays JSON whose values keep the deck’s characters', () => {
    const dir = mkdtempSync(join(tmpdir(), 'talkdeck-json-'));
    try {
      mkdirSync(join(dir, 'content/ctl'), { recursive: true });
      writeFileSync(join(dir, 'content/ctl/deck.yaml'), 'title: T\nslides:\n  - title: A\n    points: [a]\n    cite: ["x\\e]0;t\\a\\u202e\\u009b"]\n');
      const run = measuredTalkdeck(dir, ['check', 'ctl', '--format', 'json']);
      expect(run.code).toBe(1);
      expect(run.stdout).not.toMatch(/[\u0000-\u0009\u000b-\u001f\u007f-\u009f\u202e]/);
      const report = JSON.parse(run.stdout) as { decks: { problems: { message: string }[] }[] };
      expect(report.decks[0]!.problems.map((p) => p.message)).toContainEqual(expect.stringContaining('x\x1b]0;t\x07\u202e\x9b'));
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});

describe('a deck with thousands of problems', () => {
  const dir = mkdtempSync(join(tmpdir(), 'talkdeck-cap-'));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));
  const n = 500;
  mkdirSync(join(dir, 'content/many'), { recursive: true });
  const lines = ['title: Many problems', 'slides:'];
  // A key that is not a misspelt `points` (that would be one problem, issue 22): each slide
  // misses `points` and has an unknown key, two problems per slide.
  for (let i = 0; i < n; i++) lines.push(`  - title: Slide ${i}`, '    colour: [a]');
  writeFileSync(join(dir, 'content/many/deck.yaml'), lines.join('\n') + '\n');

  for (const command of ['build', 'check', 'outline']) {
    it(`${command} prints the first ${MAX_PRINTED} and how many more`, () => {
      const run = measuredTalkdeck(dir, [command, 'many']);
      expect(crashSigns(run.stderr)).toEqual([]);
      expect(run.code).toBe(1);
      const printed = run.stderr.split('\n').filter((l) => l.startsWith('content/many/deck.yaml:'));
      expect(printed).toHaveLength(MAX_PRINTED);
      expect(printed[0]).toMatch(/^content\/many\/deck\.yaml:3:5: error: Missing required field `points`/);
      expect(printed[1]).toMatch(/^content\/many\/deck\.yaml:4:5: error: Unknown key `colour`/);
      expect(run.stderr).toContain(`… and ${2 * n - MAX_PRINTED} more problems not shown (talkdeck check --format json lists them all)`);
    });
  }

  it('check --format json keeps them all', () => {
    const run = measuredTalkdeck(dir, ['check', 'many', '--format', 'json']);
    const report = JSON.parse(run.stdout) as { decks: { errors: number; problems: unknown[] }[] };
    expect(report.decks[0]!.errors).toBe(2 * n);
    expect(report.decks[0]!.problems).toHaveLength(2 * n);
  });
});
