/**
 * Generated decks for the property-based tests: YAML text made of the tokens that matter to
 * the parsers (indentation, flow brackets, anchors and aliases, tags, quotes, control
 * characters) and deck structures with hostile values in every field, serialised as YAML.
 * Shared by test/safety/fuzz.test.ts (a few thousand cases) and `npm run fuzz` (many more).
 */
import { copyFileSync, mkdirSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import fc from 'fast-check';
import { stringify } from 'yaml';
import { formatProblem } from '../../src/cli/report.js';
import { outlineTable } from '../../src/cli/outline.js';
import { TalkdeckError, exitCodeFor } from '../../src/core/base/errors.js';
import { renderHandoutMarkdown } from '../../src/core/write/handout/markdown.js';
import { buildDeck } from '../../src/core/pipeline.js';
import type { Renderer } from '../../src/core/write/html/renderer.js';
import { deckInput, templatesFor } from '../../src/shell/decks.js';
import { loadRenderer } from '../../src/shell/renderer.js';
import { ROOT } from '../helpers/build.js';

const TOKENS = [
  'title', 'slides', 'layout', 'points', 'notes', 'cite', 'references', 'id', 'src', 'alt', 'text', 'lang', 'theme',
  ': ', ':', '- ', '-', '\n', '\n  ', '\n    ', '\n      ', ' ', '[', ']', '{', '}', ', ', '&a ', '*a', '&b ', '*b', '"', "'",
  '|\n', '>-\n', '# c', '!!str ', '!!binary ', '!!map ', '!custom ', '? ', '---\n', '...\n', '<<: ', '%YAML 1.2\n', '@', '`',
  '__proto__', 'constructor', 'toString', 'talkdeck-problems', '\t', '\0', '\x1b[2J', '\x1b]52;c;eA==\x07', '\u202e', '\r',
  '\ud800', 'é', '🙂', '{{#each}}', '<script>alert(1)</script>', '](javascript:x)', '![i](/etc/passwd)', 'points', 'image',
  'map', 'COL', 'sources', 'agenda', 'section', 'figures', 'timeline', 'compare', 'quote', '\\', '\\0', '~', 'null', 'true',
  '1e400', '-0', '0x1F', '.nan', '2024-01-01', '99999999999999999999', '\ufeff',
  // Whole small values where the parsers differ or aliases multiply.
  '&a [*a]', '&a {text: t, points: [*a]}', '[&a {text: t, points: [*a]}]', '\n      - &a {text: t, points: [*a]}', '&b [*a, *a, *a, *a, *a]', '&c [*b, *b, *b, *b, *b]', '\n      - ', '\n  - title: B\n    points: ',
  '{text: t, points: [x]}', '"\\0"', '"\\e[31m"', '"\\u202e"',
];

/** YAML-ish text: tokens in random order, often after a plausible start. */
export const yamlText: fc.Arbitrary<string> = fc
  .tuple(
    fc.constantFrom('', 'title: T\nslides:\n', 'title: T\nslides:\n  - title: A\n    points:\n', 'title: T\nslides:\n  - title: A\n    points: '),
    fc.array(fc.oneof({ weight: 6, arbitrary: fc.constantFrom(...TOKENS) }, { weight: 1, arbitrary: fc.string({ unit: 'binary', maxLength: 6 }) }), {
      maxLength: 80,
    }),
  )
  .map(([start, tokens]) => start + tokens.join(''));

const hostile = fc.oneof(
  fc.string({ maxLength: 20 }),
  fc.string({ unit: 'binary', maxLength: 12 }),
  fc.constantFrom(...TOKENS),
  fc.constantFrom('__proto__', 'constructor', 'talkdeck-x', 'images/a.png', 'images/a.png\0', '../a.png', '%2e%2e/a.png', 'https://x/a.png', 'a'.repeat(300)),
);
const scalar = fc.oneof({ weight: 5, arbitrary: hostile }, fc.integer(), fc.double(), fc.boolean(), fc.constant(null));

const point: fc.Arbitrary<unknown> = fc.letrec<{ point: unknown }>((tie) => ({
  point: fc.oneof(
    { depthSize: 'small', withCrossShrink: true },
    hostile,
    fc.record({ text: hostile, points: fc.array(tie('point'), { maxLength: 3 }) }, { requiredKeys: ['text'] }),
    scalar,
  ),
})).point;

const key = fc.oneof(
  fc.constantFrom('title', 'layout', 'points', 'notes', 'cite', 'id', 'summary', 'steps', 'src', 'alt', 'caption', 'left', 'right',
    'heading', 'events', 'figures', 'text', 'speaker', 'groups', 'countries', 'label', 'times', 'subtitle', '__proto__', 'constructor'),
  fc.string({ maxLength: 8 }),
);

const slide = fc.oneof(
  fc.record(
    {
      layout: fc.constantFrom('title', 'agenda', 'section', 'points', 'compare', 'timeline', 'figures', 'quote', 'image', 'sources', 'closing', 'toString'),
      title: hostile,
      id: fc.oneof(hostile, fc.constantFrom('a', 'b', 'talkdeck-problems', 'ref-r', 'sources')),
      points: fc.array(point, { maxLength: 4 }),
      notes: hostile,
      cite: fc.array(fc.constantFrom('r', 's', '__proto__', 'constructor'), { maxLength: 3 }),
      src: hostile,
      alt: hostile,
      left: fc.record({ heading: hostile, points: fc.array(point, { maxLength: 3 }) }),
      right: fc.record({ heading: hostile, points: fc.array(point, { maxLength: 3 }) }),
      events: fc.array(fc.record({ date: scalar, text: hostile }), { maxLength: 3 }),
      figures: fc.array(fc.record({ value: scalar, label: hostile }), { maxLength: 3 }),
      text: hostile,
      speaker: hostile,
      groups: fc.array(fc.record({ label: hostile, countries: fc.array(fc.constantFrom('COL', 'DEU', 'XXX', 'constructor'), { maxLength: 3 }) }), { maxLength: 2 }),
      steps: fc.boolean(),
      times: fc.boolean(),
    },
    { requiredKeys: [] },
  ),
  fc.dictionary(key, scalar, { maxKeys: 4 }),
  scalar,
);

/** Deck-shaped data with hostile values everywhere, as YAML text. */
export const deckText: fc.Arbitrary<string> = fc
  .record(
    {
      title: hostile,
      lang: fc.constantFrom('de', 'en', 'xx', 'constructor', '__proto__'),
      theme: fc.constantFrom('briefing', 'white', 'nope', 'constructor'),
      duration: scalar,
      marking: hostile,
      references: fc.dictionary(fc.constantFrom('r', 's', '__proto__', 'constructor', 'toString'), fc.record({ title: hostile, url: hostile }), { maxKeys: 3 }),
      slides: fc.array(slide, { maxLength: 6 }),
      extra: scalar,
    },
    { requiredKeys: ['slides'] },
  )
  .map((deck) => stringify(deck, { aliasDuplicateObjects: false }));

export interface Harness {
  /** Runs one deck text through the whole pipeline; throws only on a bug (an uncaught exception). */
  check(text: string): Promise<void>;
}

/** One renderer and deck folder for every case: a deck folder with one image, `images/a.png`. */
export async function harness(): Promise<Harness> {
  const dir = mkdtempSync(join(tmpdir(), 'talkdeck-fuzz-'));
  mkdirSync(join(dir, 'images'));
  copyFileSync(join(ROOT, 'templates/init/de/images/schaubild.svg'), join(dir, 'images/a.png'));
  const deck = { name: 'fuzz', dir, file: join(dir, 'deck.yaml') };
  const renderer: Renderer = await loadRenderer(templatesFor(deck, ROOT));
  return {
    async check(text) {
      const build = await buildDeck(deckInput(deck, ROOT, renderer, text));
      const problems = [...build.errors, ...build.warnings];
      for (const p of problems) {
        if (!(p instanceof TalkdeckError)) throw new Error(`not a TalkdeckError: ${String(p)}`);
        if (!p.message || !p.hint) throw new Error(`a problem without message or hint: ${p.code} ${p.message}`);
        formatProblem(p, { color: false }, ROOT);
      }
      const exit = exitCodeFor(build.errors);
      if (exit !== 0 && exit !== 1) throw new Error(`exit ${exit}`);
      if (exit === 0) {
        if (!build.model || !build.files.has('index.html')) throw new Error('a deck without errors built nothing');
        outlineTable(build.model);
        renderHandoutMarkdown(build.model);
      } else if (build.files.size) throw new Error('a deck with errors produced files');
    },
  };
}
