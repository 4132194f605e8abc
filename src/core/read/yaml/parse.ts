/**
 * The YAML reader: a deck file (or the config file, or a Markdown deck's front matter) as data,
 * with a SourceFile that places every key path in it (yaml-document.ts), and its syntax errors.
 *
 * Two parsers, one job each: js-yaml turns a valid file into data quickly (about ten times
 * faster than a full syntax tree on large decks), and `yaml` builds the tree with source
 * positions only when a position is asked for (an error or warning) or the file does not parse.
 * Both read YAML 1.2 with the core schema, so they agree on what a value is
 * (test/source.test.ts checks that on every deck in the repository).
 *
 * A file that does not parse gets one message, at the mistake: an indentation slip is found by
 * repairing it (indentation.ts), an unclosed quote or bracket where it opens. What the parser
 * reports after its first error, and what validation would find in the part it guessed, follows
 * from that one mistake and is not reported (SyntaxProblem.spoils).
 */
import jsYaml from 'js-yaml';
import type { Alias, Document, YAMLError } from 'yaml';
import { TalkdeckError } from '../../base/errors.js';
import { SourceFile } from '../../base/source.js';
import { tooDeepAt, type Place } from './depth.js';
import { repairIndentation } from './indentation.js';
import { WHOLE_FILE, YamlDocument, type Spoiled } from './yaml-document.js';
import { load as yamlTree } from './yaml-tree.lazy.js';

export interface Parsed {
  source: SourceFile;
  /** The file's data; after a syntax error, what the parser could recover. */
  data: unknown;
  errors: SyntaxProblem[];
}

export function parseSource(file: string, text: string): Parsed {
  const yaml = new YamlDocument(text);
  const source = new SourceFile(file, text, yaml);
  // Both parsers recurse per level: a file nested too deep is refused before either runs, so
  // the answer never depends on how much stack the caller left them.
  const deep = tooDeepAt(text, MAX_DEPTH);
  if (deep) return { source, data: undefined, errors: [tooDeep(source, deep)] };
  let data: unknown;
  let errors: SyntaxProblem[] = [];
  try {
    data = jsYaml.load(text, { schema: jsYaml.CORE_SCHEMA, filename: file });
  } catch (cause) {
    // Not valid YAML: the positional parser finds where.
    const noticed = cause instanceof jsYaml.YAMLException && cause.mark ? cause.mark.line + 1 : undefined;
    ({ data, errors } = parseWithPositions(source, yaml, noticed));
  }
  // Both parsers share one object for every alias of a mapping or list, so nothing is copied
  // here; but every later step walks the data as a tree. Aliases of aliases (a "billion laughs"
  // bomb) or an alias inside its own anchor would make that walk explode or never end.
  const shape = dataShape(data, text.length);
  if (shape) return { source, data: undefined, errors: [...errors, shapeProblem(source, yaml, shape)] };
  return { source, data, errors };
}

/**
 * One syntax error: the first, where the mistake is. After it the parser recovers by guessing,
 * and what it reports next (and what validation would find in its guesses) follows from that
 * one mistake, so it is not reported: the user fixes the first and runs again.
 * `noticedAt` is the line where js-yaml gave up.
 */
function parseWithPositions(source: SourceFile, yaml: YamlDocument, noticedAt: number | undefined): { data: unknown; errors: SyntaxProblem[] } {
  let doc: Document.Parsed;
  try {
    doc = yaml.doc;
  } catch (cause) {
    if (!(cause instanceof RangeError)) throw cause;
    return { data: undefined, errors: [tooDeep(source)] };
  }
  const errors: SyntaxProblem[] = [];
  const first = [...doc.errors].sort((a, b) => a.pos[0] - b.pos[0])[0];
  if (first) errors.push(syntaxProblem(source, yaml, doc, first, noticedAt));
  let data: unknown;
  try {
    // No alias limit here: dataShape() applies the same bound to both parsers' results.
    data = doc.toJS({ maxAliasCount: -1 });
  } catch (cause) {
    // What the parser recovered cannot be turned into data (e.g. an alias to an anchor the
    // syntax error swallowed): the syntax errors say what to fix.
    if (!(cause instanceof ReferenceError || cause instanceof RangeError || cause instanceof TypeError)) throw cause;
    if (!errors.length) errors.push(cause instanceof RangeError ? tooDeep(source) : unreadable(source, cause));
    data = undefined;
  }
  return { data, errors };
}

