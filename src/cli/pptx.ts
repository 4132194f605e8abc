/**
 * `talkdeck pptx`: each deck's model written as a native PowerPoint file, <out>/<deck>.pptx, or
 * with one deck and `--out name.pptx` that file.
 */
import { readFileSync } from 'node:fs';
import { relative } from 'node:path';
import { TalkdeckError } from '../core/base/errors.js';
import { PPTX_APPLICATION } from '../core/write/pptx/decide/presentation.js';
import { writePptx } from '../core/write/pptx/index.js';
import { readZipEntry } from '../core/write/pptx/ooxml/zip.js';
import { rasterizeSvg } from '../shell/rasterize-svg.js';
import { fileSystemError, writeFileAtomic } from '../shell/write-file.js';
import { selectDecks } from './deck-builder.js';
import { forEachDeck, type DeckOutputOptions } from './each-deck.js';
import type { Io } from './io.js';
import { outputTargets } from './output-target.js';
import { count } from './plural.js';
import { printProblems, status } from './report.js';
import { sourceDateEpoch } from './source-date.js';

/** Whether a file is a .pptx talkdeck wrote: its docProps/app.xml names talkdeck as the application. */
export function isTalkdeckPptx(bytes: Uint8Array): boolean {
  const app = readZipEntry(bytes, 'docProps/app.xml');
  return app !== undefined && Buffer.from(app).toString('utf8').includes(`<Application>${PPTX_APPLICATION}</Application>`);
}

export async function runPptx(io: Io, opts: DeckOutputOptions): Promise<number> {
  const date = sourceDateEpoch(io.env);
  // A misspelt deck name or a wrong --out is reported before any deck is built.
  const decks = selectDecks(io, opts.decks);
  let targetFor: (deck: string) => string;
  try {
    targetFor = outputTargets({ out: opts.out, cwd: io.cwd, deckCount: decks.length, extensions: ['.pptx'], what: 'a PowerPoint file' });
  } catch (error) {
    throw fileSystemError(error, opts.out);
  }
  return forEachDeck(io, opts.decks, opts.debug, (deck, build) => {
    const target = targetFor(deck.name);
    if (build.model.size.name !== '16:9') {
      // The slide layouts are drawn for 16:9; say so rather than hand over a file of another shape.
      printProblems(io, [
        new TalkdeckError({
          code: 'usage',
          severity: 'warning',
          file: relative(io.cwd, deck.file) || deck.file,
          message: `The PowerPoint file is 16:9; this deck's size is ${build.model.size.name}`,
          hint: 'the HTML deck and the PDF keep the deck\'s size; in PowerPoint use Design › Slide Size if you need another',
        }),
      ], opts.debug);
    }
    const bytes = writePptx({
      model: build.model,
      date,
      // An SVG comes as the build shipped it: sanitised, so resvg reads no file (core/read/svg/).
      readAsset: (src) => {
        const entry = build.files.get(src);
        if (!entry) throw new Error(`pptx: ${src} is not among the deck's files`);
        return 'copyFrom' in entry ? readFileSync(entry.copyFrom) : Buffer.from(entry.content, 'utf8');
      },
      rasterizeSvg,
      file: relative(io.cwd, deck.file) || deck.file,
    });
    const shown = relative(io.cwd, target) || target;
    writeFileAtomic({ target, content: bytes, force: opts.force, cwd: io.cwd, isOurs: isTalkdeckPptx });
    const notes = build.model.slides.filter((s) => s.notesHtml?.trim()).length;
    io.stdout.write(status`✓ ${deck.name}: ${count(build.model.slides.length, 'slide')}, ${notes} with notes → ${shown}\n`);
  });
}
