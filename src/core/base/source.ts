/**
 * A deck file that still knows where every value came from, so every later step can report
 * `file:line:column` for a key path of the deck data. How a path maps to a place is the
 * reader's business (a YAML syntax tree, a Markdown deck's slide lines): each reader hands in
 * its own Locator.
 */
import { TalkdeckError } from './errors.js';

export type KeyPath = readonly (string | number)[];

export interface Position {
  line: number;
  column: number;
  /** Byte offset into the text (0 where the reader does not know it). */
  offset: number;
}

/** How a reader points a key path of the deck data it made back into its file. */
export interface Locator {
  /**
   * Where a key path points. `key: true` asks for the key itself (for "unknown key" errors);
   * for a path that does not exist, the nearest existing ancestor.
   */
  locate(path: KeyPath, opts?: { key?: boolean }): Position;
  /** The line where a multi-line text value's content starts (lines inside it count from there). */
  contentLine(path: KeyPath): number;
  /**
   * The file line of line `line` (1-based) of a multi-line text value, when it is not simply
   * counted from `contentLine` (text a reader appended, such as a Marp page's footer).
   */
  lineIn?(path: KeyPath, line: number): number;
}

export class SourceFile {
  constructor(
    /** Path as shown to the user (relative to the working directory). */
    readonly file: string,
    readonly text: string,
    readonly locator: Locator,
  ) {}
}

export function locate(source: SourceFile, path: KeyPath, opts: { key?: boolean } = {}): Position {
  return source.locator.locate(path, opts);
}

export function contentLine(source: SourceFile, path: KeyPath): number {
  return source.locator.contentLine(path);
}

/** The file line of line `line` (1-based) of the multi-line text value at `path`. */
export function lineInValue(source: SourceFile, path: KeyPath, line: number): number {
  return source.locator.lineIn?.(path, line) ?? contentLine(source, path) + line - 1;
}

/** `slides[3].left.points[0]` */
export function formatPath(path: KeyPath): string {
  let out = '';
  for (const seg of path) out += typeof seg === 'number' ? `[${seg}]` : out ? `.${seg}` : seg;
  return out;
}

export function errorAt(
  source: SourceFile,
  path: KeyPath,
  init: Omit<ConstructorParameters<typeof TalkdeckError>[0], 'file' | 'line' | 'column' | 'path'>,
  opts: { key?: boolean } = {},
): TalkdeckError {
  const pos = locate(source, path, opts);
  return new TalkdeckError({ ...init, file: source.file, line: pos.line, column: pos.column, path: formatPath(path) });
}
