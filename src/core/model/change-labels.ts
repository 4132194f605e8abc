/**
 * The change set (changes.ts) in words of the deck's language: what a changed field is called
 * ("point 2", "Punkt 2 (Rhetorik)"), a slide's name, a number line. Every report that speaks the
 * deck's language (the change report page, Markdown, the handout's changes page, the speaker
 * view's list) words changes with these, so they all say the same.
 */
import type { ChangeLabels } from '../base/i18n.js';
import { formatDuration } from './timing.js';
import type { DeckChanges, FieldChange, NumberChange, SlideChange, SlideRef, WordPart } from './changes.js';
import type { DeckModel } from './types.js';

/** A model that carries a change set (a build with `--since`, or `talkdeck diff`). */
export type ChangedDeck = DeckModel & { changes: DeckChanges };

/** The counts in the deck's language: "1 neu · 4 geändert · 23 unverändert". */
export function countsText(c: DeckChanges, labels: ChangeLabels): string {
  return (['added', 'removed', 'moved', 'changed', 'unchanged'] as const)
    .filter((s) => c.counts[s] > 0 || s === 'changed')
    .map((s) => `${c.counts[s]} ${labels.status[s]}`)
    .join(' · ');
}

/** The revision compared with: "Commit 3f2a1c0 · 2024-05-02 · subject". */
export function revisionText(c: DeckChanges, labels: ChangeLabels): string | undefined {
  const r = c.revision;
  return r ? [`${labels.commit} ${r.commit.slice(0, 7)}`, r.date, r.subject].filter(Boolean).join(' · ') : undefined;
}

/** `{name}` placeholders filled in. */
export function fill(template: string, values: Record<string, string>): string {
  return template.replace(/\{(\w+)\}/g, (all, key: string) => values[key] ?? all);
}

/** What a changed field is called: "point 2", "cell (Kolumbien, 2023)", "Punkt 2 (Rhetorik)". */
export function fieldLabel(f: Pick<FieldChange, 'part' | 'at' | 'context'>, labels: ChangeLabels): string {
  const template = labels.parts[f.part] ?? f.part;
  const name = template.includes('{at}') ? (f.at ? fill(template, { at: f.at }) : template.replace(/\s*\{at\}/, '')) : template;
  return f.context ? `${name} (${f.context})` : name;
}

/** A slide as lists name it: "3 · Das Wichtigste in Kürze" (its layout when it has no title). */
export function slideName(ref: SlideRef): string {
  return `${ref.label} · ${ref.title || ref.layout}`;
}

/** The slide a change is about: the new one, or the removed one. */
export const slideOf = (change: SlideChange): SlideRef => (change.new ?? change.old)!;

/** "23.000 → 24.000", with a dash for a number that came or went. */
export function numberChange(n: Pick<NumberChange, 'old' | 'new'>): string {
  return `${n.old ?? '—'} → ${n.new ?? '—'}`;
}

/** What else a slide's entry says: moved from where, split off or merged into which slide. */
export function slideNotes(change: SlideChange, labels: ChangeLabels): string[] {
  const notes: string[] = [];
  if (change.status === 'moved' && change.old) notes.push(fill(labels.movedFrom, { slide: change.old.label }));
  if (change.splitFrom) notes.push(fill(labels.splitFrom, { slide: slideName(change.splitFrom) }));
  if (change.mergedInto) notes.push(fill(labels.mergedInto, { slide: slideName(change.mergedInto) }));
  return notes;
}

/** A field's change as one short phrase for lists: "point 5", "backup part" → "moved into the backup part". */
export function fieldPhrase(f: FieldChange, labels: ChangeLabels): string {
  if (f.part === 'backup') return f.change === 'added' ? labels.toBackup : labels.fromBackup;
  return fieldLabel(f, labels);
}

/** A difference in speaking time with its sign: `+0:35`, `−1:10`, `±0:00`. */
export function difference(seconds: number): string {
  return seconds === 0 ? '±0:00' : `${seconds > 0 ? '+' : '−'}${formatDuration(Math.abs(seconds))}`;
}

/**
 * A word diff with long kept stretches shortened to `keep` words at each side of a change, so a
 * few words changed in long notes read as a line, not a page (terminal and Markdown reports).
 */
export function shortened(parts: readonly WordPart[], keep = 6): WordPart[] {
  return parts.map((p, i) => {
    if (p.op !== '=') return p;
    const tokens = p.text.split(/(\s+)/);
    const words = tokens.filter((t) => t.trim()).length;
    const first = i === 0;
    const last = i === parts.length - 1;
    const limit = (first || last ? keep : 2 * keep) + 2;
    if (words <= limit) return p;
    const take = (n: number, fromEnd: boolean): string => {
      const out: string[] = [];
      let count = 0;
      const list = fromEnd ? [...tokens].reverse() : tokens;
      for (const t of list) {
        if (t.trim() && count === n) break;
        if (t.trim()) count++;
        out.push(t);
      }
      return (fromEnd ? out.reverse() : out).join('');
    };
    if (first) return { op: '=', text: `… ${take(keep, true).trimStart()}` };
    if (last) return { op: '=', text: `${take(keep, false).trimEnd()} …` };
    return { op: '=', text: `${take(keep, false).trimEnd()} … ${take(keep, true).trimStart()}` };
  });
}
