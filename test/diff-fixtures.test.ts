// Each kind of change as a pair of decks under test/fixtures/diff-<case>/ (old/ and new/, one
// talk.yaml or talk.md each) with expected.json beside them: the counts and the report's lines,
// written by hand. `talkdeck diff old/… new/… --format json` runs in-process through main().
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { fixture, ROOT } from './helpers/build.js';
import { diffJsonOf, reportLines } from './helpers/diff.js';

const cases = readdirSync(join(ROOT, 'test/fixtures')).filter((d) => d.startsWith('diff-') && existsSync(fixture(`${d}/expected.json`)));

describe('talkdeck diff: one fixture pair per kind of change', () => {
  it.each(cases)('%s', async (name) => {
    const dir = fixture(name);
    const file = (side: string) => join(side, readdirSync(join(dir, side)).find((f) => /^talk\.(yaml|md)$/.test(f))!);
    const { code, report, stderr } = await diffJsonOf(dir, [file('old'), file('new')]);
    expect(code, stderr).toBe(0);
    expect(report.format).toBe('talkdeck-changes');
    expect(report.version).toBe(1);
    const expected = JSON.parse(readFileSync(join(dir, 'expected.json'), 'utf8')) as { counts: Record<string, number>; report: string[] };
    const deck = report.decks[0]!;
    expect({ counts: deck.counts, report: reportLines(deck) }).toEqual(expected);
  });
});
