/**
 * `talkdeck diff`: what changed between two versions of a deck. Either two deck files
 * (`talkdeck diff old.yaml new.yaml`) or each deck against a git revision
 * (`talkdeck diff [decks..] --since v1-approved`). Both versions are modelled in memory (nothing
 * is built or written) and compared (core/diff/); the change set is printed as a terminal
 * summary, JSON or Markdown, and with `--html` also written as a change report page.
 */
import { relative, resolve } from 'node:path';
import { TalkdeckError, exitCodeFor } from '../core/base/errors.js';
import type { SettingsLayer } from '../core/deck/settings.js';
import { diffDecks } from '../core/diff/diff-decks.js';
import type { ChangedDeck } from '../core/model/change-labels.js';
import { modelDeck } from '../core/pipeline.js';
import { renderChangeReport } from '../core/write/changes/page.js';
import { changesMarkdown } from '../core/write/handout/changes-markdown.js';
import { isTalkdeckHtml } from '../core/base/generated.js';
import { loadConfig } from '../shell/config.js';
import { resolveDeck, type DeckLocation } from '../shell/decks.js';
import { deckAtRevision, deckOnDisk, type DeckVersion } from '../shell/deck-versions.js';
import { writeFileAtomic } from '../shell/write-file.js';
import { selectDecks } from './deck-builder.js';
import { diffJson, type ComparedDeck } from './diff-json.js';
import { diffText } from './diff-text.js';
import type { Io } from './io.js';
import { outputTargets } from './output-target.js';
import { printProblems, useColor } from './report.js';

export type DiffFormat = 'text' | 'json' | 'md';

export interface DiffOptions {
  decks: string[];
  /** A git revision; without it, `decks` are the two files to compare. */
  since: string | undefined;
  format: DiffFormat;
  /** Also write `<out>/<deck>-changes.html`. */
  html: boolean;
  out: string;
  force: boolean;
  debug: boolean;
  cli: SettingsLayer;
}

/** One comparison to make: the versions are read only when it is made. */
interface Comparison {
  deck: DeckLocation;
  before: () => DeckVersion;
  after: () => DeckVersion;
}

export async function runDiff(io: Io, opts: DiffOptions): Promise<number> {
  const comparisons = plan(io, opts);
  const config = loadConfig(io.cwd);
  const layers = { config, cli: opts.cli };
  const targetFor = opts.html
    ? outputTargets({ out: opts.out, cwd: io.cwd, deckCount: comparisons.length, extensions: ['.html', '.htm'], suffix: '-changes', what: 'a change report' })
    : undefined;
  const problems: TalkdeckError[] = [];
  const compared: ComparedDeck[] = [];
  const written: string[] = [];
  for (const { deck, before: readBefore, after: readAfter } of comparisons) {
    let before: DeckVersion;
    let after: DeckVersion;
    try {
      before = readBefore();
      after = readAfter();
    } catch (error) {
      if (!(error instanceof TalkdeckError)) throw error;
      printProblems(io, [error], opts.debug);
      problems.push(error);
      continue;
    }
    const [old, next] = [await modelDeck({ ...before.input, layers }), await modelDeck({ ...after.input, layers })];
    // A version with errors may be modelled in part (a slide left out): compared, it would mislead.
    if (!old.model || !next.model || old.errors.length || next.errors.length) {
      const errors = [...old.errors, ...next.errors];
      printProblems(io, errors, opts.debug);
      io.stderr.write(`✗ ${deck.name}: fix the errors above to compare the two versions\n`);
      problems.push(...errors);
      continue;
    }
    const changed = next.model as ChangedDeck;
    changed.changes = diffDecks({
      before: old.model,
      after: next.model,
      since: before.label,
      revision: before.revision,
      hash: { before: before.hash, after: after.hash },
    });
    compared.push({ before: { file: before.input.file, model: old.model }, after: { file: after.input.file, model: changed } });
    if (targetFor) {
      const target = targetFor(deck.name);
      try {
        writeFileAtomic({ target, content: renderChangeReport(changed), force: opts.force, cwd: io.cwd, isOurs: (b) => isTalkdeckHtml(b.toString('utf8')) });
        written.push(relative(io.cwd, target) || target);
      } catch (error) {
        if (!(error instanceof TalkdeckError)) throw error;
        printProblems(io, [error], opts.debug);
        problems.push(error);
      }
    }
  }
  if (compared.length) io.stdout.write(render(compared, opts.format, useColor(io.stdout, io.env)));
  // The report on stdout stays pure JSON or Markdown: where the page went is said on stderr.
  const notice = opts.format === 'text' ? io.stdout : io.stderr;
  for (const file of written) notice.write(`✓ change report → ${file}\n`);
  return exitCodeFor(problems);
}

/** The comparisons a command line asks for, or a usage error saying how to ask. */
function plan(io: Io, opts: DiffOptions): Comparison[] {
  if (opts.since !== undefined) {
    return selectDecks(io, opts.decks).map((deck) => ({
      deck,
      before: () => deckAtRevision(deck, io.cwd, opts.since!),
      after: () => deckOnDisk(deck, io.cwd),
    }));
  }
  if (opts.decks.length !== 2) {
    throw new TalkdeckError({
      code: 'usage',
      message: opts.decks.length < 2 ? 'Compare with what? Give two deck files, or --since and a git revision' : `Give two deck files to compare, not ${opts.decks.length}`,
      hint: 'talkdeck diff old.yaml new.yaml, or talkdeck diff [deck] --since v1-approved (a tag, branch or commit such as HEAD~1)',
    });
  }
  const [a, b] = opts.decks.map((name) => resolveDeck(io.cwd, name));
  const shown = relative(io.cwd, resolve(io.cwd, a!.file)) || a!.file;
  return [{ deck: b!, before: () => deckOnDisk(a!, io.cwd, shown), after: () => deckOnDisk(b!, io.cwd) }];
}

function render(compared: ComparedDeck[], format: DiffFormat, color: boolean): string {
  if (format === 'json') return diffJson(compared);
  if (format === 'md') return compared.map((c) => changesMarkdown(c.after.model)).join('\n');
  return compared.map((c) => diffText(c, color)).join('\n');
}
