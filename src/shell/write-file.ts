/**
 * Writes one output file (a single-file deck, a PDF, a handout) atomically: into a temporary
 * sibling, then renamed over the target, so a reader never sees half a file and a failed run
 * leaves the previous one. A file has no room for a marker beside it, so the caller says how
 * to recognise a file talkdeck made; any other existing file is refused unless --force.
 */
import { existsSync, mkdirSync, readFileSync, renameSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { basename, dirname, join, relative } from 'node:path';
import { TalkdeckError } from '../core/base/errors.js';

export interface WriteFileRequest {
  target: string;
  content: string | Uint8Array;
  /** Whether an existing file at the target is one talkdeck wrote (and may be replaced). */
  isOurs: (existing: Buffer) => boolean;
  force?: boolean;
  /** For messages: paths are shown relative to this. */
  cwd: string;
}

export function writeFileAtomic(req: WriteFileRequest): void {
  const shown = relative(req.cwd, req.target) || req.target;
  try {
    assertReplaceable(req);
    mkdirSync(dirname(req.target), { recursive: true });
  } catch (error) {
    throw fileSystemError(error, shown);
  }
  const tmp = join(dirname(req.target), `.${basename(req.target)}.tmp-${process.pid}-${Date.now().toString(36)}`);
  try {
    writeFileSync(tmp, req.content);
    renameSync(tmp, req.target);
  } catch (error) {
    rmSync(tmp, { force: true });
    throw fileSystemError(error, shown);
  }
}

/** A file-system error while writing (no permission, a file where a folder should be) in the user's words. */
export function fileSystemError(error: unknown, shown: string): unknown {
  const code = (error as NodeJS.ErrnoException)?.code;
  if (error instanceof TalkdeckError || !code) return error;
  return new TalkdeckError({
    code: 'io',
    message: `Could not write ${shown} (${code}: ${(error as Error).message.replace(/^[A-Z]+: /, '')})`,
    hint: 'choose a folder you can write to with --out, or check the permissions of this one',
    cause: error,
  });
}

/** Throws unless the target is absent, or a file talkdeck made, or --force was given. */
export function assertReplaceable(req: Omit<WriteFileRequest, 'content'>): void {
  if (!existsSync(req.target)) return;
  const shown = relative(req.cwd, req.target) || req.target;
  if (!statSync(req.target).isFile()) {
    throw new TalkdeckError({
      code: 'foreign-output',
      message: `Output path ${shown} exists and is not a file`,
      hint: 'move it away or choose another --out',
    });
  }
  if (!req.force && !req.isOurs(readFileSync(req.target))) {
    throw new TalkdeckError({
      code: 'foreign-output',
      message: `${shown} exists and was not made by talkdeck`,
      hint: 'move it away, choose another --out, or pass --force to replace it',
    });
  }
}
