/**
 * What a user mistyped on the command line, in their own spelling: `--forse` with its dashes and
 * a did-you-mean (`--force`), `biuld` as an unknown command (`build`). yargs finds the mistakes;
 * its wording ("Unknown arguments: forse, singel-file, singelFile") drops the dashes and lists
 * a camelCase twin of every option, so the message is made here from the words typed.
 */
import { suggest } from '../core/base/suggest.js';

export interface UsageContext {
  argv: readonly string[];
  /** yargs' own messages, in the order it gave them. */
  messages: readonly string[];
  /** Option names (and aliases) the chosen command knows, without dashes. */
  options: readonly string[];
  commands: readonly string[];
  /** Whether argv named a known command. */
  commandChosen: boolean;
  /** The options of a command by name: after a misspelt command, its guess's options are checked. */
  optionsOf?: ((command: string) => readonly string[]) | undefined;
  /** What the chosen command needs when its required argument is missing, e.g. "the Markdown deck to import …". */
  needs?: string | undefined;
}

export function usageMessage(ctx: UsageContext): string {
  const lines: string[] = [];
  let options = ctx.options;
  if (!ctx.commandChosen) {
    const first = ctx.argv.find((a) => !a.startsWith('-'));
    if (first !== undefined && !ctx.commands.includes(first)) {
      const guess = suggest(first, ctx.commands);
      lines.push(withGuess(`Unknown command \`${first}\``, guess, (c) => `\`${c}\``));
      // `buidl --sinlge-file`: the options are checked against the command meant.
      if (guess && ctx.optionsOf) options = [...new Set([...options, ...ctx.optionsOf(guess)])];
    }
  }
  const long = options.filter((o) => o.length > 1 && !/[A-Z]/.test(o));
  for (const name of unknownOptions(ctx.argv, options)) {
    // `--no-forse` is `--forse` negated: guess the option, keep the `no-`.
    const negated = name.startsWith('no-') ? 'no-' : '';
    const bare = name.slice(negated.length);
    // The start of a longer name (`--single` for `--single-file`), or a typo: a start is the
    // surer sign (`--single` is also two letters from `--since`).
    const guess = onlyStartingWith(bare, long) ?? suggest(bare, long);
    lines.push(withGuess(`Unknown option ${dashed(name)}`, guess && negated + guess, dashed));
  }
  if (!lines.length && ctx.needs && ctx.messages.some((m) => /^Missing required argument/.test(m))) {
    // yargs says it twice ("Not enough non-option arguments", "Missing required argument: deck").
    const command = ctx.argv.find((a) => ctx.commands.includes(a));
    return `talkdeck ${command ?? ''} needs ${ctx.needs}`.replace(/ {2,}/g, ' ');
  }
  return lines.length ? lines.join('\n') : ctx.messages.join('\n');
}

/** The one name that starts with what was typed (at least three letters of it), if exactly one does. */
function onlyStartingWith(typed: string, names: readonly string[]): string | undefined {
  if (typed.length < 3) return undefined;
  const matches = names.filter((n) => n.startsWith(typed));
  return matches.length === 1 ? matches[0] : undefined;
}

/** The option names in argv (up to `--`) that are not among the known ones, as typed. */
export function unknownOptions(argv: readonly string[], known: readonly string[]): string[] {
  const names: string[] = [];
  for (const arg of argv) {
    if (arg === '--') break;
    if (/^--[^-]/.test(arg)) names.push(arg.slice(2).split('=')[0]!);
    else if (/^-[^-\d]/.test(arg)) names.push(...arg.slice(1).split('=')[0]!);
  }
  const isKnown = (n: string): boolean => known.includes(n) || (n.startsWith('no-') && known.includes(n.slice(3)));
  return [...new Set(names.filter((n) => !isKnown(n)))];
}

const dashed = (name: string): string => (name.length === 1 ? `-${name}` : `--${name}`);
const withGuess = (text: string, guess: string | undefined, show: (g: string) => string): string => (guess ? `${text}; did you mean ${show(guess)}?` : text);
