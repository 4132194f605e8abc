/**
 * The Markdown corpus (test/fixtures/markdown-corpus/): real reveal-md and Marp decks by other
 * people, and what the real tools make of them (expected.json, made once by
 * scripts/corpus-expected.mjs with reveal-md and marp-core; never by talkdeck's parser).
 * Three numbers per deck: horizontal slides, all slides, slides with notes.
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { readMarkdownDeck } from '../src/core/read/markdown/index.js';

export const CORPUS = join(import.meta.dirname, 'fixtures/markdown-corpus');

export interface Counts {
  horizontal: number;
  total: number;
  withNotes: number;
}
export const EXPECTED: Record<string, Counts & { dialect: string; tool: string }> = JSON.parse(readFileSync(join(CORPUS, 'expected.json'), 'utf8'));
export const DECKS = readdirSync(CORPUS).filter((name) => existsSync(join(CORPUS, name, 'deck.md'))).sort();

const only = (c: Counts): Counts => ({ horizontal: c.horizontal, total: c.total, withNotes: c.withNotes });

describe('the Markdown corpus', () => {
  it('has at least 12 decks, each with numbers from the real tools', () => {
    expect(DECKS.length).toBeGreaterThanOrEqual(12);
    expect(Object.keys(EXPECTED).sort()).toEqual(DECKS);
    expect(new Set(DECKS.map((d) => EXPECTED[d]!.dialect))).toEqual(new Set(['reveal-md', 'marp']));
  });

  // The reader's split alone, before anything is rendered: the fastest place to see a mismatch.
  it.each(DECKS)('%s: the reader splits it as the real tool does', (name) => {
    const dir = join(CORPUS, name);
    const json = join(dir, 'reveal-md.json');
    const source = readMarkdownDeck(`${name}/deck.md`, readFileSync(join(dir, 'deck.md'), 'utf8'), {
      revealMdJson: existsSync(json) ? [{ file: `${name}/reveal-md.json`, text: readFileSync(json, 'utf8') }] : [],
    });
    expect(source.dialect).toBe(EXPECTED[name]!.dialect);
    const counts: Counts = {
      horizontal: new Set(source.slides.map((s) => s.h)).size,
      total: source.slides.length,
      withNotes: source.slides.filter((s) => (s.notes ?? '').trim() !== '').length,
    };
    expect(counts).toEqual(only(EXPECTED[name]!));
  });
});
