import { runBuild } from '../build.js';
import { strings, type CommandSpec } from '../command.js';

export const checkCommand: CommandSpec = {
  command: 'check [decks..]',
  describe: 'Validate decks without writing anything',
  builder: (y) =>
    y
      .positional('decks', { type: 'string', array: true, describe: 'Deck names, folders or files' })
      .example('$0 check', 'Check every deck under content/')
      .example('$0 check content/kolumbien-nato/deck.yaml', 'Check one deck file'),
  run: (io, a) => runBuild(io, { decks: strings(a.decks), out: 'dist', force: false, write: false, debug: Boolean(a.debug) }),
};
