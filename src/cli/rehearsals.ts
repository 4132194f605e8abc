/**
 * `talkdeck rehearsals`: what the deck's rehearsals (`rehearsals/*.json`, saved by the speaker
 * view's rehearsal mode) say against the plan, per slide and in total, and which rehearsals are
 * stale for which slides. A command of its own rather than `outline --rehearsals`: the outline is
 * the plan for people to read before any rehearsal; this report has more columns, its own JSON
 * shape for tools, and lists the files it skipped.
 */
import { relative } from 'node:path';
import { exitCodeFor, type TalkdeckError } from '../core/base/errors.js';
import type { SettingsLayer } from '../core/deck/settings.js';
import { formatDuration } from '../core/model/timing.js';
import { readRehearsals } from '../shell/rehearsals.js';
import { problemJson } from './check-report.js';
import { createDeckBuilder, selectDecks } from './deck-builder.js';
import type { Io } from './io.js';
import { count } from './plural.js';
import { printProblems, terminalSafe } from './report.js';
import { deckRehearsalsReport, REHEARSALS_REPORT_VERSION, type DeckRehearsalsReport } from './rehearsals-report.js';

const TITLE_WIDTH = 44;

export async function runRehearsals(io: Io, opts: { decks: string[]; format: 'human' | 'json'; cli: SettingsLayer; debug: boolean }): Promise<number> {
  const problems: TalkdeckError[] = [];
  const reports: DeckRehearsalsReport[] = [];
  const builder = await createDeckBuilder(io, opts.cli);
  for (const deck of selectDecks(io, opts.decks)) {
    const result = await builder.build(deck);
    if (result.errors.length || !result.model) {
      problems.push(...result.errors);
      if (opts.format === 'human') {
        printProblems(io, result.errors, opts.debug);
        io.stderr.write(`✗ ${deck.name}: fix the errors above to compare its rehearsals (talkdeck check ${deck.name})\n`);
      }
      continue;
    }
    reports.push(deckRehearsalsReport(result.model, relative(io.cwd, deck.file) || deck.file, readRehearsals(deck, io.cwd).skipped));
  }
  if (opts.format === 'json') {
    io.stdout.write(JSON.stringify({ version: REHEARSALS_REPORT_VERSION, decks: reports, problems: problems.map(problemJson) }, null, 2) + '\n');
  } else {
    for (const report of reports) io.stdout.write(reportText(report) + '\n');
  }
  return exitCodeFor(problems);
}

const safe = (text: string): string => terminalSafe(text, { multiline: false });
const time = (seconds: number | null): string => (seconds === null ? '–' : formatDuration(seconds));
const signed = (seconds: number | null): string => (seconds === null ? '' : seconds > 0 ? `+${formatDuration(seconds)}` : seconds < 0 ? `−${formatDuration(-seconds)}` : '±0:00');

/** `last` may carry a mark (`*`: stale) after its time, in a column of its own. */
function row(cells: [string, string, string, string, string, string], mark = ' ', note = ''): string {
  const [number, title, estimate, last, middle, trend] = cells;
  const fitted = title.length > TITLE_WIDTH ? `${title.slice(0, TITLE_WIDTH - 1)}…` : title;
  const times = `${estimate.padStart(8)}${last.padStart(8)}${mark}${middle.padStart(7)}${trend.padStart(8)}`;
  return `${number.padStart(4)}  ${fitted.padEnd(TITLE_WIDTH)}  ${times}${note ? `  ${note}` : ''}`.trimEnd();
}

/** When a rehearsal began, in this computer's time: `2025-05-01 14:03`. */
function when(iso: string): string {
  const d = new Date(iso);
  const p = (n: number): string => String(n).padStart(2, '0');
  return `${d.getFullYear()}-${p(d.getMonth() + 1)}-${p(d.getDate())} ${p(d.getHours())}:${p(d.getMinutes())}`;
}

export function reportText(r: DeckRehearsalsReport): string {
  const lines = [`${safe(r.title)} (${safe(r.deck)})`];
  if (!r.rehearsals.length) {
    lines.push(
      '  No rehearsals yet. Open the deck (talkdeck serve, or the built index.html), press S for the speaker view',
      '  and R to rehearse; under talkdeck serve the speaker view saves each rehearsal into rehearsals/.',
    );
  } else {
    const first = r.rehearsals[0]!;
    const last = r.rehearsals.at(-1)!;
    lines.push(`${count(r.rehearsals.length, 'rehearsal')}, ${r.rehearsals.length > 1 ? `${when(first.recorded)} to ${when(last.recorded)}` : when(first.recorded)}`, '');
    lines.push(row(['#', 'Slide', 'Estimate', 'Last', 'Median', 'Trend']), row(['----', '-'.repeat(TITLE_WIDTH), '--------', '------', '------', '------']));
    let section: string | null | undefined;
    let backup = false;
    for (const s of r.slides) {
      if (s.backup && !backup) {
        backup = true;
        lines.push('', row(['', 'Backup (not in the total)', '', '', '', '']));
      } else if (!s.backup && s.section !== section) {
        if (section !== undefined) lines.push('');
        section = s.section;
      }
      const title = s.layout === 'section' ? `§ ${safe(s.title)}` : `  ${safe(s.title) || `(${s.layout})`}`;
      const cells: [string, string, string, string, string, string] = [s.label, title, time(s.estimateSeconds), time(s.lastSeconds), time(s.medianSeconds), signed(s.trendSeconds)];
      lines.push(row(cells, s.lastStale ? '*' : ' ', s.alwaysLong ? 'always long' : ''));
    }
    lines.push('', row(['', 'Total', time(r.total.estimateSeconds), time(r.total.lastSeconds), time(r.total.medianSeconds), signed(r.total.trendSeconds)]));
    lines.push(row(['', 'Plan as rehearsed (speaker view pacing)', time(r.total.plannedSeconds), '', '', '']));
    if (r.durationSeconds !== null) lines.push(row(['', 'Slot', time(r.durationSeconds), '', '', '']));
    if (r.slides.some((s) => s.lastStale)) lines.push('', '* changed since that rehearsal (notes or points edited): left out of the median and the trend');
    lines.push('', paceLine(r), '', 'Rehearsals:');
    for (const rec of r.rehearsals) {
      const changed = rec.changedSlides.length ? `; changed since: ${rec.changedSlides.map(safe).join(', ')}` : '';
      lines.push(`  ${safe(rec.file)}  ${when(rec.recorded)}  ${time(rec.totalSeconds)}${rec.pausedSeconds ? ` (+${time(rec.pausedSeconds)} paused)` : ''}${changed}`);
    }
  }
  if (r.skipped.length) {
    lines.push('', 'Skipped:');
    for (const s of r.skipped) lines.push(`  ${safe(s.file)}: ${safe(s.reason)}`);
  }
  return lines.join('\n') + '\n';
}

function paceLine(r: DeckRehearsalsReport): string {
  const { measured, usedByEstimate, estimateWordsPerMinute } = r.pace;
  if (measured === null) return `Pace: not measured (no rehearsal spoke the notes); the estimate counts ${estimateWordsPerMinute} words per minute.`;
  if (usedByEstimate) return `Pace: ${measured} words per minute, measured in the rehearsals; the estimate uses it.`;
  return `Pace: ${measured} words per minute measured; the estimate keeps the ${estimateWordsPerMinute} set in the config file, the deck or --wpm.`;
}
