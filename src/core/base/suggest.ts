/** "Did you mean …?": the closest candidate, if it is close enough to be a likely typo. */
import { closest, distance } from 'fastest-levenshtein';

export function suggest(input: string, candidates: readonly string[]): string | undefined {
  if (candidates.length === 0) return undefined;
  const guess = closest(input, candidates as string[]);
  const limit = Math.max(2, Math.floor(input.length / 3));
  return distance(input.toLowerCase(), guess.toLowerCase()) <= limit ? guess : undefined;
}
