/**
 * `talkdeck outline`: the deck as a plain-text table of slides with their estimated speaking
 * time, a subtotal per section, and the total against the deck's duration.
 */
import { exitCodeFor, type TalkdeckError } from '../core/base/errors.js';
import type { DeckModel } from '../core/model/types.js';
import type { SettingsLayer } from '../core/deck/settings.js';
import { quoteArg } from '../core/base/quote-arg.js';
import { formatDuration } from '../core/model/timing.js';
import { createDeckBuilder, selectDecks } from './deck-builder.js';
import { speakingTime } from './check.js';
import type { Io } from './io.js';
import { printProblems, status, terminalSafe } from './report.js';
import { count } from './plural.js';

const TITLE_WIDTH = 56;

export async function runOutline(io: Io, opts: { decks: string[]; cli: SettingsLayer; debug: boolean }): Promise<number> {
  const problems: TalkdeckError[] = [];
  const blocks: string[] = [];
  const decks = selectDecks(io, opts.decks);
  const builder = await createDeckBuilder(io, opts.cli);
  for (const deck of decks) {
    const result = await builder.build(deck);
    if (result.errors.length || !result.model) {
      printProblems(io, result.errors, opts.debug);
      io.stderr.write(status`✗ ${deck.name}: fix the errors above to see its outline (talkdeck check ${quoteArg(deck.name)})\n`);
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
  // Titles are deck text: escaped before they are measured, so the columns stay aligned.
  const safe = (text: string): string => terminalSafe(text, { multiline: false });
  const rows: string[] = [`${safe(model.title)} (${safe(model.name)})`, row('#', 'Slide', 'Time'), row('', '', '')];
  for (const section of t.sections) {
    for (let i = section.first; i < section.first + section.count; i++) {
      const slide = model.slides[i]!;
      const title = slide.layout === 'section' ? `§ ${safe(slide.title)}` : `  ${safe(slide.title) || `(${slide.layout})`}`;
      rows.push(row(slide.label, title, formatDuration(slide.timing)));
    }
    // A deck without section slides is one block: its subtotal would repeat the total.
    if (t.sections.length > 1) rows.push(row('', `  Σ ${section.title === undefined ? 'Before the first section' : safe(section.title)}`, formatDuration(section.seconds)));
    rows.push('');
  }
  rows.push(row('', 'Total', formatDuration(t.totalSeconds)));
  const backup = model.slides.filter((s) => s.backup);
  if (backup.length) {
    rows.push('', row('', 'Backup (not in the total)', ''));
    for (const slide of backup) {
      const title = slide.layout === 'section' ? `§ ${safe(slide.title)}` : `  ${safe(slide.title) || `(${slide.layout})`}`;
      rows.push(row(slide.label, title, formatDuration(slide.timing)));
    }
  }
  const pace = model.rehearsals?.paceUsed ? ` (your pace in ${count(model.rehearsals.records.length, 'rehearsal')})` : '';
  rows.push(`${speakingTime(t)}; notes at ${t.settings.wordsPerMinute} words/min${pace} + ${t.settings.secondsPerSlide} s per slide`);
  return rows.join('\n').replace(/^(.*?)\s+$/gm, '$1') + '\n';
}

function row(number: string, title: string, time: string): string {
  const fitted = title.length > TITLE_WIDTH ? `${title.slice(0, TITLE_WIDTH - 1)}…` : title;
  if (!number && !title && !time) return `${'-'.repeat(4)}  ${'-'.repeat(TITLE_WIDTH)}  ${'-'.repeat(6)}`;
  return `${number.padStart(4)}  ${fitted.padEnd(TITLE_WIDTH)}  ${time.padStart(6)}`;
}
