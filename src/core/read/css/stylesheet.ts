/**
 * The deck's own CSS (`style.css` next to deck.yaml, and the local files it `@import`s) under the
 * resource rule (core/base/resources.ts): every `url()`, `@import` and `image-set()` must name a file
 * of the deck folder. Those files are copied into the output's `assets/` folder beside the CSS, so
 * the CSS is copied unchanged and its relative references still work; a remote URL is kept and
 * handed on for the `remote-resource` rule; anything else is an error at the CSS file's line and
 * column. Loaded only for decks that have a style.css.
 */
import postcss, { CssSyntaxError, type Root } from 'postcss';
import valueParser from 'postcss-value-parser';
import { TalkdeckError } from '../../base/errors.js';
import { checkReference, isLocal, isRefusal } from '../../base/resources.js';

export interface StylesheetInput {
  /** The first stylesheet, relative to the deck folder (`style.css`). */
  entry: string;
  /** The deck folder as shown to the user (`content/x`), for error places. */
  shownDir: string;
  exists: (relativePath: string) => boolean;
  /** Reads a file of the deck folder as text; only called for paths `exists` accepted. */
  read: (relativePath: string) => string;
}

export interface StylesheetCheck {
  /** Deck files the CSS needs in the output (the stylesheets themselves included), relative to the deck folder. */
  files: string[];
  errors: TalkdeckError[];
  /** Remote files the CSS loads, at their place (for the `remote-resource` rule). */
  remote: { url: string; what: string; file: string; line: number; column: number }[];
}

/** Functions whose arguments the browser loads: `url(x)`, `src("x")`, strings in `image-set()`. */
const LOADING_FUNCTIONS = /^(url|src)$/i;
const IMAGE_SET = /^(-webkit-)?image-set$/i;

export function checkStylesheets(input: StylesheetInput): StylesheetCheck {
  const files: string[] = [];
  const errors: TalkdeckError[] = [];
  const remote: StylesheetCheck['remote'] = [];
  const queue = [input.entry];
  while (queue.length) {
    const file = queue.shift()!;
    if (files.includes(file)) continue; // an @import cycle, or the same file twice
    files.push(file);
    const shown = `${input.shownDir}/${file}`;
    const base = file.includes('/') ? file.slice(0, file.lastIndexOf('/')) : '';
    let root: Root;
    try {
      root = postcss.parse(input.read(file), { from: shown });
    } catch (cause) {
      if (cause instanceof TalkdeckError) {
        errors.push(cause); // could not be read
        continue;
      }
      if (!(cause instanceof CssSyntaxError)) throw cause;
      errors.push(
        new TalkdeckError({
          code: 'stylesheet',
          file: shown,
          line: cause.line,
          column: cause.column,
          message: `CSS syntax error: ${cause.reason}`,
          hint: 'check that every { has its } and every string and comment is closed',
          cause,
        }),
      );
      continue;
    }

    const check = (ref: string, at: { line: number; column: number }, what: string): void => {
      const checked = checkReference(ref, { base, allowEmbedded: true, exists: input.exists });
      if (isRefusal(checked) && checked.code === 'remote-resource') {
        remote.push({ url: ref.trim(), what: what, file: shown, line: at.line, column: at.column });
      } else if (isRefusal(checked)) {
        errors.push(
          new TalkdeckError({ code: checked.code, file: shown, line: at.line, column: at.column, message: `${what} \`${ref}\` ${checked.reason}`, hint: checked.hint }),
        );
      } else if (isLocal(checked)) {
        if (what === '@import') queue.push(checked.path);
        else if (!files.includes(checked.path)) files.push(checked.path);
      }
    };
    /** Every loaded reference in a value; `text` is what precedes the value in the node's source. */
    const scan = (value: string, start: { line: number; column: number } | undefined, lead: string, importing: boolean): void => {
      const parsed = valueParser(value);
      const place = (index: number): { line: number; column: number } => advance(start ?? { line: 1, column: 1 }, lead + value.slice(0, index));
      if (importing) {
        const first = parsed.nodes.find((n) => n.type !== 'space' && n.type !== 'comment');
        if (first?.type === 'string') check(first.value, place(first.sourceIndex), '@import');
        else if (first?.type === 'function' && LOADING_FUNCTIONS.test(first.value)) {
          check(urlOf(first), place(first.sourceIndex), '@import');
          return;
        }
      }
      parsed.walk((node) => {
        if (node.type !== 'function') return;
        if (LOADING_FUNCTIONS.test(node.value)) {
          check(urlOf(node), place(node.sourceIndex), 'url()');
          return false;
        }
        if (IMAGE_SET.test(node.value)) {
          for (const arg of node.nodes) if (arg.type === 'string') check(arg.value, place(arg.sourceIndex), 'image-set()');
        }
        return undefined;
      });
    };
    root.walk((node) => {
      if (node.type === 'decl') {
        const value = node.raws.value?.raw ?? node.value;
        if (/\b(url|src|image-set)\(/i.test(value)) scan(value, node.source?.start, node.prop + (node.raws.between ?? ':'), false);
      } else if (node.type === 'atrule') {
        const name = node.name.toLowerCase();
        // `@namespace url(…)` names a namespace; nothing is loaded.
        if (name === 'namespace') return;
        const params = node.raws.params?.raw ?? node.params;
        const lead = `@${node.name}${node.raws.afterName ?? ' '}`;
        if (name === 'import' || /\b(url|src|image-set)\(/i.test(params)) scan(params, node.source?.start, lead, name === 'import');
      }
    });
  }
  return { files, errors, remote };
}

/** The argument of `url(x)` / `url("x")`. */
function urlOf(node: valueParser.FunctionNode): string {
  const arg = node.nodes.find((n) => n.type !== 'space');
  return arg ? arg.value : '';
}

/** The position after reading `text` from `from`. */
function advance(from: { line: number; column: number }, text: string): { line: number; column: number } {
  const lines = text.split('\n');
  if (lines.length === 1) return { line: from.line, column: from.column + text.length };
  return { line: from.line + lines.length - 1, column: lines.at(-1)!.length + 1 };
}
