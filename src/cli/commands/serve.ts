import { TalkdeckError } from '../../core/base/errors.js';
import type { CommandSpec } from '../command.js';

export const DEFAULT_PORT = 3030;

export const serveCommand: CommandSpec = {
  command: 'serve [deck]',
  describe: 'Serve a deck and rebuild it on every save; the browser follows on the same slide',
  builder: (y) =>
    y
      .positional('deck', { type: 'string', describe: 'Deck name under content/, deck folder, or deck file (.yaml, .yml, .md); optional when there is one deck' })
      .option('port', { alias: 'p', type: 'number', default: DEFAULT_PORT, describe: 'Port to listen on; 0 picks a free one' })
      .option('host', { type: 'string', default: '127.0.0.1', describe: 'Address to listen on; 0.0.0.0 lets other computers connect' })
      .option('open', { type: 'boolean', default: false, describe: 'Open the deck in the default browser' })
      .option('since', { type: 'string', describe: 'Mark what changed since this git revision (a tag, branch or commit) in the speaker view' })
      .example('$0 serve my-talk', 'Serve one deck on http://127.0.0.1:3030/')
      .example('$0 serve my-talk --port 0 --open', 'Take a free port and open the browser'),
  run: async (io, a) => {
    const port = Number(a.port);
    if (!Number.isInteger(port) || port < 0 || port > 65535) {
      throw new TalkdeckError({ code: 'usage', message: `--port must be a whole number from 0 to 65535, not \`${String(a.port)}\``, hint: '--port 0 picks a free port' });
    }
    const { runServe } = await import('../serve.js');
    // Ctrl-C (and a service manager's SIGTERM) stop the server; runServe cleans up and returns.
    const stop = new AbortController();
    const onSignal = (): void => stop.abort();
    process.once('SIGINT', onSignal);
    process.once('SIGTERM', onSignal);
    try {
      return await runServe(io, { deck: a.deck === undefined ? undefined : String(a.deck), port, host: String(a.host), open: Boolean(a.open), debug: Boolean(a.debug), since: a.since === undefined ? undefined : String(a.since) }, stop.signal);
    } finally {
      process.off('SIGINT', onSignal);
      process.off('SIGTERM', onSignal);
    }
  },
};
