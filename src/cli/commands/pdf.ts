import { DECKS_ARG, strings, type CommandSpec } from '../command.js';

export const pdfCommand: CommandSpec = {
  command: 'pdf [decks..]',
  describe: 'Print decks to PDF with the Chrome or Chromium installed here (<out>/<deck>.pdf, one page per slide)',
  builder: (y) =>
    y
      .positional('decks', { type: 'string', array: true, describe: DECKS_ARG })
      .option('out', { alias: 'o', type: 'string', default: 'dist', describe: 'Output folder, or the PDF file to write for one deck (talk.pdf)' })
      .option('notes', { type: 'boolean', default: false, describe: 'Add a page of speaker notes after each slide that has notes (<deck>-notes.pdf)' })
      .option('browser-path', { type: 'string', describe: 'Chrome, Chromium or Edge to print with (else CHROME_PATH, then the usual places)' })
      .option('timeout', { type: 'number', default: 60, describe: 'Seconds a deck may take before printing is given up' })
      .option('force', { type: 'boolean', default: false, describe: 'Replace an existing PDF talkdeck did not write' })
      .example('$0 pdf my-talk', 'dist/my-talk.pdf')
      .example('$0 pdf my-talk --notes', 'dist/my-talk-notes.pdf, with the speaker notes')
      .example('$0 pdf my-talk --out talk.pdf', 'The PDF written to talk.pdf')
      .example('$0 pdf --browser-path "/Applications/Google Chrome.app/Contents/MacOS/Google Chrome"', 'Print with a given browser'),
  run: async (io, a) => {
    const { runPdf } = await import('../pdf.js');
    return runPdf(io, {
      decks: strings(a.decks),
      out: String(a.out),
      notes: Boolean(a.notes),
      browserPath: typeof a.browserPath === 'string' ? a.browserPath : undefined,
      timeoutSeconds: Number(a.timeout),
      force: Boolean(a.force),
      debug: Boolean(a.debug),
    });
  },
};
