import { quoteArg } from '../../core/base/quote-arg.js';
import type { CommandSpec } from '../command.js';
import { status } from '../report.js';

export const importCommand: CommandSpec = {
  command: 'import <deck>',
  describe: 'Turn a Markdown deck (reveal-md or Marp) into a deck.yaml with talkdeck layouts; never overwrites',
  needs: 'the Markdown deck to import, e.g. `talkdeck import talk.md` (writes talk.yaml beside it)',
  builder: (y) =>
    y
      .positional('deck', { type: 'string', describe: 'The Markdown file (.md)' })
      .option('out', {
        alias: 'o',
        type: 'string',
        describe: 'Folder for deck.yaml and the images it uses, or the .yaml file to write (default: talk.yaml beside talk.md, deck.yaml beside deck.md)',
      })
      .example('$0 import talk.md', 'talk.yaml beside it: the deck `talk`')
      .example('$0 import talk/slides.md --out content/talk', 'deck.yaml and its images in content/talk/'),
  run: async (io, a) => {
    const [{ importDeckFile }, { formatProblem, useColor }, { shownPath }] = await Promise.all([
      import('../../shell/import-deck.js'),
      import('../report.js'),
      import('../../shell/write-file.js'),
    ]);
    const result = importDeckFile(String(a.deck), typeof a.out === 'string' ? a.out : undefined, io.cwd);
    const color = useColor(io.stderr, io.env);
    for (const w of result.warnings) io.stderr.write(formatProblem(w, { color }, io.cwd, Boolean(a.debug)) + '\n');
    for (const f of result.copied) io.stdout.write(status`  copied  ${shownPath(io.cwd, f)}\n`);
    const shown = quoteArg(shownPath(io.cwd, result.deckFile));
    io.stdout.write(status`  created ${shown}\n✓ Imported. Next: talkdeck check ${shown} · talkdeck build ${shown}\n`);
    return 0;
  },
};
