import { DECKS_ARG, strings, type CommandSpec } from '../command.js';

export const handoutCommand: CommandSpec = {
  command: 'handout [decks..]',
  describe: 'Write the talking points, speaker notes and sources as a handout (<out>/<deck>-handout.html or .md)',
  builder: (y) =>
    y
      .positional('decks', { type: 'string', array: true, describe: DECKS_ARG })
      .option('format', { type: 'string', choices: ['html', 'md'], describe: 'html prints on A4 with a page per section; md is plain Markdown (default: from --out, else html)' })
      .option('out', { alias: 'o', type: 'string', default: 'dist', describe: 'Output folder, or the file to write for one deck (notes.md, handout.html)' })
      .option('force', { type: 'boolean', default: false, describe: 'Replace an existing file talkdeck did not write' })
      .option('since', { type: 'string', describe: 'Add a changes page: what changed since this git revision (a tag, branch or commit)' })
      .example('$0 handout my-talk', 'dist/my-talk-handout.html, ready to print')
      .example('$0 handout --format md', 'A Markdown handout for every deck')
      .example('$0 handout my-talk --out notes.md', 'One Markdown handout, written to notes.md')
      .example('$0 handout my-talk --since v1-approved', 'With a first page listing what changed since the approved version'),
  run: async (io, a) => {
    const { runHandout } = await import('../handout.js');
    return runHandout(io, {
      decks: strings(a.decks),
      out: String(a.out),
      format: (a.format ?? formatOfFile(String(a.out))) === 'md' ? 'md' : 'html',
      force: Boolean(a.force),
      debug: Boolean(a.debug),
      since: a.since === undefined ? undefined : String(a.since),
    });
  },
};

/** Unless --format is given, it follows the file --out names: `--out notes.md` is Markdown. */
const formatOfFile = (out: string): string => (/\.(md|markdown)$/i.test(out) ? 'md' : 'html');
