/**
 * The Markdown corpus (test/fixtures/markdown-corpus/): real reveal-md and Marp decks by other
 * people, and what the real tools make of them (expected.json, made once by
 * scripts/corpus-expected.mjs with reveal-md and marp-core; never by talkdeck's parser).
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { markdownDeck, type MarkdownDeck } from '../../src/core/read/markdown/deck.js';
import { readMarkdownDeck, type MarkdownDeckSource, type RevealMdJson } from '../../src/core/read/markdown/index.js';

export const CORPUS = join(import.meta.dirname, '../fixtures/markdown-corpus');

/** Horizontal slides, all slides, slides with notes. */
export interface Counts {
  horizontal: number;
  total: number;
  withNotes: number;
}
export const EXPECTED: Record<string, Counts & { dialect: string; tool: string }> = JSON.parse(readFileSync(join(CORPUS, 'expected.json'), 'utf8'));
export const DECKS = readdirSync(CORPUS).filter((name) => existsSync(join(CORPUS, name, 'deck.md'))).sort();

export const counts = (c: Counts): Counts => ({ horizontal: c.horizontal, total: c.total, withNotes: c.withNotes });

const jsonOf = (dir: string): RevealMdJson[] => {
  const json = join(dir, 'reveal-md.json');
  return existsSync(json) ? [{ file: json, text: readFileSync(json, 'utf8') }] : [];
};

/** A deck folder's deck.md through the reader, with the folder's reveal-md.json as reveal-md reads it. */
export function readDeckFolder(dir: string, shown: string): MarkdownDeckSource {
  return readMarkdownDeck(shown, readFileSync(join(dir, 'deck.md'), 'utf8'), { revealMdJson: jsonOf(dir) });
}

/** The same, on to the deck data building the .md starts from. */
export function markdownDeckFolder(dir: string, shown: string): MarkdownDeck {
  return markdownDeck(shown, readFileSync(join(dir, 'deck.md'), 'utf8'), { revealMdJson: jsonOf(dir) });
}
