/**
 * `talkdeck check`: every deck through the pure core (nothing written), its problems (schema
 * errors and lint findings) reported for people or, with `--format json`, for tools, and the
 * estimated speaking time. With `--strict` warnings fail too.
 */
import { relative } from 'node:path';
import { TalkdeckError, TalkdeckErrors, exitCodeFor } from '../core/base/errors.js';
import type { SettingsLayer } from '../core/deck/settings.js';
import { formatDuration, type DeckTiming } from '../core/model/timing.js';
import { loadConfig } from '../shell/config.js';
import { createDeckBuilder, selectDecks } from './deck-builder.js';
import { byPlace, checkReport, type CheckedDeck } from './check-report.js';
import type { Io } from './io.js';
import { printProblems, status } from './report.js';
import { count } from './plural.js';

export interface CheckOptions {
  decks: string[];
  strict: boolean;
  format: 'human' | 'json';
  cli: SettingsLayer;
  debug: boolean;
}

export async function runCheck(io: Io, opts: CheckOptions): Promise<number> {
  let config: SettingsLayer | undefined;
  try {
    config = loadConfig(io.cwd);
  } catch (error) {
    const problems = error instanceof TalkdeckErrors ? error.errors : error instanceof TalkdeckError ? [error] : undefined;
    if (!problems) throw error;
    if (opts.format === 'json') {
      io.stdout.write(JSON.stringify(checkReport([], opts.strict, problems), null, 2) + '\n');
      return exitCodeFor(problems);
    }
    throw error;
  }
  const checked: CheckedDeck[] = [];
  const decks = selectDecks(io, opts.decks);
  const builder = await createDeckBuilder(io, opts.cli, config);
  for (const deck of decks) {
    checked.push({ deck, file: relative(io.cwd, deck.file) || deck.file, result: await builder.build(deck) });
  }

  const problems = checked.flatMap((c) => [...c.result.errors, ...c.result.warnings]);
  const failed = exitCodeFor(problems) || (opts.strict && problems.length ? 1 : 0);
  if (opts.format === 'json') {
    io.stdout.write(JSON.stringify(checkReport(checked, opts.strict), null, 2) + '\n');
    return failed;
  }

  for (const { deck, result } of checked) {
    const all = [...result.errors, ...result.warnings].sort(byPlace);
    printProblems(io, all, opts.debug);
    const errors = result.errors.length;
    const warnings = result.warnings.length;
    const ok = errors === 0 && (!opts.strict || warnings === 0);
    const counts = [
      errors ? count(errors, 'error') : '',
      warnings ? `${count(warnings, 'warning')}${opts.strict ? ' (--strict)' : ''}` : '',
    ].filter(Boolean);
    // Every slide of the file, also those with errors (the model holds only the valid ones).
    const slides = result.slides !== undefined ? `${count(result.slides, 'slide')}, ` : '';
    const rehearsed = result.model?.rehearsals?.rehearsedSlides ? `, as rehearsed ${formatDuration(result.model.rehearsals.plannedSeconds)}` : '';
    const time = result.model && !errors ? ` · ${speakingTime(result.model.timing)}${rehearsed}` : '';
    const line = status`${ok ? '✓' : '✗'} ${deck.name}: ${slides}${counts.length ? counts.join(', ') : 'no problems'}${time}\n`;
    (ok ? io.stdout : io.stderr).write(line);
  }
  return failed;
}

/** "speaking time ≈ 21:34 for a 20:00 slot (+7.8 %)", the figure presenters plan by. */
export function speakingTime(t: DeckTiming): string {
  const estimate = `speaking time ≈ ${formatDuration(t.totalSeconds)}`;
  if (t.durationSeconds === undefined || t.deviationPercent === undefined) return `${estimate} (no duration set)`;
  const sign = t.deviationPercent > 0 ? '+' : t.deviationPercent < 0 ? '−' : '±';
  return `${estimate} for a ${formatDuration(t.durationSeconds)} slot (${sign}${Math.abs(t.deviationPercent)} %)`;
}
