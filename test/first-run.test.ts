// After `git clone` and `npm ci`, lib/ does not exist yet: the bin compiles it on its first run
// (saying so on stderr, stdout stays the command's) or says in one line what to run. Run on a
// copy of the checkout's tracked files (a fresh clone, without lib/), with this one's node_modules.
import { execFileSync } from 'node:child_process';
import { cpSync, existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { REPO, runProgram } from './helpers/cli.js';

let clone: string;
const version = (JSON.parse(readFileSync(join(REPO, 'package.json'), 'utf8')) as { version: string }).version;
const talkdeck = (args: string[]) => runProgram(process.execPath, [join(clone, 'bin/talkdeck.js'), ...args], clone);

beforeAll(() => {
  clone = mkdtempSync(join(tmpdir(), 'talkdeck-clone-'));
  const tracked = execFileSync('git', ['ls-files', '-z'], { cwd: REPO, encoding: 'utf8' }).split('\0');
  for (const file of tracked.filter((f) => f && !/^(test|content|bench)\//.test(f))) {
    mkdirSync(join(clone, dirname(file)), { recursive: true });
    cpSync(join(REPO, file), join(clone, file));
  }
  symlinkSync(join(REPO, 'node_modules'), join(clone, 'node_modules'));
});

afterAll(() => {
  if (clone) rmSync(clone, { recursive: true, force: true });
});

describe('the bin in a fresh checkout', () => {
  it('compiles lib/ once, then prints the version alone on stdout', async () => {
    expect(existsSync(join(clone, 'lib'))).toBe(false);
    const first = await talkdeck(['--version']);
    expect(first.code, first.stderr).toBe(0);
    expect(first.stdout).toBe(`${version}\n`);
    expect(first.stderr).toBe('talkdeck: compiling lib/ from src/, once after npm ci (npm run compile does the same)\n');
    expect(existsSync(join(clone, 'lib/cli.js'))).toBe(true);
    const again = await talkdeck(['--version']);
    expect([again.code, again.stdout, again.stderr]).toEqual([0, `${version}\n`, '']);
  }, 120_000);

  it('says in one line what to run when src/ does not compile', async () => {
    rmSync(join(clone, 'lib'), { recursive: true, force: true });
    writeFileSync(join(clone, 'src/cli/main.ts'), 'export const = ;\n');
    const r = await talkdeck(['--version']);
    expect(r.code).toBe(3);
    expect(r.stdout).toBe('');
    expect(r.stderr.trim().split('\n').at(-1)).toBe(`talkdeck: lib/ could not be compiled; run \`npm ci\` and then \`npm run compile\` in ${clone}/`);
  }, 120_000);

  it('says in one line to reinstall when neither lib/ nor the compiler is there', async () => {
    rmSync(join(clone, 'scripts'), { recursive: true, force: true });
    const r = await talkdeck(['--version']);
    expect([r.code, r.stdout, r.stderr]).toEqual([3, '', 'talkdeck: this installation has no lib/cli.js; install talkdeck again (npm pack, then npm install the .tgz)\n']);
  });
});
