// esbuild plugins for talkdeck's bundle (scripts/compile.mjs), shared with the benchmark's
// libraries-only program (bench/build.mjs), so both load the libraries the same way.
import { readFileSync } from 'node:fs';
import { dirname, resolve } from 'node:path';

/** The options every talkdeck bundle is built with. */
export const BUNDLE_OPTIONS = {
  bundle: true,
  format: 'esm',
  platform: 'node',
  target: 'node20',
  // Bundled CommonJS packages call require() for Node built-ins; give ESM chunks one.
  banner: { js: "import { createRequire as __tdCreateRequire } from 'node:module'; const require = __tdCreateRequire(import.meta.url);" },
  minify: true,
};

/**
 * yargs's platform shim imports cliui and string-width, and their modules build costly things
 * when loaded: a `\p{RGI_Emoji}` regular expression and an `Intl.Segmenter` (about 60 ms of every
 * start, more than the rest of yargs). Only help and usage text need them. This plugin hands the
 * shim a stand-in that require()s the real package on its first call; esbuild then bundles the
 * package as a lazily initialised module, so a build never pays for it and help still works.
 */
export const lazyHelpLayout = {
  name: 'lazy-help-layout',
  setup(build) {
    build.onResolve({ filter: /^(cliui|string-width)$/ }, (args) => {
      if (!args.importer.split('\\').join('/').includes('/yargs/lib/platform-shims/')) return undefined;
      return { path: args.path, namespace: 'lazy-help-layout', pluginData: { resolveDir: args.resolveDir } };
    });
    build.onLoad({ filter: /.*/, namespace: 'lazy-help-layout' }, (args) => ({
      contents: `let real;\nexport default function (...a) { real ??= require(${JSON.stringify(args.path)}).default; return real(...a); }\n`,
      resolveDir: args.pluginData.resolveDir,
      loader: 'js',
    }));
  },
};

/**
 * yargs guesses a version when it is made, from the package.json nearest to its `mainFilename`,
 * which its shim takes from where yargs sits in node_modules. Bundled, that is nowhere, so yargs
 * walked up from the working directory, listing every folder to the root (a user's home on a
 * network share, a /tmp of thousands of files) for a package.json that talkdeck never uses.
 * Point it at talkdeck's own package root, one folder above lib/.
 */
export const yargsMainFilename = {
  name: 'yargs-main-filename',
  setup(build) {
    build.onLoad({ filter: /[\\/]yargs[\\/]lib[\\/]platform-shims[\\/]esm\.mjs$/ }, (args) => {
      const text = readFileSync(args.path, 'utf8');
      const from = 'mainFilename: mainFilename || process.cwd(),';
      if (!text.includes(from)) throw new Error(`${args.path} changed: update the yargs-main-filename plugin in scripts/esbuild-plugins.mjs`);
      return { contents: text.replace(from, "mainFilename: fileURLToPath(new URL('../package.json', import.meta.url)),"), loader: 'js' };
    });
  },
};

/**
 * Modules named `*.lazy.ts` export one `load()` and are evaluated on its first call, not when the
 * bundle loads: importers get a stand-in whose load() require()s the real module, which esbuild
 * then bundles as a lazily initialised module (its packages with it). For what only some runs
 * need but must be there synchronously when they do (src/core/read/yaml/yaml-tree.lazy.ts).
 */
export const lazyModules = {
  name: 'lazy-modules',
  setup(build) {
    build.onResolve({ filter: /\.lazy\.js$/ }, (args) => ({
      path: resolve(args.resolveDir, args.path.replace(/\.js$/, '.ts')),
      namespace: 'lazy-module',
    }));
    build.onLoad({ filter: /.*/, namespace: 'lazy-module' }, (args) => ({
      contents: `let real;\nexport function load() { return (real ??= require(${JSON.stringify(args.path)}).load()); }\n`,
      resolveDir: dirname(args.path),
      loader: 'js',
    }));
  },
};
