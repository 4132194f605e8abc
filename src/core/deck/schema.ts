/**
 * The deck schema: the single source of truth. TypeScript types are inferred from it, the
 * validator checks against it, and `schema/deck.schema.json` (for editors) is generated from it.
 * Every field carries its description and, where useful, an example; that text is the reference.
 */
import * as z from 'zod';
import type { LintRuleId } from '../base/errors.js';
import { LINT_RULE_INFO, SEVERITIES } from './lint-rules.js';
import { TIMING_DEFAULTS } from './settings.js';

// zod compiles a fast checker for each object schema the first time it parses one. A run of
// the CLI validates one deck and exits, so the compiled checkers are never reused enough to pay
// for themselves, even at 3000 slides (validation 11 -> 7 ms at 30 slides, 76 -> 71 ms at 3000,
// on Node 20).
z.config({ jitless: true });

/**
 * A schema made on its first use. zod schemas cost tens of microseconds each to construct, and a
 * deck's layouts are hundreds of them: a build makes only those of the layouts its deck uses.
 */
function once<T>(make: () => T): () => T {
  let made: T | undefined;
  return () => (made ??= make());
}

const Text = z.string().min(1, 'must not be empty');
/** reveal.js slide transitions. */
export const TRANSITIONS = ['none', 'fade', 'slide', 'convex', 'concave', 'zoom'] as const;
/** Slide sizes, as aspect ratios; the pixel size each stands for is in `SLIDE_SIZES`. */
export const SLIDE_SIZES = {
  '16:9': { width: 1280, height: 720 },
  '16:10': { width: 1280, height: 800 },
  '4:3': { width: 960, height: 720 },
} as const;
export type SlideSize = keyof typeof SLIDE_SIZES;
export const CHART_KINDS = ['bar', 'hbar', 'stacked', 'line'] as const;
export type ChartKind = (typeof CHART_KINDS)[number];
/** Numbers are accepted where people naturally write them bare (`date: 2015`, `value: 9`). */
const Label = z.union([z.string().min(1, 'must not be empty'), z.number()]);
const Notes = z.string().meta({
  description: 'Speaker notes (Markdown). Shown in the speaker view, never on the slide.',
  examples: ['Zu Beginn kurz einordnen, warum das Thema jetzt relevant ist.'],
});

export interface PointObject {
  text: string;
  points?: Point[] | undefined;
}
export type Point = string | PointObject;

export const PointSchema: z.ZodType<Point> = z.lazy(() =>
  z.union([
    Text,
    z.strictObject({
      text: Text.meta({ description: 'The bullet text (inline Markdown).' }),
      points: z.array(PointSchema).optional().meta({ description: 'Sub-points of this bullet.' }),
    }),
  ]),
).meta({ id: 'Point', description: 'A bullet: a text, or `{ text, points }` with sub-points.' });
const Points = z.array(PointSchema).meta({
  description: 'Bullets: short phrases (inline Markdown). A bullet may be `{ text, points }` to nest sub-points.',
  examples: [['Erster Punkt', { text: 'Zweiter Punkt', points: ['Unterpunkt'] }]],
});

/** Fields every slide may carry, whatever its layout. */
const common = {
  id: z
    .string()
    .regex(/^[a-z0-9][a-z0-9-]*$/, 'use lower-case letters, digits and dashes')
    .optional()
    .meta({
      description:
        'Stable anchor for links (`#/<id>`). Defaults to a slug of the title; set it to keep links when the title changes. Ids starting with `talkdeck-` are reserved for talkdeck.',
      examples: ['petro-dilemma'],
    }),
  notes: Notes.optional(),
  cite: z
    .array(z.string().min(1))
    .optional()
    .meta({ description: 'Keys of `references` this slide relies on.', examples: [['reith2024']] }),
  summary: Text.optional().meta({
    description: 'A one-line takeaway shown at the bottom of the slide (inline Markdown).',
  }),
  background: Text.optional().meta({
    description:
      'The slide background: a colour (`#0b2545`, `#fff`) or an image inside the deck folder (`images/bogota.jpg`). The text colour switches for contrast: light text on dark colours; an image is dimmed under light text so any photo stays readable.',
    examples: ['#0b2545', 'images/bogota.jpg'],
  }),
  transition: z.enum(TRANSITIONS).optional().meta({
    description: 'How this slide comes in, overriding the deck’s `transition`.',
    examples: ['none'],
  }),
  below: z.boolean().optional().meta({
    description:
      'Place this slide below the previous one: consecutive slides with `below: true` form a vertical stack under the slide before them (reveal.js vertical slides; ↓ moves down, → to the next stack).',
    default: false,
  }),
};

