/**
 * Every place in CSS text where the browser loads a file: `url()` and `src()` (in any property,
 * `@font-face` included), the strings of `image-set()`, `image()` and `cross-fade()`, and
 * `@import`. One scanner for the deck's style sheets (read/css/stylesheet.ts) and for CSS in
 * free Markdown (`style=""`, `<style>`, CSS-valued attributes): the resource rule
 * (resources.ts) then judges each reference, and the caller may rewrite it in place.
 *
 * What cannot be judged is reported instead of guessed at: a CSS escape that spells a loading
 * function or `@import` (`u\72 l(/x)` is `url(/x)` to a browser, not to a value parser) and a
 * `var()` inside `image-set()` & co. (a custom property's string becomes a URL there).
 */
import postcss, { CssSyntaxError, type AtRule, type Declaration } from 'postcss';
import valueParser from 'postcss-value-parser';

export interface CssPlace {
  /** 1-based, in the CSS text. */
  line: number;
  column: number;
}

export interface CssReference extends CssPlace {
  /** What names it, for messages: `url()`, `@import`, `image-set()`. */
  what: string;
  url: string;
  /** An `@import`: the target is a style sheet. */
  importing: boolean;
  /** Inside `@font-face`: a font (a `data:` font loads nothing either). */
  font: boolean;
  /** Writes another URL in its place; `text()` then gives the changed CSS. */
  replace(url: string): void;
  /** Removes the declaration or at-rule that holds it. */
  remove(): void;
}

export interface CssUnreadable extends CssPlace {
  message: string;
  hint: string;
}

export interface CssScan {
  references: CssReference[];
  unreadable: CssUnreadable[];
  /** The CSS with every `replace()` applied. */
  text(): string;
}

