/**
 * Where an export (PDF, single-file HTML, handout, …) of each deck is written. `--out` names a
 * folder — each deck goes to `<out>/<deck><suffix><ext>` — or, when it ends in the export's own
 * extension, the file itself (`pdf --out talk.pdf`). A file name fits one deck only; a file name
 * of another kind (`pdf --out talk.html`, `pptx --out slides.ppt`, `handout --out notes.txt`)
 * is a usage error rather than a folder of that name. An existing folder is always a folder,
 * whatever its name.
 */
import { statSync } from 'node:fs';
import { extname, join, resolve } from 'node:path';
import { TalkdeckError } from '../core/base/errors.js';

/** Extensions of files talkdeck writes: `--out` with one of these means a file, never a folder. */
const FILE_EXTENSIONS = ['.pdf', '.html', '.htm', '.md', '.markdown', '.pptx'];
/**
 * Extensions of documents talkdeck does not write, which people still type after --out: such a
 * name means a file too (a wrong kind, so a usage error), not a folder to create under that name.
 * A closed list: a folder may well be called `talks.example.org` or `v1.2`.
 */
const OTHER_DOCUMENTS = [
  '.ppt', '.pps', '.ppsx', '.pot', '.potx', '.key', '.odp', '.doc', '.docx', '.odt', '.rtf', '.txt', '.text',
  '.xhtml', '.mht', '.mhtml', '.epub', '.zip', '.png', '.jpg', '.jpeg', '.gif', '.svg', '.webp', '.json', '.yaml', '.yml',
  '.csv', '.xls', '.xlsx',
];

export interface OutputTargetRequest {
  /** `--out` as given, relative to cwd. */
  out: string;
  cwd: string;
  /** How many decks this run exports. */
  deckCount: number;
  /** The export's extensions, the usual one first: ['.html', '.htm']. */
  extensions: readonly string[];
  /** Added to the deck's name in a folder: `-notes`, `-handout`. */
  suffix?: string;
  /** The export in the user's words, for messages: "a PDF". */
  what: string;
}

/** The output file for each deck by name; throws a usage error when --out cannot be right. */
export function outputTargets(req: OutputTargetRequest): (deckName: string) => string {
  const path = resolve(req.cwd, req.out);
  if (!namesFile(path)) return (deck) => join(path, `${deck}${req.suffix ?? ''}${req.extensions[0]}`);
  const ext = extname(path).toLowerCase();
  if (!req.extensions.includes(ext)) {
    throw new TalkdeckError({
      code: 'usage',
      message: `--out ${req.out} names a ${ext} file, but this command writes ${req.what} (${req.extensions[0]})`,
      hint: `name a ${req.extensions[0]} file, or a folder to write <deck>${req.suffix ?? ''}${req.extensions[0]} into`,
    });
  }
  if (req.deckCount > 1) {
    throw new TalkdeckError({
      code: 'usage',
      message: `--out ${req.out} names one file, but there are ${req.deckCount} decks`,
      hint: `name one deck, or give a folder (e.g. --out dist) to write each deck's ${req.extensions[0]} file into`,
    });
  }
  return () => path;
}

/** Whether --out names a file, of a kind talkdeck writes or another document (and is not an existing folder). */
export function namesFile(path: string): boolean {
  let folder = false;
  try {
    folder = statSync(path, { throwIfNoEntry: false })?.isDirectory() ?? false;
  } catch {
    // ENOTDIR (a file where a folder should be): not a folder; writing it says what is wrong.
  }
  if (folder) return false;
  const ext = extname(path).toLowerCase();
  return FILE_EXTENSIONS.includes(ext) || OTHER_DOCUMENTS.includes(ext);
}
