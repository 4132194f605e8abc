/**
 * Which line's indentation broke a YAML file, found by repairing it. One line indented a
 * little too far or not far enough is the most common YAML mistake, and the parsers report it
 * where they noticed it, often a line later and under a name that says nothing about
 * indentation ("Implicit map keys need to be followed by map values"). So: near the place the
 * parsers name, re-indent one line at a time to a column its neighbours use; when the file then
 * reads, that line was the mistake, and the column it needs is known.
 *
 * Several repairs can work (the first item of a list moved, or the second moved to match it):
 * the one that keeps the file's own habits wins (a list under a key indented as this file
 * indents lists), then the one on the line the parser named, then the smallest move.
 */
import jsYaml from 'js-yaml';

export interface IndentRepair {
  /** 1-based line that is wrongly indented. */
  line: number;
  /** Its indentation now, and the one that makes the file read (in spaces). */
  indent: number;
  needed: number;
  /** A nearby line that already has the needed indentation (1-based), to point at. */
  like: number | undefined;
  /** Whether the lines under it (its block) move with it. */
  withBlock: boolean;
}

/** Above this size a file is not re-parsed dozens of times just to word a message better. */
const MAX_TEXT = 200_000;
/** Re-parses at most, per file. */
const MAX_TRIALS = 40;

/**
 * `errorLines` are the 1-based lines where the parsers noticed the problem, the more trusted
 * first; undefined when no single-line re-indentation makes the file read.
 */
export function repairIndentation(text: string, errorLines: readonly number[]): IndentRepair | undefined {
  if (text.length > MAX_TEXT) return undefined;
  const lines = text.split('\n');
  const habits = indentHabits(lines);
  const used = new Map<number, number>();
  for (const l of lines) if (isContent(l)) used.set(indentOf(l), (used.get(indentOf(l)) ?? 0) + 1);

  const candidates: number[] = [];
  for (const line of errorLines) {
    const at = line - 1;
    if (at < 0 || at >= lines.length) continue;
    candidates.push(at);
    const before = previousContent(lines, at);
    if (before !== undefined) candidates.push(before);
  }
  const repairs: (IndentRepair & { score: number })[] = [];
  let trials = 0;
  for (const at of new Set(candidates)) {
    const line = lines[at]!;
    // Tabs have their own, clear message; a line without content has no indentation to get wrong.
    if (!isContent(line) || /^ *\t/.test(line)) continue;
    const indent = indentOf(line);
    const nearest = (a: number, b: number): number => Math.abs(a - indent) - Math.abs(b - indent);
    const block = blockEnd(lines, at);
    for (const needed of [...indentsNear(lines, at)].sort(nearest)) {
      if (needed === indent) continue;
      // The line alone, else with the lines under it (a list item's other keys, a key's block).
      let repaired: string | undefined;
      let withBlock = false;
      for (const end of block > at + 1 ? [at + 1, block] : [at + 1]) {
        if (trials++ >= MAX_TRIALS) break;
        const text = shifted(lines, at, end, needed - indent);
        if (reads(text)) {
          repaired = text;
          withBlock = end > at + 1;
          break;
        }
      }
      if (repaired === undefined) continue;
      const breaksHabit = blockOpenings(repaired.split('\n'), at - 3, at + 1).filter((o) => o.delta !== habits[o.kind]).length;
      const rare = (used.get(needed) ?? 0) < 2 ? 1 : 0;
      const named = errorLines.indexOf(at + 1);
      const score = breaksHabit * 10 + rare * 5 + (named < 0 ? errorLines.length : named) + Math.abs(needed - indent) / 100;
      repairs.push({ line: at + 1, indent, needed, like: lineWithIndent(lines, at, needed), withBlock, score });
    }
  }
  const best = repairs.sort((a, b) => a.score - b.score)[0];
  if (!best) return undefined;
  const { score: _score, ...repair } = best;
  return repair;
}

/** The text with lines [from, to) moved by `delta` columns. */
function shifted(lines: readonly string[], from: number, to: number, delta: number): string {
  return lines.map((l, i) => (i >= from && i < to && isContent(l) ? ' '.repeat(indentOf(l) + delta) + l.slice(indentOf(l)) : l)).join('\n');
}

