/** Runs the real pipeline on a deck folder in-process (no disk writes). */
import { existsSync } from 'node:fs';
import { join, relative } from 'node:path';
import { buildDeck, type DeckBuild, type DeckInput } from '../../src/core/pipeline.js';
import { readDeck, templatesFor } from '../../src/shell/decks.js';
import { loadRenderer } from '../../src/shell/renderer.js';

export const ROOT = join(import.meta.dirname, '../..');

/** `layers`: settings from a config file or flags, as the CLI would pass them. */
export async function buildFolder(dir: string, layers?: DeckInput['layers']): Promise<DeckBuild> {
  const file = existsSync(join(dir, 'deck.yaml')) ? 'deck.yaml' : 'deck.md';
  const deck = { name: relative(join(ROOT, 'test/fixtures'), dir).split('/').pop()!, dir, file: join(dir, file) };
  const renderer = await loadRenderer(templatesFor(deck, ROOT));
  return buildDeck({ ...readDeck(deck, ROOT, renderer), layers });
}

export function fixture(name: string): string {
  return join(ROOT, 'test/fixtures', name);
}
