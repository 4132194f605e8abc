// Bundles the CLI into lib/ (a chunk per lazily loaded command) and writes the deck's JSON
// Schema for editors. Packages are bundled too: loading one file instead of hundreds of small
// modules is most of the CLI's start-up time. reveal.js, fonts and the atlas data are still
// read from node_modules at run time.
import { build } from 'esbuild';
import { mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, resolve } from 'node:path';

rmSync('lib', { recursive: true, force: true });

/**
 * yargs's platform shim imports cliui and string-width, and their modules build costly things
 * when loaded: a `\p{RGI_Emoji}` regular expression and an `Intl.Segmenter` (about 60 ms of every
 * start, more than the rest of yargs). Only help and usage text need them. This plugin hands the
 * shim a stand-in that require()s the real package on its first call; esbuild then bundles the
 * package as a lazily initialised module, so a build never pays for it and help still works.
 */
const lazyHelpLayout = {
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
const yargsMainFilename = {
  name: 'yargs-main-filename',
  setup(build) {
    build.onLoad({ filter: /[\\/]yargs[\\/]lib[\\/]platform-shims[\\/]esm\.mjs$/ }, (args) => {
      const text = readFileSync(args.path, 'utf8');
      const from = 'mainFilename: mainFilename || process.cwd(),';
      if (!text.includes(from)) throw new Error(`${args.path} changed: update the yargs-main-filename plugin in scripts/compile.mjs`);
      return { contents: text.replace(from, "mainFilename: fileURLToPath(new URL('../package.json', import.meta.url)),"), loader: 'js' };
    });
  },
};

/**
 * Modules named `*.lazy.ts` export one `load()` and are evaluated on its first call, not when the
 * bundle loads: importers get a stand-in whose load() require()s the real module, which esbuild
 * then bundles as a lazily initialised module (its packages with it). For what only some runs
 * need but must be there synchronously when they do (src/core/yaml-tree.lazy.ts).
 */
const lazyModules = {
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

const result = await build({
  entryPoints: { cli: 'src/cli/main.ts', schema: 'src/core/schema.ts', 'schema-docs': 'src/core/schema-docs.ts' },
  outdir: 'lib',
  bundle: true,
  splitting: true,
  format: 'esm',
  platform: 'node',
  target: 'node20',
  packages: 'bundle',
  // playwright-core locates its own files through __dirname and is loaded only by pdf/serve
  // tests: it stays an installed package. resvg is a native module (.node), loaded by pptx only.
  external: ['playwright-core', '@resvg/resvg-js'],
  // Bundled CommonJS packages call require() for Node built-ins; give ESM chunks one.
  banner: { js: "import { createRequire as __tdCreateRequire } from 'node:module'; const require = __tdCreateRequire(import.meta.url);" },
  minify: true,
  sourcemap: true,
  metafile: true,
  plugins: [lazyHelpLayout, lazyModules, yargsMainFilename],
  logLevel: 'warning',
});

// Which source files went into which chunk, and how chunks load each other: the test that the
// CLI loads heavy modules only on demand reads it (test/serve-lazy.test.ts).
writeFileSync('lib/meta.json', JSON.stringify(result.metafile));

// Built-in templates, precompiled: a build then needs only the Handlebars runtime. Each entry
// keeps its source, so an edited template (not yet recompiled) is noticed and compiled afresh.
const { default: Handlebars } = await import('handlebars');
const entries = readdirSync('templates', { recursive: true })
  .filter((f) => f.endsWith('.hbs'))
  .map((f) => f.split('\\').join('/'))
  .sort();
const body = entries
  .map((f) => {
    const source = readFileSync(`templates/${f}`, 'utf8');
    const spec = Handlebars.precompile(source, { preventIndent: true });
    return `  ${JSON.stringify(f.replace(/\.hbs$/, ''))}: { source: ${JSON.stringify(source)}, spec: ${spec} }`;
  })
  .join(',\n');
writeFileSync('lib/precompiled-templates.js', `export default {\n${body}\n};\n`);

const { deckJsonSchema, configJsonSchema } = await import(new URL('../lib/schema.js', import.meta.url).href);
mkdirSync('schema', { recursive: true });
writeFileSync('schema/deck.schema.json', JSON.stringify(deckJsonSchema(), null, 2) + '\n');
writeFileSync('schema/config.schema.json', JSON.stringify(configJsonSchema(), null, 2) + '\n');

// The reference documentation is committed (readable on the web); a test checks it is current.
const { deckReferenceMarkdown } = await import(new URL('../lib/schema-docs.js', import.meta.url).href);
mkdirSync('docs', { recursive: true });
writeFileSync('docs/deck-reference.md', deckReferenceMarkdown());
