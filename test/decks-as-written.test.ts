// Issue 19, decks as others wrote them: each case a deck under test/fixtures/issue-19/<case>/
// with, in expected.json, every error and warning the build must give — code, place, message
// and hint, written by hand from the deck's text — and the model fields it must read.
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'node-html-parser';
import { describe, expect, it } from 'vitest';
import type { TalkdeckError } from '../src/core/base/errors.js';
import { buildFolder, fixture } from './helpers/build.js';

interface Problem {
  code: string;
  line: number;
  column: number;
  message: string;
  hint: string;
}
interface Expected {
  errors: Problem[];
  warnings: Problem[];
  model?: Record<string, unknown>;
  /** Each citation line on the slides, as shown. */
  cites?: string[];
}

const CASES = join(fixture('issue-19'));
const cases = readdirSync(CASES).filter((d) => existsSync(join(CASES, d, 'expected.json')));
const shown = (e: TalkdeckError): Problem => ({ code: e.code, line: e.line!, column: e.column!, message: e.message, hint: e.hint! });

describe('decks as others wrote them (issue 19)', () => {
  it('has its cases', () => expect(cases.length).toBeGreaterThanOrEqual(4));

  for (const name of cases) {
    it(name, async () => {
      const expected = JSON.parse(readFileSync(join(CASES, name, 'expected.json'), 'utf8')) as Expected;
      const result = await buildFolder(join(CASES, name));
      expect(result.errors.map(shown)).toEqual(expected.errors);
      expect(result.warnings.map(shown)).toEqual(expected.warnings);
      for (const e of [...result.errors, ...result.warnings]) expect(e.file).toMatch(new RegExp(`^test/fixtures/issue-19/${name}/deck\\.(md|yaml)$`));
      expect(result.files.size > 0, 'a deck with warnings only is built').toBe(expected.errors.length === 0);
      for (const [key, value] of Object.entries(expected.model ?? {})) {
        expect((result.model as unknown as Record<string, unknown>)[key] ?? null, key).toEqual(value);
      }
      if (expected.cites) {
        const page = result.files.get('index.html');
        const html = parse(page && 'content' in page ? page.content : '');
        expect(html.querySelectorAll('.td-cite').map((c) => c.text.replace(/\s+/g, ' ').trim())).toEqual(expected.cites);
      }
    });
  }
});
