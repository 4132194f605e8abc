/** What a lint rule gets and gives: the validated deck and its model in, findings with a place out. */
import type { LintRuleId } from '../base/errors.js';
import type { DeckModel } from '../model/types.js';
import type { Deck } from '../deck/schema.js';
import type { TimingSettings } from '../deck/settings.js';
import type { KeyPath, SourceFile } from '../base/source.js';
import type { ValidatedSlide } from '../deck/validate.js';

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
  /**
   * A place inside a value (a line of a Markdown body), when the key path is not precise enough;
   * with `file`, a place in another file of the deck (its style.css).
   */
  at?: { line: number; column: number; file?: string };
}

/** A rule's check; its default severity and description are deck/lint-rules.ts's. */
export interface LintRule {
  id: LintRuleId;
  check(ctx: LintContext): LintFinding[];
}
