/** `talkdeck diff --format json` in-process, its report as lines a person can check, and a repository with two versions of a deck. */
import { execFileSync } from 'node:child_process';
import { copyFileSync, mkdirSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { main } from '../../src/cli/main.js';

export interface Ref { id: string; label: string }
export interface Field { field: string; change: string }
export interface Report {
  format: string;
  version: number;
  decks: {
    counts: Record<string, number>;
    numbers: { label: string; old: string | null; new: string | null }[];
    deckFields: Field[];
    slides: { status: string; old: Ref | null; new: Ref | null; splitFrom: Ref | null; mergedInto: Ref | null; fields: Field[] }[];
  }[];
}

export async function diffJsonOf(cwd: string, args: string[]): Promise<{ code: number; report: Report; stderr: string }> {
  let stdout = '';
  let stderr = '';
  const io = { stdout: { write: (t: string) => (stdout += t) }, stderr: { write: (t: string) => (stderr += t) }, cwd, env: { NO_COLOR: '1' } };
  const code = await main(['diff', ...args, '--format', 'json'], io);
  return { code, report: stdout ? (JSON.parse(stdout) as Report) : ({ decks: [] } as unknown as Report), stderr };
}

/** The report as lines a person can check: numbers first, then each slide that is not unchanged. */
export function reportLines(deck: Report['decks'][number]): string[] {
  const lines = deck.numbers.map((n) => `# ${n.label}: ${n.old ?? '—'} → ${n.new ?? '—'}`);
  for (const f of deck.deckFields) lines.push(`deck ${f.field} ${f.change}`);
  for (const s of deck.slides) {
    if (s.status === 'unchanged') continue;
    const ref = (s.new ?? s.old)!;
    let line = `${s.status} ${ref.id}`;
    if (s.status === 'moved') line += ` ${s.old!.label} → ${s.new!.label}`;
    if (s.old && s.new && s.old.id !== s.new.id) line += ` (was ${s.old.id})`;
    if (s.splitFrom) line += ` (split from ${s.splitFrom.id})`;
    if (s.mergedInto) line += ` (merged into ${s.mergedInto.id})`;
    lines.push(line, ...s.fields.map((f) => `  ${f.field} ${f.change}`));
  }
  return lines;
}


/**
 * A git repository in a fresh temporary folder holding `file` as `first` (committed with
 * `message`, tagged `tag`), then as `next`: committed too when `commitNext` says so, else only in the working tree.
 * `first` and `next` are paths of the files to copy in.
 */
export function repoWithTwoVersions(opts: { prefix: string; file: string; first: string; tag: string; message: string; next: string; commitNext?: boolean }): string {
  const repo = mkdtempSync(join(tmpdir(), opts.prefix));
  const git = (...args: string[]) => execFileSync('git', args, { cwd: repo, stdio: 'pipe' });
  git('init', '-q');
  git('config', 'user.email', 'test@example.org');
  git('config', 'user.name', 'Test');
  mkdirSync(dirname(join(repo, opts.file)), { recursive: true });
  copyFileSync(opts.first, join(repo, opts.file));
  git('add', '-A');
  git('commit', '-qm', opts.message);
  git('tag', opts.tag);
  copyFileSync(opts.next, join(repo, opts.file));
  if (opts.commitNext) git('commit', '-qam', 'next version');
  return repo;
}
