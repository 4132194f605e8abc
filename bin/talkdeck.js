#!/usr/bin/env node
import module from 'node:module';
import { existsSync } from 'node:fs';

// Node 22.1+ keeps compiled code between runs; start-up is most of a small build. (Node 20 has
// no compile cache: this line then does nothing.)
module.enableCompileCache?.();
// Node's own warnings (a library's deprecation, an experimental API) are not the user's to act
// on: they go to the terminal only with --debug, which keeps stack traces too.
if (!process.argv.includes('--debug')) process.removeAllListeners('warning');
// The installed package ships lib/; a git checkout has it only once compiled (first run after
// `npm ci`, see compile-first.js).
const compiled = existsSync(new URL('../lib/cli.js', import.meta.url)) || (await import('./compile-first.js')).compileFirst(process.stderr);
if (compiled) {
  const { main } = await import('../lib/cli.js');
  process.exitCode = await main(process.argv.slice(2), {
    stdout: process.stdout,
    stderr: process.stderr,
    cwd: process.cwd(),
    env: process.env,
  });
} else {
  process.exitCode = 3;
}
