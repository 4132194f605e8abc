/** How problems look on a terminal: place first, then what is wrong, the line, and the fix. */
import { readFileSync, statSync } from 'node:fs';
import { resolve } from 'node:path';
import type { TalkdeckError } from '../core/base/errors.js';
import type { Io, Output } from './io.js';

export interface Style {
  color: boolean;
}

const paint = (on: boolean, code: string, text: string): string => (on ? `\x1b[${code}m${text}\x1b[0m` : text);

/**
 * Every part of a problem that may hold deck text (place, message, key path, hint, the source
 * line) goes through terminalSafe(), so a deck cannot send escape sequences to the terminal.
 */
export function formatProblem(e: TalkdeckError, style: Style, cwd: string, debug = false): string {
  const safe = (text: string): string => terminalSafe(text, { multiline: false });
  const kind = e.severity === 'warning' ? paint(style.color, '33', 'warning') : paint(style.color, '31', 'error');
  const where = e.location ? `${paint(style.color, '1', safe(e.location))}: ` : '';
  const lines = [`${where}${kind}: ${safe(e.message)}${e.path ? ` (${safe(e.path)})` : ''} [${e.code}]`];
  const frame = codeFrame(e, cwd);
  if (frame) lines.push(frame);
  if (e.hint) lines.push(`  ${paint(style.color, '36', 'hint')}: ${safe(e.hint)}`);
  if (debug && e.cause instanceof Error && e.cause.stack) lines.push(indent(terminalSafe(e.cause.stack)));
  return lines.join('\n');
}

/** Problems printed per deck (or per list); the rest are counted. `--format json` keeps them all. */
export const MAX_PRINTED = 50;

/** Prints at most MAX_PRINTED problems and says how many more there are. */
export function printProblems(io: Io, problems: readonly TalkdeckError[], debug: boolean, limit = MAX_PRINTED): void {
  const color = useColor(io.stderr, io.env);
  for (const p of problems.slice(0, limit)) io.stderr.write(formatProblem(p, { color }, io.cwd, debug) + '\n');
  const rest = problems.length - limit;
  if (rest > 0) {
    io.stderr.write(`… and ${rest} more problem${rest === 1 ? '' : 's'} not shown (talkdeck check --format json lists them all)\n`);
  }
}

/**
 * Control characters from a deck made visible instead of obeyed: `\x1b`, `\x07`, `\r` … for
 * C0 and DEL, `\u009b` for C1 controls and `\u202e` for the bidirectional overrides that can
 * make a line read differently from what it says. Line feeds and tabs stay unless
 * `multiline: false`. `keepColors` leaves talkdeck's own colour codes and progress-line clearing
 * alone (OWN_SEQUENCE); it is for whole output streams, after deck text in them has been made safe.
 * The `\u` forms are also valid JSON escapes of the same character, so `--format json` output
 * stays JSON that parses to the same values.
 */
export function terminalSafe(text: string, opts: { multiline?: boolean; keepColors?: boolean } = {}): string {
  const multiline = opts.multiline ?? true;
  return text.replace(UNSAFE, (c: string, offset: number) => {
    if (multiline && (c === '\n' || c === '\t')) return c;
    if (opts.keepColors && OWN_SEQUENCE.test(text.slice(offset, offset + 16))) return c;
    const code = c.charCodeAt(0);
    if (code < 0x20 || code === 0x7f) return `\\x${code.toString(16).padStart(2, '0')}`;
    return `\\u${code.toString(16).padStart(4, '0')}`;
  });
}

// C0 controls, DEL, C1 controls, and the bidirectional marks, embeddings, overrides and isolates.
const UNSAFE = /[\u0000-\u001f\u007f-\u009f\u061c\u200e\u200f\u202a-\u202e\u2066-\u2069]/g;

/** What talkdeck itself writes: colours (SGR `\x1b[…m`) and the progress line's `\r\x1b[K`. */
const OWN_SEQUENCE = /^(\x1b\[[0-9;]*[mK]|\r\x1b\[K)/;

/**
 * A status line (`✓ deck: 3 slides → dist/deck/index.html`): the template's own text as written,
 * every value put into it on one line with its control characters shown as escapes. The values
 * are names from the disk — a deck's folder, an output path — and a folder name may hold ESC or a
 * line feed, which the stream filter below would let through as colour or a new line.
 */
export function status(strings: TemplateStringsArray, ...values: unknown[]): string {
  return strings.reduce((out, text, i) => out + text + (i < values.length ? terminalSafe(String(values[i]), { multiline: false }) : ''), '');
}

/** An output stream whose every write is made terminal-safe, keeping talkdeck's own colours. */
export function safeOutput(out: Output): Output {
  return {
    isTTY: out.isTTY,
    write: (text: string) => out.write(terminalSafe(text, { keepColors: true })),
  };
}

/** Lines of files shown in frames; `talkdeck serve` reports on the same file as it changes, so an entry holds while size, mtime and inode do. */
const fileCache = new Map<string, { signature: string; lines: string[] }>();

function sourceLines(path: string): string[] | undefined {
  try {
    const st = statSync(path);
    const signature = `${st.size}:${st.mtimeMs}:${st.ino}`;
    const cached = fileCache.get(path);
    if (cached?.signature === signature) return cached.lines;
    const lines = readFileSync(path, 'utf8').split(/\r?\n/);
    fileCache.set(path, { signature, lines });
    return lines;
  } catch {
    return undefined;
  }
}

function codeFrame(e: TalkdeckError, cwd: string): string | undefined {
  if (!e.file || !e.line) return undefined;
  const text = sourceLines(resolve(cwd, e.file))?.[e.line - 1];
  if (text === undefined) return undefined;
  const gutter = String(e.line).length;
  const shown = (part: string): string => terminalSafe(part.replace(/\t/g, ' '), { multiline: false });
  // The caret stands under the column even when escapes before it widened the line.
  const caret = ' '.repeat(shown(text.slice(0, Math.max(0, (e.column ?? 1) - 1))).length) + '^';
  return `  ${e.line} | ${shown(text)}\n  ${' '.repeat(gutter)} | ${caret}`;
}

function indent(text: string): string {
  return text
    .split('\n')
    .map((l) => `    ${l}`)
    .join('\n');
}

/** Colour only on a terminal, and never when NO_COLOR is set (https://no-color.org). */
export function useColor(stream: { isTTY?: boolean }, env: Record<string, string | undefined>): boolean {
  if (env.NO_COLOR !== undefined && env.NO_COLOR !== '') return false;
  if (env.FORCE_COLOR !== undefined && env.FORCE_COLOR !== '0') return true;
  return Boolean(stream.isTTY);
}
