/**
 * `talkdeck build` must not load the dev server, the watcher or the browser driver (craft rule
 * 5): they are reachable from lib/cli.js only through dynamic imports. Packages are bundled, so
 * this reads esbuild's metafile (lib/meta.json) and follows the static imports between chunks.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';

interface Meta {
  outputs: Record<string, { imports: { path: string; kind: string; external?: boolean }[]; inputs: Record<string, unknown> }>;
}

const meta = JSON.parse(readFileSync(new URL('../lib/meta.json', import.meta.url), 'utf8')) as Meta;

/** Every source file and external module loaded when `start` (lib/cli.js: before any command runs) is imported. */
function loadedAtStartup(start = 'lib/cli.js'): { inputs: Set<string>; externals: Set<string> } {
  const inputs = new Set<string>();
  const externals = new Set<string>();
  const seen = new Set<string>();
  const walk = (chunk: string): void => {
    if (seen.has(chunk)) return;
    seen.add(chunk);
    const out = meta.outputs[chunk]!;
    for (const input of Object.keys(out.inputs)) inputs.add(input);
    for (const imp of out.imports) {
      if (imp.kind !== 'import-statement') continue;
      if (imp.external) externals.add(imp.path);
      else walk(imp.path);
    }
  };
  walk(start);
  return { inputs, externals };
}

// esbuild records a package by its real path: `node_modules/x/…` here, `../main/node_modules/x/…`
// in a git worktree whose node_modules is a link to the main checkout's.
const fromPackage = (inputs: Set<string>, pkg: string): boolean => [...inputs].some((i) => i.startsWith(`node_modules/${pkg}/`) || i.includes(`/node_modules/${pkg}/`));

describe('what the CLI loads before a command runs', () => {
  const { inputs, externals } = loadedAtStartup();

  it('loads the CLI parser and the core', () => {
    expect(fromPackage(inputs, 'yargs')).toBe(true);
    expect(inputs).toContain('src/core/base/errors.ts');
  });

  it('leaves the watcher, the server, the browser and the exporters to their commands', () => {
    for (const pkg of ['chokidar', 'mrmime', 'open', 'pdf-lib', 'parse5', 'postcss', 'd3-geo']) {
      expect(fromPackage(inputs, pkg), pkg).toBe(false);
    }
    expect([...inputs].filter((i) => i.startsWith('src/serve/'))).toEqual([]);
    for (const mod of ['playwright-core', 'node:http']) expect(externals).not.toContain(mod);
  });

  it('leaves the SVG checks to a deck with an SVG, and the sanitiser to an SVG that is not plain', () => {
    for (const pkg of ['saxes', 'dompurify']) expect(fromPackage(inputs, pkg), pkg).toBe(false);
    expect([...inputs].filter((i) => i.startsWith('src/core/read/svg/'))).toEqual([]);
    expect(externals).not.toContain('jsdom');
    // The chunk that reads SVG files does not load the sanitiser's: jsdom takes most of a second.
    const svgFiles = Object.keys(meta.outputs).find((chunk) => 'src/core/read/svg/svg-files.ts' in meta.outputs[chunk]!.inputs)!;
    const withSvgFiles = loadedAtStartup(svgFiles);
    expect(withSvgFiles.inputs).toContain('src/core/read/svg/svg-plain.ts');
    expect(withSvgFiles.inputs).not.toContain('src/core/read/svg/svg-sanitize.ts');
    expect(fromPackage(withSvgFiles.inputs, 'dompurify')).toBe(false);
    expect(withSvgFiles.externals).not.toContain('jsdom');
  });
});
