/**
 * The handout as Markdown: the deck's title block, then one `##` part per section with a `###`
 * per slide (its points, figures, quotes …, the summary, the sources it cites and the speaker
 * notes), and the numbered sources. Plain text that reads well unrendered, too. Images are
 * Markdown images whose URL the caller gives (`resolve`: a path next to the handout, where the
 * CLI copies the file); without it, or for a file it has not, an image is its alt text.
 */
import { MARKDOWN_STAMP } from '../../base/generated.js';
import { ASSETS, isLocal, localReference } from '../../base/resources.js';
import type { ChangedDeck } from '../../model/change-labels.js';
import { changesMarkdown } from './changes-markdown.js';
import type { PointModel, ReferenceModel } from '../../model/types.js';
import { escapeMarkdown, inertMarkdown, inlineMarkdown, markdownUrl, type HandoutImages } from './inline-markdown.js';
import { handoutOutline, type HandoutSlide } from './outline.js';
import type { DeckModel } from '../../model/types.js';

/** What every block needs: inline HTML to Markdown, and where the images go (see `resolve`). */
interface Writer {
  md: (html: string) => string;
  images?: HandoutImages;
}

export function renderHandoutMarkdown(deck: DeckModel, resolve?: HandoutImages): string {
  // A remote image (the deck allowed it) stays where it is.
  const images = resolve && ((src: string) => (/^https?:\/\//i.test(src) ? src : resolve(src)));
  return render(deck, { md: (html) => inlineMarkdown(html, images), images });
}

function render(deck: DeckModel, w: Writer): string {
  const { md } = w;
  const { parts, trailingReferences } = handoutOutline(deck);
  const blocks: string[] = [MARKDOWN_STAMP, `# ${md(deck.titleHtml)}`];
  if (deck.subtitleHtml) blocks.push(`*${md(deck.subtitleHtml)}*`);
  const byline = [deck.author, deck.institution, deck.date].filter(Boolean).map((t) => escapeMarkdown(t!));
  if (byline.length) blocks.push(byline.join('\\\n'));
  if (deck.marking) blocks.push(`*${escapeMarkdown(deck.marking)}*`);
  // With `--since`, the changes come first: what a reader of the earlier version must see.
  if (deck.changes) blocks.push(changesMarkdown(deck as ChangedDeck).trimEnd());

  for (const part of parts) {
    if (part.section) {
      blocks.push(`## ${md(part.section.headingHtml)}`);
      if (part.section.subtitleHtml) blocks.push(`*${md(part.section.subtitleHtml)}*`);
      blocks.push(...notes(part.section, deck, w));
    }
    for (const slide of part.slides) blocks.push(...slideBlocks(slide, deck, w));
  }
  if (trailingReferences.length) blocks.push(`## ${escapeMarkdown(deck.labels.sources)}`, references(trailingReferences, w));
  return blocks.join('\n\n') + '\n';
}

function slideBlocks(slide: HandoutSlide, deck: DeckModel, w: Writer): string[] {
  const { md } = w;
  const out: string[] = [];
  if (slide.showHeading) out.push(`### ${md(slide.headingHtml)}`);
  if (slide.showHeading && slide.subtitleHtml) out.push(`*${md(slide.subtitleHtml)}*`);
  if (slide.agenda?.length) out.push(slide.agenda.map((a) => `${a.number}. ${md(a.titleHtml)}`).join('\n'));
  if (slide.points?.length) out.push(points(slide.points, w));
  // A free-Markdown body is Markdown already: it goes in as written, its images pointed where `resolve` says.
  if (slide.bodyMarkdown?.trim()) out.push(withImages(slide.bodyMarkdown.trim(), w));
  for (const column of [slide.left, slide.right]) {
    if (column) out.push(`**${md(column.headingHtml)}**`, points(column.points, w));
  }
  if (slide.events?.length) out.push(slide.events.map((e) => `- **${escapeMarkdown(e.date)}** – ${md(e.html)}`).join('\n'));
  if (slide.figures?.length) {
    out.push(slide.figures.map((f) => `- **${escapeMarkdown(f.value)}** ${md(f.labelHtml)}${f.noteHtml ? ` (${md(f.noteHtml)})` : ''}`).join('\n'));
  }
  if (slide.quote) {
    const by = [escapeMarkdown(slide.quote.speaker), slide.quote.contextHtml ? md(slide.quote.contextHtml) : ''].filter(Boolean).join(', ');
    out.push(`> ${md(slide.quote.html)}\n>\n> — ${by}`);
  }
  if (slide.image) {
    const caption = [slide.image.captionHtml, slide.image.creditHtml].filter(Boolean).map((h) => md(h!)).join(' · ');
    const url = w.images?.(slide.image.src);
    if (url === undefined) out.push(`*${escapeMarkdown(slide.image.alt)}*${caption ? ` — ${caption}` : ''}`);
    else out.push(`![${escapeMarkdown(slide.image.alt)}](${markdownUrl(url)})`, ...(caption ? [`*${caption}*`] : []));
  }
  if (slide.map) {
    out.push(slide.map.legend.map((l) => `- **${escapeMarkdown(l.label)}:** ${escapeMarkdown(l.countryNames.join(', '))}`).join('\n'));
    if (slide.map.captionHtml) out.push(`*${md(slide.map.captionHtml)}*`);
  }
  if (slide.table) {
    const t = slide.table;
    out.push(
      pipeTable(
        t.columns.map((c) => md(c.html)),
        t.columns.map((c) => c.align),
        t.rows.map((r) => r.cells.map((c) => (r.highlight ? `**${md(c.html)}**` : md(c.html)))),
      ),
    );
  }
  if (slide.chart) {
    const c = slide.chart;
    const unit = c.unit ? ` (${escapeMarkdown(c.unit)})` : '';
    out.push(
      `*${escapeMarkdown(c.description)}*`,
      pipeTable(
        [escapeMarkdown(deck.labels.category), ...c.series.map((s) => `${escapeMarkdown(s.name)}${unit}`)],
        ['left', ...c.series.map(() => 'right' as const)],
        c.categories.map((cat, i) => [escapeMarkdown(cat), ...c.series.map((s) => s.formatted[i]!)]),
      ),
    );
  }
  if (slide.references?.length) out.push(references(slide.references, w));
  if (slide.summaryHtml) out.push(`> ${md(slide.summaryHtml)}`);
  if (slide.cites.length) out.push(`*${escapeMarkdown(slide.citeLabel)}: ${slide.cites.map((c) => `[${c.number}] ${escapeMarkdown(c.label)}`).join('; ')}*`);
  out.push(...notes(slide, deck, w));
  return out;
}

/** A GitHub-flavoured Markdown table; `|` inside a cell is escaped. */
function pipeTable(head: string[], align: ('left' | 'right' | 'center')[], rows: string[][]): string {
  const cell = (text: string): string => text.replace(/\|/g, '\\|').replace(/\n/g, ' ');
  const line = (cells: string[]): string => `| ${cells.map(cell).join(' | ')} |`;
  const rule = align.map((a) => (a === 'right' ? '---:' : a === 'center' ? ':---:' : '---'));
  return [line(head), `| ${rule.join(' | ')} |`, ...rows.map(line)].join('\n');
}

function notes(slide: HandoutSlide, deck: DeckModel, w: Writer): string[] {
  // Notes are Markdown already: they go in as written, minus raw HTML (the deck shows it as text too).
  return slide.notesText?.trim() ? [`**${escapeMarkdown(deck.labels.notes)}**`, inertMarkdown(withImages(slide.notesText.trim(), w))] : [];
}

/** Markdown as its author wrote it, each image of the deck folder pointed where `images` says. */
function withImages(markdown: string, { images }: Writer): string {
  if (!images) return markdown;
  return markdown.replace(/(!\[[^\]]*\]\(\s*)<?([^)\s>]+)>?/g, (whole, lead: string, ref: string) => {
    const local = localReference(ref);
    const url = isLocal(local) ? images(ASSETS + local.url) : undefined;
    return url === undefined ? whole : `${lead}${markdownUrl(url)}`;
  });
}

function points(list: PointModel[], w: Writer, depth = 0): string {
  return list
    .map((p) => {
      const line = `${'  '.repeat(depth)}- ${w.md(p.html)}`;
      return p.points.length ? `${line}\n${points(p.points, w, depth + 1)}` : line;
    })
    .join('\n');
}

function references(refs: ReferenceModel[], { md }: Writer): string {
  return refs
    .map((r) => {
      const parts = [`${r.number}. ${r.author ? `${escapeMarkdown(r.author)}: ` : ''}*${md(r.titleHtml)}*`];
      const where = [r.publication, r.date].filter(Boolean).map((t) => escapeMarkdown(t!)).join(', ');
      if (where) parts[0] += `. ${where}`;
      parts[0] += '.';
      if (r.url) parts.push(`<${markdownUrl(r.url)}>`);
      if (r.noteHtml) parts.push(md(r.noteHtml));
      return parts.join(' ');
    })
    .join('\n');
}
