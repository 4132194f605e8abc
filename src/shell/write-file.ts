/**
 * Writes one output file (a single-file deck, a PDF, a handout) atomically: into a temporary
 * sibling, then renamed over the target, so a reader never sees half a file and a failed run
 * leaves the previous one. A file has no room for a marker beside it, so the caller says how
 * to recognise a file talkdeck made; any other existing file is refused unless --force.
 */
import { existsSync, mkdirSync, readFileSync, renameSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { basename, dirname, isAbsolute, join, relative } from 'node:path';
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
  try {
    assertReplaceable(req);
    mkdirSync(dirname(req.target), { recursive: true });
  } catch (error) {
    throw fileSystemError(error, req.target, req.cwd);
  }
  const tmp = join(dirname(req.target), `.${basename(req.target)}.tmp-${process.pid}-${Date.now().toString(36)}`);
  try {
    writeFileSync(tmp, req.content);
    renameSync(tmp, req.target);
  } catch (error) {
    rmSync(tmp, { force: true });
    throw fileSystemError(error, req.target, req.cwd);
  }
}

/** A path for messages: relative to the working folder, unless that climbs out more than a level. */
export function shownPath(cwd: string, path: string): string {
  const rel = relative(cwd, path);
  return rel === '' || isAbsolute(rel) || /^\.\.[\\/]\.\./.test(rel) ? path : rel;
}

/** What an errno means for someone writing output, in their words. */
const WHY: Record<string, string> = {
  ENOENT: 'nothing can be created there',
  EACCES: 'permission denied',
  EPERM: 'permission denied',
  EROFS: 'the file system is read-only',
  ENOSPC: 'no space left on the device',
  EDQUOT: 'the disk quota is used up',
  EEXIST: 'a file is in the way where a folder is needed',
  ENOTDIR: 'a file is in the way where a folder is needed',
  EISDIR: 'a folder is in the way where a file is needed',
};

/**
 * A file-system error while writing (no permission, a file where a folder should be) in the
 * user's words. `target` is what was being written, absolute; paths are shown relative to `cwd`.
 */
export function fileSystemError(error: unknown, target: string, cwd: string): unknown {
  const code = (error as NodeJS.ErrnoException)?.code;
  if (error instanceof TalkdeckError || !code) return error;
  const blocking = code === 'EEXIST' || code === 'ENOTDIR' ? fileInTheWay(target) : undefined;
  const why = blocking ? `${shownPath(cwd, blocking)} is a file, where a folder is needed` : WHY[code];
  return new TalkdeckError({
    code: 'io',
    message: `Could not write ${shownPath(cwd, target)}: ${why ?? (error as Error).message.replace(/^[A-Z]+: /, '').replace(/, \w+ '.*'$/, '')} (${code})`,
    hint: 'choose a folder you can write to with --out (it is made if missing), or check the permissions of this one',
    cause: error,
  });
}

/** The nearest folder above `path` that is in fact a file. */
function fileInTheWay(path: string): string | undefined {
  for (let dir = dirname(path); dir !== dirname(dir); dir = dirname(dir)) {
    try {
      if (!statSync(dir).isDirectory()) return dir;
    } catch {
      // not there (yet): look further up
    }
  }
  return undefined;
}

/** Throws unless the target is absent, or a file talkdeck made, or --force was given. */
export function assertReplaceable(req: Omit<WriteFileRequest, 'content'>): void {
  if (!existsSync(req.target)) return;
  const shown = shownPath(req.cwd, req.target);
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
