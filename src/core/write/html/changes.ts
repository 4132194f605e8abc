/**
 * The change set (`model.changes`) as HTML, in the deck's language: the counts, every changed
 * number, then each changed slide with its fields side by side — before with deletions marked
 * (`<del>`), after with insertions (`<ins>`) — the deck's own fields and the speaking time per
 * section. The change report page (write/changes/) and the handout's changes page print it.
 * Every text is escaped here; nothing from the deck reaches the page as markup.
 */
import type { ChangeLabels } from '../../base/i18n.js';
import { escapeHtml as e } from '../../base/markdown.js';
import { countsText, difference, fieldPhrase, fill, revisionText, slideName, slideNotes, slideOf, type ChangedDeck } from '../../model/change-labels.js';
import type { DeckChanges, FieldChange, SlideChange, WordPart } from '../../model/changes.js';
import { formatDuration } from '../../model/timing.js';

/**
 * `level` is the heading level of the whole (1 on its own page, 2 inside the handout); slides
 * get `level + 2`. Ids are prefixed `td-change-`, so the fragment can live in another page.
 */
export function changesHtml(deck: ChangedDeck, level: 1 | 2): string {
  const c = deck.changes;
  const L = deck.labels.changes;
  const h = (n: number, text: string, attrs = ''): string => `<h${level + n}${attrs}>${text}</h${level + n}>`;
  const out: string[] = [];
  out.push(
    `<header class="td-changes-head">`,
    h(0, e(fill(L.heading, { since: c.since }))),
    `<p class="td-changes-deck">${e(deck.title)}</p>`,
    ...(revisionText(c, L) ? [`<p class="td-changes-revision">${e(revisionText(c, L)!)}</p>`] : []),
    `<p class="td-changes-counts">${e(countsText(c, L))} · ${e(L.timing)} ${formatDuration(c.timing.old)} → ${formatDuration(c.timing.new)} (${difference(c.timing.new - c.timing.old)})</p>`,
    `</header>`,
  );
  if (c.numbers.length) {
    out.push(`<section class="td-changes-numbers" aria-labelledby="td-change-numbers">`, h(1, e(L.numbers), ' id="td-change-numbers"'));
    out.push(`<table><thead><tr><th scope="col">${e(deck.labels.slide)}</th><th scope="col">${e(L.what)}</th><th scope="col">${e(L.before)}</th><th scope="col">${e(L.after)}</th></tr></thead><tbody>`);
    for (const n of c.numbers) {
      out.push(`<tr><td>${e(slideName(n.slide))}</td><td>${e(n.label)}</td><td class="td-num">${n.old === undefined ? '—' : `<del>${e(n.old)}</del>`}</td><td class="td-num">${n.new === undefined ? '—' : `<ins>${e(n.new)}</ins>`}</td></tr>`);
    }
    out.push(`</tbody></table>`, `</section>`);
  }
  const shown = c.slides.filter((s) => s.status !== 'unchanged');
  if (shown.length) {
    out.push(`<section class="td-changes-slides" aria-labelledby="td-change-slides">`, h(1, e(L.slides), ' id="td-change-slides"'));
    for (const s of shown) out.push(slideHtml(s, L, h));
    out.push(`</section>`);
  }
  if (c.deck.length) {
    out.push(`<section class="td-changes-deck-fields" aria-labelledby="td-change-deck">`, h(1, e(L.deck), ' id="td-change-deck"'), fieldsTable(c.deck, L), `</section>`);
  }
  if (!shown.length && !c.deck.length) out.push(`<p>${e(L.none)}</p>`);
  out.push(`<section class="td-changes-timing" aria-labelledby="td-change-timing">`, h(1, e(L.timing), ' id="td-change-timing"'), timingTable(c, L), `</section>`);
  return out.join('\n');
}

function slideHtml(s: SlideChange, L: ChangeLabels, h: (n: number, text: string, attrs?: string) => string): string {
  const ref = slideOf(s);
  const notes = slideNotes(s, L);
  const lines = [
    `<article class="td-change td-change-${s.status}" id="td-change-${e(ref.id)}${s.status === 'removed' ? '-removed' : ''}">`,
    h(2, `<span class="td-status">${e(L.status[s.status])}</span> ${e(slideName(ref))}`),
  ];
  if (notes.length) lines.push(`<p class="td-change-notes">${e(notes.join(' · '))}</p>`);
  if (s.fields.length) lines.push(fieldsTable(s.fields, L));
  lines.push(`</article>`);
  return lines.join('\n');
}

