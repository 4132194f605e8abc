import { relative } from 'node:path';
import type { CommandSpec } from '../command.js';
import { status } from '../report.js';

export const importCommand: CommandSpec = {
  command: 'import <deck>',
  describe: 'Turn a Markdown deck (reveal-md or Marp) into a deck.yaml with talkdeck layouts; never overwrites',
  builder: (y) =>
    y
      .positional('deck', { type: 'string', describe: 'The Markdown file (.md)' })
      .option('out', { type: 'string', describe: 'Folder for deck.yaml and the images it uses (default: the Markdown file’s folder)' })
      .example('$0 import talk/slides.md --out content/talk', 'deck.yaml and its images in content/talk/'),
  run: async (io, a) => {
    const [{ importDeckFile }, { formatProblem, useColor }] = await Promise.all([import('../../shell/import-deck.js'), import('../report.js')]);
    const result = importDeckFile(String(a.deck), typeof a.out === 'string' ? a.out : undefined, io.cwd);
    const color = useColor(io.stderr, io.env);
    for (const w of result.warnings) io.stderr.write(formatProblem(w, { color }, io.cwd, Boolean(a.debug)) + '\n');
    for (const f of result.copied) io.stdout.write(status`  copied  ${relative(io.cwd, f)}\n`);
    const shown = relative(io.cwd, result.deckFile);
    io.stdout.write(status`  created ${shown}\n✓ Imported. Next: talkdeck check ${shown} · talkdeck build ${shown}\n`);
    return 0;
  },
};