/** What each layout is for: the reference documentation and editor tooltips show it. */
const LAYOUT_DESCRIPTIONS = {
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
const slideSchema = once(() =>
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

export const ReferenceSchema = z.strictObject({
  title: Text.meta({ description: 'Title of the work.' }),
  author: Text.optional().meta({ description: 'Author(s) or issuing body.' }),
  publication: Text.optional().meta({ description: 'Where it appeared (journal, issue, publisher).' }),
  date: Label.optional().meta({ description: 'Publication date, free text.', examples: ['2024', 'September 2022'] }),
  url: z.url({ protocol: /^https?$/ }).optional().meta({ description: 'Web address (http or https).' }),
  note: Text.optional().meta({ description: 'A remark shown after the reference on the sources slide.' }),
  short: Text.optional().meta({
    description: 'Short label shown on slides that cite it. Defaults to author (or title) and date.',
    examples: ['Reith 2024'],
  }),
});

const SeveritySchema = z.enum(SEVERITIES);

/** One optional severity per lint rule, documented with the rule's own description. */
export const LintSchema = z
  .strictObject(
    Object.fromEntries(
      LINT_RULE_INFO.map((rule) => [
        rule.id,
        SeveritySchema.optional().meta({ description: rule.description, default: rule.defaultSeverity }),
      ]),
    ) as Record<LintRuleId, z.ZodOptional<typeof SeveritySchema>>,
  )
  .meta({
    description:
      'Severity per lint rule: `error` fails check and build, `warning` is reported (and fails `check --strict`), `off` skips the rule.',
    examples: [{ 'max-bullets': 'error', 'notes-missing': 'off' }],
  });

export const TimingSchema = z
  .strictObject({
    wordsPerMinute: z.number().positive().optional().meta({
      description: 'Speaking rate for the notes, in words per minute.',
      default: TIMING_DEFAULTS.wordsPerMinute,
    }),
    secondsPerSlide: z.number().min(0).optional().meta({
      description: 'Seconds added to every slide, notes or not: the click and the pause between slides. The notes are what is said.',
      default: TIMING_DEFAULTS.secondsPerSlide,
    }),
    tolerancePercent: z.number().min(0).optional().meta({
      description: 'How far, in %, the estimated speaking time may differ from `duration` before the `timing` rule reports it.',
      default: TIMING_DEFAULTS.tolerancePercent,
    }),
  })
  .meta({
    description:
      'How the speaking time is estimated from the notes: words ÷ wordsPerMinute + secondsPerSlide per slide. The estimates become reveal.js `data-timing` for the speaker view’s pacing.',
  });

/**
 * The reveal.js options an author may set, checked here (unknown keys get a did-you-mean),
 * named as reveal.js names them so a reveal-md `revealOptions` block maps key by key.
 */
export const RevealSchema = z
  .strictObject({
    controls: z.boolean().optional().meta({ description: 'Show the arrows in the lower right corner.', default: true }),
    progress: z.boolean().optional().meta({ description: 'Show the progress bar at the bottom.', default: true }),
    slideNumber: z
      .union([z.boolean(), z.enum(['c/t', 'c', 'h.v', 'h/v'])])
      .optional()
      .meta({
        description: 'Show the slide number: `true` or `c/t` (3/20), `c` (3), `h.v` or `h/v` (for vertical stacks), `false`. Backup slides show A1, A2, …',
        default: 'c/t',
      }),
    showSlideNumber: z.enum(['all', 'print', 'speaker']).optional().meta({
      description: 'Where the slide number shows: `all` views, only in `print` (PDF) or only in the `speaker` view.',
      default: 'all',
    }),
    transitionSpeed: z.enum(['default', 'fast', 'slow']).optional().meta({ description: 'Speed of the slide transitions.', default: 'fast' }),
    backgroundTransition: z.enum(TRANSITIONS).optional().meta({ description: 'Transition of slide backgrounds.', default: 'fade' }),
    center: z.boolean().optional().meta({ description: 'Centre slide content vertically (talkdeck’s layouts place it themselves).', default: false }),
    loop: z.boolean().optional().meta({ description: 'After the last slide, go on with the first (a kiosk loop).', default: false }),
    autoSlide: z.number().int().min(0).optional().meta({
      description: 'Go to the next slide automatically after this many milliseconds; 0 turns it off.',
      default: 0,
      examples: [20000],
    }),
    autoSlideStoppable: z.boolean().optional().meta({ description: 'Stop the automatic advance when the presenter navigates.', default: true }),
    keyboard: z.boolean().optional().meta({ description: 'Navigate with the keyboard.', default: true }),
    touch: z.boolean().optional().meta({ description: 'Navigate with swipes on touch screens.', default: true }),
    mouseWheel: z.boolean().optional().meta({ description: 'Navigate with the mouse wheel.', default: false }),
    overview: z.boolean().optional().meta({ description: 'Allow the slide overview (Esc).', default: true }),
    fragments: z.boolean().optional().meta({ description: 'Reveal `steps` one by one; `false` shows every step at once.', default: true }),
    navigationMode: z.enum(['default', 'linear', 'grid']).optional().meta({
      description: 'How arrow keys move through vertical stacks (reveal.js `navigationMode`).',
      default: 'default',
    }),
    hideInactiveCursor: z.boolean().optional().meta({ description: 'Hide the mouse pointer after a few idle seconds.', default: true }),
  })
  .meta({
    description:
      'reveal.js options for this deck, by their reveal.js names (a reveal-md `revealOptions` block maps one to one). The slide `transition` is set with the deck’s `transition`, the size with `size`.',
    examples: [{ controls: false, slideNumber: 'c', loop: true, autoSlide: 20000 }],
  });
export type RevealOptions = z.infer<typeof RevealSchema>;

/** The deck's fields besides `slides`. */
const deckFields = once(() => ({
  title: Text.meta({ description: 'The deck title, also the HTML document title.' }),
  subtitle: Text.optional().meta({ description: 'Shown under the title on the title slide.' }),
  author: Text.optional().meta({ description: 'Who presents or wrote the deck; on the title slide and in the HTML metadata.' }),
  institution: Text.optional().meta({ description: 'Organisation, shown on the title slide.' }),
  date: Label.optional().meta({ description: 'Shown on the title slide, free text.', examples: ['Stand: 1/2024'] }),
  lang: z
    .string()
    .regex(/^[A-Za-z]{2,3}(-[A-Za-z0-9]{2,8})*$/, 'use a BCP 47 language tag such as de or en-GB')
    .optional()
    .meta({ description: 'Language of the deck (BCP 47); sets `<html lang>` and the labels.', default: 'en' }),
  theme: Text.optional().meta({
    description:
      'Theme: `briefing` (default) or an offline-safe reveal.js theme (white, black, white-contrast, black-contrast).',
    default: 'briefing',
  }),
  duration: z.number().positive().optional().meta({ description: 'Time slot in minutes.', examples: [20] }),
  marking: Text.optional().meta({
    description: 'A line shown in the footer of every slide, e.g. a classification.',
    examples: ['VS – Nur für den Dienstgebrauch'],
  }),
  references: z
    .record(z.string().regex(/^[A-Za-z0-9_-]+$/, 'use letters, digits, - and _'), ReferenceSchema)
    .optional()
    .meta({ description: 'Sources the deck cites, by key.' }),
  size: z.enum(Object.keys(SLIDE_SIZES) as [SlideSize, ...SlideSize[]]).optional().meta({
    description: 'Slide aspect ratio: `16:9` (1280×720), `16:10` (1280×800) or `4:3` (960×720). Carried into the PDF page and the PowerPoint slide size.',
    default: '16:9',
  }),
  transition: z.enum(TRANSITIONS).optional().meta({
    description: 'How slides come in; a slide’s own `transition` overrides it.',
    default: 'fade',
  }),
  reveal: RevealSchema.optional(),
  lint: LintSchema.optional(),
  timing: TimingSchema.optional(),
}));

export const deckSchema = once(() =>
  z
    .strictObject({
      ...deckFields(),
      slides: z
        .array(slideSchema())
        .min(1, 'a deck needs at least one slide')
        .meta({ description: 'The slides, in order. See the layouts below.' }),
    })
    .meta({ title: 'talkdeck deck', description: 'A talkdeck presentation: metadata and an ordered list of slides.' }),
);

/** The deck with its slides left unchecked, for validating metadata on its own (slides are checked one by one). */
export const deckMetaSchema = once(() => z.strictObject({ ...deckFields(), slides: z.array(z.unknown()).min(1, 'a deck needs at least one slide') }));

export type Deck = z.infer<ReturnType<typeof deckSchema>>;
export type Slide = z.infer<ReturnType<typeof slideSchema>>;
export type Reference = z.infer<typeof ReferenceSchema>;
/** A validated slide with its layout filled in (a slide without `layout` is a `points` slide). */
export type SlideOf<L extends LayoutName> = z.infer<LayoutSchemas[L]> & { layout: L };
export type NormalSlide = { [L in LayoutName]: SlideOf<L> }[LayoutName];

/**
 * `talkdeck.config.json` or `.yaml` in the project folder (next to content/): settings for all
 * decks, which a deck's own `lint:` and `timing:` override key by key.
 */
export const configSchema = once(() =>
  z
    .strictObject({
      $schema: z.string().optional().meta({ description: 'Path or URL of this JSON schema, for editors.' }),
      lint: LintSchema.optional(),
      timing: TimingSchema.optional(),
    })
    .meta({ title: 'talkdeck config', description: 'Project-wide talkdeck settings; a deck’s own metadata overrides them.' }),
);
export type Config = z.infer<ReturnType<typeof configSchema>>;

export function deckJsonSchema(): object {
  return z.toJSONSchema(deckSchema(), { target: 'draft-7', io: 'input' });
}

export function configJsonSchema(): object {
  return z.toJSONSchema(configSchema(), { target: 'draft-7', io: 'input' });
}

export { LAYOUT_DESCRIPTIONS };
