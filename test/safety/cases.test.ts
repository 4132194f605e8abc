// Hostile decks through the real CLI: each case folder holds the deck and `case.json`, what the
// run must end with. A refused deck exits 1 with a located message and no stack trace, within
// well under 1 GB of memory (measured with /usr/bin/time -v, not with a timer).
import { existsSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { crashSigns, measuredTalkdeck, projectWith } from './helpers.js';

interface Case {
  /** Command and flags; the deck is always `content/deck`. */
  args: string[];
  exit: number;
  /** Located problems that must be printed, in order: `deck.yaml:3:28` and the code. */
  problems?: { at: string; code: string; message?: string }[];
  /** Text that must appear on stderr / stdout; text that must not appear anywhere. */
  stderr?: string[];
  stdout?: string[];
  absent?: string[];
}

const HERE = import.meta.dirname;
const cases = readdirSync(HERE).filter((d) => existsSync(join(HERE, d, 'case.json')));
const made: string[] = [];
afterAll(() => made.forEach((d) => rmSync(d, { recursive: true, force: true })));

describe('hostile decks through the CLI', () => {
  it('has cases', () => expect(cases.length).toBeGreaterThanOrEqual(8));

  for (const name of cases) {
    it(name, () => {
      const spec = JSON.parse(readFileSync(join(HERE, name, 'case.json'), 'utf8')) as Case;
      const cwd = projectWith('deck', join(HERE, name));
      made.push(cwd);
      const run = measuredTalkdeck(cwd, [...spec.args]);
      const all = run.stdout + run.stderr;
      expect(crashSigns(all), all).toEqual([]);
      expect(run.code, all).toBe(spec.exit);
      expect(run.maxRss, 'peak memory').toBeLessThan(1024 ** 3);
      for (const p of spec.problems ?? []) {
        const line = run.stderr.split('\n').find((l) => l.startsWith(`content/deck/${p.at}: error:`) && l.endsWith(`[${p.code}]`));
        expect(line, `a located ${p.code} problem at ${p.at} in:\n${run.stderr}`).toBeDefined();
        if (p.message) expect(line).toContain(p.message);
      }
      for (const s of spec.stderr ?? []) expect(run.stderr).toContain(s);
      for (const s of spec.stdout ?? []) expect(run.stdout).toContain(s);
      for (const s of spec.absent ?? []) expect(all).not.toContain(s);
      if (spec.exit !== 0 && spec.args[0] === 'build') expect(existsSync(join(cwd, 'dist/deck')), 'nothing written').toBe(false);
    });
  }
});
