/** The same deck gives the same bytes: multi-file and single-file builds, twice each. (PDFs: pdf.test.ts.) */
import { afterAll, describe, expect, it } from 'vitest';
import { readdirSync, readFileSync, rmSync } from 'node:fs';
import { join, relative } from 'node:path';
import { main } from '../src/cli/main.js';
import { tempProject } from './helpers/cli.js';

const dir = tempProject([
  { name: 'kolumbien-nato', from: 'content/kolumbien-nato' },
  { name: 'example', from: 'content/example' },
]);
afterAll(() => rmSync(dir, { recursive: true, force: true }));

async function talkdeck(...argv: string[]): Promise<void> {
  let err = '';
  const io = { stdout: { write: () => true }, stderr: { write: (t: string) => (err += t) }, cwd: dir, env: { NO_COLOR: '1' } };
  expect(await main(argv, io), err).toBe(0);
}

function files(root: string): Map<string, Buffer> {
  return new Map(
    readdirSync(root, { recursive: true, withFileTypes: true })
      .filter((e) => e.isFile())
      .map((e) => join(e.parentPath, e.name))
      .sort()
      .map((f) => [relative(root, f), readFileSync(f)]),
  );
}

describe('reproducible builds', () => {
  it('gives byte-identical folders, single files and handouts', async () => {
    await talkdeck('build', '--out', 'one');
    await talkdeck('build', '--out', 'two');
    await talkdeck('build', '--single-file', '--out', 'one');
    await talkdeck('build', '--single-file', '--out', 'two');
    for (const out of ['one', 'two']) {
      await talkdeck('handout', '--out', out);
      await talkdeck('handout', '--format', 'md', '--out', out);
    }
    const one = files(join(dir, 'one'));
    const two = files(join(dir, 'two'));
    expect([...one.keys()]).toEqual([...two.keys()]);
    expect([...one.keys()]).toEqual(expect.arrayContaining(['kolumbien-nato.html', 'example.html', 'kolumbien-nato/index.html', 'example-handout.html', 'example-handout.md']));
    for (const [name, bytes] of one) expect(bytes.equals(two.get(name)!), name).toBe(true);
  });
});
