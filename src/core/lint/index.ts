/**
 * Lint: briefing-quality rules on a valid deck, beyond what the schema can say. Each rule is
 * pure and reports findings with a key path; the runner gives them their place in the file and
 * the severity the settings assign (`off` skips the rule).
 */
import { TalkdeckError } from '../base/errors.js';
import type { Severity } from '../deck/lint-rules.js';
import { errorAt } from '../base/source.js';
import { LINT_RULES } from './rules.js';
import type { LintRuleId } from '../base/errors.js';
import type { LintContext } from './types.js';

export function lintDeck(ctx: LintContext, severities: Record<LintRuleId, Severity>): TalkdeckError[] {
  const problems: TalkdeckError[] = [];
  for (const rule of LINT_RULES) {
    const severity = severities[rule.id];
    if (severity === 'off') continue;
    for (const f of rule.check(ctx)) {
      const problem = errorAt(ctx.source, f.path, { code: rule.id, severity, message: f.message, hint: f.hint }, { key: f.key ?? false });
      problems.push(f.at ? new TalkdeckError({ ...problem, code: rule.id, message: f.message, hint: f.hint, severity, ...f.at }) : problem);
    }
  }
  return problems;
}
