/**
 * countWords skips the Markdown parser for text without links, entities, autolinks or escapes
 * (src/core/base/markdown.ts). That shortcut must count exactly what the parser's text would: here
 * both ways are compared on generated text made of words, whitespace and every delimiter.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { countWords, htmlToText, renderInline } from '../src/core/base/markdown.js';

const byParser = (markdown: string): number =>
  htmlToText(renderInline(markdown).html)
    .split(/\s+/)
    .filter((t) => /[\p{L}\p{N}]/u.test(t)).length;

// `]`, entities, `<` and `\\` are in the mix too: dropping one from the shortcut's test must fail here.
const piece = fc.constantFrom(']', '](https://example.org "Titel")', '&amp;', '&#65;', '<https://example.org>', '\\', 'Wort', 'zwei', '2024', 'NATO-Partner', 'é', '*', '**', '_', '__', '`', '~', '!', '"', "'", '(', ')', '[', '#', '-', '1.', '|', ' ', '  ', '\n', '\n\n', '\t', ':', 'https://example.org');

describe('counting words without the parser', () => {
  it('agrees with the parser, with or without ], &, < or \\', () => {
    fc.assert(
      fc.property(fc.array(piece, { maxLength: 40 }), (pieces) => {
        const text = pieces.join('');
        expect(countWords(text)).toBe(byParser(text));
      }),
      { numRuns: 3000 },
    );
  });

  it('still parses links, entities and escapes, whose text differs from their source', () => {
    // Raw, each is one or three whitespace-separated tokens; shown, they read differently.
    expect(countWords('[zwei Wörter](https://example.org "mit Titel")')).toBe(2);
    expect(countWords('Tom &amp; Jerry')).toBe(2);
    expect(countWords('a\\ b')).toBe(byParser('a\\ b'));
  });
});
