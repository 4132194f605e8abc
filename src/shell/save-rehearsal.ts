/**
 * Writing one rehearsal record into the deck folder, `rehearsals/<date-time>.json`: the only
 * file `talkdeck serve` ever writes. The name comes from this computer's clock, never from the
 * request; the file is written whole under a temporary dot-name (which readers and the watcher
 * ignore) and then linked to its name, which fails rather than replace a file that is there: a
 * record is never overwritten, and never seen half-written. On a file system without hard links
 * (FAT and exFAT USB sticks) it is created exclusively instead.
 */
import { randomBytes } from 'node:crypto';
import { linkSync, mkdirSync, realpathSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { join, sep } from 'node:path';
import { TalkdeckError } from '../core/base/errors.js';
import { LINK_OUTSIDE } from '../core/base/resources.js';
import { REHEARSALS_DIR, serializeRehearsal, type RehearsalRecord } from '../core/deck/rehearsal.js';

/** `2025-05-01_14-03-22` in local time: sorts by time, and is a valid file name everywhere. */
export function rehearsalName(at: Date): string {
  const p = (n: number): string => String(n).padStart(2, '0');
  return `${at.getFullYear()}-${p(at.getMonth() + 1)}-${p(at.getDate())}_${p(at.getHours())}-${p(at.getMinutes())}-${p(at.getSeconds())}`;
}

/** Saves the record; returns its path relative to the deck folder (`rehearsals/….json`). */
export function saveRehearsal(deckDir: string, record: RehearsalRecord, at = new Date()): string {
  const dir = join(deckDir, REHEARSALS_DIR);
  mkdirSync(dir, { recursive: true });
  // rehearsals/ may be a link, but only to a folder inside the deck folder (the resource rule).
  const real = realpathSync(dir);
  if (!real.startsWith(realpathSync(deckDir) + sep) || !statSync(real).isDirectory()) {
    throw new TalkdeckError({ code: 'io', file: dir, message: `${REHEARSALS_DIR}/ ${LINK_OUTSIDE.reason}, or is not a folder`, hint: LINK_OUTSIDE.hint });
  }
  const text = serializeRehearsal(record);
  const tmp = join(dir, `.rehearsal-${randomBytes(6).toString('hex')}.tmp`);
  writeFileSync(tmp, text, { flag: 'wx' });
  try {
    const base = rehearsalName(at);
    for (let n = 1; ; n++) {
      const name = `${base}${n === 1 ? '' : `-${n}`}.json`;
      try {
        linkSync(tmp, join(dir, name));
        return `${REHEARSALS_DIR}/${name}`;
      } catch (error) {
        const code = (error as NodeJS.ErrnoException).code;
        if (code === 'EEXIST') continue;
        if (code !== 'EPERM' && code !== 'ENOTSUP' && code !== 'EOPNOTSUPP' && code !== 'ENOSYS') throw error;
        try {
          writeFileSync(join(dir, name), text, { flag: 'wx' });
          return `${REHEARSALS_DIR}/${name}`;
        } catch (fallback) {
          if ((fallback as NodeJS.ErrnoException).code === 'EEXIST') continue;
          throw fallback;
        }
      }
    }
  } finally {
    rmSync(tmp, { force: true });
  }
}
