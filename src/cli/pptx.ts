/**
 * `talkdeck pptx`: each deck's model written as a native PowerPoint file, <out>/<deck>.pptx, or
 * with one deck and `--out name.pptx` that file.
 */
import { readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { TalkdeckError } from '../core/base/errors.js';
import type { RemoteResourceModel } from '../core/model/types.js';
import { PPTX_APPLICATION } from '../core/write/pptx/decide/presentation.js';
import { writePptx } from '../core/write/pptx/index.js';
import { readZipEntry } from '../core/write/pptx/ooxml/zip.js';
import { fontsRoot } from '../shell/paths.js';
import { rasterizeSvg } from '../shell/rasterize-svg.js';
import { shownPath, writeFileAtomic } from '../shell/write-file.js';
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

/**
 * A picture the deck shows from the network (accepted with `lint: { remote-resource: warning }`):
 * a PowerPoint file carries its pictures inside it, and talkdeck never downloads one.
 */
function remotePicture(r: RemoteResourceModel): TalkdeckError {
  return new TalkdeckError({
    code: 'remote-resource',
    file: r.file,
    line: r.line,
    column: r.column,
    message: `Slide ${r.slide ?? '?'} shows ${r.what} from the network (${r.url}); a PowerPoint file carries its pictures inside it, and talkdeck never downloads one`,
    hint: 'save the picture into the deck folder and name it by its relative path; only the HTML deck can show it from the network',
  });
}

export async function runPptx(io: Io, opts: DeckOutputOptions): Promise<number> {
  const date = sourceDateEpoch(io.env);
  // A misspelt deck name or a wrong --out is reported before any deck is built.
  const decks = selectDecks(io, opts.decks);
  const targetFor = outputTargets({ out: opts.out, cwd: io.cwd, deckCount: decks.length, extensions: ['.pptx'], what: 'a PowerPoint file' });
  return forEachDeck(io, opts.decks, opts.debug, (deck, build) => {
    const target = targetFor(deck.name);
    const { bytes, warnings } = writePptx({
      model: build.model,
      source: build.source,
      date,
      // An SVG comes as the build shipped it: sanitised, so resvg reads no file (core/read/svg/).
      readAsset: (src) => {
        const entry = build.files.get(src);
        const remote = entry ? undefined : build.model.remote.find((r) => r.url === src);
        if (remote) throw remotePicture(remote);
        if (!entry) throw new Error(`pptx: ${src} is not among the deck's files`);
        return 'copyFrom' in entry ? readFileSync(entry.copyFrom) : Buffer.from(entry.content, 'utf8');
      },
      rasterizeSvg,
      readFont: (file) => readFileSync(join(fontsRoot(), file)),
      file: relative(io.cwd, deck.file) || deck.file,
    });
    printProblems(io, warnings, opts.debug);
    const shown = shownPath(io.cwd, target);
    writeFileAtomic({ target, content: bytes, force: opts.force, cwd: io.cwd, isOurs: isTalkdeckPptx });
    const notes = build.model.slides.filter((s) => s.notesHtml?.trim()).length;
    io.stdout.write(status`✓ ${deck.name}: ${count(build.model.slides.length, 'slide')}, ${notes} with notes → ${shown}\n`);
  });
}
