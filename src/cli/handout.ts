/** `talkdeck handout`: talking points, notes and sources as a document to hand out. */
import { readFileSync } from 'node:fs';
import { isTalkdeckHtml, isTalkdeckMarkdown } from '../core/base/generated.js';
import { createHandoutRenderer } from '../core/write/handout/html.js';
import { renderHandoutMarkdown } from '../core/write/handout/markdown.js';
import { inlineSingleFile } from '../core/write/single-file/single-file.js';
import { templatesFor } from '../shell/decks.js';
import { shownPath, writeFileAtomic } from '../shell/write-file.js';
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
    let content: string;
    if (opts.format === 'md') {
      content = renderHandoutMarkdown(build.model);
    } else {
      const html = createHandoutRenderer(templatesFor(deck, io.cwd)).render(build.model);
      // Images become data URIs, so the handout is one file like the deck.
      const entry = 'handout.html';
      const files = new Map(build.files).set(entry, { content: html });
      const inlined = inlineSingleFile({ files, entry, read: (path) => readFileSync(path) });
      for (const w of inlined.warnings) io.stderr.write(formatProblem(w, { color }, io.cwd, opts.debug) + '\n');
      content = inlined.html;
    }
    const target = targetFor(deck.name);
    writeFileAtomic({
      target,
      content,
      force: opts.force,
      cwd: io.cwd,
      isOurs: (b) => (opts.format === 'md' ? isTalkdeckMarkdown : isTalkdeckHtml)(b.toString('utf8')),
    });
    const sections = build.model.slides.filter((s) => s.layout === 'section').length;
    const inSections = sections ? ` in ${count(sections, 'section')}` : '';
    const changes = build.model.changes ? `, with the changes since ${build.model.changes.since}` : '';
    io.stdout.write(status`✓ ${deck.name}: handout of ${count(build.model.slides.length, 'slide')}${inSections}${changes} → ${shownPath(io.cwd, target)}\n`);
  }, { since: opts.since });
}
