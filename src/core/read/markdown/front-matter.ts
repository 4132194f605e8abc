/**
 * YAML front matter as reveal-md reads it (the `yaml-front-matter` package): a `---` line at the
 * very first byte, YAML, and a closing `---` line. Anything else is no front matter at all.
 */
import { TalkdeckError } from '../../base/errors.js';
import { parseSource } from '../yaml/parse.js';

export interface FrontMatter {
  data: Record<string, unknown>;
  /** The Markdown after the front matter (starting with the newline after the closing `---`). */
  body: string;
  /** 1-based line of the body's first character in the file. */
  bodyLine: number;
  /** 1-based line of each top-level key, for located messages. */
  keyLines: Map<string, number>;
  /** 1-based line of each key one level down (`revealOptions:` → `controls:`), by its parent. */
  childLines: Map<string, Map<string, number>>;
  /** Errors (YAML that does not parse) and warnings (tab indentation read as meant). */
  problems: TalkdeckError[];
}

// The same shape yaml-front-matter matches: `---`, newline, the YAML (lazily), newline, `---`.
const FRONT_MATTER = /^(-{3}(?:\n|\r)([\w\W]+?)(?:\n|\r)-{3})/;

export function splitFrontMatter(file: string, text: string): FrontMatter {
  const match = FRONT_MATTER.exec(text);
  if (!match) return { data: {}, body: text, bodyLine: 1, keyLines: new Map(), childLines: new Map(), problems: [] };
  const yaml = match[2]!;
  const body = text.slice(match[0].length);
  const bodyLine = lineCount(match[0]);
  const keyLines = new Map<string, number>();
  const childLines = new Map<string, Map<string, number>>();
  let parent: Map<string, number> | undefined;
  let childIndent: number | undefined;
  yaml.split(/\r?\n|\r/).forEach((line, i) => {
    const key = /^([A-Za-z_$][\w$-]*)\s*:/.exec(line)?.[1];
    if (key) {
      if (!keyLines.has(key)) keyLines.set(key, i + 2);
      if (!childLines.has(key)) childLines.set(key, new Map());
      [parent, childIndent] = [childLines.get(key), undefined];
      return;
    }
    const child = /^([ \t]+)([A-Za-z_$][\w$-]*)\s*:/.exec(line);
    if (!child || !parent) return;
    // Only the first level under the key: the indentation its first child has.
    childIndent ??= child[1]!.length;
    if (child[1]!.length === childIndent && !parent.has(child[2]!)) parent.set(child[2]!, i + 2);
  });
  let loaded = load(file, yaml);
  const problems: TalkdeckError[] = [];
  if ('errors' in loaded) {
    const tabbed = retryWithoutTabs(file, yaml);
    if (!tabbed) return { data: {}, body, bodyLine, keyLines, childLines, problems: frontMatterErrors(file, loaded.errors) };
    loaded = tabbed.loaded;
    problems.push(tabbed.warning);
  }
  const data = loaded.data;
  if (data === null || data === undefined) return { data: {}, body, bodyLine, keyLines, childLines, problems };
  if (typeof data !== 'object' || Array.isArray(data)) {
    problems.push(
      new TalkdeckError({
        code: 'wrong-type',
        file,
        line: 2,
        column: 1,
        message: 'The front matter must be a mapping of `key: value` lines',
        hint: 'write e.g. `title: My talk` between the two `---` lines',
      }),
    );
    return { data: {}, body, bodyLine, keyLines, childLines, problems };
  }
  return { data: data as Record<string, unknown>, body, bodyLine, keyLines, childLines, problems };
}

/**
 * The front matter read as a YAML deck is (read/yaml/parse.ts): the same schema, and the same
 * bounds on nesting and on aliases of aliases, so a front matter cannot expand without end.
 */
function load(file: string, yaml: string): { data: unknown } | { errors: TalkdeckError[] } {
  const parsed = parseSource(file, yaml);
  return parsed.errors.length ? { errors: parsed.errors } : { data: parsed.data };
}

/**
 * YAML forbids tabs in indentation, but reveal-md's parser (js-yaml 3, through yaml-front-matter)
 * lets them pass: it reads a tab-indented line as a top-level key, so a `revealOptions` block
 * indented with tabs loses its options there without a word. talkdeck reads the block as its
 * author sees it in an editor — a tab as the next stop of 4 columns (then 8, then 2, the first
 * that parses) — and says so. Only when tabs were the problem: other YAML errors stay errors.
 */
function retryWithoutTabs(file: string, yaml: string): { loaded: { data: unknown }; warning: TalkdeckError } | undefined {
  const lines = yaml.split(/\r?\n|\r/);
  const first = lines.findIndex((line) => /^[ \t]*\t[ \t]*\S/.test(line));
  if (first < 0) return undefined;
  for (const width of TAB_STOPS) {
    const loaded = load(file, lines.map((line) => expandIndentation(line, width)).join('\n'));
    if ('errors' in loaded) continue;
    return {
      loaded,
      warning: new TalkdeckError({
        code: 'yaml-syntax',
        severity: 'warning',
        file,
        // Lines count from the front matter's first line, which is the file's second.
        line: first + 2,
        column: 1,
        message: `The front matter is indented with tabs; talkdeck reads a tab as ${width} spaces, reveal-md reads tab-indented lines as top-level keys (and ignores options it finds there)`,
        hint: 'indent with spaces: YAML does not allow tabs for indentation',
      }),
    };
  }
  return undefined;
}

const TAB_STOPS = [4, 8, 2] as const;

/** A line's leading tabs as spaces up to the next multiple of `width`. */
function expandIndentation(line: string, width: number): string {
  const indent = /^[ \t]*/.exec(line)![0];
  if (!indent.includes('\t')) return line;
  let column = 0;
  for (const c of indent) column = c === '\t' ? (Math.floor(column / width) + 1) * width : column + 1;
  return ' '.repeat(column) + line.slice(indent.length);
}

/** The parser's problems as places in the file: its lines count from the front matter's first line, the file's second. */
function frontMatterErrors(file: string, errors: TalkdeckError[]): TalkdeckError[] {
  return errors.map(
    (e) =>
      new TalkdeckError({
        code: e.code,
        file,
        line: (e.line ?? 0) + 1,
        column: e.column,
        message: e.message.replace(/^YAML syntax error/, 'YAML syntax error in the front matter'),
        hint: e.hint,
      }),
  );
}

/** 1-based line number just after `text` (i.e. number of line breaks + 1). */
export function lineCount(text: string): number {
  let n = 1;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c === 10) n++;
    else if (c === 13 && text.charCodeAt(i + 1) !== 10) n++;
  }
  return n;
}
