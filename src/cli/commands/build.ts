import { DECKS_ARG, strings, type CommandSpec } from '../command.js';

export const buildCommand: CommandSpec = {
  command: 'build [decks..]',
  describe: 'Build decks into the output folder: <out>/<deck>/index.html',
  builder: (y) =>
    y
      .positional('decks', { type: 'string', array: true, describe: DECKS_ARG })
      .option('out', { alias: 'o', type: 'string', default: 'dist', describe: 'Output folder; each deck goes into <out>/<deck> (with --single-file and one deck, may name the .html file)' })
      .option('force', { type: 'boolean', default: false, describe: 'Replace an output folder that holds files talkdeck did not write' })
      .option('single-file', { type: 'boolean', default: false, describe: 'Write each deck as one self-contained <out>/<deck>.html (CSS, scripts, fonts, images inlined)' })
      .option('since', { type: 'string', describe: 'Mark what changed since this git revision (a tag, branch or commit) in the speaker view; the audience sees no mark' })
      .example('$0 build', 'Build the decks in this folder (or under content/) into dist/')
      .example('$0 build talk.md', 'A Markdown deck (reveal-md or Marp): dist/talk/index.html')
      .example('$0 build my-talk --out /media/usb', 'Build one deck onto a USB stick')
      .example('$0 build my-talk --single-file', 'One file to copy anywhere: dist/my-talk.html')
      .example('$0 build my-talk --single-file --out talk.html', 'The same, written to talk.html')
      .example('$0 build my-talk --since v1-approved', 'The speaker view marks the slides changed since the tag v1-approved'),
  run: async (io, a) => {
    const opts = { decks: strings(a.decks), out: String(a.out), force: Boolean(a.force), debug: Boolean(a.debug), since: a.since === undefined ? undefined : String(a.since) };
    if (!a.singleFile) return (await import('../build.js')).runBuild(io, opts);
    const { runSingleFileBuild } = await import('../single-file.js');
    return runSingleFileBuild(io, opts);
  },
};
