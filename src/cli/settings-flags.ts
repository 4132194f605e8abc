/** Command-line flags that set lint severities and timing: the top layer of the settings. */
import { TalkdeckError } from '../core/base/errors.js';
import { LINT_RULE_IDS, type LintRuleId } from '../core/base/errors.js';
import { SEVERITIES, type Severity } from '../core/deck/lint-rules.js';
import type { SettingsLayer } from '../core/deck/settings.js';
import type { Argv } from 'yargs';
import { strings } from './command.js';

export function withSettingsFlags(y: Argv, opts: { rules: boolean }): Argv {
  const out = y.option('wpm', { type: 'number', describe: 'Speaking rate for the notes, words per minute (default 130)' });
  if (!opts.rules) return out;
  return out.option('rule', {
    type: 'string',
    array: true,
    describe: `Set a lint rule's severity, e.g. --rule max-bullets=error (rules: ${LINT_RULE_IDS.join(', ')})`,
  });
}

/** The flags as a settings layer; a wrong rule name or severity is a usage error. */
export function settingsFromFlags(args: Record<string, unknown>): SettingsLayer {
  const lint: Partial<Record<LintRuleId, Severity>> = {};
  for (const spec of strings(args.rule)) {
    const [id, severity] = spec.split('=').map((s) => s.trim());
    if (!id || !(LINT_RULE_IDS as readonly string[]).includes(id) || !(SEVERITIES as readonly string[]).includes(severity ?? '')) {
      throw new TalkdeckError({
        code: 'usage',
        message: `--rule ${spec}: expected <rule>=<severity>`,
        hint: `rules: ${LINT_RULE_IDS.join(', ')}; severities: ${SEVERITIES.join(', ')}`,
      });
    }
    lint[id as LintRuleId] = severity as Severity;
  }
  const wpm = args.wpm;
  if (wpm !== undefined && !(typeof wpm === 'number' && Number.isFinite(wpm) && wpm > 0)) {
    throw new TalkdeckError({ code: 'usage', message: `--wpm ${String(wpm)}: expected a positive number`, hint: 'e.g. --wpm 140' });
  }
  return { lint, timing: typeof wpm === 'number' ? { wordsPerMinute: wpm } : {} };
}
