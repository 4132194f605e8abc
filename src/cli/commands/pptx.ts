import { DECKS_ARG, strings, type CommandSpec } from '../command.js';

export const pptxCommand: CommandSpec = {
  command: 'pptx [decks..]',
  describe: 'Write decks as editable PowerPoint files (<out>/<deck>.pptx): real layouts, notes, native shapes',
  builder: (y) =>
    y
      .positional('decks', { type: 'string', array: true, describe: DECKS_ARG })
      .option('out', { alias: 'o', type: 'string', default: 'dist', describe: 'Output folder, or with one deck a file name ending in .pptx' })
      .option('force', { type: 'boolean', default: false, describe: 'Replace an existing file talkdeck did not write' })
      .example('$0 pptx my-talk', 'dist/my-talk.pptx')
      .example('$0 pptx my-talk --out briefing.pptx', 'The deck as briefing.pptx')
      .example('$0 pptx talk.md', 'A Markdown deck as dist/talk.pptx'),
  run: async (io, a) => {
    const { runPptx } = await import('../pptx.js');
    return runPptx(io, { decks: strings(a.decks), out: String(a.out), force: Boolean(a.force), debug: Boolean(a.debug) });
  },
};
