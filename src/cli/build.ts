/** `talkdeck build`: each deck through the pure core, then the atomic writer. */
import { existsSync } from 'node:fs';
import { extname, join, resolve } from 'node:path';
import { TalkdeckError } from '../core/base/errors.js';
import { fileSystemError, shownPath } from '../shell/write-file.js';
import { writeDeckOutput } from '../shell/write-output.js';
import { forEachDeck, marked, type DeckOutputOptions } from './each-deck.js';
import type { Io } from './io.js';
import { namesFile } from './output-target.js';
import { count } from './plural.js';
import { status } from './report.js';

export { buildDecks, createDeckBuilder, selectDecks } from './deck-builder.js';

export async function runBuild(io: Io, opts: DeckOutputOptions): Promise<number> {
  if (namesFile(resolve(io.cwd, opts.out))) {
    throw new TalkdeckError({
      code: 'usage',
      message: `--out ${opts.out} names a file, but a deck is a folder of files`,
      hint: /^\.html?$/i.test(extname(opts.out))
        ? 'add --single-file to write the deck as one HTML file, or give a folder (e.g. --out dist)'
        : 'give a folder (e.g. --out dist); talkdeck pdf and talkdeck handout write single files',
    });
  }
  return forEachDeck(
    io,
    opts.decks,
    opts.debug,
    (deck, build, ms) => {
      const outDir = resolve(io.cwd, opts.out);
      let target: string;
      try {
        target = writeDeckOutput({ outDir, name: deck.name, files: build.files, force: opts.force, cwd: io.cwd });
      } catch (error) {
        // A file where the output folder should be, a folder that cannot be made: exit 3, like the other exports.
        throw fileSystemError(error, join(outDir, deck.name), io.cwd);
      }
      io.stdout.write(status`✓ ${deck.name}: ${count(build.model.slides.length, 'slide')} → ${shownPath(io.cwd, target)}/index.html (${ms()} ms)${marked(build.model)}\n`);
    },
    // Said only when there is a previous output to leave alone.
    { failed: (deck) => (existsSync(join(resolve(io.cwd, opts.out), deck.name)) ? 'previous output left unchanged' : 'nothing written'), since: opts.since },
  );
}
