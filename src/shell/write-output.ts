/**
 * Writes a built deck to disk atomically: everything goes into a temporary sibling folder,
 * which then replaces the old output by rename. A failed or interrupted build leaves the
 * previous output as it was. Folders talkdeck made carry a marker listing the files it wrote;
 * anything else is never deleted without --force.
 */
import { chmodSync, copyFileSync, existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, renameSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { dirname, join, relative } from 'node:path';
import { TalkdeckError } from '../core/base/errors.js';
import type { OutputFile } from '../core/write/output-file.js';

export const MARKER = '.talkdeck.json';

interface Marker {
  generator: 'talkdeck';
  deck: string;
  files: string[];
}

export interface WriteRequest {
  outDir: string;
  name: string;
  files: ReadonlyMap<string, OutputFile>;
  force?: boolean;
  /** For messages: paths are shown relative to this. */
  cwd: string;
}

export function writeDeckOutput(req: WriteRequest): string {
  const target = join(req.outDir, req.name);
  mkdirSync(req.outDir, { recursive: true });
  removeStaleTemporaries(req.outDir, req.name);
  if (!req.force) assertOurs(target, req.cwd);

  const tmp = mkdtempSync(join(req.outDir, `.${req.name}.tmp-${process.pid}-`));
  try {
    // mkdtemp makes the folder private (0700); a built deck is for sharing.
    chmodSync(tmp, 0o755);
    const names = [...req.files.keys()].sort();
    // The marker goes first, so even a half-written temporary folder is recognisably ours.
    const marker: Marker = { generator: 'talkdeck', deck: req.name, files: names };
    writeFileSync(join(tmp, MARKER), JSON.stringify(marker, null, 2) + '\n');
    const made = new Set<string>();
    for (const name of names) {
      const dest = join(tmp, name);
      const dir = dirname(dest);
      if (!made.has(dir)) {
        mkdirSync(dir, { recursive: true });
        made.add(dir);
      }
      const file = req.files.get(name)!;
      if ('content' in file) writeFileSync(dest, file.content);
      else copyFileSync(file.copyFrom, dest);
    }
    swapInto(tmp, target, req.name);
  } catch (error) {
    rmSync(tmp, { recursive: true, force: true });
    throw error;
  }
  return target;
}

function swapInto(tmp: string, target: string, name: string): void {
  if (!existsSync(target)) {
    renameSync(tmp, target);
    return;
  }
  const old = `${tmp.replace(`.${name}.tmp-`, `.${name}.old-`)}`;
  renameSync(target, old);
  try {
    renameSync(tmp, target);
  } catch (error) {
    renameSync(old, target);
    throw error;
  }
  removeOurFolder(old);
}

/**
 * Removes a folder talkdeck wrote, its marker last: a build killed half-way through leaves a
 * folder that is still recognisably ours (or empty), which the next build removes.
 */
function removeOurFolder(dir: string): void {
  for (const entry of readdirSync(dir)) if (entry !== MARKER) rmSync(join(dir, entry), { recursive: true, force: true });
  rmSync(dir, { recursive: true, force: true });
}

/** Refuses to replace a folder that holds anything talkdeck did not write there. */
function assertOurs(target: string, cwd: string): void {
  if (!existsSync(target)) return;
  const shown = relative(cwd, target) || target;
  if (!statSync(target).isDirectory()) {
    throw new TalkdeckError({
      code: 'foreign-output',
      message: `Output path ${shown} exists and is not a folder`,
      hint: 'move it away, choose another --out, or pass --force to replace it',
    });
  }
  const present = listFiles(target);
  const marker = readMarker(target);
  if (!marker) {
    if (present.length === 0) return;
    throw new TalkdeckError({
      code: 'foreign-output',
      message: `Output folder ${shown} was not made by talkdeck (no ${MARKER}) and is not empty`,
      hint: 'move its files away, choose another --out, or pass --force to replace it',
    });
  }
  const ours = new Set([...marker.files, MARKER]);
  const foreign = present.filter((f) => !ours.has(f));
  if (foreign.length) {
    throw new TalkdeckError({
      code: 'foreign-output',
      message: `Output folder ${shown} contains files talkdeck did not write: ${foreign.slice(0, 5).join(', ')}${foreign.length > 5 ? ` and ${foreign.length - 5} more` : ''}`,
      hint: 'move them out (put deck files next to deck.yaml instead), or pass --force to replace the folder',
    });
  }
}

function readMarker(dir: string): Marker | undefined {
  try {
    const m = JSON.parse(readFileSync(join(dir, MARKER), 'utf8')) as Marker;
    return m.generator === 'talkdeck' && Array.isArray(m.files) ? m : undefined;
  } catch {
    return undefined;
  }
}

function listFiles(dir: string): string[] {
  return readdirSync(dir, { recursive: true, withFileTypes: true })
    .filter((e) => !e.isDirectory())
    .map((e) => relative(dir, join(e.parentPath, e.name)).split('\\').join('/'));
}

/**
 * Temporary folders left by an interrupted build: removed only when they carry our marker and
 * the process that made them is gone (a concurrent build's folder is left alone). A build
 * killed between the two renames of swapInto() leaves the previous output as `.old-` and no
 * target: that folder is put back instead of removed.
 */
function removeStaleTemporaries(outDir: string, name: string): void {
  const target = join(outDir, name);
  for (const entry of readdirSync(outDir).sort()) {
    const m = new RegExp(`^\\.${escapeRegExp(name)}\\.(tmp|old)-(\\d+)-`).exec(entry);
    if (!m || isAlive(Number(m[2]))) continue;
    const dir = join(outDir, entry);
    // Killed before or while it wrote the marker, a temporary folder holds at most that file.
    if (!readMarker(dir) && !holdsOnlyMarker(dir)) continue;
    if (m[1] === 'old' && !existsSync(target)) renameSync(dir, target);
    else removeOurFolder(dir);
  }
}

function holdsOnlyMarker(dir: string): boolean {
  try {
    return readdirSync(dir).every((entry) => entry === MARKER);
  } catch {
    return false;
  }
}

function isAlive(pid: number): boolean {
  if (pid === process.pid) return true;
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}

function escapeRegExp(s: string): string {
  return s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}
