/**
 * The schema's building blocks: the field types every layout shares (text, labels, notes,
 * bullets), the fields every slide may carry, and the vocabularies (transitions, slide sizes,
 * chart kinds) that readers and the model name too.
 */
import * as z from 'zod';

// zod compiles a fast checker for each object schema the first time it parses one. A run of
// the CLI validates one deck and exits, so the compiled checkers are never reused enough to pay
// for themselves, even at 3000 slides (validation 11 -> 7 ms at 30 slides, 76 -> 71 ms at 3000,
// on Node 20).
z.config({ jitless: true });

/**
 * A schema made on its first use. zod schemas cost tens of microseconds each to construct, and a
 * deck's layouts are hundreds of them: a build makes only those of the layouts its deck uses.
 */
export function once<T>(make: () => T): () => T {
  let made: T | undefined;
  return () => (made ??= make());
}

export const Text = z.string().min(1, 'must not be empty');
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
export const Label = z.union([z.string().min(1, 'must not be empty'), z.number()]);
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
export const Points = z.array(PointSchema).meta({
  description: 'Bullets: short phrases (inline Markdown). A bullet may be `{ text, points }` to nest sub-points.',
  examples: [['Erster Punkt', { text: 'Zweiter Punkt', points: ['Unterpunkt'] }]],
});

/** Fields every slide may carry, whatever its layout. */
export const common = {
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
