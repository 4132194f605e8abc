/**
 * Fitting text: how many lines a text takes at a size and width, how tall a bullet list is, and
 * the largest scale at which a body fits its box. PowerPoint only autofits after an edit, so the
 * sizes are chosen here and written out. Text is measured in the widest font that will plausibly
 * draw it (model/text-width.ts): the recipient may not have Source Sans 3, and a substitute must
 * not wrap a text into more lines than its box was given.
 */
import type { PointModel } from '../../../model/types.js';
import { longestWord, textWidth, wrappedLines, type Segment } from '../../../model/text-width.js';
import type { Run } from '../presentation.js';
import { runsOf } from './runs.js';
import { maxOf } from '../../../base/extent.js';

/**
 * The largest scale (1, 0.95, … 0.5) at which `height(scale)` fits into `available`. Where none
 * does, 0.5 — or smaller still while a word is wider than its line at 0.5 (height Infinity): a
 * word is never broken, and every height this returns a scale for is finite.
 */
export function fitScale(height: (scale: number) => number, available: number): number {
  for (let s = 1; s > 0.5; s = Math.round((s - 0.05) * 100) / 100) if (height(s) <= available) return s;
  let s = 0.5;
  while (!Number.isFinite(height(s)) && s > 1e-3) s *= 0.9;
  return s;
}

/**
 * Lines of runs at a size and width; Infinity when a word is wider than the line, so that
 * fitting shrinks the text rather than let the viewer break the word in the middle.
 */
export function runLines(runs: readonly Run[], px: number, width: number, bold = false): number {
  return linesOfRuns(runs, bold).reduce((n, segments) => n + wrappedLines(segments, px, width), 0);
}

/** Runs as the measure's segments, a list per line (a line break starts the next). */
function linesOfRuns(runs: readonly Run[], bold: boolean): Segment[][] {
  const lines: Segment[][] = [[]];
  for (const r of runs) {
    if (r.br) lines.push([]);
    else lines[lines.length - 1]!.push({ text: r.text, bold: bold || r.bold || r.style?.bold, mono: r.code });
  }
  return lines;
}

/** How wide runs are when nothing wraps them, and their widest word, in px. */
export function runWidths(runs: readonly Run[], px: number, bold = false): { natural: number; word: number } {
  const lines = linesOfRuns(runs, bold);
  return {
    natural: maxOf(lines.map((segments) => segments.reduce((w, seg) => w + textWidth(seg, px), 0))),
    word: maxOf(lines.map((segments) => longestWord(segments, px))),
  };
}

/**
 * The largest size (`px0` × 1 … 0.5) at which runs fit `height`, each line `lineHeight` × the size
 * (1.2: single spacing in PowerPoint and LibreOffice, whatever the font).
 */
export function fitPx(runs: readonly Run[], px0: number, width: number, height: number, opts: { bold?: boolean; lineHeight?: number } = {}): number {
  const lineHeight = opts.lineHeight ?? 1.2;
  return px0 * fitScale((s) => runLines(runs, px0 * s, width, opts.bold) * px0 * s * lineHeight, height);
}

/** Lines of the model's inline HTML (see runLines). */
export function linesOf(html: string, px: number, width: number, weight: 'regular' | 'bold' = 'regular'): number {
  return runLines(runsOf(html), px, width, weight === 'bold');
}

/** Lines of plain text (see runLines). */
export function textLines(text: string, px: number, width: number, weight: 'regular' | 'bold' = 'regular'): number {
  return wrappedLines([{ text, bold: weight === 'bold' }], px, width);
}

/** Height of a bullet list as the body style draws it (see bodyLevels() in layouts.ts). */
export function pointsHeight(points: PointModel[], px: number, width: number, level = 0): number {
  const indent = 1.1 * px;
  return points.reduce((h, p, i) => {
    const after = i === points.length - 1 && level === 0 ? 0 : (level === 0 ? 0.5 : 0.2) * px;
    const before = level === 0 ? 0 : 0.1 * px;
    let item = before + linesOf(p.html, px, width - indent) * px * 1.2 + after;
    if (p.points.length) item += pointsHeight(p.points, px * 0.85, width - indent, level + 1);
    return h + item;
  }, 0);
}
