/**
 * How deep the HTML of a free-Markdown body nests, measured on the parsed tree without recursion
 * before anything walks it recursively (the attribute comments, the sanitiser, the serialiser,
 * every later reader of the page). 5,000 nested `<div>` overflowed the stack with exit 70.
 * Browsers stop nesting at 512 levels (the HTML parser's limit) and show the rest flattened, so
 * nothing deeper can be shown as written anyway.
 */
import type { DefaultTreeAdapterTypes as T } from 'parse5';

export const MAX_HTML_DEPTH = 500;

/**
 * The source line (1-based, in the body) of the first element nested deeper than `limit`, or
 * undefined. `marker` is the prefix of the comments that carry source lines (render.ts).
 */
export function tooDeepAt(fragment: T.DocumentFragment, marker: string, limit = MAX_HTML_DEPTH): number | undefined {
  let mark = { line: 1, htmlLine: 1 };
  const stack: { node: T.ParentNode; next: number }[] = [{ node: fragment, next: 0 }];
  while (stack.length) {
    const top = stack[stack.length - 1]!;
    const child = top.node.childNodes[top.next++];
    if (!child) {
      stack.pop();
      continue;
    }
    if (child.nodeName === '#comment') {
      const data = (child as T.CommentNode).data;
      if (data.startsWith(marker)) mark = { line: Number(data.slice(marker.length)), htmlLine: child.sourceCodeLocation?.startLine ?? mark.htmlLine };
      continue;
    }
    if (!('tagName' in child)) continue;
    if (stack.length > limit) {
      const at = child.sourceCodeLocation?.startLine;
      return at === undefined ? mark.line : mark.line + Math.max(0, at - mark.htmlLine);
    }
    stack.push({ node: child.tagName === 'template' ? (child as T.Template).content : child, next: 0 });
  }
  return undefined;
}
