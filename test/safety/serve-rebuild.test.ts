/**
 * `talkdeck serve` under the resource rule: a stylesheet that refers to the network fails the
 * rebuild with its place, and fixing the stylesheet alone (deck.yaml untouched) rebuilds.
 */
import { cpSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { createDevBuilder } from '../../src/serve/dev-build.js';
import { fixture } from '../helpers/build.js';

describe('the dev server’s rebuild', () => {
  it('refuses a remote @import with its place, and rebuilds when only style.css is fixed', async () => {
    const root = mkdtempSync(join(tmpdir(), 'talkdeck-serve-css-'));
    const deckDir = join(root, 'content/styled');
    cpSync(fixture('minimal'), deckDir, { recursive: true });
    writeFileSync(join(deckDir, 'style.css'), 'h2 { color: teal; }\n@import "https://fonts.example/x.css";\n');
    const builder = createDevBuilder({ deck: { name: 'styled', dir: deckDir, file: join(deckDir, 'deck.yaml') }, cwd: root, builtinMayChange: false });

    const failed = await builder.rebuild();
    expect(failed.kind).toBe('failed');
    const errors = failed.kind === 'failed' ? failed.errors : [];
    expect(errors.map((e) => `${e.location}: ${e.message}`)).toEqual([
      'content/styled/style.css:2:9: style.css loads @import https://fonts.example/x.css from the network: it is missing when the deck is shown offline',
    ]);
    expect((await builder.rebuild()).kind).toBe('unchanged');

    writeFileSync(join(deckDir, 'style.css'), 'h2 { color: teal; }\n');
    const built = await builder.rebuild();
    expect(built.kind).toBe('built');
    if (built.kind === 'built') expect([...built.build.files.keys()]).toContain('assets/style.css');
  });
});
