/**
 * Reading a deck's rehearsals: the `rehearsals/` folder next to the deck file, each `*.json` in it
 * checked against the record schema (core/deck/rehearsal.ts). The core gets the valid records of
 * this deck as data; a file that is not one is skipped and said, never a crash: broken or
 * foreign JSON, another encoding, a file too large to be a record, a link out of the deck folder.
 */
import { lstatSync, readdirSync, readFileSync, realpathSync, statSync } from 'node:fs';
import { join, relative, sep } from 'node:path';
import { decodeUtf8 } from '../core/base/encoding.js';
import { TalkdeckError } from '../core/base/errors.js';
import { LINK_OUTSIDE } from '../core/base/resources.js';
import { parseRehearsal, REHEARSALS_DIR } from '../core/deck/rehearsal.js';
import type { DeckInput } from '../core/pipeline.js';
import type { RehearsalFile } from '../core/model/rehearsals.js';

/** Far above a record of a 3000-slide deck (about 400 kB); anything larger is not one. */
export const MAX_RECORD_BYTES = 4 * 1024 * 1024;

export interface SkippedRehearsal {
  /** As shown to the user (relative to the working folder). */
  file: string;
  reason: string;
  /** A file meant as a record that cannot be read as one (worth a warning in every build); else another deck's or not a record at all. */
  invalid: boolean;
}

export interface DeckRehearsals {
  /** Valid records of this deck, oldest first. */
  files: RehearsalFile[];
  skipped: SkippedRehearsal[];
}

/** `deck`: the deck's folder and name (a record names the deck it was made of). */
export function readRehearsals(deck: { dir: string; name: string }, cwd: string): DeckRehearsals {
  const dir = join(deck.dir, REHEARSALS_DIR);
  const shown = (path: string): string => relative(cwd, path) || path;
  const out: DeckRehearsals = { files: [], skipped: [] };
  if (!lstatSync(dir, { throwIfNoEntry: false })) return out;
  const root = realpathSync(deck.dir);
  const inside = (path: string): boolean => {
    try {
      return realpathSync(path).startsWith(root + sep);
    } catch {
      return false;
    }
  };
  if (!inside(dir)) {
    out.skipped.push({ file: shown(dir), reason: LINK_OUTSIDE.reason, invalid: true });
    return out;
  }
  if (!statSync(dir).isDirectory()) return out;
  for (const name of readdirSync(dir).sort()) {
    // Dot files are the server's half-written temporary files, or an editor's.
    if (name.startsWith('.')) continue;
    const path = join(dir, name);
    const skip = (reason: string, invalid = true): void => void out.skipped.push({ file: shown(path), reason, invalid });
    if (!/\.json$/i.test(name)) {
      skip('not a .json file', false);
      continue;
    }
    if (!inside(path)) {
      skip(LINK_OUTSIDE.reason);
      continue;
    }
    const stat = statSync(path, { throwIfNoEntry: false });
    if (!stat?.isFile()) {
      skip('not a file');
      continue;
    }
    if (stat.size > MAX_RECORD_BYTES) {
      skip(`${Math.round(stat.size / 1024 / 1024)} MB is far more than a rehearsal record`);
      continue;
    }
    let text: string;
    try {
      text = decodeUtf8(shown(path), readFileSync(path));
    } catch (error) {
      if (!(error instanceof TalkdeckError)) skip(`could not be read (${(error as NodeJS.ErrnoException).code ?? (error as Error).message})`);
      else skip(error.message);
      continue;
    }
    const checked = parseRehearsal(text);
    if ('problem' in checked) skip(checked.problem);
    else if (checked.record.deck !== deck.name) skip(`a rehearsal of deck \`${checked.record.deck}\`, not of \`${deck.name}\``, false);
    else out.files.push({ file: shown(path), record: checked.record });
  }
  out.files.sort((a, b) => (a.record.recorded < b.record.recorded ? -1 : a.record.recorded > b.record.recorded ? 1 : a.file < b.file ? -1 : 1));
  return out;
}

/**
 * What the folder holds, as a string that changes whenever a record is added, edited or
 * removed: the dev server compares it to tell whether a rebuild has anything new to read.
 */
export function rehearsalsSignature(deckDir: string): string {
  const dir = join(deckDir, REHEARSALS_DIR);
  try {
    return readdirSync(dir)
      .filter((name) => !name.startsWith('.'))
      .sort()
      .map((name) => {
        const st = statSync(join(dir, name), { throwIfNoEntry: false });
        return `${name}:${st ? `${st.size}:${st.mtimeMs}:${st.ino}` : 'gone'}`;
      })
      .join('|');
  } catch {
    return 'none';
  }
}

/** The pipeline's view: the records, and each unreadable file as a warning with its place. */
export function rehearsalsInput(read: DeckRehearsals): NonNullable<DeckInput['rehearsals']> {
  return {
    files: read.files,
    invalid: read.skipped
      .filter((s) => s.invalid)
      .map(
        (s) =>
          new TalkdeckError({
            code: 'rehearsal-file',
            severity: 'warning',
            file: s.file,
            message: `Not a rehearsal record talkdeck can read (${s.reason}); skipped`,
            hint: 'rehearsals/ holds what the speaker view saves (press R in the speaker view); move other files elsewhere',
          }),
      ),
  };
}
