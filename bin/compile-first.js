/**
 * The first run in a git checkout: `npm ci` installs, but lib/ (the compiled CLI) exists only
 * after `npm run compile`, which npm cannot run at install time without also running it as an
 * install script wherever the packed tarball is installed. So the bin compiles lib/ from src/
 * itself, once, saying so on stderr (stdout stays the command's: `--version` prints the version
 * alone). Where that cannot work, one line says what to run. The packed tarball ships lib/: there
 * this never runs.
 */
import { execFileSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

/** Compiles lib/; false (after one line on `stderr`) when it could not. */
export function compileFirst(stderr) {
  const root = fileURLToPath(new URL('..', import.meta.url));
  const script = fileURLToPath(new URL('../scripts/compile.mjs', import.meta.url));
  if (!existsSync(script)) {
    stderr.write(`talkdeck: this installation has no lib/cli.js; install talkdeck again (npm pack, then npm install the .tgz)\n`);
    return false;
  }
  stderr.write('talkdeck: compiling lib/ from src/, once after npm ci (npm run compile does the same)\n');
  try {
    // The compiler's own output goes to stderr, with its errors.
    execFileSync(process.execPath, [script], { cwd: root, stdio: ['ignore', 2, 2] });
  } catch {
    stderr.write(`talkdeck: lib/ could not be compiled; run \`npm ci\` and then \`npm run compile\` in ${root}\n`);
    return false;
  }
  return existsSync(new URL('../lib/cli.js', import.meta.url));
}
