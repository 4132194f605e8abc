// Bundles the CLI into lib/ (one file per lazily loaded command) and writes the deck's JSON
// Schema for editors. Packages stay external: they are loaded from node_modules as installed.
import { build } from 'esbuild';
import { mkdirSync, writeFileSync } from 'node:fs';

await build({
  entryPoints: { cli: 'src/cli/main.ts', schema: 'src/core/schema.ts' },
  outdir: 'lib',
  bundle: true,
  splitting: true,
  format: 'esm',
  platform: 'node',
  target: 'node20',
  packages: 'external',
  sourcemap: true,
  logLevel: 'warning',
});

const { deckJsonSchema } = await import(new URL('../lib/schema.js', import.meta.url).href);
mkdirSync('schema', { recursive: true });
writeFileSync('schema/deck.schema.json', JSON.stringify(deckJsonSchema(), null, 2) + '\n');
