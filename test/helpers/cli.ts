/** Runs the shipped CLI (bin/talkdeck.js → lib/) as a user would, in a folder of our choosing. */
import { spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { cpSync, mkdtempSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';
import { ROOT } from './build.js';

export interface Run {
  code: number | null;
  stdout: string;
  stderr: string;
}

export function talkdeck(cwd: string, args: string[], env: Record<string, string> = {}): Run {
  const r = spawnSync(process.execPath, [join(ROOT, 'bin/talkdeck.js'), ...args], {
    cwd,
    encoding: 'utf8',
    env: { ...process.env, NO_COLOR: '1', ...env },
    timeout: 120_000,
  });
  return { code: r.status, stdout: r.stdout, stderr: r.stderr };
}

/** A temporary project with the given decks copied under content/. */
export function project(decks: Record<string, string>): string {
  const dir = mkdtempSync(join(tmpdir(), 'talkdeck-'));
  for (const [name, from] of Object.entries(decks)) cpSync(from, join(dir, 'content', name), { recursive: true });
  return dir;
}

/** Every file below dir (hidden ones too) with its SHA-256, for byte-for-byte comparisons. */
export function snapshot(dir: string): Record<string, string> {
  const out: Record<string, string> = {};
  for (const entry of readdirSync(dir, { recursive: true, withFileTypes: true })) {
    const full = join(entry.parentPath, entry.name);
    if (!statSync(full).isFile()) continue;
    out[relative(dir, full)] = createHash('sha256').update(readFileSync(full)).digest('hex');
  }
  return out;
}
