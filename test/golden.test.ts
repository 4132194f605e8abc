/**
 * Golden outputs: every deck in the repository (content/, test fixtures, safety cases and the
 * `init` decks) through build, single file, handout (HTML, Markdown), pptx and `check --format
 * json` gives the files, exit codes and messages whose hashes test/golden/hashes.json recorded.
 * A change that only moves code keeps them byte-identical. When an output changes on purpose,
 * record anew (`node scripts/golden.mjs --record`) in a commit that says why.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { collectGolden, compareGolden, HASHES } from '../scripts/golden.mjs';

describe('golden outputs', () => {
  it('every deck gives byte-identical outputs to the recorded ones', async () => {
    const recorded = JSON.parse(readFileSync(HASHES, 'utf8'));
    const now = await collectGolden();
    expect(Object.keys(now).length).toBeGreaterThan(100);
    expect(compareGolden(recorded, now)).toEqual([]);
  }, 180_000);
});
