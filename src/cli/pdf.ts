/**
 * `talkdeck pdf`: each deck built into a temporary folder, printed by the user's Chrome through
 * reveal.js's print view, stamped with the deck's metadata and written to <out>/<deck>.pdf.
 */
import { existsSync, mkdtempSync, readFileSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { TalkdeckError } from '../core/base/errors.js';
import { isTalkdeckPdf, pdfInfoFor, stampPdf } from '../core/write/pdf/metadata.js';
import { findBrowser } from '../shell/find-browser.js';
import { launchPrinter } from '../shell/print-pdf.js';
import { writeDeckOutput } from '../shell/write-output.js';
import { assertReplaceable, shownPath, writeFileAtomic } from '../shell/write-file.js';
import { selectDecks } from './deck-builder.js';
import { forEachDeck, type DeckOutputOptions } from './each-deck.js';
import { outputTargets } from './output-target.js';
import type { Io } from './io.js';
import { progressLine } from './progress.js';
import { sourceDateEpoch } from './source-date.js';
import { formatProblem, printProblems, status, useColor } from './report.js';
import { count } from './plural.js';

export interface PdfOptions extends DeckOutputOptions {
  notes: boolean;
  browserPath?: string | undefined;
  timeoutSeconds: number;
}

export async function runPdf(io: Io, opts: PdfOptions): Promise<number> {
  if (!(opts.timeoutSeconds > 0)) {
    throw new TalkdeckError({ code: 'usage', message: `--timeout must be a positive number of seconds, not ${opts.timeoutSeconds}` });
  }
  const timeoutMs = opts.timeoutSeconds * 1000;
  // A misspelt deck name or a wrong --out is reported before a browser is looked for.
  const decks = selectDecks(io, opts.decks);
  const targetFor = outputTargets({ out: opts.out, cwd: io.cwd, deckCount: decks.length, extensions: ['.pdf'], suffix: opts.notes ? '-notes' : '', what: 'a PDF' });
  // Before any work: without a browser there is nothing to do, and nothing is written.
  const browser = findBrowser({ explicit: opts.browserPath, env: io.env });
  if (browser.skipped !== undefined) {
    printProblems(io, [
      new TalkdeckError({
        code: 'browser',
        severity: 'warning',
        message: `CHROME_PATH is ${browser.skipped}, which is not there or cannot be run; printing with ${browser.path} instead`,
        hint: 'point CHROME_PATH at the Chrome, Chromium or Edge program itself, or unset it',
      }),
    ], opts.debug);
  }
  const date = creationDate(io.env);
  const color = useColor(io.stderr, io.env);
  // Started once for all decks; if it cannot start, no deck can be printed.
  const printer = await launchPrinter(browser.path, timeoutMs);
  try {
    return await forEachDeck(io, opts.decks, opts.debug, async (deck, build) => {
      const started = performance.now();
      const target = targetFor(deck.name);
      // Checked before printing, so a refusal does not come after seconds of work.
      const ours = existsSync(target) && statSync(target).isFile() ? await isTalkdeckPdf(readFileSync(target)) : true;
      const destination = { target, force: opts.force, cwd: io.cwd, isOurs: () => ours };
      assertReplaceable(destination);

      const tmp = mkdtempSync(join(tmpdir(), 'talkdeck-pdf-'));
      const progress = progressLine(io.stderr);
      try {
        writeDeckOutput({ outDir: tmp, name: deck.name, files: build.files, cwd: io.cwd });
        const printed = await printer.print({
          htmlFile: join(tmp, deck.name, 'index.html'),
          notes: opts.notes,
          labels: build.model.labels,
          timeoutMs,
          onProgress: (text) => progress.update(`${deck.name}: ${text}`),
        });
        progress.done();
        for (const url of new Set(printed.blocked)) {
          const warning = new TalkdeckError({
            code: 'remote-resource',
            severity: 'warning',
            message: `The deck loads ${url} from the network; it was blocked, so the PDF is made from local files only`,
            hint: 'save the file next to deck.yaml and refer to it by a relative path',
          });
          io.stderr.write(formatProblem(warning, { color }, io.cwd, opts.debug) + '\n');
        }
        writeFileAtomic({ ...destination, content: await stampPdf(printed.pdf, pdfInfoFor(build.model, date)) });
        const seconds = ((performance.now() - started) / 1000).toFixed(1);
        io.stdout.write(status`✓ ${deck.name}: ${count(printed.slides, 'slide')} → ${shownPath(io.cwd, target)} (${seconds} s)\n`);
      } finally {
        progress.done();
        rmSync(tmp, { recursive: true, force: true });
      }
    });
  } finally {
    await printer.close().catch(() => undefined);
  }
}

/** The PDF's creation date: SOURCE_DATE_EPOCH when set, so two runs give identical files; otherwise now. */
function creationDate(env: Record<string, string | undefined>): Date {
  return sourceDateEpoch(env) ?? new Date();
}
