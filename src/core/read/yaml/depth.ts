/**
 * How deep a YAML text can nest, read from the characters alone, before any parser sees it.
 * Both parsers recurse once per level, so a file of 100,000 `[` overflows their stack — at a
 * level that depends on how deep the caller's stack already was, so the message (and whether a
 * parser got far enough to report other problems) changed from run to run. This scan has no
 * recursion and always answers the same: the place where the nesting first goes past the limit.
 *
 * It counts an upper bound of the depth the parsers will build: every open `[` or `{` (outside
 * quoted text, comments and block scalars), plus for block collections one level per indentation
 * step still open and one per compact `- ` or `? ` at the start of a line. A deck nests a few
 * levels, so the bound being loose by a level or two never matters; what matters is that a
 * deeply nested file is refused before it is parsed.
 */

export interface Place {
  line: number;
  column: number;
}

/** The first place where the text nests deeper than `limit`, or undefined. */
export function tooDeepAt(text: string, limit: number): Place | undefined {
  const indents: number[] = [];
  let flow = 0;
  let quote: '"' | "'" | undefined;
  /** While inside a block scalar: the indentation its content must exceed. */
  let blockScalar: number | undefined;
  const lines = text.split(/\r\n|\r|\n/);
  for (let n = 0; n < lines.length; n++) {
    const line = lines[n]!;
    const indent = /^ */.exec(line)![0].length;
    const blank = /^\s*(#.*)?$/.test(line);
    if (blockScalar !== undefined) {
      if (blank || indent > blockScalar) continue;
      blockScalar = undefined;
    }
    if (quote === undefined && flow === 0) {
      if (blank) continue;
      while (indents.length && indents[indents.length - 1]! >= indent) indents.pop();
      indents.push(indent);
    }
    // Compact nested collections on one line: `- - - x`, `- ? key`.
    const compact = quote === undefined && flow === 0 ? (/^ *((?:[-?](?: +|$))+)/.exec(line)?.[1]?.match(/[-?]/g)?.length ?? 0) : 0;
    let valueStart = true; // whether a quote here would open a quoted scalar
    for (let i = 0; i < line.length; i++) {
      const c = line[i]!;
      if (quote === "'") {
        if (c === "'") {
          if (line[i + 1] === "'") i++;
          else quote = undefined;
        }
        continue;
      }
      if (quote === '"') {
        if (c === '\\') i++;
        else if (c === '"') quote = undefined;
        continue;
      }
      if (c === '#' && (i === 0 || /\s/.test(line[i - 1]!))) break;
      if ((c === '"' || c === "'") && valueStart) {
        quote = c;
        continue;
      }
      // In block context `[` and `{` open a collection only where a value starts (`title: a {b}`
      // is text); inside a flow collection they always do.
      if ((c === '[' || c === '{') && (flow > 0 || valueStart)) {
        flow++;
        if (indents.length + compact + flow > limit) return { line: n + 1, column: i + 1 };
        valueStart = true;
        continue;
      }
      if ((c === ']' || c === '}') && flow > 0) flow--;
      if (/\s/.test(c)) continue;
      // A quoted scalar starts a value: after `[`, `{`, `,`, a `: ` or `- `, or at the line's start.
      valueStart = c === ',' || ((c === ':' || c === '-' || c === '?') && (i + 1 === line.length || /\s/.test(line[i + 1]!)));
    }
    if (indents.length + compact + flow > limit) return { line: n + 1, column: indent + 1 };
    if (quote === undefined && flow === 0) {
      // `key: |`, `- >-`: the lines after it that are indented deeper are text, not structure.
      const scalar = /^( *)((?:- +)*)(?:(?:[^\s#'"][^#]*?|'[^']*'|"[^"]*") *: +)?[|>][-+0-9]*\s*(#.*)?$/.exec(line);
      if (scalar) {
        const afterDashes = scalar[1]!.length + scalar[2]!.length;
        // The content belongs to the key (or the last `- `) that opened it.
        blockScalar = line.slice(afterDashes).trimStart().startsWith('|') || line.slice(afterDashes).trimStart().startsWith('>') ? afterDashes - 2 : afterDashes;
      }
    }
  }
  return undefined;
}
