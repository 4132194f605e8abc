/**
 * A parsed deck file that still knows where every value came from, so later steps can report
 * `file:line:column` for any key path.
 *
 * Two parsers, one job each: js-yaml turns a valid file into data quickly (about ten times
 * faster than a full syntax tree on large decks), and `yaml` builds the tree with source
 * positions only when a position is asked for (an error or warning) or the file does not parse.
 * Both read YAML 1.2 with the core schema, so they agree on what a value is
 * (test/source.test.ts checks that on every deck in the repository).
 */
import jsYaml from 'js-yaml';
import { LineCounter, parseDocument, isMap, isSeq, isScalar, isPair, visit, type Document, type Node } from 'yaml';
import { TalkdeckError } from './errors.js';

export type KeyPath = readonly (string | number)[];

export class SourceFile {
  #doc: Document.Parsed | undefined;
  #lines: LineCounter | undefined;

  constructor(
    /** Path as shown to the user (relative to the working directory). */
    readonly file: string,
    readonly text: string,
    /**
     * For deck files that are not YAML (Markdown decks): where a key path of the deck data the
     * reader made points in the file. YAML decks leave it out and are located by their tree.
     */
    readonly locator?: (path: KeyPath) => { line: number; column: number },
  ) {}

  /** The syntax tree with positions, built on first use. */
  get doc(): Document.Parsed {
    if (!this.#doc) {
      this.#lines = new LineCounter();
      this.#doc = parseDocument(this.text, { lineCounter: this.#lines, prettyErrors: false, uniqueKeys: true });
    }
    return this.#doc;
  }

  get lines(): LineCounter {
    void this.doc;
    return this.#lines!;
  }
}

export interface Position {
  line: number;
  column: number;
  /** Byte offset into the text. */
  offset: number;
}

export interface Parsed {
  source: SourceFile;
  /** The file's data; after a syntax error, what the parser could recover. */
  data: unknown;
  errors: SyntaxProblem[];
}

export function parseSource(file: string, text: string): Parsed {
  const source = new SourceFile(file, text);
  try {
    return { source, data: jsYaml.load(text, { schema: jsYaml.CORE_SCHEMA, filename: file }), errors: [] };
  } catch {
    // Not valid YAML: the positional parser reports every problem, not just the first.
  }
  const doc = source.doc;
  const errors = doc.errors.map((e) => {
    // An unclosed quote is reported where the file ends; the useful place is the opening quote.
    const opening = e.code === 'MISSING_CHAR' ? openingQuoteBefore(doc, e.pos[0]) : undefined;
    const pos = positionAt(source, opening ?? e.pos[0]);
    const end = positionAt(source, e.pos[0]);
    return new SyntaxProblem(
      {
        code: 'yaml-syntax',
        file,
        line: pos.line,
        column: pos.column,
        message:
          opening === undefined
            ? `YAML syntax error: ${firstLine(e.message)}`
            : 'YAML syntax error: this quoted text is never closed',
        hint: opening === undefined ? yamlHint(e.code) : 'add the closing quote at the end of the text, or remove the opening one',
      },
      [pos.line, end.line],
    );
  });
  return { source, data: doc.toJS({ maxAliasCount: 100 }), errors };
}

/** A syntax error and the lines it spoils: what the parser recovered there is a guess. */
export class SyntaxProblem extends TalkdeckError {
  constructor(
    init: ConstructorParameters<typeof TalkdeckError>[0],
    readonly lines: [number, number],
  ) {
    super(init);
  }
}

function openingQuoteBefore(doc: Document.Parsed, offset: number): number | undefined {
  let found: number | undefined;
  visit(doc, {
    Scalar(_key, node) {
      const [start, end] = node.range ?? [0, 0];
      if ((node.type === 'QUOTE_DOUBLE' || node.type === 'QUOTE_SINGLE') && start < offset && end >= offset) found = start;
    },
  });
  return found;
}

function firstLine(message: string): string {
  return message.split('\n')[0]!.replace(/ at line \d+, column \d+:?$/, '');
}

function yamlHint(code: string): string {
  switch (code) {
    case 'DUPLICATE_KEY':
      return 'each key may appear once per block; remove or rename one of them';
    case 'BAD_INDENT':
    case 'MISSING_CHAR':
    case 'UNEXPECTED_TOKEN':
      return 'check the indentation and that every list item starts with "- " and every key ends with ":"';
    case 'MULTILINE_IMPLICIT_KEY':
      return 'a key must fit on one line; a value containing ": " or starting with a quote needs quotes around all of it';
    case 'BAD_SCALAR_START':
      return 'text that starts with a special character (@, `, %, *, &, !, |, >) must be quoted';
    case 'TAB_AS_INDENT':
      return 'YAML indents with spaces only; replace the tab';
    default:
      return 'quote text that contains ": " or starts with a special character, and check the indentation';
  }
}

export function positionAt(source: SourceFile, offset: number): Position {
  const { line, col } = source.lines.linePos(offset);
  return { line, column: col, offset };
}

/**
 * Where a key path points. `key: true` asks for the key itself (for "unknown key" errors);
 * for a path that does not exist, the nearest existing ancestor is returned.
 */
export function locate(source: SourceFile, path: KeyPath, opts: { key?: boolean } = {}): Position {
  if (source.locator) return { ...source.locator(path), offset: 0 };
  let node: Node | null | undefined = source.doc.contents as Node | null;
  let best = node?.range?.[0] ?? 0;
  for (let i = 0; i < path.length; i++) {
    const seg = path[i]!;
    const last = i === path.length - 1;
    if (isMap(node)) {
      const pair = node.items.find((p) => isPair(p) && isScalar(p.key) && String(p.key.value) === String(seg));
      if (!pair) break;
      const keyNode = pair.key as Node;
      if (last && opts.key) {
        best = keyNode.range?.[0] ?? best;
        node = null;
        break;
      }
      node = pair.value as Node | null;
      best = node?.range?.[0] ?? keyNode.range?.[0] ?? best;
    } else if (isSeq(node) && typeof seg === 'number') {
      const item = node.items[seg] as Node | undefined;
      if (!item) break;
      node = item;
      best = item.range?.[0] ?? best;
    } else {
      break;
    }
  }
  return positionAt(source, best);
}

/**
 * The line where a multi-line text value's content starts: the line after a block scalar's
 * `|` or `>`, else the value's own line. Lines inside the value count from there.
 */
export function contentLine(source: SourceFile, path: KeyPath): number {
  const pos = locate(source, path);
  if (source.locator) return pos.line;
  return /^[|>]/.test(source.text.slice(pos.offset, pos.offset + 1)) ? pos.line + 1 : pos.line;
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
