/**
 * The deck-wide option blocks: references, lint severities, the speaking-time estimate and
 * reveal.js options; `lint` and `timing` are shared with the project's config file.
 */
import * as z from 'zod';
import type { LintRuleId } from '../base/errors.js';
import { Label, Text, TRANSITIONS } from './fields.js';
import { LINT_RULE_INFO, SEVERITIES } from './lint-rules.js';
import { TIMING_DEFAULTS } from './settings.js';

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
    hash: z.boolean().optional().meta({
      description: 'Keep the current slide in the address (`#/slide-id`), so a reload or a shared link opens that slide; `talkdeck serve` reloads onto it.',
      default: true,
    }),
  })
  .meta({
    description:
      'reveal.js options for this deck, by their reveal.js names (a reveal-md `revealOptions` block maps one to one). The slide `transition` is set with the deck’s `transition`, the size with `size`.',
    examples: [{ controls: false, slideNumber: 'c', loop: true, autoSlide: 20000 }],
  });
export type RevealOptions = z.infer<typeof RevealSchema>;
export type Reference = z.infer<typeof ReferenceSchema>;
