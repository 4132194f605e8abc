/**
 * The change set (`model.changes`) as Markdown in the deck's language, to paste into a change
 * log or a mail (`talkdeck diff --format md`) and as the changes page of the Markdown handout
 * (`handout --format md --since`): counts, changed numbers, slide by slide what changed
 * (removed words ~~struck~~, added ones **bold**; long unchanged stretches shortened), the
 * deck's own fields and the speaking time per section.
 */
import { countsText, difference, fieldPhrase, fill, numberChange, revisionText, shortened, slideName, slideNotes, slideOf, type ChangedDeck } from '../../model/change-labels.js';
import type { DeckChanges, FieldChange, WordPart } from '../../model/changes.js';
import { formatDuration } from '../../model/timing.js';
import { escapeMarkdown } from './inline-markdown.js';

/** Deck text inside a line: Markdown's own characters (and `~`, the strike-through) escaped, on one line. */
const md = (text: string): string => escapeMarkdown(text.replace(/\s+/g, ' ')).replace(/~/g, '\\~');

export function changesMarkdown(deck: ChangedDeck): string {
  const c = deck.changes;
  const L = deck.labels.changes;
  const blocks: string[] = [`## ${md(fill(L.heading, { since: c.since }))}`];
  blocks.push(`*${[md(deck.title), ...(revisionText(c, L) ? [md(revisionText(c, L)!)] : [])].join(' · ')}*`);
  blocks.push(`${md(countsText(c, L))} · ${md(L.timing)} ${formatDuration(c.timing.old)} → ${formatDuration(c.timing.new)} (${difference(c.timing.new - c.timing.old)})`);
  if (c.numbers.length) {
    blocks.push(`### ${md(L.numbers)}`, c.numbers.map((n) => `- ${md(slideName(n.slide))} — ${n.label ? `${md(n.label)}: ` : ''}**${md(numberChange(n))}**`).join('\n'));
  }
  const shown = c.slides.filter((s) => s.status !== 'unchanged');
  if (shown.length) {
    blocks.push(
      `### ${md(L.slides)}`,
      shown
        .map((s) => {
          const notes = slideNotes(s, L);
          const head = `- **${md(slideName(slideOf(s)))}** — ${md(L.status[s.status])}${notes.length ? ` (${md(notes.join('; '))})` : ''}`;
          return [head, ...s.fields.map((f) => `  - ${field(f, deck)}`)].join('\n');
        })
        .join('\n'),
    );
  }
  if (c.deck.length) blocks.push(`### ${md(L.deck)}`, c.deck.map((f) => `- ${field(f, deck)}`).join('\n'));
  if (!shown.length && !c.deck.length) blocks.push(md(L.none));
  blocks.push(`### ${md(L.timing)}`, timingTable(c, deck));
  return blocks.join('\n\n') + '\n';
}

function field(f: FieldChange, deck: ChangedDeck): string {
  const what = md(fieldPhrase(f, deck.labels.changes));
  if (f.part === 'backup') return what;
  const parts: WordPart[] = f.words ?? [...(f.old !== undefined ? [{ text: f.old, op: '-' as const }] : []), ...(f.new !== undefined ? [{ text: f.new, op: '+' as const }] : [])];
  const runs = shortened(parts);
  return `${what}: ${runs.map((p, i) => word(p, runs[i - 1], runs[i + 1])).join('')}`;
}

/**
 * A run of a word diff: removed ~~struck~~, added **bold**, its spaces outside the marks. A mark
 * next to a word that starts or ends in punctuation (`März**, nach**`) would not count as a mark in
 * CommonMark: a space goes between them. Two marks in a row read as two: `~~old~~ **new**`.
 */
function word(p: WordPart, before: WordPart | undefined, after: WordPart | undefined): string {
  if (p.op === '=') return md(p.text);
  const core = p.text.trim();
  if (!core) return md(p.text);
  const mark = p.op === '-' ? '~~' : '**';
  const apart = (edge: string, neighbour: string | undefined): boolean => /[^\p{L}\p{N}\s]/u.test(edge) && /[\p{L}\p{N}]/u.test(neighbour ?? ' ');
  const afterMark = before !== undefined && before.op !== '=' && !/\s$/.test(before.text);
  const lead = /^\s/.test(p.text) || afterMark || apart(core[0]!, before?.text.at(-1)) ? ' ' : '';
  const trail = /\s$/.test(p.text) || apart(core.at(-1)!, after?.text[0]) ? ' ' : '';
  return `${lead}${mark}${md(core)}${mark}${trail}`;
}

function timingTable(c: DeckChanges, deck: ChangedDeck): string {
  const L = deck.labels.changes;
  const time = (s: number | undefined): string => (s === undefined ? '—' : formatDuration(s));
  const cell = (text: string): string => md(text).replace(/\|/g, '\\|');
  const row = (name: string, old: number | undefined, next: number | undefined): string =>
    `| ${cell(name)} | ${time(old)} | ${time(next)} | ${old !== undefined && next !== undefined ? difference(next - old) : ''} |`;
  return [
    `| ${cell(L.section)} | ${cell(L.before)} | ${cell(L.after)} | ${cell(L.difference)} |`,
    '| --- | ---: | ---: | ---: |',
    ...c.timing.sections.map((s) => row(s.title ?? L.beforeSections, s.old, s.new)),
    row(L.total, c.timing.old, c.timing.new),
  ].join('\n');
}
