import { DECKS_ARG, strings, type CommandSpec } from '../command.js';

export const handoutCommand: CommandSpec = {
  command: 'handout [decks..]',
  describe: 'Write the talking points, speaker notes and sources as a handout (<out>/<deck>-handout.html or .md)',
  builder: (y) =>
    y
      .positional('decks', { type: 'string', array: true, describe: DECKS_ARG })
      .option('format', { type: 'string', choices: ['html', 'md'], default: 'html', describe: 'html prints on A4 with a page per section; md is plain Markdown' })
      .option('out', { alias: 'o', type: 'string', default: 'dist', describe: 'Output folder' })
      .option('force', { type: 'boolean', default: false, describe: 'Replace an existing file talkdeck did not write' })
      .example('$0 handout kolumbien-nato', 'dist/kolumbien-nato-handout.html, ready to print')
      .example('$0 handout --format md', 'A Markdown handout for every deck'),
  run: async (io, a) => {
    const { runHandout } = await import('../handout.js');
    return runHandout(io, {
      decks: strings(a.decks),
      out: String(a.out),
      format: a.format === 'md' ? 'md' : 'html',
      force: Boolean(a.force),
      debug: Boolean(a.debug),
    });
  },
};
