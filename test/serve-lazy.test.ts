/**
 * `talkdeck build` must not load the dev server's packages (craft rule 5): they are reachable
 * from lib/cli.js only through the serve command's dynamic import.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';

const LIB = new URL('../lib/', import.meta.url);

/** Specifiers of static `import … from "x"` / `import "x"` statements, following our own chunks. */
function staticImports(file: string, seen = new Set<string>()): Set<string> {
  const specifiers = new Set<string>();
  if (seen.has(file)) return specifiers;
  seen.add(file);
  const code = readFileSync(new URL(file, LIB), 'utf8');
  for (const m of code.matchAll(/^import\s+(?:[^'"]*?\s+from\s+)?["']([^"']+)["'];?$/gm)) {
    const spec = m[1]!;
    if (spec.startsWith('./')) for (const s of staticImports(spec.slice(2), seen)) specifiers.add(s);
    else specifiers.add(spec);
  }
  return specifiers;
}

describe('what the CLI loads before a command runs', () => {
  it('leaves the watcher, the server and their packages to `talkdeck serve`', () => {
    const loaded = staticImports('cli.js');
    expect(loaded).toContain('yargs');
    expect(loaded).toContain('handlebars'); // from a shared chunk: the walk follows them
    for (const pkg of ['chokidar', 'mrmime', 'open', 'playwright-core', 'node:http']) expect(loaded).not.toContain(pkg);
    expect(readFileSync(new URL('cli.js', LIB), 'utf8')).toMatch(/await import\("\.\/serve-[\w-]+\.js"\)/);
  });
});
