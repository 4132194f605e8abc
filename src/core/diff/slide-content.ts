/**
 * A slide's content as the comparison sees it: the fields a person wrote, each as plain text
 * with its deck.yaml key, and the lists (points, events, figures …) whose items are aligned
 * before they are compared. What the build derives from other slides (the agenda, the sources
 * slide, numbering, the chart's axis) is left out: it changes because something else did, and
 * that something is reported where it was written.
 */
import { htmlToText } from '../base/markdown.js';
import { ASSETS } from '../base/resources.js';
import type { FieldPart } from '../model/changes.js';
import type { BackgroundModel, PointModel, SlideModel } from '../model/types.js';

/** One value of a slide. */
export interface Scalar {
  /** The key in deck.yaml, relative to the list item it belongs to (`''` for the item itself). */
  key: string;
  part: FieldPart;
  at?: string | undefined;
  context?: string | undefined;
  /** The value as shown to a reader. */
  text: string;
  /** Compared instead of `text` when given, as a whole (an image's content hash). */
  compare?: string | undefined;
  /** A hash, a name or a set: changed or not, never diffed word by word. */
  exact?: boolean;
  /** A figure, table cell or chart value: its change gets a number line, named by `label`. */
  number?: boolean;
  label?: string | undefined;
}

/** An item of a list (a point, an event, a figure …): aligned with the other version's by `align`. */
export interface Item {
  /** What the whole item is (`event`), when it is added or removed. */
  part: FieldPart;
  /** Its key in deck.yaml: `points[2]`, `events[0]`. */
  key: string;
  /** Its position as shown to a reader: `3`, `2.1`. */
  at: string;
  /** The text items are paired by. */
  align: string;
  fields: Scalar[];
}

/** A list of a slide, by its key in deck.yaml (`points`, `left.points`, `events` …). */
export interface ItemList {
  name: string;
  items: Item[];
}

export interface SlideContent {
  scalars: Scalar[];
  lists: ItemList[];
  table?: SlideModel['table'];
  chart?: SlideModel['chart'];
  /** For matching slides: the title, everything else a person reads on the slide, and the notes. */
  title: string;
  body: string;
  notes: string;
}

/** An image's content hash, by its path relative to the deck folder; undefined when unknown. */
export type ContentHash = (relativePath: string) => string | undefined;

const text = (html: string | undefined): string => (html === undefined ? '' : htmlToText(html).trim());

/** The path inside the deck folder of an output path under `assets/` (`assets/images/a%20b.png`). */
function deckPath(src: string): string {
  const rel = src.startsWith(ASSETS) ? src.slice(ASSETS.length) : src;
  return rel.split('/').map((s) => {
    try {
      return decodeURIComponent(s);
    } catch {
      return s;
    }
  }).join('/');
}

/** An image as shown (`images/map.png`) and compared (its path and content). */
function imageValue(src: string, hash: ContentHash): { text: string; compare: string } {
  const path = deckPath(src);
  const h = hash(path);
  return { text: h ? `${path} (${h.slice(0, 7)})` : path, compare: `${path}\0${h ?? ''}` };
}

function backgroundValue(bg: BackgroundModel, hash: ContentHash): { text: string; compare: string } {
  return bg.image ? imageValue(bg.image, hash) : { text: bg.color ?? '', compare: bg.color ?? '' };
}

/** Points and their sub-points as one list: `points[1].points[0]` is point 2.1. */
function pointItems(points: PointModel[], key: string, at: string, context?: string): Item[] {
  return points.flatMap((p, i) => {
    const here = `${key}[${i}]`;
    const position = at ? `${at}.${i + 1}` : String(i + 1);
    const own: Item = { part: 'point', key: here, at: position, align: text(p.html), fields: [{ key: '', part: 'point', text: text(p.html), context }] };
    return [own, ...pointItems(p.points, `${here}.points`, position, context)];
  });
}

