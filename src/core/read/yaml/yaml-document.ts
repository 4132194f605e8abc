/**
 * Where a key path of YAML data sits in its file: the `yaml` package's syntax tree with source
 * positions, built on first use (an error or a warning asks for a place; a clean build never
 * does, and never loads the package: yaml-tree.lazy.ts).
 */
import type { Document, LineCounter, Node } from 'yaml';
import type { KeyPath, Locator, Position } from '../../base/source.js';
import { load as yamlTree } from './yaml-tree.lazy.js';

export class YamlDocument implements Locator {
  #doc: Document.Parsed | undefined;
  #lines: LineCounter | undefined;

  constructor(readonly text: string) {}

  /** The syntax tree with positions, built on first use. */
  get doc(): Document.Parsed {
    if (!this.#doc) {
      const { LineCounter, parseDocument } = yamlTree();
      this.#lines = new LineCounter();
      this.#doc = parseDocument(this.text, { lineCounter: this.#lines, prettyErrors: false, uniqueKeys: true });
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

  /** The line after a block scalar's `|` or `>`, else the value's own line. */
  contentLine(path: KeyPath): number {
    const pos = this.locate(path);
    return /^[|>]/.test(this.text.slice(pos.offset, pos.offset + 1)) ? pos.line + 1 : pos.line;
  }
}
