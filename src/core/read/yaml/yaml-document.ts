/**
 * Where a key path of YAML data sits in its file: the `yaml` package's syntax tree with source
 * positions, built on first use (an error or a warning asks for a place; a clean build never
 * does, and never loads the package: yaml-tree.lazy.ts).
 */
import type { Document, LineCounter, Node } from 'yaml';
import type { KeyPath, Locator, Position } from '../../base/source.js';
import { load as yamlTree } from './yaml-tree.lazy.js';

/** Whether a problem found at a place (1-based line and column) comes from a parser's guess. */
export type Spoiled = (line: number, column: number) => boolean;
export const WHOLE_FILE: Spoiled = () => true;

export class YamlDocument implements Locator {
  #doc: Document.Parsed | undefined;
  #lines: LineCounter | undefined;

  constructor(readonly text: string) {}

  /** The syntax tree with positions, built on first use. */
  get doc(): Document.Parsed {
    if (!this.#doc) {
      const { LineCounter, parseDocument } = yamlTree();
      this.#lines = new LineCounter();
      // logLevel 'error': the package would print a Node warning (about a key that is a list or a
      // mapping, which only a broken file has) straight to the terminal.
      this.#doc = parseDocument(this.text, { lineCounter: this.#lines, prettyErrors: false, uniqueKeys: true, logLevel: 'error' });
    }
    return this.#doc;
  }

  get lines(): LineCounter {
    void this.doc;
    return this.#lines!;
  }

  positionAt(offset: number): Position {
    const { line, col } = this.lines.linePos(offset);
    return { line, column: col, offset };
  }

  locate(path: KeyPath, opts: { key?: boolean } = {}): Position {
    const { isMap, isSeq, isScalar, isPair } = yamlTree();
    let node: Node | null | undefined = this.doc.contents as Node | null;
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
    return this.positionAt(best);
  }

  /** Counted from the line after a block scalar's `|` or `>`, else from the value's own line. */
  lineIn(path: KeyPath, line: number): number {
    const pos = this.locate(path);
    return (/^[|>]/.test(this.text.slice(pos.offset, pos.offset + 1)) ? pos.line + 1 : pos.line) + line - 1;
  }

  /**
   * What a syntax error at `offset` spoils, in the data the parser recovered: the slide (or
   * top-level field) it is in and everything after it, and the blocks that contain it (a
   * "missing field" placed at a block that lost its content to the error is the error's echo).
   */
  spoiledBy(offset: number): Spoiled {
    const { isMap, isSeq, isPair, isScalar } = yamlTree();
    const place = (o: number): string => {
      const p = this.positionAt(o);
      return `${p.line}:${p.column}`;
    };
    const range = (item: unknown): [number | undefined, number | undefined] =>
      isPair(item)
        ? [(item.key as Node | null)?.range?.[0], ((item.value ?? item.key) as Node | null)?.range?.[2]]
        : [(item as Node | null)?.range?.[0], (item as Node | null)?.range?.[2]];
    // The chain of blocks from the top down to the one the error is in, with the item taken in each.
    const chain: { block: Node; item: unknown }[] = [];
    let node: unknown = this.doc.contents;
    while (isMap(node) || isSeq(node)) {
      const item = (node.items as unknown[]).find((i) => {
        const [start, end] = range(i);
        return start !== undefined && end !== undefined && start <= offset && offset <= end;
      });
      chain.push({ block: node, item });
      if (item === undefined) break;
      node = isPair(item) ? item.value : item;
    }
    const enclosing = new Set(chain.flatMap(({ block }) => (block.range ? [place(block.range[0])] : [])));
    // The unit: a slide of `slides`, else the top-level field; the error's own line if neither.
    const top = chain[0]?.item;
    const inSlides = isPair(top) && isScalar(top.key) && top.key.value === 'slides' && chain[1]?.item !== undefined;
    const unitStart = range(inSlides ? chain[1]!.item : top)[0];
    const from = Math.min(this.positionAt(offset).line, unitStart === undefined ? Infinity : this.positionAt(unitStart).line);
    return (line, column) => line >= from || enclosing.has(`${line}:${column}`);
  }
}
