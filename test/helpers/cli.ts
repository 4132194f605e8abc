/** Integration helpers: a throwaway project with some of the repository's decks, and the shipped CLI run in it. */
import { spawn } from 'node:child_process';
import { cpSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';

export const REPO = resolve(import.meta.dirname, '../..');
const BIN = join(REPO, 'bin/talkdeck.js');

/** A temporary folder with `content/<deck>` copied for each deck named (repository decks or fixtures). */
export function tempProject(decks: { name: string; from: string }[]): string {
  const dir = mkdtempSync(join(tmpdir(), 'talkdeck-test-'));
  for (const d of decks) cpSync(resolve(REPO, d.from), join(dir, 'content', d.name), { recursive: true });
  return dir;
}

export interface CliResult {
  code: number | null;
  stdout: string;
  stderr: string;
}

/** Runs `node bin/talkdeck.js …` (asynchronously, so a browser test in the same file keeps running). */
export function runCli(cwd: string, args: string[], env: Record<string, string | undefined> = {}): Promise<CliResult> {
  return new Promise((done, fail) => {
    const child = spawn(process.execPath, [BIN, ...args], { cwd, env: { ...process.env, NO_COLOR: '1', ...env } });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (d: Buffer) => (stdout += d.toString()));
    child.stderr.on('data', (d: Buffer) => (stderr += d.toString()));
    child.on('error', fail);
    child.on('close', (code) => done({ code, stdout, stderr }));
  });
}
