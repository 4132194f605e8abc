/**
 * Issue 22, item 1: one indentation mistake gives one message, the YAML one, at the line that is
 * wrongly indented, and nothing the parser guessed after it. Each case in
 * test/fixtures/issue-22/yaml-*: a deck with one mistake and, in expected.json, every problem it
 * must give (written by hand from the deck's text).
 */
import { existsSync, mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { describe, expect, it } from 'vitest';
import { repairIndentation } from '../src/core/read/yaml/indentation.js';
import { buildFolder, fixture } from './helpers/build.js';
import { talkdeck } from './helpers/cli.js';

interface Expected {
  errors: { code: string; line: number; column: number; message?: string; hint?: string }[];
}

const CASES = readdirSync(fixture('issue-22')).filter((d) => d.startsWith('yaml-') && existsSync(join(fixture('issue-22'), d, 'expected.json')));

describe('an indentation mistake: the YAML message first, at the wrong line, nothing derived after it', () => {
  it('has the cases', () => expect(CASES.length).toBeGreaterThanOrEqual(5));
  for (const name of CASES) {
    it(name, async () => {
      const dir = join(fixture('issue-22'), name);
      const expected = JSON.parse(readFileSync(join(dir, 'expected.json'), 'utf8')) as Expected;
      const result = await buildFolder(dir);
      expect(result.errors.map((e) => ({ code: e.code, line: e.line, column: e.column }))).toEqual(
        expected.errors.map(({ code, line, column }) => ({ code, line, column })),
      );
      result.errors.forEach((e, i) => {
        const want = expected.errors[i]!;
        if (want.message) expect(e.message).toBe(want.message);
        if (want.hint) expect(e.hint).toContain(want.hint);
      });
    });
  }

  it('prints no Node warning, only the one problem (the real CLI)', () => {
    const run = talkdeck(fixture('issue-22'), ['check', 'yaml-list-item-dedent']);
    expect(run.code).toBe(1);
    expect(run.stderr).not.toMatch(/\(node:\d+\)|Warning:|mapAsMap/);
    expect(run.stderr.split('\n')[0]).toBe(
      'yaml-list-item-dedent/deck.yaml:12:5: error: YAML syntax error: this line is indented 4 spaces, but the lines it belongs with are indented 6 (see line 11) [yaml-syntax]',
    );
    expect(run.stderr.match(/: error: /g)).toHaveLength(1);
  });
});

describe('repairIndentation', () => {
  const deck = (lines: string[]) => lines.join('\n') + '\n';
  it('moves the line that breaks the file, not its neighbour that the parser names', () => {
    // Line 4 is one space too deep; js-yaml and the yaml package both notice it on line 4 or 3.
    const text = deck(['references:', '  a:', '    author: Doe', '     title: A report', '    date: "2024"']);
    expect(repairIndentation(text, [3, 4])).toEqual({ line: 4, indent: 5, needed: 4, like: 3, withBlock: false });
  });
  it('keeps the file\'s habit for lists under a key when both items could move', () => {
    const text = deck(['slides:', '  - points:', '      - one', '    - two', '  - points:', '      - three']);
    expect(repairIndentation(text, [4])).toMatchObject({ line: 4, needed: 6 });
  });
  it('gives up on a mistake that is not indentation', () => {
    expect(repairIndentation(deck(['title: a: b', 'slides: []']), [1])).toBeUndefined();
  });
});

describe('Node warnings', () => {
  // A warning raised while talkdeck runs (here by a module loaded before it, as NODE_OPTIONS
  // could) stays off the terminal; --debug shows it.
  it('reach the terminal only with --debug', () => {
    const module = join(mkdtempSync(join(tmpdir(), 'talkdeck-warn-')), 'warn.mjs');
    writeFileSync(module, 'setTimeout(() => process.emitWarning("from elsewhere"), 30);\n');
    const env = { NODE_OPTIONS: `--import=${pathToFileURL(module).href}` };
    const quiet = talkdeck(fixture('issue-22'), ['check', 'yaml-key-indent'], env);
    expect(quiet.stderr).not.toContain('from elsewhere');
    const debug = talkdeck(fixture('issue-22'), ['check', 'yaml-key-indent', '--debug'], env);
    expect(debug.stderr).toContain('Warning: from elsewhere');
  });
});
