/** `talkdeck handout`: talking points, notes and sources as a document to hand out. */
import { readFileSync } from 'node:fs';
import { basename, dirname, extname, join } from 'node:path';
import { ASSETS } from '../core/base/resources.js';
import { isTalkdeckHtml, isTalkdeckMarkdown } from '../core/base/generated.js';
import { createHandoutRenderer } from '../core/write/handout/html.js';
import { renderHandoutMarkdown } from '../core/write/handout/markdown.js';
import type { OutputFile } from '../core/write/output-file.js';
import { inlineSingleFile } from '../core/write/single-file/single-file.js';
import { templatesFor } from '../shell/decks.js';
import { assertReplaceable, fileSystemError, shownPath, writeFileAtomic } from '../shell/write-file.js';
import { writeDeckOutput } from '../shell/write-output.js';
import { selectDecks } from './deck-builder.js';
import { forEachDeck, type DeckOutputOptions } from './each-deck.js';
import { outputTargets } from './output-target.js';
import type { Io } from './io.js';
import { formatProblem, status, useColor } from './report.js';
import { count } from './plural.js';

export type HandoutFormat = 'html' | 'md';

export interface HandoutOptions extends DeckOutputOptions {
  format: HandoutFormat;
}

export function runHandout(io: Io, opts: HandoutOptions): Promise<number> {
  const color = useColor(io.stderr, io.env);
  const deckCount = selectDecks(io, opts.decks).length;
  const extensions = opts.format === 'md' ? ['.md', '.markdown'] : ['.html', '.htm'];
  const what = opts.format === 'md' ? 'a Markdown handout' : 'an HTML handout';
  const targetFor = outputTargets({ out: opts.out, cwd: io.cwd, deckCount, extensions, suffix: '-handout', what });
  return forEachDeck(io, opts.decks, opts.debug, (deck, build) => {
    const target = targetFor(deck.name);
    const isOurs = (b: Buffer): boolean => (opts.format === 'md' ? isTalkdeckMarkdown : isTalkdeckHtml)(b.toString('utf8'));
    let content: string;
    let alongside = '';
    if (opts.format === 'md') {
      // Pictures go into a folder next to the handout (`<handout>_files/`, as browsers save a
      // page), linked by relative paths: the Markdown stays readable and works with the folder.
      const folder = `${basename(target, extname(target))}_files`;
      const pictures = new Map<string, OutputFile>();
      content = renderHandoutMarkdown(build.model, (src) => {
        const file = decodeURI(src);
        const entry = build.files.get(file);
        if (!entry || !file.startsWith(ASSETS)) return undefined;
        pictures.set(file.slice(ASSETS.length), entry);
        return `${encodeURIComponent(folder)}/${src.slice(ASSETS.length)}`;
      });
      // Checked first, so a handout that may not be replaced leaves no picture folder behind.
      assertReplaceable({ target, isOurs, force: opts.force, cwd: io.cwd });
      if (pictures.size) {
        writePictures(dirname(target), folder, pictures, opts, io);
        alongside = ` (pictures in ${shownPath(io.cwd, join(dirname(target), folder))}/)`;
      }
    } else {
      const html = createHandoutRenderer(templatesFor(deck, io.cwd)).render(build.model);
      // Images become data URIs, so the handout is one file like the deck.
      const entry = 'handout.html';
      const files = new Map(build.files).set(entry, { content: html });
      const inlined = inlineSingleFile({ files, entry, read: (path) => readFileSync(path) });
      for (const w of inlined.warnings) io.stderr.write(formatProblem(w, { color }, io.cwd, opts.debug) + '\n');
      content = inlined.html;
    }
    writeFileAtomic({ target, content, force: opts.force, cwd: io.cwd, isOurs });
    const sections = build.model.slides.filter((s) => s.layout === 'section').length;
    const inSections = sections ? ` in ${count(sections, 'section')}` : '';
    const changes = build.model.changes ? `, with the changes since ${build.model.changes.since}` : '';
    io.stdout.write(status`✓ ${deck.name}: handout of ${count(build.model.slides.length, 'slide')}${inSections}${changes} → ${shownPath(io.cwd, target)}${alongside}\n`);
  }, { since: opts.since });
}

/** The Markdown handout's pictures, written like a built deck: atomically, in a folder marked as talkdeck's. */
function writePictures(dir: string, folder: string, files: ReadonlyMap<string, OutputFile>, opts: HandoutOptions, io: Io): void {
  try {
    writeDeckOutput({ outDir: dir, name: folder, files, force: opts.force, cwd: io.cwd });
  } catch (error) {
    throw fileSystemError(error, join(dir, folder), io.cwd);
  }
}
