/** One CLI command: its yargs definition and a runner that loads what it needs when called. */
import type { Argv } from 'yargs';
import type { Io } from './io.js';

export interface CommandSpec {
  command: string;
  describe: string;
  builder: (y: Argv) => Argv;
  run: (io: Io, args: Record<string, unknown>) => Promise<number> | number;
}

export function strings(value: unknown): string[] {
  return Array.isArray(value) ? value.map(String) : [];
}
