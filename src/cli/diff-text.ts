/**
 * `talkdeck diff` on a terminal: the counts first, then every changed number on a line of its
 * own, then slide by slide what changed (word by word, long unchanged stretches shortened), the
 * deck's own fields and the speaking time. Colours unless NO_COLOR (or not a terminal); without
 * them, removed words read `[-so-]` and added ones `{+so+}`, as in `git diff --word-diff`. Deck
 * text is made terminal-safe before talkdeck's own colours are added.
 */
import { labelsFor } from '../core/base/i18n.js';
import { difference, fieldLabel, numberChange, shortened, slideName, slideNotes, slideOf } from '../core/model/change-labels.js';
import type { DeckChanges, FieldChange, SlideChange, WordPart } from '../core/model/changes.js';
import { formatDuration } from '../core/model/timing.js';
import type { ComparedDeck } from './diff-json.js';
import { count } from './plural.js';
import { terminalSafe } from './report.js';
import { maxOf } from '../core/base/extent.js';

/** Terminal output is talkdeck's own, in English; deck text stays as written. */
const LABELS = labelsFor('en').changes;

/** Colours by ANSI code when on; `on` says whether they are, for text that reads differently without. */
type Paint = ((code: string, text: string) => string) & { on: boolean };

export function diffText(deck: ComparedDeck, color: boolean): string {
  const paint: Paint = Object.assign((code: string, text: string) => (color ? `\x1b[${code}m${text}\x1b[0m` : text), { on: color });
  const safe = (text: string): string => terminalSafe(text, { multiline: false });
  const c = deck.after.model.changes;
  const lines: string[] = [heading(deck, safe, paint)];
  lines.push(`  ${countLine(c)} · speaking time ${formatDuration(c.timing.old)} → ${formatDuration(c.timing.new)} (${difference(c.timing.new - c.timing.old)})`);

  if (c.numbers.length) {
    lines.push('', paint('1', 'Numbers'));
    for (const n of c.numbers) lines.push(`  ${safe(slideName(n.slide))} — ${n.label ? `${safe(n.label)}: ` : ''}${paint('1', safe(numberChange(n)))}`);
  }
  const shown = c.slides.filter((s) => s.status !== 'unchanged');
  if (shown.length) {
    lines.push('', paint('1', 'Slides'));
    for (const s of shown) lines.push(...slideLines(s, safe, paint));
  }
  if (c.deck.length) {
    lines.push('', paint('1', 'Deck'));
    for (const f of c.deck) lines.push(fieldLine(f, safe, paint, '  '));
  }
  const sections = c.timing.sections.filter((s) => s.old !== s.new);
  if (sections.length) {
    lines.push('', paint('1', 'Speaking time'));
    const name = (title: string | undefined): string => (title === undefined ? LABELS.beforeSections : `§ ${safe(title)}`);
    const rows = [
      ['Total', c.timing.old, c.timing.new] as const,
      ...sections.map((s) => [name(s.title), s.old, s.new] as const),
    ];
    const time = (s: number | undefined): string => (s === undefined ? '—' : formatDuration(s));
    const width = maxOf(rows.map((r) => r[0].length));
    const oldWidth = maxOf(rows.map((r) => time(r[1]).length));
    const newWidth = maxOf(rows.map((r) => time(r[2]).length));
    for (const [title, old, next] of rows) {
      const change = old !== undefined && next !== undefined ? `  ${difference(next - old)}` : '';
      lines.push(`  ${title.padEnd(width)}  ${time(old).padStart(oldWidth)} → ${time(next).padStart(newWidth)}${change}`);
    }
  }
  return lines.join('\n') + '\n';
}

function heading(deck: ComparedDeck, safe: (t: string) => string, paint: Paint): string {
  const c = deck.after.model.changes;
  const r = c.revision;
  const what = r ? `${safe(c.since)} (${r.commit.slice(0, 7)}${r.date ? `, ${r.date}` : ''}${r.subject ? `: ${safe(r.subject)}` : ''})` : safe(deck.before.file);
  const changed = c.counts.added + c.counts.removed + c.counts.moved + c.counts.changed + c.deck.length > 0;
  return `${paint('1', safe(deck.after.model.name))}: ${changed ? 'changes' : 'no changes'} since ${what}`;
}

function countLine(c: DeckChanges): string {
  const { added, removed, moved, changed, unchanged } = c.counts;
  return [`${added} added`, `${removed} removed`, `${moved} moved`, `${changed} changed`, `${unchanged} unchanged`].join(', ') + (c.deck.length ? `; ${count(c.deck.length, 'deck field')} changed` : '');
}

const MARK: Record<SlideChange['status'], { sign: string; code: string }> = {
  added: { sign: '+', code: '32' },
  removed: { sign: '-', code: '31' },
  moved: { sign: '↕', code: '36' },
  changed: { sign: '~', code: '33' },
  unchanged: { sign: ' ', code: '0' },
};

function slideLines(s: SlideChange, safe: (t: string) => string, paint: Paint): string[] {
  const ref = slideOf(s);
  const mark = MARK[s.status];
  const notes = slideNotes(s, LABELS).map(safe);
  const title = `${ref.label.padStart(3)}  ${safe(ref.title || ref.layout)}`;
  const lines = [`  ${paint(mark.code, mark.sign)} ${paint('1', title)}  ${paint(mark.code, LABELS.status[s.status])}${notes.length ? ` (${notes.join('; ')})` : ''}`];
  for (const f of s.fields) lines.push(fieldLine(f, safe, paint, '        '));
  return lines;
}

function fieldLine(f: FieldChange, safe: (t: string) => string, paint: Paint, indent: string): string {
  const label = safe(fieldLabel(f, LABELS));
  if (f.part === 'backup') return `${indent}${f.change === 'added' ? LABELS.toBackup : LABELS.fromBackup}`;
  const parts: WordPart[] = f.words ?? [...(f.old !== undefined ? [{ text: f.old, op: '-' as const }] : []), ...(f.new !== undefined ? [{ text: f.new, op: '+' as const }] : [])];
  return `${indent}${label}: ${words(shortened(parts), safe, paint)}`;
}

/** Text of a field added or removed whole is cut here: the HTML and Markdown reports show it all. */
const WHOLE_TEXT = 160;

/**
 * Word parts as text: removed red and struck (`[-…-]` without colour), added green (`{+…+}`),
 * the spaces around a change outside its marks.
 */
function words(parts: WordPart[], safe: (t: string) => string, paint: Paint): string {
  const whole = parts.length === 1;
  return parts
    .map((p) => {
      const flat = p.text.replace(/\s+/g, ' ');
      if (p.op === '=') return safe(flat);
      const core = flat.trim();
      if (!core) return safe(flat);
      const shown = safe(whole && core.length > WHOLE_TEXT ? `${core.slice(0, WHOLE_TEXT - 1)}…` : core);
      const marked = paint.on ? paint(p.op === '-' ? '31;9' : '32', shown) : p.op === '-' ? `[-${shown}-]` : `{+${shown}+}`;
      return `${flat.startsWith(' ') ? ' ' : ''}${marked}${flat.endsWith(' ') ? ' ' : ''}`;
    })
    .join('');
}
