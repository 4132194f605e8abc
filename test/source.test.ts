// The fast parser (js-yaml) and the positional one (yaml) must agree on what a deck says.
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import jsYaml from 'js-yaml';
import { parseDocument } from 'yaml';
import { describe, expect, it } from 'vitest';
import { locate } from '../src/core/base/source.js';
import { parseSource } from '../src/core/read/yaml/parse.js';
import { ROOT } from './helpers/build.js';

const decks = [
  ...readdirSync(join(ROOT, 'content')).map((d) => join(ROOT, 'content', d, 'deck.yaml')),
  ...['minimal', 'wrong-type', 'misspelt-key', 'unknown-layout'].map((d) => join(ROOT, 'test/fixtures', d, 'deck.yaml')),
];

describe('YAML parsing', () => {
  for (const file of decks) {
    it(`both parsers read ${file.slice(ROOT.length + 1)} alike`, () => {
      const text = readFileSync(file, 'utf8');
      expect(jsYaml.load(text, { schema: jsYaml.CORE_SCHEMA })).toEqual(parseDocument(text).toJS());
    });
  }

  it('treats dates, yes/no and numbers as YAML 1.2 does', () => {
    const { data } = parseSource('x.yaml', 'a: 2024-01-31\nb: yes\nc: 1.50\nd: "007"\n');
    expect(data).toEqual({ a: '2024-01-31', b: 'yes', c: 1.5, d: '007' });
  });

  it('locates keys and values, and the nearest ancestor of a missing path', () => {
    const { source } = parseSource('x.yaml', 'title: T\nslides:\n  - title: A\n    points: [a, b]\n');
    expect(locate(source, ['slides', 0, 'points', 1])).toMatchObject({ line: 4, column: 17 });
    expect(locate(source, ['slides', 0, 'points'], { key: true })).toMatchObject({ line: 4, column: 5 });
    expect(locate(source, ['slides', 0, 'missing'])).toMatchObject({ line: 3, column: 5 });
  });

  it('reports the first syntax error only: what the parser says after it follows from its guess', () => {
    const { errors } = parseSource('x.yaml', 'title: [unclosed\nslides:\n  - a: b\n   c: d\n');
    expect(errors.map((e) => [e.code, e.line, e.column, e.message])).toEqual([['yaml-syntax', 1, 8, 'YAML syntax error: this [ is never closed']]);
  });
});
