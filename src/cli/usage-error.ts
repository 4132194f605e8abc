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
}

export function usageMessage(ctx: UsageContext): string {
  const lines: string[] = [];
  if (!ctx.commandChosen) {
    const first = ctx.argv.find((a) => !a.startsWith('-'));
    if (first !== undefined && !ctx.commands.includes(first)) lines.push(withGuess(`Unknown command \`${first}\``, suggest(first, ctx.commands), (c) => `\`${c}\``));
  }
  const long = ctx.options.filter((o) => o.length > 1 && !/[A-Z]/.test(o));
  for (const name of unknownOptions(ctx.argv, ctx.options)) {
    // `--no-forse` is `--forse` negated: guess the option, keep the `no-`.
    const negated = name.startsWith('no-') ? 'no-' : '';
    const guess = suggest(name.slice(negated.length), long);
    lines.push(withGuess(`Unknown option ${dashed(name)}`, guess && negated + guess, dashed));
  }
  return lines.length ? lines.join('\n') : ctx.messages.join('\n');
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
