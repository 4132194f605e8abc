/** One CLI command: its yargs definition and a runner that loads what it needs when called. */
import type { Argv } from 'yargs';
import type { Io } from './io.js';

export interface CommandSpec {
  command: string;
  describe: string;
  builder: (y: Argv) => Argv;
  /** For a command with a required argument: what it needs, said when the argument is missing. */
  needs?: string;
  run: (io: Io, args: Record<string, unknown>) => Promise<number> | number;
}

export function strings(value: unknown): string[] {
  return Array.isArray(value) ? value.map(String) : [];
}

/** What a deck argument may be, for every command's help. */
export const DECKS_ARG = 'Deck names under content/, deck folders, or deck files (.yaml, .yml, .md); none: the decks in this folder, else under content/';
