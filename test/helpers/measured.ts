/**
 * The CLI run under GNU time (`/usr/bin/time -v`), for the safety tests: the peak memory of
 * hostile input is part of what they check. Falls back to a plain run where GNU time is missing.
 */
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { REPO, type Run } from './cli.js';

const TIME = '/usr/bin/time';

export interface MeasuredRun extends Run {
  /** Peak resident memory in MB, when GNU time is there. */
  maxRssMb: number | undefined;
}

export function measuredTalkdeck(cwd: string, args: string[]): MeasuredRun {
  const bin = join(REPO, 'bin/talkdeck.js');
  const timed = existsSync(TIME);
  const command = timed ? TIME : process.execPath;
  const argv = timed ? ['-v', process.execPath, bin, ...args] : [bin, ...args];
  const r = spawnSync(command, argv, { cwd, encoding: 'utf8', env: { ...process.env, NO_COLOR: '1' }, timeout: 120_000 });
  let stderr = r.stderr;
  let maxRssMb: number | undefined;
  if (timed) {
    // GNU time appends its report to stderr, starting with "Command being timed".
    const cut = stderr.lastIndexOf('\tCommand being timed:');
    const report = cut < 0 ? '' : stderr.slice(cut);
    if (cut >= 0) stderr = stderr.slice(0, cut);
    const kb = /Maximum resident set size \(kbytes\): (\d+)/.exec(report)?.[1];
    maxRssMb = kb ? Number(kb) / 1024 : undefined;
  }
  const exit = timed ? /Exit status: (\d+)/.exec(r.stderr)?.[1] : undefined;
  return { code: exit !== undefined ? Number(exit) : r.status, stdout: r.stdout, stderr, maxRssMb };
}