/** The end (exclusive) of a line's block: the lines after it indented further, and blank lines among them. */
function blockEnd(lines: readonly string[], at: number): number {
  const indent = indentOf(lines[at]!);
  let end = at + 1;
  for (let i = at + 1; i < lines.length; i++) {
    if (!isContent(lines[i])) continue;
    if (indentOf(lines[i]!) <= indent) break;
    end = i + 1;
  }
  return end;
}

function reads(text: string): boolean {
  try {
    jsYaml.load(text, { schema: jsYaml.CORE_SCHEMA });
    return true;
  } catch {
    return false;
  }
}

const isContent = (line: string | undefined): line is string => line !== undefined && line.trim() !== '' && !line.trimStart().startsWith('#');
const indentOf = (line: string): number => /^ */.exec(line)![0].length;
const isItem = (line: string): boolean => /^ *-( |$)/.test(line);
/** Where a line's own content starts: after `- ` for a list item. */
const contentColumn = (line: string): number => indentOf(line) + (isItem(line) ? 2 : 0);
/** A key with nothing after its colon: what follows, indented, is its value. */
const opensBlock = (line: string): boolean => /^ *(- )?[^\s#'"-][^#]*:\s*(#.*)?$/.test(line);

function previousContent(lines: readonly string[], at: number): number | undefined {
  for (let i = at - 1; i >= 0; i--) if (isContent(lines[i])) return i;
  return undefined;
}

function nextContent(lines: readonly string[], at: number): number | undefined {
  for (let i = at + 1; i < lines.length; i++) if (isContent(lines[i])) return i;
  return undefined;
}

/** Columns a line could belong at: its neighbours', its parents', and one step inside the line before. */
function indentsNear(lines: readonly string[], at: number): Set<number> {
  const out = new Set<number>();
  const before = previousContent(lines, at);
  if (before !== undefined) {
    const b = lines[before]!;
    out.add(indentOf(b)).add(contentColumn(b)).add(contentColumn(b) + 2);
  }
  let parent = Infinity;
  for (let i = at - 1; i >= 0 && parent > 0; i--) {
    if (isContent(lines[i]) && indentOf(lines[i]!) < parent) out.add((parent = indentOf(lines[i]!)));
  }
  for (let i = Math.max(0, at - 12); i <= Math.min(lines.length - 1, at + 3); i++) if (i !== at && isContent(lines[i])) out.add(indentOf(lines[i]!));
  return out;
}

/** The nearest other line with this indentation, looking back first. */
function lineWithIndent(lines: readonly string[], at: number, indent: number): number | undefined {
  for (let i = at - 1; i >= 0; i--) if (isContent(lines[i]) && indentOf(lines[i]!) === indent) return i + 1;
  for (let i = at + 1; i < lines.length; i++) if (isContent(lines[i]) && indentOf(lines[i]!) === indent) return i + 1;
  return undefined;
}

type Opening = { kind: 'list' | 'block'; delta: number };

/** Keys that open a block, with how far the block under them is indented, between two lines. */
function blockOpenings(lines: readonly string[], from: number, to: number): Opening[] {
  const out: Opening[] = [];
  for (let i = Math.max(0, from); i <= Math.min(lines.length - 1, to); i++) {
    const line = lines[i];
    if (!isContent(line) || !opensBlock(line)) continue;
    const next = nextContent(lines, i);
    if (next === undefined) continue;
    out.push({ kind: isItem(lines[next]!) ? 'list' : 'block', delta: indentOf(lines[next]!) - contentColumn(line) });
  }
  return out;
}

/** How this file indents a list and a block under their key: the most common way, 2 if none. */
function indentHabits(lines: readonly string[]): Record<Opening['kind'], number> {
  const counts = { list: new Map<number, number>(), block: new Map<number, number>() };
  for (const o of blockOpenings(lines, 0, lines.length)) counts[o.kind].set(o.delta, (counts[o.kind].get(o.delta) ?? 0) + 1);
  const mostCommon = (m: Map<number, number>): number => [...m].sort((a, b) => b[1] - a[1])[0]?.[0] ?? 2;
  return { list: mostCommon(counts.list), block: mostCommon(counts.block) };
}
