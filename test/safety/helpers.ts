/**
 * Runs the shipped CLI on a hostile deck the way a user would, under `/usr/bin/time -v`, so a
 * test can see the exit code, what was printed, and the peak memory (max RSS) of the run.
 */
import { spawnSync } from 'node:child_process';
import { cpSync, mkdirSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ROOT } from '../helpers/build.js';

const BIN = join(ROOT, 'bin/talkdeck.js');

export interface MeasuredRun {
  code: number | null;
  stdout: string;
  stderr: string;
  /** Peak resident memory of the CLI process in bytes, from `/usr/bin/time -v`. */
  maxRss: number;
  /** Wall-clock seconds, for the report only: tests never assert on time. */
  seconds: number;
}

export function measuredTalkdeck(cwd: string, args: string[], env: Record<string, string> = {}): MeasuredRun {
  const timeFile = join(mkdtempSync(join(tmpdir(), 'talkdeck-time-')), 'time.txt');
  const started = performance.now();
  const r = spawnSync('/usr/bin/time', ['-v', '-o', timeFile, process.execPath, BIN, ...args], {
    cwd,
    encoding: 'utf8',
    env: { ...process.env, NO_COLOR: '1', ...env },
    timeout: 120_000,
    maxBuffer: 64 * 1024 * 1024,
  });
  const seconds = (performance.now() - started) / 1000;
  const report = readFileSync(timeFile, 'utf8');
  rmSync(join(timeFile, '..'), { recursive: true, force: true });
  const kb = Number(/Maximum resident set size \(kbytes\): (\d+)/.exec(report)?.[1]);
  return { code: r.status, stdout: r.stdout, stderr: r.stderr, maxRss: kb * 1024, seconds };
}

/** A temporary project with `content/<name>/` copied from a case folder. */
export function projectWith(name: string, from: string): string {
  const dir = mkdtempSync(join(tmpdir(), 'talkdeck-safety-'));
  mkdirSync(join(dir, 'content'));
  cpSync(from, join(dir, 'content', name), { recursive: true, filter: (src) => !src.endsWith('case.json') });
  return dir;
}

/** Signs of a crash rather than a reported problem: Node stack frames, "internal error". */
export function crashSigns(text: string): string[] {
  return text.split('\n').filter((l) => /^\s+at .+[:(]/.test(l) || /internal error|RangeError|TypeError|ReferenceError/.test(l));
}
