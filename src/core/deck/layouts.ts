/**
 * One schema per layout, each made on its first use, and the layout names. The validator
 * dispatches on a slide's `layout` to the one schema, for precise messages.
 */
import * as z from 'zod';
import { CHART_KINDS, common, Label, Points, once, Text } from './fields.js';

/** What each layout is for: the reference documentation and editor tooltips show it. */
export const LAYOUT_DESCRIPTIONS = {
  title: 'The title page: deck title and subtitle, author, institution and date.',
  agenda: 'A table of contents made from the `section` slides, each entry a link.',
  section: 'A divider that opens a part of the talk; the agenda lists these.',
  points: 'Bullets, optionally nested and revealed step by step. The default layout.',
  compare: 'Two columns with headings, e.g. before/after or pro/contra.',
  timeline: 'Dated events in order.',
  figures: 'Key numbers with a label each (up to four read best).',
  quote: 'A verbatim quotation with its speaker and context.',
  image: 'An image from the deck folder with required alt text, caption and credit.',
  map: 'A world map drawn at build time, highlighting countries by ISO code, with a legend.',
  table: 'A table: header cells, rows of cells (inline Markdown); numeric columns are right-aligned.',
  chart: 'A bar, horizontal bar, stacked bar or line chart drawn at build time from the numbers, with its data as an accessible table.',
  sources: 'The references the slides cite, numbered in order of first citation.',
  closing: 'A closing slide: a message, optionally with a few points.',
  markdown:
    'Free Markdown: headings, lists, code (highlighted at build time), tables, math ($…$, KaTeX), images, :emoji: and HTML (sanitised). What every slide of a `.md` deck becomes.',
} as const;

const layoutMeta = (name: keyof typeof LAYOUT_DESCRIPTIONS) => ({ title: `Slide: ${name}`, description: LAYOUT_DESCRIPTIONS[name] });


const titleField = Text.meta({ description: 'The slide heading (inline Markdown).' });

const titleSlide = once(() =>
  z.strictObject({
    layout: z.literal('title'),
    title: Text.optional().meta({ description: 'Defaults to the deck title.' }),
    subtitle: Text.optional().meta({ description: 'Defaults to the deck subtitle.' }),
    ...common,
  }).meta(layoutMeta('title')),
);

const agendaSlide = once(() =>
  z.strictObject({
    layout: z.literal('agenda'),
    title: Text.optional().meta({ description: 'Defaults to “Agenda”.' }),
    times: z.boolean().optional().meta({
      description: 'Show the estimated speaking time of each section (from the notes, see `timing`).',
      default: false,
    }),
    ...common,
  }).meta(layoutMeta('agenda')),
);

const sectionSlide = once(() =>
  z.strictObject({
    layout: z.literal('section'),
    title: titleField,
    subtitle: Text.optional().meta({ description: 'A line under the section title.' }),
    appendix: z.boolean().optional().meta({
      description:
        'Starts the backup part: this section and every slide after it come after the talk, are numbered A1, A2, …, left out of the agenda and the speaking time, and linked from the closing slide and the speaker view.',
      default: false,
    }),
    ...common,
  }).meta(layoutMeta('section')),
);

const pointsSlide = once(() =>
  z.strictObject({
    layout: z
      .literal('points')
      .optional()
      .meta({ description: 'A slide without `layout` is a bullet slide.' }),
    title: titleField,
    points: Points,
    steps: z.boolean().optional().meta({ description: 'Reveal the bullets one by one.', default: false }),
    ...common,
  }).meta(layoutMeta('points')),
);

const Column = z.strictObject({
  heading: Text.meta({ description: 'Column heading.' }),
  points: Points,
});
const compareSlide = once(() =>
  z.strictObject({
    layout: z.literal('compare'),
    title: titleField,
    left: Column.meta({ description: 'The left column.' }),
    right: Column.meta({ description: 'The right column.' }),
    ...common,
  }).meta(layoutMeta('compare')),
);

const timelineSlide = once(() =>
  z.strictObject({
    layout: z.literal('timeline'),
    title: titleField,
    events: z
      .array(
        z.strictObject({
          date: Label.meta({ description: 'When, as written on the slide.', examples: ['Dez. 2021', 2015] }),
          text: Text.meta({ description: 'What happened (inline Markdown).' }),
        }),
      )
      .min(1, 'a timeline needs at least one event')
      .meta({ description: 'The events, oldest first.' }),
    steps: z.boolean().optional().meta({ description: 'Reveal the events one by one.', default: false }),
    ...common,
  }).meta(layoutMeta('timeline')),
);

