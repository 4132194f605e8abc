/** Types of scripts/golden.mjs for the test that runs it. */
export interface OutputHashes {
  code: number;
  stdout: string;
  stderr: string;
  files: Record<string, string>;
}
export type Golden = Record<string, Record<string, OutputHashes>>;
export const HASHES: string;
export function collectGolden(options?: { only?: string[] }): Promise<Golden>;
export function compareGolden(recorded: Golden, now: Golden): string[];
