// Bundles the CLI into lib/ (a chunk per lazily loaded command) and writes the deck's JSON
// Schema for editors. Packages are bundled too: loading one file instead of hundreds of small
// modules is most of the CLI's start-up time. reveal.js, fonts and the atlas data are still
// read from node_modules at run time.
import { build } from 'esbuild';
import { mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { BUNDLE_OPTIONS, lazyHelpLayout, lazyModules, yargsMainFilename } from './esbuild-plugins.mjs';

rmSync('lib', { recursive: true, force: true });

const result = await build({
  ...BUNDLE_OPTIONS,
  entryPoints: { cli: 'src/cli/main.ts', schema: 'src/core/deck/schema.ts', 'schema-docs': 'src/core/deck/schema-docs.ts' },
  outdir: 'lib',
  splitting: true,
  packages: 'bundle',
  // playwright-core locates its own files through __dirname and is loaded only by pdf/serve
  // tests: it stays an installed package. resvg is a native module (.node), loaded by pptx only.
  // jsdom (the SVG sanitiser's DOM) reads files of its own package at run time.
  external: ['playwright-core', '@resvg/resvg-js', 'jsdom'],
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