const figuresSlide = once(() =>
  z.strictObject({
    layout: z.literal('figures'),
    title: titleField,
    figures: z
      .array(
        z.strictObject({
          value: Label.meta({ description: 'The key number.', examples: ['23.000', 9] }),
          label: Text.meta({ description: 'What the number counts.' }),
          note: Text.optional().meta({ description: 'A small line under the label, e.g. the source of the number.' }),
        }),
      )
      .min(1, 'a figures slide needs at least one figure')
      .meta({ description: 'The key numbers.' }),
    ...common,
  }).meta(layoutMeta('figures')),
);

const quoteSlide = once(() =>
  z.strictObject({
    layout: z.literal('quote'),
    title: Text.optional().meta({ description: 'Optional heading above the quotation.' }),
    text: Text.meta({ description: 'The verbatim quotation, without quotation marks.' }),
    speaker: Text.meta({ description: 'Who said or wrote it.' }),
    context: Text.optional().meta({ description: 'Where and when, e.g. the speech or document.' }),
    ...common,
  }).meta(layoutMeta('quote')),
);

const imageSlide = once(() =>
  z.strictObject({
    layout: z.literal('image'),
    title: titleField,
    src: Text.meta({ description: 'Image path inside the deck folder.', examples: ['images/karte.svg'] }),
    alt: Text.meta({ description: 'Text alternative: what the image shows, for people who cannot see it.' }),
    caption: Text.optional().meta({ description: 'Shown under the image.' }),
    credit: Text.optional().meta({ description: 'Photographer or source, shown after the caption.' }),
    ...common,
  }).meta(layoutMeta('image')),
);

const mapSlide = once(() =>
  z.strictObject({
    layout: z.literal('map'),
    title: titleField,
    groups: z
      .array(
        z.strictObject({
          label: Text.meta({ description: 'Legend text for this group.' }),
          countries: z
            .array(z.string().regex(/^[A-Za-z]{3}$/, 'use ISO 3166-1 alpha-3 codes such as COL'))
            .min(1)
            .meta({ description: 'ISO 3166-1 alpha-3 country codes.', examples: [['COL']] }),
          emphasis: z.boolean().optional().meta({ description: 'Draw this group strongest, with markers.' }),
        }),
      )
      .min(1)
      .meta({ description: 'Groups of highlighted countries, each with its colour and legend entry; later groups are drawn on top.' }),
    caption: Text.optional().meta({ description: 'Shown under the legend.' }),
    ...common,
  }).meta(layoutMeta('map')),
);

/** A table cell or chart label: text, or a bare number (printed in the deck's language). */
const Cell = Label.meta({ description: 'A cell: inline Markdown, or a number (formatted for the deck language).', examples: ['Kolumbien', 3.1] });

const tableSlide = once(() =>
  z.strictObject({
    layout: z.literal('table'),
    title: titleField,
    columns: z.array(Text).min(1, 'a table needs at least one column').meta({
      description: 'The header cells, one per column (inline Markdown).',
      examples: [['Programm', 'Jahr', 'Zielfelder']],
    }),
    rows: z
      .array(z.array(Cell).min(1, 'a row needs at least one cell'))
      .min(1, 'a table needs at least one row')
      .meta({
        description: 'The rows, each a list with one cell per column. Numbers may be written bare (`3.1`); they are printed in the deck language (3,1 in German).',
        examples: [[['IPCP', 2017, 6], ['ITPP', 2021, 10]]],
      }),
    align: z.array(z.enum(['left', 'right', 'center'])).optional().meta({
      description: 'Alignment per column. Default: right for columns whose cells are all numbers, else left.',
      examples: [['left', 'right', 'right']],
    }),
    highlight: z.array(z.number().int().min(1, 'rows are counted from 1')).optional().meta({
      description: 'Rows to emphasise, counted from 1 (the first row under the header).',
      examples: [[2]],
    }),
    ...common,
  }).meta(layoutMeta('table')),
);

