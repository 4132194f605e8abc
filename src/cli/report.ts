/** How problems look on a terminal: place first, then what is wrong, the line, and the fix. */
import { readFileSync, statSync } from 'node:fs';
import { resolve } from 'node:path';
import type { TalkdeckError } from '../core/errors.js';

export interface Style {
  color: boolean;
}

const paint = (on: boolean, code: string, text: string): string => (on ? `\x1b[${code}m${text}\x1b[0m` : text);

export function formatProblem(e: TalkdeckError, style: Style, cwd: string, debug = false): string {
  const kind = e.severity === 'warning' ? paint(style.color, '33', 'warning') : paint(style.color, '31', 'error');
  const where = e.location ? `${paint(style.color, '1', e.location)}: ` : '';
  const lines = [`${where}${kind}: ${e.message}${e.path ? ` (${e.path})` : ''} [${e.code}]`];
  const frame = codeFrame(e, cwd);
  if (frame) lines.push(frame);
  if (e.hint) lines.push(`  ${paint(style.color, '36', 'hint')}: ${e.hint}`);
  if (debug && e.cause instanceof Error && e.cause.stack) lines.push(indent(e.cause.stack));
  return lines.join('\n');
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
  const caret = ' '.repeat(Math.max(0, (e.column ?? 1) - 1)) + '^';
  return `  ${e.line} | ${text.replace(/\t/g, ' ')}\n  ${' '.repeat(gutter)} | ${caret}`;
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
