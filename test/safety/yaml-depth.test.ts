// The depth scan runs before either YAML parser (both recurse per level): deep files are refused
// at the place they pass the limit, the same on every run; ordinary files are never refused.
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { tooDeepAt } from '../../src/core/read/yaml/depth.js';
import { MAX_DEPTH, parseSource } from '../../src/core/read/yaml/parse.js';
import { ROOT } from '../helpers/build.js';

const nestedBlocks = (n: number): string => Array.from({ length: n }, (_, i) => `${'  '.repeat(i)}k${i}:`).join('\n') + ' x\n';

describe('YAML nesting depth, before parsing', () => {
  it('refuses flow collections nested past the limit at the bracket that passes it', () => {
    expect(tooDeepAt(`a: ${'['.repeat(250)}${']'.repeat(250)}\n`, 200)).toEqual({ line: 1, column: 4 + 199 });
  });

  it('refuses block mappings nested past the limit at the line that passes it', () => {
    expect(tooDeepAt(nestedBlocks(300), 200)).toEqual({ line: 201, column: 401 });
  });

  it('counts compact sequences on one line', () => {
    expect(tooDeepAt(`${'- '.repeat(300)}x\n`, 200)).toEqual({ line: 1, column: 1 });
  });

  it('does not count brackets in quotes, comments, plain text and block scalars', () => {
    const text = [
      `title: "${'['.repeat(300)}"`,
      `subtitle: '${'{'.repeat(300)}'`,
      `# ${'['.repeat(300)}`,
      `author: a ${'['.repeat(300)}`,
      'slides:',
      '  - layout: markdown',
      '    body: |',
      `      ${'['.repeat(300)}`,
      `        ${'{'.repeat(300)}`,
      '    notes: >-',
      `      ${'['.repeat(300)}`,
      '  - title: "multi',
      `    line ${'['.repeat(300)}"`,
      '',
    ].join('\n');
    expect(tooDeepAt(text, 200)).toBeUndefined();
    expect(parseSource('x.yaml', text).errors).toEqual([]);
  });

  it('never refuses a deck of the repository', () => {
    for (const dir of ['content', 'test/fixtures']) {
      for (const entry of readdirSync(join(ROOT, dir), { recursive: true, withFileTypes: true })) {
        if (!/\.ya?ml$/.test(entry.name)) continue;
        const file = join(entry.parentPath, entry.name);
        expect(tooDeepAt(readFileSync(file, 'utf8'), MAX_DEPTH), file).toBeUndefined();
      }
    }
  });

  it('gives the same answer however deep the caller already is', () => {
    const text = readFileSync(join(ROOT, 'test/safety/yaml-deep/deck.yaml'), 'utf8');
    const at = (depth: number): unknown => (depth ? at(depth - 1) : parseSource('deck.yaml', text).errors.map((e) => `${e.location}: ${e.message}`));
    expect(at(0)).toEqual(at(3000));
    expect(at(0)).toHaveLength(1);
  });
});
