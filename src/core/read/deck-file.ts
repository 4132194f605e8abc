/**
 * Which reader a deck file goes to, by its extension, and what every reader hands on: the deck
 * data with a SourceFile that places each key path, its syntax errors, and what its dialect
 * sets below the deck's own settings.
 */
import type { TalkdeckError } from '../base/errors.js';
import type { SourceFile } from '../base/source.js';
import type { RevealOptions } from '../deck/options.js';
import type { SettingsLayer } from '../deck/settings.js';
import { markdownDeck } from './markdown/deck.js';
import type { RevealMdJson } from './markdown/types.js';
import { parseSource } from './yaml/parse.js';

/** What a reader needs: the file as shown to the user, its text, and reveal-md.json layers. */
export interface DeckFile {
  file: string;
  text: string;
  revealMdJson?: RevealMdJson[] | undefined;
}

export interface ReadDeck {
  source: SourceFile;
  data: unknown;
  /** At most one syntax error (the first); `spoils` says which later problems are its echoes. */
  syntaxErrors: (TalkdeckError & { spoils?: (line: number, column: number) => boolean })[];
  /** Problems a reader finds before validation (Markdown decks); each has its severity. */
  readerWarnings: TalkdeckError[];
  /** Lint defaults of the deck's dialect, below the config file (see resolveSettings). */
  dialectSettings?: SettingsLayer | undefined;
  /** reveal.js options of the deck's dialect, under its own `reveal` block. */
  revealDefaults?: RevealOptions | undefined;
  dialect?: 'markdown' | 'marp' | undefined;
}

export function readDeckFile(input: DeckFile): ReadDeck {
  if (/\.(md|markdown)$/i.test(input.file)) {
    const md = markdownDeck(input.file, input.text, { revealMdJson: input.revealMdJson });
    return {
      source: md.source,
      data: md.data,
      syntaxErrors: [],
      readerWarnings: md.problems,
      // A Markdown deck is its author's as it is: remote images are reported, not refused.
      dialectSettings: { lint: { 'remote-resource': 'warning' } },
      revealDefaults: md.revealDefaults,
      dialect: md.deck.dialect === 'marp' ? 'marp' : 'markdown',
    };
  }
  const { source, data, errors } = parseSource(input.file, input.text);
  return { source, data, syntaxErrors: errors, readerWarnings: [] };
}
