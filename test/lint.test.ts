import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { LINT_RULE_IDS } from '../src/core/base/errors.js';
import { LINT_RULE_INFO } from '../src/core/deck/lint-rules.js';
import { LINT_RULES } from '../src/core/lint/rules.js';
import { saysNothing } from '../src/core/lint/rules/image-alt.js';
import { resolveSettings } from '../src/core/deck/settings.js';
import { buildFolder, fixture } from './helpers/build.js';

const LINT = fixture('lint');
const buildFixture = (name: string, layers?: Parameters<typeof buildFolder>[1]) =>
  buildFolder(join(LINT, name), layers);

interface Expected {
  rule: string;
  /** [line, column] of every finding of the rule, in file order. */
  at: [number, number][];
}

// test/fixtures/lint/<rule>-<case>/: a deck and, in expected.json, where the rule must report
// (written by hand from the deck's text). Folders without expected.json serve the tests below.
const cases = readdirSync(LINT)
  .filter((d) => existsSync(join(LINT, d, 'expected.json')))
  .map((dir) => ({ dir, expected: JSON.parse(readFileSync(join(LINT, dir, 'expected.json'), 'utf8')) as Expected }));

describe('lint rules, one fixture that triggers each and one that does not', () => {
  it.each(cases)('$dir', async ({ dir, expected }) => {
    const result = await buildFixture(dir);
    expect(result.errors).toEqual([]);
    const findings = result.warnings.filter((w) => w.code === expected.rule);
    expect(findings.map((f) => [f.line, f.column])).toEqual(expected.at);
    for (const f of findings) {
      expect(f.severity).toBe('warning');
      expect(f.file).toBe(`test/fixtures/lint/${dir}/deck.yaml`);
      expect(f.hint).toBeTruthy();
    }
  });

  it('has a triggering and a clean fixture for every rule', () => {
    for (const id of LINT_RULE_IDS) {
      const mine = cases.filter((c) => c.expected.rule === id);
      expect(mine.some((c) => c.expected.at.length > 0), `${id} triggers`).toBe(true);
      expect(mine.some((c) => c.expected.at.length === 0), `${id} stays quiet`).toBe(true);
    }
  });

  it('registers every rule id once, with a description', () => {
    expect(LINT_RULES.map((r) => r.id).sort()).toEqual([...LINT_RULE_IDS].sort());
    expect(LINT_RULE_INFO.map((r) => r.id)).toEqual(LINT_RULES.map((r) => r.id));
    for (const r of LINT_RULE_INFO) expect(r.description.length).toBeGreaterThan(20);
  });
});

describe('severities', () => {
  it('the deck metadata can make a rule an error, which fails the deck', async () => {
    const result = await buildFixture('severity-in-deck');
    expect(result.errors.map((e) => [e.code, e.severity])).toEqual([['max-bullets', 'error']]);
    expect(result.files.size).toBe(0);
    // `notes-missing: off` in the deck silences the rule.
    expect(result.warnings.filter((w) => w.code === 'notes-missing')).toEqual([]);
  });

  it('command-line flags override the deck, which overrides the config file', async () => {
    const viaCli = await buildFixture('severity-in-deck', { cli: { lint: { 'max-bullets': 'off', 'notes-missing': 'warning' } } });
    expect(viaCli.errors).toEqual([]);
    expect(viaCli.warnings.map((w) => w.code)).toEqual(['notes-missing']);
    const viaConfig = await buildFixture('severity-in-deck', { config: { lint: { 'max-bullets': 'off', 'notes-missing': 'error' } } });
    expect(viaConfig.errors.map((e) => e.code)).toEqual(['max-bullets']);
  });

  it('resolves layers key by key, later layers winning', () => {
    const s = resolveSettings({
      config: { lint: { 'max-bullets': 'off', timing: 'error' }, timing: { wordsPerMinute: 100, secondsPerSlide: 5 } },
      deck: { lint: { 'max-bullets': 'error' }, timing: { wordsPerMinute: 150 } },
      cli: { timing: { wordsPerMinute: 170 } },
    });
    expect(s.lint['max-bullets']).toBe('error');
    expect(s.lint.timing).toBe('error');
    expect(s.lint['notes-missing']).toBe('warning');
    expect(s.timing).toEqual({ wordsPerMinute: 170, secondsPerSlide: 5, tolerancePercent: 15 });
  });
});

describe('rules the schema or the model already enforce', () => {
  it('a missing alt text stays a schema error, not a lint finding', async () => {
    const result = await buildFixture('alt-missing');
    expect(result.errors.map((e) => [e.code, e.line])).toEqual([['missing-field', 3]]);
  });

  it('a cited but undefined reference stays an error of the model', async () => {
    const result = await buildFolder(fixture('unknown-reference'));
    expect(result.errors.map((e) => e.code)).toEqual(['unknown-reference']);
    expect(result.warnings).toEqual([]);
  });

  it('duplicate explicit slide ids stay an error of the model', async () => {
    const result = await buildFolder(fixture('duplicate-id'));
    expect(result.errors.map((e) => e.code)).toEqual(['duplicate-id']);
  });

  it('tells placeholder alt text from a description', () => {
    expect(saysNothing('Bild', 'images/x.png')).toBe(true);
    expect(saysNothing('x', 'images/x.png')).toBe(true);
    expect(saysNothing('IMG_0042.JPG', 'images/other.jpg')).toBe(true);
    expect(saysNothing('Map of the NATO partners', 'images/map.png')).toBe(false);
  });
});