/** Fields side by side: what, before (deletions marked), after (insertions marked). */
function fieldsTable(fields: FieldChange[], L: ChangeLabels): string {
  const rows = fields.map((f) => {
    const what = e(fieldPhrase(f, L));
    if (f.part === 'backup') return `<tr><th scope="row" colspan="3">${what}</th></tr>`;
    const parts = f.words;
    const before = parts ? side(parts, '-') : f.old === undefined ? '—' : `<del>${e(f.old)}</del>`;
    const after = parts ? side(parts, '+') : f.new === undefined ? '—' : `<ins>${e(f.new)}</ins>`;
    const cls = f.part === 'notes' || f.part === 'body' ? ' class="td-long"' : '';
    return `<tr><th scope="row">${what}</th><td${cls}>${before}</td><td${cls}>${after}</td></tr>`;
  });
  return [
    `<table class="td-fields"><thead><tr><th scope="col">${e(L.what)}</th><th scope="col">${e(L.before)}</th><th scope="col">${e(L.after)}</th></tr></thead><tbody>`,
    ...rows,
    `</tbody></table>`,
  ].join('\n');
}

/** One side of a word diff: kept words, and this side's own changes marked (their spaces left outside). */
function side(parts: WordPart[], own: '-' | '+'): string {
  const tag = own === '-' ? 'del' : 'ins';
  return parts
    .filter((p) => p.op === '=' || p.op === own)
    .map((p) => {
      if (p.op === '=' || !p.text.trim()) return e(p.text);
      const [, lead, core, trail] = /^(\s*)([\s\S]*?)(\s*)$/.exec(p.text)!;
      return `${e(lead!)}<${tag}>${e(core!)}</${tag}>${e(trail!)}`;
    })
    .join('');
}

function timingTable(c: DeckChanges, L: ChangeLabels): string {
  const time = (s: number | undefined): string => (s === undefined ? '—' : formatDuration(s));
  const row = (name: string, old: number | undefined, next: number | undefined): string =>
    `<tr><th scope="row">${e(name)}</th><td class="td-num">${time(old)}</td><td class="td-num">${time(next)}</td><td class="td-num">${old !== undefined && next !== undefined ? difference(next - old) : ''}</td></tr>`;
  return [
    `<table><thead><tr><th scope="col">${e(L.section)}</th><th scope="col">${e(L.before)}</th><th scope="col">${e(L.after)}</th><th scope="col">${e(L.difference)}</th></tr></thead><tbody>`,
    ...c.timing.sections.map((s) => row(s.title ?? L.beforeSections, s.old, s.new)),
    `</tbody><tfoot>`,
    row(L.total, c.timing.old, c.timing.new),
    `</tfoot></table>`,
  ].join('\n');
}

/**
 * What the report's own elements look like, inside an element of class `td-changes` (the report
 * page's main, the handout's changes page), so a page's other tables keep their own style.
 */
export const CHANGES_CSS = `
.td-changes .td-changes-head p{margin:.2em 0}
.td-changes .td-changes-counts{font-weight:600}
.td-changes .td-changes-revision,.td-changes .td-change-notes{color:#4a5060}
.td-changes .td-change{margin:1.2em 0;break-inside:avoid-page}
.td-changes .td-change > h3,.td-changes .td-change > h4{margin:.2em 0}
.td-changes .td-status{display:inline-block;margin-right:.4em;padding:0 .45em;border-radius:3px;font-size:.75em;font-weight:700;text-transform:uppercase;letter-spacing:.04em;color:#fff;vertical-align:.1em}
.td-changes .td-change-added .td-status{background:#1c6b2c}.td-changes .td-change-removed .td-status{background:#a01818}
.td-changes .td-change-moved .td-status{background:#1d5c8c}.td-changes .td-change-changed .td-status{background:#7a5200}
.td-changes table{border-collapse:collapse;width:100%;margin:.4em 0}
.td-changes th,.td-changes td{border:1px solid #c9ced6;padding:.3em .5em;text-align:left;vertical-align:top}
.td-changes thead th{background:#eef1f5}
.td-changes .td-fields th[scope=row]{width:16%;font-weight:600}
.td-changes .td-fields td{width:42%}
.td-changes .td-num{text-align:right;font-variant-numeric:tabular-nums;white-space:nowrap}
.td-changes .td-long{white-space:pre-line}
.td-changes ins{background:#d3f2d6;color:#0b3d14;text-decoration:underline}
.td-changes del{background:#fbdcdc;color:#5c0b0b;text-decoration:line-through}
`;
