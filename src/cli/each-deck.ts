/**
 * The loop shared by commands that turn built decks into something else (pdf, handout): build
 * each deck in memory, report its problems in the user's words, and run the step only for decks
 * that built cleanly. One deck's failure does not stop the others; the exit code covers all.
 */
import { TalkdeckError, exitCodeFor } from '../core/base/errors.js';
import type { DeckModel } from '../core/model/types.js';
import type { DeckBuild } from '../core/pipeline.js';
import type { DeckLocation } from '../shell/decks.js';
import { createDeckBuilder, selectDecks } from './deck-builder.js';
import type { Io } from './io.js';
import { printProblems, status } from './report.js';
import { count } from './plural.js';

export type BuiltDeck = DeckBuild & { model: DeckModel };

/** What every command that writes per-deck output is given. */
export interface DeckOutputOptions {
  decks: string[];
  out: string;
  /** Replace an existing file talkdeck did not write. */
  force: boolean;
  debug: boolean;
  /** Compare each deck with its version at this git revision and mark the changes (`--since`). */
  since?: string | undefined;
}

export async function forEachDeck(
  io: Io,
  names: string[],
  debug: boolean,
  /** `ms()` is the time since this deck's build began. */
  step: (deck: DeckLocation, build: BuiltDeck, ms: () => number) => Promise<void> | void,
  options: {
    /** What a failed deck means for its output, in the user's words. */
    failed?: string | ((deck: DeckLocation) => string);
    /** A git revision to compare each deck with (`--since`): its build carries the change set. */
    since?: string | undefined;
  } = {},
): Promise<number> {
  const problems: TalkdeckError[] = [];
  const decks = selectDecks(io, names);
  const builder = await createDeckBuilder(io, undefined, undefined, options.since);
  const failed = options.failed ?? 'nothing written';
  for (const deck of decks) {
    const started = performance.now();
    const build = await builder.build(deck);
    if (build.errors.length || !build.model) {
      printProblems(io, [...build.warnings, ...build.errors], debug);
      io.stderr.write(status`✗ ${deck.name}: ${count(build.errors.length, 'problem')}; ${typeof failed === 'string' ? failed : failed(deck)}\n`);
      problems.push(...build.errors);
      continue;
    }
    printProblems(io, build.warnings, debug);
    try {
      await step(deck, build as BuiltDeck, () => Math.round(performance.now() - started));
    } catch (error) {
      if (!(error instanceof TalkdeckError)) throw error;
      printProblems(io, [error], debug);
      problems.push(error);
    }
  }
  return exitCodeFor(problems);
}

/** What `--since` marked, after the build line: "; speaker view marks 6 slides changed since v1-approved". */
export function marked(model: DeckModel): string {
  const c = model.changes;
  if (!c) return '';
  const n = c.counts.added + c.counts.moved + c.counts.changed;
  return `; speaker view marks ${count(n, 'slide')} changed since ${c.since}${c.counts.removed ? ` (${c.counts.removed} removed)` : ''}`;
}
