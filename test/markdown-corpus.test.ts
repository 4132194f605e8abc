/**
 * The Markdown corpus (test/fixtures/markdown-corpus/): real reveal-md and Marp decks by other
 * people, and what the real tools make of them (expected.json, made once by
 * scripts/corpus-expected.mjs with reveal-md and marp-core; never by talkdeck's parser).
 * Three numbers per deck: horizontal slides, all slides, slides with notes.
 */
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { CORPUS, DECKS, EXPECTED, counts, readDeckFolder, type Counts } from './helpers/markdown-corpus.js';

describe('the Markdown corpus', () => {
  it('has at least 12 decks, each with numbers from the real tools', () => {
    expect(DECKS.length).toBeGreaterThanOrEqual(12);
    expect(Object.keys(EXPECTED).sort()).toEqual(DECKS);
    expect(new Set(DECKS.map((d) => EXPECTED[d]!.dialect))).toEqual(new Set(['reveal-md', 'marp']));
  });

  // The reader's split alone, before anything is rendered: the fastest place to see a mismatch.
  it.each(DECKS)('%s: the reader splits it as the real tool does', (name) => {
    const source = readDeckFolder(join(CORPUS, name), `${name}/deck.md`);
    expect(source.dialect).toBe(EXPECTED[name]!.dialect);
    const got: Counts = {
      horizontal: new Set(source.slides.map((s) => s.h)).size,
      total: source.slides.length,
      withNotes: source.slides.filter((s) => (s.notes ?? '').trim() !== '').length,
    };
    expect(got).toEqual(counts(EXPECTED[name]!));
  });
});
