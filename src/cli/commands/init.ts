import { relative, resolve } from 'node:path';
import { quoteArg } from '../../core/base/quote-arg.js';
import type { CommandSpec } from '../command.js';
import { status } from '../report.js';

export const initCommand: CommandSpec = {
  command: 'init [dir]',
  describe: 'Create a new deck with one commented example of every layout',
  builder: (y) =>
    y
      .positional('dir', { type: 'string', default: '.', describe: 'Folder for the new deck (created if missing)' })
      .option('lang', { choices: ['de', 'en'] as const, default: 'en' as const, describe: 'Language of the deck and its examples' })
      .option('markdown', { type: 'boolean', default: false, describe: 'Start a Markdown deck (deck.md, reveal-md dialect) instead of deck.yaml' })
      .example('$0 init my-talk', 'A new folder my-talk/ with deck.yaml; cd into it and run talkdeck build')
      .example('$0 init content/lagebild --lang de', 'A German deck under content/')
      .example('$0 init my-notes --markdown', 'A Markdown deck (deck.md)'),
  run: async (io, a) => {
    const { planScaffold, writeScaffold } = await import('../../shell/scaffold.js');
    const target = resolve(io.cwd, String(a.dir));
    const files = planScaffold(target, a.lang === 'de' ? 'de' : 'en', Boolean(a.markdown));
    writeScaffold(files, io.cwd);
    for (const f of files) io.stdout.write(status`  created ${relative(io.cwd, f.path)}\n`);
    const where = relative(io.cwd, target);
    // In the deck's own folder the commands need no argument: they find deck.yaml there.
    const next = where ? ` ${quoteArg(where)}` : '';
    io.stdout.write(status`✓ New deck in ${where ? quoteArg(where) : 'this folder'}. Next: talkdeck check${next} · talkdeck build${next}\n`);
    return 0;
  },
};
