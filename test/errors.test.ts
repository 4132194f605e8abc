// Each bad fixture lists the problems it must produce, with exact places. The expectations are
// written by hand from the fixture's text, not captured from the code's output.
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { buildFolder, fixture } from './helpers/build.js';

interface Expected {
  errors: { code: string; line: number; column: number; message?: string; hint?: string; file?: string }[];
}

// A bad deck case is a deck.yaml with its expected.json (the Markdown corpus has an expected.json of another kind).
const cases = readdirSync(join(import.meta.dirname, 'fixtures')).filter(
  (d) => existsSync(join(import.meta.dirname, 'fixtures', d, 'expected.json')) && existsSync(join(import.meta.dirname, 'fixtures', d, 'deck.yaml')),
);

describe('bad decks report every problem with its place', () => {
  it('has fixtures', () => expect(cases.length).toBeGreaterThanOrEqual(10));

  for (const name of cases) {
    it(name, async () => {
      const expected = JSON.parse(readFileSync(join(fixture(name), 'expected.json'), 'utf8')) as Expected;
      const result = await buildFolder(fixture(name));
      expect(result.files.size, 'a failed build produces no files').toBe(0);
      const got = result.errors.map((e) => ({ code: e.code, line: e.line, column: e.column }));
      expect(got).toEqual(expected.errors.map(({ code, line, column }) => ({ code, line, column })));
      result.errors.forEach((e, i) => {
        const want = expected.errors[i]!;
        expect(e.file).toBe(`test/fixtures/${name}/${want.file ?? 'deck.yaml'}`);
        if (want.message) expect(e.message).toContain(want.message);
        if (want.hint) expect(e.hint).toContain(want.hint);
        expect(e.hint, 'every error says how to fix it').toBeTruthy();
      });
    });
  }
});

describe('good decks build', () => {
  it('the minimal deck: title plus a bullet slide with notes', async () => {
    const result = await buildFolder(fixture('minimal'));
    expect(result.errors).toEqual([]);
    expect(result.model?.slides.map((s) => [s.layout, s.id])).toEqual([['points', 'only-slide']]);
    expect(result.files.has('index.html')).toBe(true);
  });
});
