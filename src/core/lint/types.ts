/** What a lint rule gets and gives: the validated deck and its model in, findings with a place out. */
import type { DeckModel } from '../model/model.js';
import type { Deck } from '../deck/schema.js';
import type { TimingSettings } from '../deck/settings.js';

/** How much a finding matters; `off` silences a rule. (Here, not in settings.ts, so the CLI's flag parsing need not load the rules.) */
export type Severity = 'error' | 'warning' | 'off';
export const SEVERITIES = ['error', 'warning', 'off'] as const;
import type { KeyPath, SourceFile } from '../read/yaml/source.js';
import type { ValidatedSlide } from '../deck/validate.js';

/** Every lint rule's id: the keys of `lint:` in the deck or config file, and the code in reports. */
export const LINT_RULE_IDS = [
  'max-bullets',
  'bullet-length',
  'notes-missing',
  'image-alt',
  'reference-uncited',
  'overflow-estimate',
  'agenda-sections',
  'timing',
  'remote-resource',
  'font-coverage',
] as const;
export type LintRuleId = (typeof LINT_RULE_IDS)[number];

export interface LintContext {
  model: DeckModel;
  source: SourceFile;
  meta: Omit<Deck, 'slides'>;
  /** Lint runs only on a deck without errors, so every slide is here and `index` equals its position. */
  slides: ValidatedSlide[];
  timing: TimingSettings;
}

export interface LintFinding {
  /** Where in the deck: the runner turns it into file:line:column. */
  path: KeyPath;
  message: string;
  hint?: string;
  /** Point at the key itself rather than its value (e.g. a reference's name). */
  key?: boolean;
  /** A place inside a value (a line of a Markdown body), when the key path is not precise enough. */
  at?: { line: number; column: number };
}

export interface LintRule {
  id: LintRuleId;
  defaultSeverity: Severity;
  /** One sentence for the JSON schema and `--help`: what the rule reports and why. */
  description: string;
  check(ctx: LintContext): LintFinding[];
}
