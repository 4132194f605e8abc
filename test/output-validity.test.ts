// The generated files are products too: the editor schema must describe real decks, and the
// HTML must be valid.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { Ajv } from 'ajv';
import { HtmlValidate } from 'html-validate';
import jsYaml from 'js-yaml';
import { describe, expect, it } from 'vitest';
import { deckJsonSchema } from '../src/core/deck/schema.js';
import { buildFolder, fixture, ROOT } from './helpers/build.js';

const load = (file: string): unknown => jsYaml.load(readFileSync(file, 'utf8'), { schema: jsYaml.CORE_SCHEMA });

describe('schema/deck.schema.json', () => {
  // The schema's one format, checked as editors check it (without a formats plugin, Ajv warns
  // "unknown format" on stderr and lets anything pass).
  const formats = { uri: (s: string): boolean => URL.canParse(s) };
  const validate = new Ajv({ strict: false, allErrors: true, formats }).compile(deckJsonSchema());

  it('is what npm run compile wrote', () => {
    expect(JSON.parse(readFileSync(join(ROOT, 'schema/deck.schema.json'), 'utf8'))).toEqual(deckJsonSchema());
  });

  for (const deck of ['content/example/deck.yaml', 'content/kolumbien-nato/deck.yaml', 'test/fixtures/minimal/deck.yaml']) {
    it(`accepts ${deck}`, () => {
      expect(validate(load(join(ROOT, deck))), JSON.stringify(validate.errors)).toBe(true);
    });
  }

  for (const bad of ['unknown-layout', 'misspelt-key', 'wrong-type', 'missing-field']) {
    it(`rejects the ${bad} fixture`, () => {
      expect(validate(load(join(fixture(bad), 'deck.yaml')))).toBe(false);
    });
  }

  it('checks a reference url as a URL', () => {
    const deck = (url: string): unknown => ({ title: 'T', slides: [{ title: 'S', points: ['a'] }], references: { r: { title: 'R', url } } });
    expect(validate(deck('https://example.org/report')), JSON.stringify(validate.errors)).toBe(true);
    expect(validate(deck('not a web address'))).toBe(false);
  });

  it('docs/deck-reference.md is generated from the current schema', async () => {
    const { deckReferenceMarkdown } = await import('../src/core/deck/schema-docs.js');
    const { LAYOUT_NAMES } = await import('../src/core/deck/layouts.js');
    const committed = readFileSync(join(ROOT, 'docs/deck-reference.md'), 'utf8');
    expect(committed, 'run npm run compile and commit docs/deck-reference.md').toBe(deckReferenceMarkdown());
    for (const name of LAYOUT_NAMES) expect(committed).toContain(`### \`${name}\``);
  });

  it('documents fields with descriptions', () => {
    const text = JSON.stringify(deckJsonSchema());
    expect(text).toContain('A slide without `layout` is a bullet slide.');
    expect(text).toContain('ISO 3166-1 alpha-3 country codes.');
  });
});

describe('generated HTML', () => {
  const validator = new HtmlValidate({
    extends: ['html-validate:recommended'],
    rules: {
      // reveal.js needs its own markup conventions; these rules do not apply to slides.
      'no-inline-style': 'off',
      'long-title': 'off',
      // reveal.js reads speaker notes from <aside class="notes"> on every slide and hides them.
      'unique-landmark': 'off',
    },
  });

  for (const deck of ['content/example', 'content/kolumbien-nato', 'test/fixtures/markup']) {
    it(`${deck} is valid HTML`, async () => {
      const result = await buildFolder(join(ROOT, deck));
      const file = result.files.get('index.html');
      expect(file && 'content' in file).toBe(true);
      const report = await validator.validateString((file as { content: string }).content);
      const messages = report.results.flatMap((r) => r.messages.map((m) => `${m.line}:${m.column} ${m.ruleId}: ${m.message}`));
      expect(messages).toEqual([]);
    });
  }
});
