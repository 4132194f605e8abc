/**
 * The command line. `main()` parses, dispatches and returns an exit code; it never calls
 * process.exit, so tests run it in-process. Heavy modules (server, watcher, browser) are
 * imported by the commands that need them, not here.
 */
import yargs, { type Argv } from 'yargs';
import { TalkdeckError, TalkdeckErrors } from '../core/base/errors.js';
import { version } from '../shell/paths.js';
import type { CommandSpec } from './command.js';
import { buildCommand } from './commands/build.js';
import { checkCommand } from './commands/check.js';
import { diffCommand } from './commands/diff.js';
import { handoutCommand } from './commands/handout.js';
import { importCommand } from './commands/import.js';
import { initCommand } from './commands/init.js';
import { outlineCommand } from './commands/outline.js';
import { pdfCommand } from './commands/pdf.js';
import { pptxCommand } from './commands/pptx.js';
import { rehearsalsCommand } from './commands/rehearsals.js';
import { serveCommand } from './commands/serve.js';
import type { Io } from './io.js';
import { formatProblem, printProblems, safeOutput, useColor } from './report.js';
import { usageMessage } from './usage-error.js';

export type { Io } from './io.js';

type Command = CommandSpec['run'];

/** Every command, in the order `--help` lists them. */
const COMMANDS: CommandSpec[] = [
  buildCommand,
  checkCommand,
  serveCommand,
  outlineCommand,
  diffCommand,
  rehearsalsCommand,
  initCommand,
  importCommand,
  pdfCommand,
  pptxCommand,
  handoutCommand,
];

export async function main(argv: string[], rawIo: Io): Promise<number> {
  // Deck text reaches the terminal in many messages; whatever a command prints, control
  // characters in it are shown as escapes, never obeyed (formatProblem escapes precisely too).
  const io: Io = { ...rawIo, stdout: safeOutput(rawIo.stdout), stderr: safeOutput(rawIo.stderr) };
  let chosen: Command | undefined;
  const usageErrors: string[] = [];
  // The options of the command being parsed (its builder runs only when it is named), for messages.
  let options: string[] | undefined;
  let chosenSpec: CommandSpec | undefined;
  let cli = yargs(argv)
    .scriptName('talkdeck')
    .usage('$0 <command> [options]\n\nTurn talking points (deck.yaml) or a Markdown deck (reveal-md, Marp) into an offline Reveal.js presentation, a PDF, a handout or a PowerPoint file.')
    .option('debug', { type: 'boolean', default: false, describe: 'Show stack traces and causes' });
  for (const spec of COMMANDS) {
    // yargs runs a command's builder only when that command is named. No handler is given:
    // with one, yargs renders the whole help text on every run, just to keep it at hand (about
    // a third of its parse time); main() runs the command itself.
    const builder = (y: Argv): Argv => {
      const built = spec.builder(y);
      options = optionNames(built);
      chosen = spec.run;
      chosenSpec = spec;
      return built;
    };
    cli = cli.command(spec.command, spec.describe, builder);
  }
  cli = cli
    .demandCommand(1, 'Name a command, e.g. `talkdeck build`.')
    .strict()
    .version(version())
    .alias('h', 'help')
    .alias('v', 'version')
    .wrap(Math.min(100, process.stdout.columns || 100))
    .exitProcess(false)
    .fail((msg, err) => {
      if (err) throw err;
      usageErrors.push(msg);
    });

  skipHelpCache(cli);

  let parsed: Record<string, unknown>;
  let output = '';
  try {
    parsed = (await cli.parseAsync(argv, {}, (_err, _argv, out) => {
      output = out;
    })) as Record<string, unknown>;
  } catch (error) {
    return reportFailure(io, error, false);
  }
  if (usageErrors.length) {
    const commands = COMMANDS.map((c) => c.command.split(' ')[0]!);
    const optionsOf = (name: string): string[] => {
      const spec = COMMANDS.find((c) => c.command.split(' ')[0] === name);
      return spec ? optionNames(spec.builder(yargs([]))) : [];
    };
    const message = usageMessage({
      argv,
      messages: usageErrors,
      options: options ?? optionNames(cli),
      commands,
      commandChosen: options !== undefined,
      optionsOf,
      needs: chosenSpec?.needs,
    });
    const named = commands.find((c) => argv.includes(c));
    io.stderr.write(`talkdeck: ${message.split('\n').join('\ntalkdeck: ')}\nRun \`talkdeck ${named ? `${named} ` : ''}--help\` for usage.\n`);
    return 2;
  }
  if (output) {
    io.stdout.write(output + '\n');
    return 0;
  }
  if (!chosen) return 0;
  try {
    return await chosen({ ...io, command: chosenSpec?.command.split(' ')[0] }, parsed);
  } catch (error) {
    return reportFailure(io, error, Boolean(parsed.debug));
  }
}

function reportFailure(io: Io, error: unknown, debug: boolean): number {
  const color = useColor(io.stderr, io.env);
  if (error instanceof TalkdeckErrors) {
    printProblems(io, error.errors, debug);
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

/** Every option name and alias a yargs instance knows, without dashes. */
function optionNames(y: Argv): string[] {
  // getOptions() is public in yargs 18 but missing from @types/yargs 17.
  const { key, alias } = (y as unknown as { getOptions(): { key: Record<string, unknown>; alias: Record<string, string[]> } }).getOptions();
  return [...new Set([...Object.keys(key), ...Object.keys(alias), ...Object.values(alias).flat()])];
}

/**
 * yargs lays out the whole help text after every command, only to keep it at hand for a later
 * failure (usage.cacheHelpMessage); measuring every word of it took longer than parsing the
 * command line. main() prints its own failures and never that text, so the caching is skipped.
 * Through yargs' internal methods: should they change, this does nothing and only costs time.
 */
function skipHelpCache(cli: Argv): void {
  type Internals = { getInternalMethods?: () => { getUsageInstance?: () => { cacheHelpMessage?: () => void } } };
  const usage = (cli as unknown as Internals).getInternalMethods?.().getUsageInstance?.();
  if (usage && typeof usage.cacheHelpMessage === 'function') usage.cacheHelpMessage = () => undefined;
}