const chartSlide = once(() =>
  z.strictObject({
    layout: z.literal('chart'),
    title: titleField,
    chart: z.enum(CHART_KINDS).meta({
      description: '`bar` (columns side by side), `hbar` (horizontal bars, for long labels), `stacked` (columns stacked per category, values ≥ 0) or `line` (one line per series).',
      examples: ['bar'],
    }),
    categories: z.array(Label).min(1, 'a chart needs at least one category').meta({
      description: 'The labels along the category axis, e.g. years.',
      examples: [['2021', '2022', '2023']],
    }),
    series: z
      .array(
        z.strictObject({
          name: Text.meta({ description: 'The series’ name, shown in the legend.', examples: ['Kolumbien'] }),
          values: z.array(z.number()).meta({
            description: 'One number per category, in the order of `categories` (a decimal point, not a comma: `3.1`).',
            examples: [[3.1, 3.0, 3.1]],
          }),
        }),
      )
      .min(1, 'a chart needs at least one series')
      .max(6, 'at most 6 series can get distinct colours; split the chart')
      .meta({ description: 'The data: one or more named series of numbers (up to 6).' }),
    unit: Text.optional().meta({ description: 'The unit of the values, shown on the value axis and in the data table.', examples: ['% des BIP'] }),
    min: z.number().optional().meta({ description: 'Lower end of the value axis. Default: 0, or the smallest value when it is below 0.' }),
    max: z.number().optional().meta({ description: 'Upper end of the value axis. Default: the largest value, rounded up to a nice tick.' }),
    ...common,
  }).meta(layoutMeta('chart')),
);

const sourcesSlide = once(() =>
  z.strictObject({
    layout: z.literal('sources'),
    title: Text.optional().meta({ description: 'Defaults to “Sources” in the deck language.' }),
    ...common,
  }).meta(layoutMeta('sources')),
);

const closingSlide = once(() =>
  z.strictObject({
    layout: z.literal('closing'),
    title: titleField,
    subtitle: Text.optional().meta({ description: 'A line under the title.' }),
    points: Points.optional(),
    ...common,
  }).meta(layoutMeta('closing')),
);

const markdownSlide = once(() =>
  z.strictObject({
    layout: z.literal('markdown'),
    title: Text.optional().meta({
      description: 'A heading shown above the body. Without it the body\'s first heading names the slide in outlines and the speaker view.',
    }),
    body: z.string().meta({
      description:
        'The slide as Markdown (a block scalar `|`). Raw HTML is kept but sanitised; `<!-- .slide: … -->` and `<!-- .element: … -->` comments set attributes as in reveal.js; local images are copied from the deck folder.',
      examples: ['## Ergebnis\n\n| Jahr | Wert |\n| --- | --- |\n| 2023 | 4,2 |\n'],
    }),
    attributes: z
      .record(z.string().regex(/^[A-Za-z_:][-A-Za-z0-9_:.]*$/, 'use an HTML attribute name'), z.string())
      .optional()
      .meta({
        description: 'HTML attributes of the slide, e.g. reveal.js backgrounds (`data-background-image`, `data-background-color`) or a `class`.',
        examples: [{ 'data-background-color': '#003366', class: 'lead' }],
      }),
    ...common,
  }).meta(layoutMeta('markdown')),
);

/** Layout name → its schema, made on first use. The validator dispatches on `layout` for precise messages. */
const LAYOUT_SCHEMAS = {
  title: titleSlide,
  agenda: agendaSlide,
  section: sectionSlide,
  points: pointsSlide,
  compare: compareSlide,
  timeline: timelineSlide,
  figures: figuresSlide,
  quote: quoteSlide,
  image: imageSlide,
  map: mapSlide,
  table: tableSlide,
  chart: chartSlide,
  sources: sourcesSlide,
  closing: closingSlide,
  markdown: markdownSlide,
} as const;
type LayoutSchemas = { [L in keyof typeof LAYOUT_SCHEMAS]: ReturnType<(typeof LAYOUT_SCHEMAS)[L]> };
export type LayoutName = keyof LayoutSchemas;
export const LAYOUT_NAMES = Object.keys(LAYOUT_SCHEMAS) as LayoutName[];

/** Own keys only: `layout: constructor` must not find Object's constructor. */
export function isLayoutName(name: unknown): name is LayoutName {
  return typeof name === 'string' && Object.hasOwn(LAYOUT_SCHEMAS, name);
}

export function layoutSchema<L extends LayoutName>(name: L): LayoutSchemas[L] {
  return LAYOUT_SCHEMAS[name]() as LayoutSchemas[L];
}

/** Any slide: for the JSON Schema and the reference, which describe every layout. */
export const slideSchema = once(() =>
  z.union([
    pointsSlide(),
    titleSlide(),
    agendaSlide(),
    sectionSlide(),
    compareSlide(),
    timelineSlide(),
    figuresSlide(),
    quoteSlide(),
    imageSlide(),
    mapSlide(),
    tableSlide(),
    chartSlide(),
    sourcesSlide(),
    closingSlide(),
    markdownSlide(),
  ]),
);

export type Slide = z.infer<ReturnType<typeof slideSchema>>;
/** A validated slide with its layout filled in (a slide without `layout` is a `points` slide). */
export type SlideOf<L extends LayoutName> = z.infer<LayoutSchemas[L]> & { layout: L };
export type NormalSlide = { [L in LayoutName]: SlideOf<L> }[LayoutName];
