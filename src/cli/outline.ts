/**
 * `talkdeck outline`: the deck as a plain-text table of slides with their estimated speaking
 * time, a subtotal per section, and the total against the deck's duration.
 */
import { exitCodeFor, type TalkdeckError } from '../core/errors.js';
import type { DeckModel } from '../core/model.js';
import type { SettingsLayer } from '../core/settings.js';
import { formatDuration } from '../core/timing.js';
import { createDeckBuilder, selectDecks } from './deck-builder.js';
import { speakingTime } from './check.js';
import type { Io } from './io.js';
import { formatProblem, useColor } from './report.js';

const TITLE_WIDTH = 56;

export async function runOutline(io: Io, opts: { decks: string[]; cli: SettingsLayer; debug: boolean }): Promise<number> {
  const color = useColor(io.stderr, io.env);
  const problems: TalkdeckError[] = [];
  const blocks: string[] = [];
  const decks = selectDecks(io, opts.decks);
  const builder = await createDeckBuilder(io, opts.cli);
  for (const deck of decks) {
    const result = await builder.build(deck);
    if (result.errors.length || !result.model) {
      for (const e of result.errors) io.stderr.write(formatProblem(e, { color }, io.cwd, opts.debug) + '\n');
      io.stderr.write(`✗ ${deck.name}: fix the errors above to see its outline (talkdeck check ${deck.name})\n`);
      problems.push(...result.errors);
      continue;
    }
    blocks.push(outlineTable(result.model));
  }
  if (blocks.length) io.stdout.write(blocks.join('\n') + '\n');
  return exitCodeFor(problems);
}

export function outlineTable(model: DeckModel): string {
  const t = model.timing;
  const rows: string[] = [`${model.title} (${model.name})`, row('#', 'Slide', 'Time'), row('', '', '')];
  for (const section of t.sections) {
    for (let i = section.first; i < section.first + section.count; i++) {
      const slide = model.slides[i]!;
      const title = slide.layout === 'section' ? `§ ${slide.title}` : `  ${slide.title || `(${slide.layout})`}`;
      rows.push(row(slide.label, title, formatDuration(slide.timing)));
    }
    const name = section.title ?? 'Before the first section';
    rows.push(row('', `  Σ ${name}`, formatDuration(section.seconds)), '');
  }
  rows.push(row('', 'Total', formatDuration(t.totalSeconds)));
  const backup = model.slides.filter((s) => s.backup);
  if (backup.length) {
    rows.push('', row('', 'Backup (not in the total)', ''));
    for (const slide of backup) {
      const title = slide.layout === 'section' ? `§ ${slide.title}` : `  ${slide.title || `(${slide.layout})`}`;
      rows.push(row(slide.label, title, formatDuration(slide.timing)));
    }
  }
  rows.push(`${speakingTime(t)}; notes at ${t.settings.wordsPerMinute} words/min + ${t.settings.secondsPerSlide} s per slide`);
  return rows.join('\n').replace(/^(.*?)\s+$/gm, '$1') + '\n';
}

function row(number: string, title: string, time: string): string {
  const fitted = title.length > TITLE_WIDTH ? `${title.slice(0, TITLE_WIDTH - 1)}…` : title;
  if (!number && !title && !time) return `${'-'.repeat(4)}  ${'-'.repeat(TITLE_WIDTH)}  ${'-'.repeat(6)}`;
  return `${number.padStart(4)}  ${fitted.padEnd(TITLE_WIDTH)}  ${time.padStart(6)}`;
}