/** Functions whose argument is loaded. */
const URL_FUNCTIONS = /^(url|src)$/i;
/** Functions whose string arguments are URLs, and which may hold `url()` too. */
const IMAGE_FUNCTIONS = /^(-webkit-)?(image-set|image|cross-fade)$/i;
/** Any loading function, as a browser reads it once escapes are undone. */
const LOADING = /(?:^|[^\w-])(?:url|src|(?:-webkit-)?(?:image-set|image|cross-fade))\s*\(/i;

/** The CSS text's references; throws postcss's CssSyntaxError for text that does not parse. */
export function cssReferences(css: string, from?: string): CssScan {
  const root = postcss.parse(css, from === undefined ? {} : { from });
  const references: CssReference[] = [];
  const unreadable: CssUnreadable[] = [];
  root.walk((node) => {
    if (node.type === 'decl') scanDeclaration(node, references, unreadable);
    else if (node.type === 'atrule') scanAtRule(node, references, unreadable);
  });
  return { references, unreadable, text: () => root.toString() };
}

/** Whether postcss could not parse the text, with its place (for callers that report it). */
export function syntaxError(error: unknown): (CssPlace & { reason: string }) | undefined {
  return error instanceof CssSyntaxError ? { line: error.line ?? 1, column: error.column ?? 1, reason: error.reason } : undefined;
}

function scanDeclaration(node: Declaration, references: CssReference[], unreadable: CssUnreadable[]): void {
  const value = node.raws.value?.raw ?? node.value;
  const lead = node.prop + (node.raws.between ?? ':');
  const font = node.parent?.type === 'atrule' && unescape((node.parent as AtRule).name).toLowerCase() === 'font-face';
  scanValue(value, place(node, lead), { importing: false, font, node }, references, unreadable, (text) => {
    node.value = text;
    delete node.raws.value;
  });
}

function scanAtRule(node: AtRule, references: CssReference[], unreadable: CssUnreadable[]): void {
  const name = unescape(node.name).toLowerCase();
  // `@namespace url(…)` names a namespace; nothing is loaded.
  if (name === 'namespace') return;
  const params = node.raws.params?.raw ?? node.params;
  const at = place(node, `@${node.name}${node.raws.afterName ?? ' '}`);
  if (name === 'import' && node.name.includes('\\')) {
    unreadable.push(escaped(at(0), `@${node.name}`));
    return;
  }
  scanValue(params, at, { importing: name === 'import', font: false, node }, references, unreadable, (text) => {
    node.params = text;
    delete node.raws.params;
  });
}

/** The place of an index into a node's value, given the text that precedes the value in the node. */
function place(node: Declaration | AtRule, lead: string): (index: number) => CssPlace {
  const start = node.source?.start ?? { line: 1, column: 1 };
  const value = 'value' in node ? (node.raws.value?.raw ?? node.value) : (node.raws.params?.raw ?? node.params);
  return (index) => advance(start, lead + value.slice(0, index));
}

function scanValue(
  value: string,
  at: (index: number) => CssPlace,
  { importing, font, node: holder }: { importing: boolean; font: boolean; node: Declaration | AtRule },
  references: CssReference[],
  unreadable: CssUnreadable[],
  write: (text: string) => void,
): void {
  if (value.includes('\\') && LOADING.test(unescape(value))) {
    unreadable.push(escaped(at(0), value));
    return;
  }
  if (!importing && !LOADING.test(value)) return;
  const parsed = valueParser(value);
  /** `node` holds the URL (rewritten by replace()); `start` is where the reference is shown to begin. */
  const add = (node: valueParser.Node, what: string, url: string, isImport: boolean, start: valueParser.Node = node): void => {
    references.push({
      what,
      url,
      importing: isImport,
      font,
      ...at(start.sourceIndex),
      replace: (to) => {
        node.value = to;
        if (node.type === 'function') node.nodes = [{ type: 'word', value: to, sourceIndex: 0, sourceEndIndex: to.length }];
        write(valueParser.stringify(parsed.nodes));
      },
      remove: () => holder.remove(),
    });
  };
  if (importing) {
    const first = parsed.nodes.find((n) => n.type !== 'space' && n.type !== 'comment');
    if (first?.type === 'string') add(first, '@import', first.value, true);
    else if (first?.type === 'function' && URL_FUNCTIONS.test(first.value)) {
      const arg = urlArgument(first);
      if (arg) add(arg, '@import', arg.value, true, first);
      else add(first, '@import', '', true);
      return;
    }
  }
  parsed.walk((node) => {
    if (node.type !== 'function') return undefined;
    if (URL_FUNCTIONS.test(node.value)) {
      const arg = urlArgument(node);
      if (arg) add(arg, `${node.value.toLowerCase()}()`, arg.value, false, node);
      else add(node, `${node.value.toLowerCase()}()`, '', false);
      return false;
    }
    if (IMAGE_FUNCTIONS.test(node.value)) {
      for (const arg of node.nodes) {
        if (arg.type === 'string') add(arg, `${node.value.toLowerCase()}()`, arg.value, false);
        // A custom property or attribute would put a URL here that no one can see in the text.
        if (arg.type === 'function' && /^(var|attr|env)$/i.test(arg.value)) {
          unreadable.push({
            ...at(arg.sourceIndex),
            message: `${arg.value}() inside ${node.value}() can name any file`,
            hint: `write the file's path in ${node.value}() itself, as a quoted string`,
          });
        }
      }
    }
    return undefined;
  });
}

/** The node holding `url(x)` / `url("x")`'s address, or undefined for an empty `url()`. */
function urlArgument(node: valueParser.FunctionNode): valueParser.Node | undefined {
  return node.nodes.find((n) => n.type !== 'space' && n.type !== 'comment');
}

function escaped(at: CssPlace, text: string): CssUnreadable {
  return {
    ...at,
    message: `CSS escapes in \`${text.length > 60 ? `${text.slice(0, 60)}…` : text}\` hide what it loads`,
    hint: 'write url(), @import and the file name without backslash escapes',
  };
}

/** CSS-unescapes text (`u\72 l` → `url`), as the browser's tokenizer does. */
function unescape(text: string): string {
  return text.replace(/\\([0-9a-fA-F]{1,6})[ \t\n\r\f]?|\\([\s\S])/g, (_, hex: string | undefined, ch: string | undefined) =>
    hex ? String.fromCodePoint(Math.min(parseInt(hex, 16), 0x10ffff) || 0xfffd) : ch!,
  );
}

/** The position after reading `text` from `from`. */
function advance(from: { line: number; column: number }, text: string): CssPlace {
  const lines = text.split('\n');
  if (lines.length === 1) return { line: from.line, column: from.column + text.length };
  return { line: from.line + lines.length - 1, column: lines.at(-1)!.length + 1 };
}

