// The words a first session meets (issue 10): counts in the right number, no section subtotal
// for a deck without sections, and no "previous output left unchanged" when there was none.
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { main } from '../src/cli/main.js';
import { count } from '../src/cli/plural.js';
import { fixture } from './helpers/build.js';
import { project } from './helpers/cli.js';

async function run(cwd: string, argv: string[]): Promise<{ code: number; stdout: string; stderr: string }> {
  let stdout = '';
  let stderr = '';
  const io = { stdout: { write: (t: string) => (stdout += t) }, stderr: { write: (t: string) => (stderr += t) }, cwd, env: { NO_COLOR: '1' } };
  return { code: await main(argv, io), stdout, stderr };
}

describe('counts and wording', () => {
  it('count() says 1 slide, 2 slides, 0 slides', () => {
    expect([count(1, 'slide'), count(2, 'slide'), count(0, 'slide'), count(1, 'section')]).toEqual(['1 slide', '2 slides', '0 slides', '1 section']);
  });

  it('build, check and handout of a one-slide deck without sections', async () => {
    const dir = project({ one: fixture('minimal') });
    expect((await run(dir, ['build'])).stdout).toMatch(/^✓ one: 1 slide → dist\/one\/index.html \(\d+ ms\)\n$/);
    expect((await run(dir, ['check'])).stdout).toMatch(/^✓ one: 1 slide, no problems/);
    expect((await run(dir, ['handout', '--format', 'md'])).stdout).toBe('✓ one: handout of 1 slide → dist/one-handout.md\n');
  });

  it('the handout counts sections when there are some', async () => {
    const dir = project({ talk: fixture('timing-agenda') });
    expect((await run(dir, ['handout', '--format', 'md'])).stdout).toMatch(/handout of 6 slides in 2 sections →/);
  });

  it('outline: no "before the first section" subtotal for a deck without sections', async () => {
    const dir = project({ one: fixture('minimal') });
    const r = await run(dir, ['outline']);
    expect(r.code).toBe(0);
    expect(r.stdout).not.toContain('Σ');
    expect(r.stdout).toMatch(/Total\s+\d+:\d\d/);
  });

  it('a failed first build says nothing was written; a failed rebuild keeps the previous output', async () => {
    const dir = project({ one: fixture('minimal') });
    const deck = join(dir, 'content/one/deck.yaml');
    const good = readFileSync(deck, 'utf8');
    writeFileSync(deck, readFileSync(fixture('misspelt-key/deck.yaml')));
    const first = await run(dir, ['build']);
    expect(first.code).toBe(1);
    expect(first.stderr).toContain('✗ one: 1 problem; nothing written\n');
    expect(first.stderr).not.toContain('previous output');

    writeFileSync(deck, good);
    expect((await run(dir, ['build'])).code).toBe(0);
    writeFileSync(deck, readFileSync(fixture('misspelt-key/deck.yaml')));
    expect((await run(dir, ['build'])).stderr).toContain('✗ one: 1 problem; previous output left unchanged\n');
  });
});
