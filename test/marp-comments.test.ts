/** Marp: which HTML comments are notes. Checked against marp-core 5 (`render().comments`). */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { expect, it } from 'vitest';
import { readMarkdownDeck } from '../src/core/read/markdown/index.js';

const file = join(import.meta.dirname, 'fixtures/marp-comments-in-code/deck.md');

it('a comment in code is code, and `<!--fit-->` in a heading is a keyword, not a note', () => {
  const deck = readMarkdownDeck('deck.md', readFileSync(file, 'utf8'));
  expect(deck.slides.map((s) => s.notes)).toEqual([undefined, 'a real note']);
  // The directive written as inline code sets nothing, and the code keeps its text.
  expect(deck.slides[0]!.attributes).toEqual({});
  expect(deck.slides[0]!.markdown).toContain('```<!-- _class: lead -->```');
  expect(deck.slides[1]!.markdown).toContain('<!-- not a note: it is code -->');
  expect(deck.slides[0]!.markdown).not.toContain('fit-->');
});

it('a directive value is read as Marp reads it: `#123` is a colour, not a YAML comment', () => {
  const deck = readMarkdownDeck('deck.md', '---\nmarp: true\n---\n\n<!--\n_backgroundColor: #123\n_color: #fff\n-->\n\n# Dark\n');
  expect(deck.slides[0]!.attributes).toEqual({ 'data-background-color': '#123', style: 'color: #fff' });
});

it('`![bg](URL)` written in code is an example, not the page background', () => {
  const deck = readMarkdownDeck('deck.md', '---\nmarp: true\n---\n\nWrite ```![bg left:40%](URL)``` for a split.\n');
  expect(deck.slides[0]!.attributes).toEqual({});
  expect(deck.slides[0]!.markdown).toContain('```![bg left:40%](URL)```');
});
