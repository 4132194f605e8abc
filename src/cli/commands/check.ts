import { DECKS_ARG, strings, type CommandSpec } from '../command.js';
import { settingsFromFlags, withSettingsFlags } from '../settings-flags.js';

export const checkCommand: CommandSpec = {
  command: 'check [decks..]',
  describe: 'Validate and lint decks and estimate their speaking time, without writing anything',
  builder: (y) =>
    withSettingsFlags(
      y
        .positional('decks', { type: 'string', array: true, describe: DECKS_ARG })
        .option('strict', { type: 'boolean', default: false, describe: 'Fail on warnings too (exit code 1)' })
        .option('format', { choices: ['human', 'json'] as const, default: 'human' as const, describe: 'Output for people, or JSON for tools' }),
      { rules: true },
    )
      .example('$0 check', 'Check the decks in this folder (or under content/)')
      .example('$0 check my-talk --strict', 'Fail on any warning, e.g. before a talk')
      .example('$0 check --format json', 'Machine-readable findings and timings')
      .example('$0 check --rule notes-missing=off', 'Switch a rule off for this run'),
  run: async (io, a) => {
    const { runCheck } = await import('../check.js');
    return runCheck(io, {
      decks: strings(a.decks),
      strict: Boolean(a.strict),
      format: a.format === 'json' ? 'json' : 'human',
      cli: settingsFromFlags(a),
      debug: Boolean(a.debug),
    });
  },
};