function syntaxProblem(source: SourceFile, yaml: YamlDocument, doc: Document.Parsed, error: YAMLError, noticedAt: number | undefined): SyntaxProblem {
  // An unclosed quote or bracket is reported where the parser ran out of text; the useful place
  // is where it opens.
  const unclosed = error.code === 'MISSING_CHAR' || (error.code === 'BAD_INDENT' && /end with an? [\]}]/.test(error.message)) ? openingBefore(doc, error.pos[0]) : undefined;
  const at = yaml.positionAt(unclosed?.offset ?? error.pos[0]);
  if (unclosed) {
    return new SyntaxProblem(
      {
        code: 'yaml-syntax',
        file: source.file,
        line: at.line,
        column: at.column,
        message: unclosed.opener === 'quote' ? 'YAML syntax error: this quoted text is never closed' : `YAML syntax error: this ${unclosed.opener} is never closed`,
        hint:
          unclosed.opener === 'quote'
            ? 'add the closing quote at the end of the text, or remove the opening one'
            : `add the closing ${unclosed.opener === '[' ? '] at the end of the list' : '} at the end of the mapping'}, or put the text in quotes if the ${unclosed.opener} belongs to it`,
      },
      yaml.spoiledBy(at.offset),
    );
  }
  const repair = error.code === 'TAB_AS_INDENT' || error.code === 'DUPLICATE_KEY' ? undefined : repairIndentation(yaml.text, [at.line, ...(noticedAt ? [noticedAt] : [])]);
  if (repair) {
    const offset = yaml.lines.lineStarts[repair.line - 1]! + repair.indent;
    const moved = Math.abs(repair.needed - repair.indent);
    const spaces = `${moved} ${repair.needed > repair.indent ? 'more' : 'fewer'} space${moved === 1 ? '' : 's'}`;
    return new SyntaxProblem(
      {
        code: 'yaml-syntax',
        file: source.file,
        line: repair.line,
        column: repair.indent + 1,
        message: `YAML syntax error: this line is indented ${repair.indent} space${repair.indent === 1 ? '' : 's'}, but the lines it belongs with are indented ${repair.needed}${repair.like ? ` (see line ${repair.like})` : ''}`,
        hint: `indent it${repair.withBlock ? ' and the lines under it' : ''} by ${spaces}; YAML reads what belongs together from the indentation, so the items of a list, and the keys of a block, start at the same column`,
      },
      yaml.spoiledBy(Math.min(offset, at.offset)),
    );
  }
  // Some errors are placed at the start of a line: the mistake is where its text begins.
  const lineText = yaml.text.slice(at.offset - at.column + 1).split('\n', 1)[0]!;
  const indent = /^ */.exec(lineText)![0].length;
  const column = at.column <= indent && indent < lineText.trimEnd().length ? indent + 1 : at.column;
  return new SyntaxProblem(
    {
      code: 'yaml-syntax',
      file: source.file,
      line: at.line,
      column,
      message: `YAML syntax error: ${firstLine(error.message)}`,
      hint: yamlHint(error.code),
    },
    yaml.spoiledBy(at.offset),
  );
}

/**
 * How many more values than the file has characters its aliases may add once written out.
 * Without aliases a file has fewer values than characters; a deck that repeats a few blocks
 * stays far below this, while aliases of aliases (ten of ten of ten …) exceed it at once.
 */
export const ALIAS_ALLOWANCE = 20_000;
/** Deeper than any deck's points (the schema's points nest a few levels) and far from the stack's end. */
export const MAX_DEPTH = 200;

type Shape = { kind: 'cycle' } | { kind: 'expansion'; limit: number } | { kind: 'depth' };

/**
 * Walks the parsed data once, without recursion, sharing the count of every object met twice.
 * Returns what is wrong with its shape: a cycle, more values than the limit once aliases are
 * expanded, or nesting deeper than MAX_DEPTH.
 */
function dataShape(data: unknown, textLength: number): Shape | undefined {
  if (data === null || typeof data !== 'object') return undefined;
  const limit = ALIAS_ALLOWANCE + textLength;
  const sizes = new Map<object, number>();
  const open = new Set<object>();
  type Frame = { node: object; children: unknown[]; next: number; size: number };
  const frame = (node: object): Frame => ({ node, children: Object.values(node), next: 0, size: 1 });
  const stack: Frame[] = [frame(data)];
  open.add(data);
  while (stack.length) {
    const top = stack[stack.length - 1]!;
    if (top.next < top.children.length) {
      const child = top.children[top.next++];
      if (child === null || typeof child !== 'object') {
        top.size++;
        continue;
      }
      if (open.has(child)) return { kind: 'cycle' };
      const known = sizes.get(child);
      if (known !== undefined) {
        top.size += known;
        if (top.size > limit) return { kind: 'expansion', limit };
        continue;
      }
      if (stack.length >= MAX_DEPTH) return { kind: 'depth' };
      open.add(child);
      stack.push(frame(child));
      continue;
    }
    stack.pop();
    open.delete(top.node);
    sizes.set(top.node, top.size);
    const parent = stack[stack.length - 1];
    if (parent) {
      parent.size += top.size;
      if (parent.size > limit) return { kind: 'expansion', limit };
    }
  }
  return undefined;
}

