/**
 * The deck schema: the single source of truth. TypeScript types are inferred from it, the
 * validator checks against it, and `schema/deck.schema.json` (for editors) is generated from it.
 * Every field carries its description and, where useful, an example; that text is the reference.
 */
import * as z from 'zod';
import { Label, once, SLIDE_SIZES, Text, TRANSITIONS, type SlideSize } from './fields.js';
import { slideSchema } from './layouts.js';
import { LintSchema, ReferenceSchema, RevealSchema, TimingSchema } from './options.js';

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
      'Theme: `briefing` (default) or one of reveal.js’s themes, each offline (their web fonts ship with the deck): beige, black, black-contrast, blood, dracula, league, moon, night, serif, simple, sky, solarized, white, white-contrast. A theme whose colours fall short of WCAG AA contrast says so (lint rule `theme-contrast`).',
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

