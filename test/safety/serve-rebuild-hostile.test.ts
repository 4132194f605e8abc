// The dev server's rebuild meets the same hostile decks as `build`: each is a failed rebuild
// with located problems (the last good build stays served), never an internal error.
import { cpSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { createDevBuilder } from '../../src/serve/dev-build.js';

const made: string[] = [];
afterAll(() => made.forEach((d) => rmSync(d, { recursive: true, force: true })));

describe('serve rebuilds hostile decks into problems', () => {
  for (const [name, code] of [
    ['nul-image-src', 'missing-file'],
    ['encoding-windows-1252', 'encoding'],
    ['yaml-alias-bomb', 'yaml-alias'],
    ['template-each', 'template'],
    ['reserved-id', 'reserved-id'],
  ] as const) {
    it(`${name}: ${code}`, async () => {
      const cwd = mkdtempSync(join(tmpdir(), 'talkdeck-rebuild-'));
      made.push(cwd);
      const dir = join(cwd, 'content/deck');
      cpSync(join(import.meta.dirname, name), dir, { recursive: true });
      const builder = createDevBuilder({ deck: { name: 'deck', dir, file: join(dir, 'deck.yaml') }, cwd, builtinMayChange: false });
      const result = await builder.rebuild();
      expect(result.kind).toBe('failed');
      if (result.kind !== 'failed') return;
      expect(result.errors.map((e) => e.code)).toContain(code);
      expect(result.errors.every((e) => e.file && e.line)).toBe(true);
    });
  }
});
