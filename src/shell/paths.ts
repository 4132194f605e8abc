/** Where talkdeck's own files and the packages it ships from live, found once per process. */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

let root: string | undefined;

/** The talkdeck package folder, whether running from src/ (tests) or the bundle in lib/. */
export function packageRoot(): string {
  if (root) return root;
  let dir = dirname(fileURLToPath(import.meta.url));
  for (;;) {
    const pkg = join(dir, 'package.json');
    if (existsSync(pkg) && (JSON.parse(readFileSync(pkg, 'utf8')) as { name?: string }).name === 'talkdeck') {
      root = dir;
      return dir;
    }
    const up = dirname(dir);
    if (up === dir) throw new Error('talkdeck package root not found');
    dir = up;
  }
}

export function builtinTemplatesDir(): string {
  return join(packageRoot(), 'templates');
}

const require = createRequire(import.meta.url);

/** reveal.js's dist folder: its package.json is not exported, its main entry is. */
export function revealRoot(): string {
  return dirname(require.resolve('reveal.js'));
}

/** KaTeX's dist folder (style sheet and fonts) and its font files, sorted. */
export function katexRoot(): { dir: string; fonts: string[] } {
  const dir = join(dirname(require.resolve('katex/package.json')), 'dist');
  return { dir, fonts: readdirSync(join(dir, 'fonts')).sort() };
}

/** highlight.js's style sheets. */
export function highlightStylesRoot(): string {
  return join(dirname(require.resolve('highlight.js/package.json')), 'styles');
}

export function fontsRoot(): string {
  return join(dirname(require.resolve('@fontsource/source-sans-3')), 'files');
}

/** An installed @fontsource package's folder (its main entry, index.css, is at the top). */
export function fontPackageRoot(id: string): string {
  return dirname(require.resolve(`@fontsource/${id}`));
}

export function version(): string {
  return (JSON.parse(readFileSync(join(packageRoot(), 'package.json'), 'utf8')) as { version: string }).version;
}