function shapeProblem(source: SourceFile, yaml: YamlDocument, shape: Shape): SyntaxProblem {
  if (shape.kind === 'depth') return tooDeep(source);
  const alias = shape.kind === 'cycle' ? selfAlias(yaml) : firstNestedAlias(yaml);
  const pos = yaml.positionAt(alias?.range?.[0] ?? 0);
  const name = alias ? `\`*${alias.source}\`` : 'an alias';
  return new SyntaxProblem(
    {
      code: 'yaml-alias',
      file: source.file,
      line: pos.line,
      column: pos.column,
      message:
        shape.kind === 'cycle'
          ? `YAML alias ${name} refers to the block it is inside, so the deck would never end`
          : `YAML aliases expand this file to more than ${shape.limit.toLocaleString('en')} values (aliases of aliases, starting with ${name})`,
      hint:
        shape.kind === 'cycle'
          ? 'an alias (*name) may only repeat a block defined earlier (&name), not one that contains it; write the inner part out'
          : 'write the repeated content out, or repeat it with fewer nested aliases',
    },
    // The whole file: nothing is validated from data that was not read.
    WHOLE_FILE,
  );
}

function tooDeep(source: SourceFile, at: Place = { line: 1, column: 1 }): SyntaxProblem {
  return new SyntaxProblem(
    {
      code: 'yaml-syntax',
      file: source.file,
      line: at.line,
      column: at.column,
      message: `The file nests lists or mappings more than ${MAX_DEPTH} levels deep`,
      hint: 'a deck needs a few levels (slides, points, sub-points); check for unclosed [ or { brackets',
    },
    WHOLE_FILE,
  );
}

function unreadable(source: SourceFile, cause: Error): SyntaxProblem {
  return new SyntaxProblem(
    {
      code: 'yaml-syntax',
      file: source.file,
      line: 1,
      column: 1,
      message: `The file cannot be read as YAML data: ${firstLine(cause.message)}`,
      hint: 'check the aliases (*name) and anchors (&name), and quote text that starts with * or &',
      cause,
    },
    WHOLE_FILE,
  );
}

/** The first alias that sits inside the block its anchor names. */
function selfAlias(yaml: YamlDocument): Alias | undefined {
  const { visit } = yamlTree();
  let found: Alias | undefined;
  const doc = yaml.doc;
  visit(doc, {
    Alias(_key, node) {
      const target = node.resolve(doc);
      const at = node.range?.[0];
      if (target?.range && at !== undefined && target.range[0] <= at && at < target.range[2]) {
        found = node;
        return visit.BREAK;
      }
      return undefined;
    },
  });
  return found;
}

/** The first alias of a mapping or list that itself holds an alias: where expansion multiplies. */
function firstNestedAlias(yaml: YamlDocument): Alias | undefined {
  const { visit, isCollection } = yamlTree();
  let first: Alias | undefined;
  let nested: Alias | undefined;
  const doc = yaml.doc;
  visit(doc, {
    Alias(_key, node) {
      first ??= node;
      const target = node.resolve(doc);
      let inner = false;
      if (isCollection(target)) visit(target, { Alias: () => ((inner = true), visit.BREAK) });
      if (inner) {
        nested = node;
        return visit.BREAK;
      }
      return undefined;
    },
  });
  return nested ?? first;
}

/** A syntax error and what it spoils: what the parser recovered there is a guess. */
export class SyntaxProblem extends TalkdeckError {
  constructor(
    init: ConstructorParameters<typeof TalkdeckError>[0],
    /** Whether a problem found at a place (line, column) may come from the parser's guess. */
    readonly spoils: Spoiled,
  ) {
    super(init);
  }
}

/** The quoted text, or the flow list or mapping, that is open at `offset`: where it starts. */
function openingBefore(doc: Document.Parsed, offset: number): { offset: number; opener: 'quote' | '[' | '{' } | undefined {
  const { visit } = yamlTree();
  let found: { offset: number; opener: 'quote' | '[' | '{' } | undefined;
  const open = (node: { range?: [number, number, number] | null | undefined }): boolean => {
    const [start, end] = node.range ?? [0, 0];
    return start < offset && end >= offset;
  };
  visit(doc, {
    Scalar(_key, node) {
      if ((node.type === 'QUOTE_DOUBLE' || node.type === 'QUOTE_SINGLE') && open(node)) found = { offset: node.range![0], opener: 'quote' };
    },
    Seq(_key, node) {
      if (node.flow && open(node)) found = { offset: node.range![0], opener: '[' };
    },
    Map(_key, node) {
      if (node.flow && open(node)) found = { offset: node.range![0], opener: '{' };
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
