/** Runs the shipped CLI (bin/talkdeck.js → lib/) as a user would, in a folder of our choosing. */
import { spawn, spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { cpSync, mkdtempSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative, resolve } from 'node:path';
import { ROOT } from './build.js';

export const REPO = ROOT;
const BIN = join(ROOT, 'bin/talkdeck.js');

export interface Run {
  code: number | null;
  stdout: string;
  stderr: string;
}
export type CliResult = Run;

export function talkdeck(cwd: string, args: string[], env: Record<string, string> = {}): Run {
  const r = spawnSync(process.execPath, [BIN, ...args], {
    cwd,
    encoding: 'utf8',
    env: { ...process.env, NO_COLOR: '1', ...env },
    timeout: 120_000,
  });
  return { code: r.status, stdout: r.stdout, stderr: r.stderr };
}

/** Runs `node bin/talkdeck.js …` asynchronously, so a browser test in the same file keeps running. */
export function runCli(cwd: string, args: string[], env: Record<string, string | undefined> = {}): Promise<Run> {
  return runProgram(process.execPath, [BIN, ...args], cwd, env);
}

/** Any program, asynchronously, with colours off; resolves with its exit code and output. */
export function runProgram(cmd: string, args: string[], cwd: string, env: Record<string, string | undefined> = {}): Promise<Run> {
  return new Promise((done, fail) => {
    const child = spawn(cmd, args, { cwd, env: { ...process.env, NO_COLOR: '1', ...env } });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (d: Buffer) => (stdout += d.toString()));
    child.stderr.on('data', (d: Buffer) => (stderr += d.toString()));
    child.on('error', fail);
    child.on('close', (code) => done({ code, stdout, stderr }));
  });
}

/** A temporary project with the given decks copied under content/. */
export function project(decks: Record<string, string>): string {
  const dir = mkdtempSync(join(tmpdir(), 'talkdeck-'));
  for (const [name, from] of Object.entries(decks)) cpSync(from, join(dir, 'content', name), { recursive: true });
  return dir;
}

/** The same, with repository-relative sources: `[{ name, from: 'content/example' }]`. */
export function tempProject(decks: { name: string; from: string }[]): string {
  return project(Object.fromEntries(decks.map((d) => [d.name, resolve(ROOT, d.from)])));
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
