// Property-based: generated YAML text and generated deck structures through the whole pipeline
// in-process. Every input must end as a build or as located problems (exit 0 or 1), never as an
// uncaught exception. FUZZ_RUNS raises the count (`npm run fuzz`).
import fc from 'fast-check';
import { beforeAll, describe, it } from 'vitest';
import { deckText, harness, yamlText, type Harness } from './fuzz.js';

// Structures cost more per case (most reach the renderer); the defaults keep `npm test` quick.
const textRuns = Number(process.env.FUZZ_RUNS ?? 1200);
const deckRuns = Number(process.env.FUZZ_RUNS ?? 400);
let h: Harness;
beforeAll(async () => {
  h = await harness();
});

describe('generated input never crashes the pipeline', () => {
  it(`YAML text (${textRuns} cases)`, { timeout: 3_600_000 }, async () => {
    await fc.assert(fc.asyncProperty(yamlText, (text) => h.check(text)), { numRuns: textRuns });
  });

  it(`deck structures (${deckRuns} cases)`, { timeout: 3_600_000 }, async () => {
    await fc.assert(fc.asyncProperty(deckText, (text) => h.check(text)), { numRuns: deckRuns });
  });
});
