import { DECKS_ARG, strings, type CommandSpec } from '../command.js';
import { settingsFromFlags, withSettingsFlags } from '../settings-flags.js';

export const rehearsalsCommand: CommandSpec = {
  command: 'rehearsals [decks..]',
  describe: 'Compare the rehearsals saved by the speaker view (rehearsals/*.json) with the plan, per slide and in total',
  builder: (y) =>
    withSettingsFlags(
      y
        .positional('decks', { type: 'string', array: true, describe: DECKS_ARG })
        .option('format', { choices: ['human', 'json'] as const, default: 'human' as const, describe: 'Output for people, or JSON for tools' }),
      { rules: false },
    )
      .example('$0 rehearsals kolumbien-nato', 'Estimate, last rehearsal, median and trend per slide')
      .example('$0 rehearsals --format json', 'The same for tools'),
  run: async (io, a) => {
    const { runRehearsals } = await import('../rehearsals.js');
    return runRehearsals(io, {
      decks: strings(a.decks),
      format: a.format === 'json' ? 'json' : 'human',
      cli: settingsFromFlags(a),
      debug: Boolean(a.debug),
    });
  },
};
