/**
 * The house rules (.dependency-cruiser.cjs): dependencies in src/ point one way, from the command
 * line down to the leaves, with no circle. The same check runs on a small src/ that breaks every
 * rule on purpose (test/fixtures/architecture), so it is known to fail when it should.
 */
import { spawnSync } from 'node:child_process';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { REPO } from './helpers/cli.js';

interface Violation {
  rule: { name: string };
  from: string;
  to: string;
  cycle?: { name: string }[];
}

function cruise(cwd: string): Violation[] {
  const bin = join(REPO, 'node_modules/dependency-cruiser/bin/dependency-cruise.mjs');
  const run = spawnSync(process.execPath, [bin, 'src', '--config', join(REPO, '.dependency-cruiser.cjs'), '--output-type', 'json'], {
    cwd,
    encoding: 'utf8',
    maxBuffer: 64 * 1024 * 1024,
  });
  const report = JSON.parse(run.stdout) as { summary: { violations: Violation[]; totalCruised: number } };
  expect(report.summary.totalCruised).toBeGreaterThan(0);
  return report.summary.violations;
}

const show = (v: Violation) => `${v.rule.name}: ${v.from} → ${v.cycle ? v.cycle.map((c) => c.name).join(' → ') : v.to}`;

describe('architecture', () => {
  it('src/ has no import circle and no import against the grain', () => {
    expect(cruise(REPO).map(show)).toEqual([]);
  });

  it('the check reports every kind of forbidden import, type-only ones included', () => {
    const found = cruise(join(REPO, 'test/fixtures/architecture')).map(show).sort();
    expect(found).toEqual(
      [
        'base-is-a-leaf: src/core/base/leaf.ts → src/core/lint/rule.ts',
        'core-not-shell: src/core/model/model.ts → src/cli/main.ts',
        'diff-compares-models: src/core/diff/compare.ts → src/core/write/handout/format.ts',
        'lint-reads-only-the-model: src/core/lint/rule.ts → src/core/write/html/page.ts',
        'model-below-outputs: src/core/model/model.ts → src/core/write/pptx/slides.ts',
        'no-circular: src/core/base/leaf.ts → src/core/lint/rule.ts → src/core/write/html/page.ts → src/core/base/leaf.ts',
        'pptx-deciding-prints-nothing: src/core/write/pptx/decide/layout.ts → src/core/write/pptx/ooxml/xml.ts',
        'pptx-printing-decides-nothing: src/core/write/pptx/ooxml/print.ts → src/core/write/pptx/decide/layout.ts',
        'writers-apart: src/core/write/pptx/slides.ts → src/core/write/handout/format.ts',
        // `import type` only: a type is an import too.
        'writers-read-only-the-model: src/core/write/pptx/slides.ts → src/core/read/yaml/parse.ts',
      ].sort(),
    );
  });
});
