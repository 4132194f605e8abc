import { relative, resolve } from 'node:path';
import type { CommandSpec } from '../command.js';

export const initCommand: CommandSpec = {
  command: 'init [dir]',
  describe: 'Create a new deck with one commented example of every layout',
  builder: (y) =>
    y
      .positional('dir', { type: 'string', default: '.', describe: 'Folder for the new deck (created if missing)' })
      .option('lang', { choices: ['de', 'en'] as const, default: 'en' as const, describe: 'Language of the deck and its examples' })
      .option('markdown', { type: 'boolean', default: false, describe: 'Start a Markdown deck (deck.md, reveal-md dialect) instead of deck.yaml' })
      .example('$0 init content/lagebild --lang de', 'A German deck under content/')
      .example('$0 init content/notes --markdown', 'A Markdown deck')
      .example('$0 init content/my-talk', 'An English deck'),
  run: async (io, a) => {
    const { planScaffold, writeScaffold } = await import('../../shell/scaffold.js');
    const target = resolve(io.cwd, String(a.dir));
    const files = planScaffold(target, a.lang === 'de' ? 'de' : 'en', Boolean(a.markdown));
    writeScaffold(files, io.cwd);
    const shown = relative(io.cwd, target) || '.';
    for (const f of files) io.stdout.write(`  created ${relative(io.cwd, f.path)}\n`);
    io.stdout.write(`✓ New deck in ${shown}. Next: talkdeck check ${shown} · talkdeck build ${shown}\n`);
    return 0;
  },
};