export function slideContent(slide: SlideModel, hash: ContentHash): SlideContent {
  const scalars: Scalar[] = [];
  const lists: ItemList[] = [];
  const add = (s: Scalar): void => {
    if (s.text !== '' || s.compare) scalars.push(s);
  };
  add({ key: 'layout', part: 'layout', text: slide.layout, exact: true });
  add({ key: 'title', part: 'title', text: slide.title });
  add({ key: 'subtitle', part: 'subtitle', text: text(slide.subtitleHtml) });
  if (slide.points) lists.push({ name: 'points', items: pointItems(slide.points, 'points', '') });
  (['left', 'right'] as const).forEach((side, n) => {
    const column = slide[side];
    if (!column) return;
    const heading = text(column.headingHtml);
    add({ key: `${side}.heading`, part: 'heading', at: String(n + 1), text: heading });
    lists.push({ name: `${side}.points`, items: pointItems(column.points, `${side}.points`, '', heading) });
  });
  if (slide.events) {
    lists.push({
      name: 'events',
      items: slide.events.map((e, i) => ({
        part: 'event',
        key: `events[${i}]`,
        at: String(i + 1),
        align: text(e.html),
        fields: [
          { key: '.date', part: 'date', text: e.date },
          { key: '.text', part: 'event', text: text(e.html) },
        ],
      })),
    });
  }
  if (slide.figures) {
    lists.push({
      name: 'figures',
      items: slide.figures.map((f, i) => ({
        part: 'figure',
        key: `figures[${i}]`,
        at: String(i + 1),
        // Paired by what the figure counts, so a new value reads as a changed number.
        align: `${text(f.labelHtml)} ${text(f.noteHtml)}`,
        fields: [
          { key: '.value', part: 'figure', text: f.value, number: true, label: text(f.labelHtml) },
          { key: '.label', part: 'label', text: text(f.labelHtml) },
          { key: '.note', part: 'note', text: text(f.noteHtml) },
        ],
      })),
    });
  }
  if (slide.quote) {
    add({ key: 'text', part: 'quote', text: text(slide.quote.html) });
    add({ key: 'speaker', part: 'speaker', text: slide.quote.speaker });
    add({ key: 'context', part: 'context', text: text(slide.quote.contextHtml) });
  }
  if (slide.image) {
    add({ key: 'src', part: 'image', exact: true, ...imageValue(slide.image.src, hash) });
    add({ key: 'alt', part: 'alt', text: slide.image.alt });
    add({ key: 'caption', part: 'caption', text: text(slide.image.captionHtml) });
    add({ key: 'credit', part: 'credit', text: text(slide.image.creditHtml) });
  }
  if (slide.map) {
    lists.push({
      name: 'groups',
      items: slide.map.groups.map((g, i) => ({
        part: 'group',
        key: `groups[${i}]`,
        at: String(i + 1),
        align: g.label,
        fields: [
          { key: '.label', part: 'group', text: g.label },
          { key: '.countries', part: 'countries', context: g.label, text: [...g.countries].sort().join(', '), exact: true },
        ],
      })),
    });
    add({ key: 'caption', part: 'caption', text: text(slide.map.captionHtml) });
  }
  if (slide.chart) {
    add({ key: 'chart', part: 'chart', text: slide.chart.kind, exact: true });
    add({ key: 'unit', part: 'unit', text: slide.chart.unit ?? '' });
  }
  if (slide.bodyMarkdown !== undefined) add({ key: 'body', part: 'body', text: slide.bodyMarkdown.trim() });
  add({ key: 'summary', part: 'summary', text: text(slide.summaryHtml) });
  add({ key: 'cite', part: 'cite', text: slide.cites.map((c) => c.label).join('; '), exact: true });
  if (slide.background) add({ key: 'background', part: 'background', exact: true, ...backgroundValue(slide.background, hash) });
  add({ key: 'transition', part: 'transition', text: slide.transition ?? '', exact: true });
  if (slide.steps) add({ key: 'steps', part: 'steps', text: 'steps', exact: true });
  add({ key: 'notes', part: 'notes', text: (slide.notesText ?? '').trim() });

  const visible = [
    ...scalars.filter((s) => !s.exact && s.key !== 'notes' && s.key !== 'title').map((s) => s.text),
    ...lists.flatMap((l) => l.items.flatMap((item) => item.fields.filter((f) => !f.exact).map((f) => f.text))),
    ...(slide.table ? [...slide.table.columns.map((c) => c.text), ...slide.table.rows.flatMap((r) => r.cells.map((c) => c.text))] : []),
    ...(slide.chart ? [...slide.chart.categories, ...slide.chart.series.flatMap((s) => [s.name, ...s.formatted])] : []),
  ];
  return {
    scalars,
    lists,
    table: slide.table,
    chart: slide.chart,
    title: slide.title,
    body: visible.join('\n'),
    notes: (slide.notesText ?? '').trim(),
  };
}
