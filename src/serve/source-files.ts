/**
 * The files a built deck copies (reveal.js, fonts, theme, images), read once and kept in memory.
 * An entry is reused while the file's size, mtime and inode are what they were when it was read,
 * so an edited image or stylesheet is read again without anyone having to invalidate anything.
 */
import { createHash } from 'node:crypto';
import { readFileSync, realpathSync, statSync, type Stats } from 'node:fs';
import { sep } from 'node:path';

export interface Body {
  data: Buffer;
  etag: string;
}

/** A file that is a link out of the folder it is listed in: never served. */
export class OutsideFolderError extends Error {
  constructor(readonly path: string) {
    super(`${path} resolves to a file outside its folder`);
    this.name = 'OutsideFolderError';
  }
}

export function bodyOf(data: Buffer | string): Body {
  const buffer = typeof data === 'string' ? Buffer.from(data) : data;
  return { data: buffer, etag: `"${createHash('sha1').update(buffer).digest('base64url')}"` };
}

export function signature(st: Stats): string {
  return `${st.size}:${st.mtimeMs}:${st.ino}`;
}

export class SourceFiles {
  private readonly cache = new Map<string, Body & { signature: string }>();
  private readonly confined: { dir: string; real: string }[];

  /** `confinedTo`: folders whose files must really be inside them (the deck folder: no symlinks out). */
  constructor(confinedTo: string[]) {
    this.confined = confinedTo.map((dir) => ({ dir: withSep(dir), real: withSep(realpathSync(dir)) }));
  }

  /** Throws the fs error (ENOENT …) or OutsideFolderError. */
  read(path: string): Body {
    const sig = signature(statSync(path));
    const cached = this.cache.get(path);
    if (cached?.signature === sig) return cached;
    const folder = this.confined.find((c) => path.startsWith(c.dir));
    if (folder && !realpathSync(path).startsWith(folder.real)) throw new OutsideFolderError(path);
    const body = { ...bodyOf(readFileSync(path)), signature: sig };
    this.cache.set(path, body);
    return body;
  }
}

function withSep(dir: string): string {
  return dir.endsWith(sep) ? dir : dir + sep;
}
