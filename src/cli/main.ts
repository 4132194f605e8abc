/**
 * The command line. `main()` parses, dispatches and returns an exit code; it never calls
 * process.exit, so tests run it in-process. Heavy modules (server, watcher, browser) are
 * imported by the commands that need them, not here.
 */
import yargs from 'yargs';
import { TalkdeckError, TalkdeckErrors } from '../core/errors.js';
import { version } from '../shell/paths.js';
import type { CommandSpec } from './command.js';
import { buildCommand } from './commands/build.js';
import { checkCommand } from './commands/check.js';
import { handoutCommand } from './commands/handout.js';
import { initCommand } from './commands/init.js';
import { outlineCommand } from './commands/outline.js';
import { pdfCommand } from './commands/pdf.js';
import { pptxCommand } from './commands/pptx.js';
import { serveCommand } from './commands/serve.js';
import type { Io } from './io.js';
import { formatProblem, useColor } from './report.js';

export type { Io } from './io.js';

type Command = CommandSpec['run'];

/** Every command, in the order `--help` lists them. */
const COMMANDS: CommandSpec[] = [buildCommand, checkCommand, serveCommand, outlineCommand, initCommand, pdfCommand, pptxCommand, handoutCommand];

export async function main(argv: string[], io: Io): Promise<number> {
  let chosen: Command | undefined;
  let usageError: string | undefined;
  let cli = yargs(argv)
    .scriptName('talkdeck')
    .usage('$0 <command> [options]\n\nTurn structured talking points (content/<deck>/deck.yaml) into an offline Reveal.js presentation.')
    .option('debug', { type: 'boolean', default: false, describe: 'Show stack traces and causes' });
  for (const spec of COMMANDS) {
    cli = cli.command(spec.command, spec.describe, spec.builder, () => {
      chosen = spec.run;
    });
  }
  cli = cli
    .demandCommand(1, 'Name a command, e.g. `talkdeck build`.')
    .strict()
    .recommendCommands()
    .version(version())
    .alias('h', 'help')
    .alias('v', 'version')
    .wrap(Math.min(100, process.stdout.columns || 100))
    .exitProcess(false)
    .fail((msg, err) => {
      if (err) throw err;
      usageError = msg;
    });

  let parsed: Record<string, unknown>;
  let output = '';
  try {
    parsed = (await cli.parseAsync(argv, {}, (_err, _argv, out) => {
      output = out;
    })) as Record<string, unknown>;
  } catch (error) {
    return reportFailure(io, error, false);
  }
  if (usageError) {
    io.stderr.write(`talkdeck: ${usageError}\nRun \`talkdeck --help\` for usage.\n`);
    return 2;
  }
  if (output) {
    io.stdout.write(output + '\n');
    return 0;
  }
  if (!chosen) return 0;
  try {
    return await chosen(io, parsed);
  } catch (error) {
    return reportFailure(io, error, Boolean(parsed.debug));
  }
}

function reportFailure(io: Io, error: unknown, debug: boolean): number {
  const color = useColor(io.stderr, io.env);
  if (error instanceof TalkdeckErrors) {
    for (const e of error.errors) io.stderr.write(formatProblem(e, { color }, io.cwd, debug) + '\n');
    return Math.max(1, ...error.errors.map((e) => e.exitCode));
  }
  if (error instanceof TalkdeckError) {
    io.stderr.write(formatProblem(error, { color }, io.cwd, debug) + '\n');
    return error.exitCode;
  }
  // Not a user mistake: a bug. Keep the stack so it can be reported.
  io.stderr.write(`talkdeck: internal error. Please report it with the output below.\n${(error as Error)?.stack ?? String(error)}\n`);
  return 70;
}
