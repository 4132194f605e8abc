/** Command-line flags that set lint severities and timing: the top layer of the settings. */
import { TalkdeckError } from '../core/base/errors.js';
import { LINT_RULE_IDS, type LintRuleId } from '../core/base/errors.js';
import { SEVERITIES, type Severity } from '../core/deck/lint-rules.js';
import type { SettingsLayer } from '../core/deck/settings.js';
import type { Argv } from 'yargs';
import { suggest } from '../core/base/suggest.js';
import { strings } from './command.js';

export function withSettingsFlags(y: Argv, opts: { rules: boolean }): Argv {
  // A string, read here: yargs turns `--wpm abc` into NaN, and the message should say what was typed.
  const out = y.option('wpm', { type: 'string', describe: 'Speaking rate for the notes, words per minute (default 130)' });
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
    const [id = '', severity = ''] = spec.split('=').map((s) => s.trim());
    const knownRule = (LINT_RULE_IDS as readonly string[]).includes(id);
    const knownSeverity = (SEVERITIES as readonly string[]).includes(severity);
    if (!knownRule || !knownSeverity) {
      const ruleGuess = knownRule ? id : suggest(id, LINT_RULE_IDS);
      const severityGuess = knownSeverity ? severity : suggest(severity, SEVERITIES);
      throw new TalkdeckError({
        code: 'usage',
        message: !spec.includes('=')
          ? `--rule ${spec}: expected <rule>=<severity>`
          : !knownRule
            ? `--rule ${spec}: no lint rule is called \`${id}\``
            : `--rule ${spec}: \`${severity}\` is not a severity`,
        hint:
          ruleGuess && severityGuess && spec.includes('=')
            ? `did you mean --rule ${ruleGuess}=${severityGuess}?`
            : `rules: ${LINT_RULE_IDS.join(', ')}; severities: ${SEVERITIES.join(', ')}`,
      });
    }
    lint[id as LintRuleId] = severity as Severity;
  }
  const given = args.wpm;
  const wpm = given === undefined ? undefined : Number(given);
  if (given !== undefined && !(String(given).trim() !== '' && Number.isFinite(wpm) && wpm! > 0)) {
    throw new TalkdeckError({ code: 'usage', message: `--wpm ${String(given)}: expected a positive number of words per minute`, hint: 'e.g. --wpm 140' });
  }
  return { lint, timing: wpm !== undefined ? { wordsPerMinute: wpm } : {} };
}
