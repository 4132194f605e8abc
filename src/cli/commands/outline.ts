import { DECKS_ARG, strings, type CommandSpec } from '../command.js';
import { settingsFromFlags, withSettingsFlags } from '../settings-flags.js';

export const outlineCommand: CommandSpec = {
  command: 'outline [decks..]',
  describe: 'Print the slides with their estimated speaking time, per section and in total',
  builder: (y) =>
    withSettingsFlags(y.positional('decks', { type: 'string', array: true, describe: DECKS_ARG }), { rules: false })
      .example('$0 outline my-talk', 'Time per slide and section against the slot')
      .example('$0 outline --wpm 150', 'The same for a faster speaker'),
  run: async (io, a) => {
    const { runOutline } = await import('../outline.js');
    return runOutline(io, { decks: strings(a.decks), cli: settingsFromFlags(a), debug: Boolean(a.debug) });
  },
};
