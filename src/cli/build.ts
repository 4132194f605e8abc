/** `talkdeck build`: each deck through the pure core, then the atomic writer. */
import { relative, resolve } from 'node:path';
import { writeDeckOutput } from '../shell/write-output.js';
import { forEachDeck, type DeckOutputOptions } from './each-deck.js';
import type { Io } from './io.js';

export { buildDecks, createDeckBuilder, selectDecks } from './deck-builder.js';

export function runBuild(io: Io, opts: DeckOutputOptions): Promise<number> {
  return forEachDeck(
    io,
    opts.decks,
    opts.debug,
    (deck, build, ms) => {
      const target = writeDeckOutput({ outDir: resolve(io.cwd, opts.out), name: deck.name, files: build.files, force: opts.force, cwd: io.cwd });
      io.stdout.write(`✓ ${deck.name}: ${build.model.slides.length} slides → ${relative(io.cwd, target) || target}/index.html (${ms()} ms)\n`);
    },
    { failed: 'previous output left unchanged' },
  );
}
