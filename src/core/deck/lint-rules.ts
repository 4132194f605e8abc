/**
 * The lint rules as a deck names them: their ids (the keys of `lint:` in a deck or config file),
 * the severity each has unless set, and the sentence the schema, the reference and `--help` show.
 * Here, on the deck's floor, because the schema and the settings need them; the checks
 * themselves are in lint/rules/, one file per rule, above the model they read.
 */
import type { LintRuleId } from '../base/errors.js';

/** How much a finding matters; `off` silences a rule. */
export type Severity = 'error' | 'warning' | 'off';
export const SEVERITIES = ['error', 'warning', 'off'] as const;

/** Above this, a list is read rather than seen; sub-points count, since they take lines too. */
export const MAX_BULLETS = 6;
/** A bullet is a phrase the audience takes in at a glance, not a sentence to read. */
export const MAX_BULLET_WORDS = 15;

export interface LintRuleInfo {
  id: LintRuleId;
  defaultSeverity: Severity;
  /** One sentence for the JSON schema and `--help`: what the rule reports and why. */
  description: string;
}

/** In the order their findings are documented (and reported). */
export const LINT_RULE_INFO: readonly LintRuleInfo[] = [
  {
    id: 'max-bullets',
    defaultSeverity: 'warning',
    description: `A bullet list with more than ${MAX_BULLETS} bullets (sub-points included): the audience reads instead of listening.`,
  },
  {
    id: 'bullet-length',
    defaultSeverity: 'warning',
    description: `A bullet longer than ${MAX_BULLET_WORDS} words: bullets are short phrases; full sentences belong in the notes.`,
  },
  {
    id: 'notes-missing',
    defaultSeverity: 'warning',
    description: 'A content slide without speaker notes: the speaker view has nothing to show and the speaking time cannot be estimated.',
  },
  {
    id: 'image-alt',
    defaultSeverity: 'warning',
    description:
      'Alt text that does not describe the image (a file name or a word like “image”). Missing alt text is a schema error, not a lint finding.',
  },
  {
    id: 'reference-uncited',
    defaultSeverity: 'warning',
    description: 'A reference defined in `references` that no slide cites: the sources slide leaves it out.',
  },
  {
    id: 'overflow-estimate',
    defaultSeverity: 'warning',
    description: 'A slide whose text will probably not fit (estimated from the briefing theme’s measures at 1280×720, without a browser).',
  },
  {
    id: 'agenda-sections',
    defaultSeverity: 'warning',
    description:
      'The agenda does not match the sections: it lists none, comes after the first section, or lists a section without slides.',
  },
  {
    id: 'timing',
    defaultSeverity: 'warning',
    description:
      'The speaking time estimated from the notes is further from the deck’s `duration` than `timing.tolerancePercent` (15 % by default).',
  },
  {
    id: 'rehearsal-overrun',
    defaultSeverity: 'warning',
    description:
      'The talk as rehearsed (`talkdeck rehearsals`: each slide’s median time in the rehearsals since its last edit, the estimate for the others) runs over the deck’s `duration`.',
  },
  {
    id: 'remote-resource',
    defaultSeverity: 'error',
    description:
      'The deck loads a file from the internet (an image on a slide or in its notes, a frame, a background, a `url()` or `@import` in style.css), which is missing offline; the page admits exactly the files reported. Error in YAML decks, warning in Markdown decks by default; a deck’s own `off` counts as `warning` (only the config file or `--rule` silence it).',
  },
  {
    id: 'font-coverage',
    defaultSeverity: 'warning',
    description:
      'Letters or emoji that no font talkdeck ships can draw (e.g. Chinese, Arabic, emoji): they would show in whatever font the presenting computer has, if any.',
  },
  {
    id: 'theme-contrast',
    defaultSeverity: 'warning',
    description:
      'A reveal.js theme whose body text, or link and accent colour (when the deck shows links, timelines or figures), has less than WCAG AA’s 4.5:1 contrast against its background (e.g. solarized, sky, blood).',
  },
];
