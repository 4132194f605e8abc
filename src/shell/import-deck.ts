/**
 * `talkdeck import`: reads a Markdown deck and the `reveal-md.json` files reveal-md would read,
 * lets the core plan the deck.yaml, then writes it with the editor modeline and copies the
 * images it uses. Never overwrites: when deck.yaml or a different file of the same name exists,
 * nothing at all is written.
 */
import { copyFileSync, existsSync, mkdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { basename, dirname, extname, join, relative, resolve } from 'node:path';
import { TalkdeckError, TalkdeckErrors } from '../core/base/errors.js';
import { importMarkdownDeck } from '../core/read/markdown/to-deck-yaml.js';
import { markdownDeck } from '../core/read/markdown/deck.js';
import type { RevealMdJson } from '../core/read/markdown/index.js';
import { DECK_FILE } from './decks.js';
import { projectRootOf, schemaFileFor, schemaReference } from './scaffold.js';

export interface ImportResult {
  /** Absolute path of the deck.yaml written. */
  deckFile: string;
  /** Absolute paths of the files copied next to it. */
  copied: string[];
  warnings: TalkdeckError[];
}

/**
 * `out`: a folder (deck.yaml in it, named after the folder) or a `.yaml` file. Without it the
 * deck goes beside the Markdown file under the same name (`talk.md` → `talk.yaml`, the deck
 * `talk`; `deck.md` → `deck.yaml`, named after its folder and taking precedence over it).
 */
export function importDeckFile(mdPath: string, out: string | undefined, cwd: string): ImportResult {
  const file = resolve(cwd, mdPath);
  const shown = relative(cwd, file) || file;
  if (extname(file).toLowerCase() !== '.md') {
    throw new TalkdeckError({ code: 'usage', message: `${shown} is not a Markdown file`, hint: 'talkdeck import <deck.md> [--out <folder>]' });
  }
  if (!existsSync(file) || !statSync(file).isFile()) {
    throw new TalkdeckError({ code: 'deck-not-found', file: shown, message: `No Markdown deck at ${shown}`, hint: 'give the path of a .md file' });
  }
  const deckDir = dirname(file);
  const named = out !== undefined && /\.ya?ml$/i.test(out) && !isDirectory(resolve(cwd, out));
  const target = resolve(cwd, out === undefined ? deckDir : named ? dirname(out) : out);
  const deckFile = named ? resolve(cwd, out!) : join(target, out === undefined && basename(file).toLowerCase() !== 'deck.md' ? `${basename(file, extname(file))}.yaml` : DECK_FILE);

  // reveal-md reads reveal-md.json from its working folder; talkdeck also reads the deck folder's.
  const jsonFiles: RevealMdJson[] = [];
  for (const dir of new Set([resolve(cwd), deckDir])) {
    const json = join(dir, 'reveal-md.json');
    if (existsSync(json)) jsonFiles.push({ file: relative(cwd, json) || json, text: readFileSync(json, 'utf8') });
  }
  const markdown = markdownDeck(shown, readFileSync(file, 'utf8'), { revealMdJson: jsonFiles });
  const errors = markdown.problems.filter((p) => p.severity === 'error');
  if (errors.length) throw new TalkdeckErrors(errors);

  const plan = importMarkdownDeck(markdown);
  const warnings = [...markdown.problems, ...plan.warnings];
  const refuse = (path: string, why: string) =>
    new TalkdeckError({ code: 'file-exists', file: relative(cwd, path) || path, message: `Not overwriting ${relative(cwd, path) || path}: ${why}`, hint: 'import into a new folder with --out <folder>' });
  if (existsSync(deckFile)) throw refuse(deckFile, 'it exists');

  const copies: { from: string; to: string }[] = [];
  for (const rel of plan.files) {
    const from = join(deckDir, rel);
    const to = join(target, rel);
    if (!existsSync(from) || !statSync(from).isFile()) {
      warnings.push(new TalkdeckError({ code: 'missing-file', severity: 'warning', file: shown, message: `${rel} is used by the deck but does not exist; not copied`, hint: 'add the file to the deck folder, or change the reference' }));
      continue;
    }
    if (from === to) continue;
    if (existsSync(to)) {
      if (readFileSync(to).equals(readFileSync(from))) continue;
      throw refuse(to, 'a different file of that name exists');
    }
    copies.push({ from, to });
  }

  const modeline = `# yaml-language-server: $schema=${schemaReference(target, schemaFileFor(target), projectRootOf(target))}\n`;
  for (const { from, to } of copies) {
    mkdirSync(dirname(to), { recursive: true });
    copyFileSync(from, to);
  }
  mkdirSync(target, { recursive: true });
  writeFileSync(deckFile, modeline + plan.yaml, { flag: 'wx' });
  return { deckFile, copied: copies.map((c) => c.to), warnings };
}

function isDirectory(path: string): boolean {
  return existsSync(path) && statSync(path).isDirectory();
}
