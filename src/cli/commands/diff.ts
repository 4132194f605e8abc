import { strings, type CommandSpec } from '../command.js';
import { settingsFromFlags, withSettingsFlags } from '../settings-flags.js';

export const diffCommand: CommandSpec = {
  command: 'diff [decks..]',
  describe: 'What changed between two versions of a deck: two deck files, or each deck against a git revision (--since)',
  builder: (y) =>
    withSettingsFlags(
      y
        .positional('decks', { type: 'string', array: true, describe: 'Two deck files (old, then new); with --since: decks as for build (none: the decks in this folder, else under content/)' })
        .option('since', { type: 'string', describe: 'Compare with the deck as it was at this git revision: a tag, branch or commit (v1-approved, HEAD~1)' })
        .option('format', { type: 'string', choices: ['text', 'json', 'md'], default: 'text', describe: 'text for the terminal, json for tools (docs/diff-format.md), md to paste into a change log' })
        .option('html', { type: 'boolean', default: false, describe: 'Also write the change report page <out>/<deck>-changes.html (old and new side by side)' })
        .option('out', { alias: 'o', type: 'string', default: 'dist', describe: 'Folder for --html (or, for one deck, the .html file)' })
        .option('force', { type: 'boolean', default: false, describe: 'Replace an existing file talkdeck did not write' }),
      { rules: false },
    )
      .example('$0 diff --since v1-approved', 'Each deck here against the tagged, approved version')
      .example('$0 diff kolumbien-nato --since HEAD~1 --html', 'Against the last commit, with a side-by-side report in dist/')
      .example('$0 diff old.yaml new.yaml --format md', 'Two files, as Markdown for a change log'),
  run: async (io, a) => {
    const { runDiff } = await import('../diff.js');
    return runDiff(io, {
      decks: strings(a.decks),
      since: a.since === undefined ? undefined : String(a.since),
      format: a.format === 'json' ? 'json' : a.format === 'md' ? 'md' : 'text',
      html: Boolean(a.html),
      out: String(a.out),
      force: Boolean(a.force),
      debug: Boolean(a.debug),
      cli: settingsFromFlags(a),
    });
  },
};
