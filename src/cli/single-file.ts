/**
 * `talkdeck build --single-file`: each deck inlined into one `<out>/<deck>.html` (see
 * core/write/single-file/single-file.ts) and written atomically. Loaded only for this flag, so a plain
 * build does not pay for the HTML and CSS parsers.
 */
import { readFileSync } from 'node:fs';
import { isTalkdeckHtml } from '../core/base/generated.js';
import { inlineSingleFile } from '../core/write/single-file/single-file.js';
import { shownPath, writeFileAtomic } from '../shell/write-file.js';
import { selectDecks } from './deck-builder.js';
import { forEachDeck, marked, type DeckOutputOptions } from './each-deck.js';
import { outputTargets } from './output-target.js';
import type { Io } from './io.js';
import { formatProblem, status, useColor } from './report.js';
import { count } from './plural.js';

export function runSingleFileBuild(io: Io, opts: DeckOutputOptions): Promise<number> {
  const color = useColor(io.stderr, io.env);
  const deckCount = selectDecks(io, opts.decks).length;
  const targetFor = outputTargets({ out: opts.out, cwd: io.cwd, deckCount, extensions: ['.html', '.htm'], what: 'one HTML file per deck' });
  return forEachDeck(io, opts.decks, opts.debug, (deck, build) => {
    const { html, warnings } = inlineSingleFile({ files: build.files, read: (path) => readFileSync(path) });
    for (const w of warnings) io.stderr.write(formatProblem(w, { color }, io.cwd, opts.debug) + '\n');
    const target = targetFor(deck.name);
    writeFileAtomic({ target, content: html, force: opts.force, cwd: io.cwd, isOurs: (b) => isTalkdeckHtml(b.toString('utf8')) });
    const size = (Buffer.byteLength(html) / 1e6).toFixed(1);
    io.stdout.write(status`✓ ${deck.name}: ${count(build.model.slides.length, 'slide')} → ${shownPath(io.cwd, target)} (${size} MB)${marked(build.model)}\n`);
  }, { since: opts.since });
}
