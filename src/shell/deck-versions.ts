/**
 * The two versions `talkdeck diff` and `--since` compare, as input for the model: a deck on disk,
 * or the same deck as it was in a git revision (git.ts). Each comes with the content hashes of
 * its files, so an image replaced under the same name is told apart.
 */
import { relative } from 'node:path';
import { decodeUtf8 } from '../core/base/encoding.js';
import type { ContentHash } from '../core/diff/slide-content.js';
import type { ModelInput } from '../core/pipeline.js';
import { modelInput, readText, type DeckLocation } from './decks.js';
import { diskHashes, treeAtRevision, type Revision } from './git.js';

export interface DeckVersion {
  input: ModelInput;
  hash: ContentHash;
  /** What the version is called in reports: the revision as given, or the file. */
  label: string;
  revision?: Revision | undefined;
}

/** The deck as it is on disk. */
export function deckOnDisk(deck: DeckLocation, cwd: string, label?: string): DeckVersion {
  const input = modelInput(deck, cwd, readText(deck.file, shown(deck, cwd)));
  return { input, hash: diskHashes(deck.dir), label: label ?? input.file };
}

/**
 * The deck as it was at a git revision: its file from that commit and the deck folder's files
 * as they were then (for the images it names). Problems in it are placed at `<ref>:<path>`,
 * git's own name for a file at a revision.
 */
export function deckAtRevision(deck: DeckLocation, cwd: string, ref: string): DeckVersion {
  const tree = treeAtRevision(deck.file, ref, shown(deck, cwd));
  const file = `${ref}:${tree.path}`;
  const input: ModelInput = {
    name: deck.name,
    file,
    text: decodeUtf8(file, tree.deck),
    exists: (rel) => tree.files.has(rel),
    revealMdJson: tree.files.has('reveal-md.json') && /\.(md|markdown)$/i.test(deck.file) ? [{ file: `${ref}:reveal-md.json`, text: decodeUtf8('reveal-md.json', tree.read('reveal-md.json')) }] : undefined,
  };
  return { input, hash: (rel) => tree.files.get(rel), label: ref, revision: tree.revision };
}

const shown = (deck: DeckLocation, cwd: string): string => relative(cwd, deck.file) || deck.file;
