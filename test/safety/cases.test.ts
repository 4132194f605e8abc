// Hostile decks through the real CLI: each case folder holds the deck and `case.json`, what the
// run must end with. A refused deck exits 1 with a located message and no stack trace, within
// well under 1 GB of memory (measured with /usr/bin/time -v, not with a timer). A secret picture
// is planted outside the deck folder (secret.ts); whatever the commands write must not carry it.
import { existsSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { crashSigns, measuredTalkdeck, projectWith } from './helpers.js';
import { plantSecrets, secretTraces } from './secret.js';

interface Located {
  at: string;
  code: string;
  message?: string;
}

interface Case {
  /** Command and flags; the deck is always `content/deck`. */
  args: string[];
  /** Further commands run on the same project that must end the same way (`["pdf"]`, `["pptx"]`). */
  also?: string[][];
  exit: number;
  /** Located problems that must be printed: `deck.yaml:3:28` and the code. */
  problems?: Located[];
  warnings?: Located[];
  /** Text that must appear on stderr / stdout; text that must not appear anywhere. */
  stderr?: string[];
  stdout?: string[];
  absent?: string[];
  /** Output files (below dist/) and text they must not contain. */
  notInOutput?: Record<string, string[]>;
  /** Inputs too large to keep in the repository: `marker` in `file` becomes `unit` repeated `times`. */
  fill?: { file: string; marker: string; unit: string; times: number }[];
}

const HERE = import.meta.dirname;
const cases = readdirSync(HERE).filter((d) => existsSync(join(HERE, d, 'case.json')));
const made: string[] = [];
afterAll(() => made.forEach((d) => rmSync(d, { recursive: true, force: true })));

function located(stderr: string, severity: 'error' | 'warning', p: Located): void {
  const line = stderr.split('\n').find((l) => l.startsWith(`content/deck/${p.at}: ${severity}:`) && l.endsWith(`[${p.code}]`));
  expect(line, `a located ${p.code} ${severity} at ${p.at} in:\n${stderr}`).toBeDefined();
  if (p.message) expect(line).toContain(p.message);
}

describe('hostile decks through the CLI', () => {
  it('has cases', () => expect(cases.length).toBeGreaterThanOrEqual(8));

  for (const name of cases) {
    const spec = JSON.parse(readFileSync(join(HERE, name, 'case.json'), 'utf8')) as Case;
    it(name, { timeout: 60_000 * (1 + (spec.also?.length ?? 0)) }, () => {
      const cwd = plantSecrets(projectWith('deck', join(HERE, name)));
      made.push(cwd);
      for (const f of spec.fill ?? []) {
        const file = join(cwd, 'content/deck', f.file);
        writeFileSync(file, readFileSync(file, 'utf8').replace(f.marker, f.unit.repeat(f.times).trimEnd()));
      }
      for (const args of [spec.args, ...(spec.also ?? [])]) {
        const run = measuredTalkdeck(cwd, [...args]);
        const all = run.stdout + run.stderr;
        const command = args.join(' ');
        expect(crashSigns(all), `${command}: ${all}`).toEqual([]);
        expect(run.code, `${command}: ${all}`).toBe(spec.exit);
        expect(run.maxRss, `${command}: peak memory`).toBeLessThan(1024 ** 3);
        for (const p of spec.problems ?? []) located(run.stderr, 'error', p);
        for (const p of spec.warnings ?? []) located(run.stderr, 'warning', p);
        for (const s of spec.stderr ?? []) expect(run.stderr).toContain(s);
        for (const s of spec.stdout ?? []) expect(run.stdout).toContain(s);
        for (const s of spec.absent ?? []) expect(all).not.toContain(s);
        if (spec.exit !== 0 && args[0] === 'build') expect(existsSync(join(cwd, 'dist/deck')), `${command}: nothing written`).toBe(false);
      }
      if (existsSync(join(cwd, 'dist'))) expect(secretTraces(join(cwd, 'dist'))).toEqual([]);
      for (const [file, texts] of Object.entries(spec.notInOutput ?? {})) {
        const text = readFileSync(join(cwd, 'dist', file), 'utf8');
        for (const s of texts) expect(text, `${file} holds ${s}`).not.toContain(s);
      }
    });
  }
});
