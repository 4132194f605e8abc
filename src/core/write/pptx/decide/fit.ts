/**
 * Fitting text: how many lines a text takes at a size and width, how tall a bullet list is, and
 * the largest scale at which a body fits its box. PowerPoint only autofits after an edit, so the
 * sizes are chosen here and written out.
 */
import { lineCount } from '../../../model/fit.js';
import type { PointModel } from '../../../model/types.js';
import { plainOf } from './runs.js';

/** The largest scale (1, 0.95, … 0.5) at which `height(scale)` fits into `available`. */
export function fitScale(height: (scale: number) => number, available: number): number {
  for (let s = 1; s > 0.5; s = Math.round((s - 0.05) * 100) / 100) if (height(s) <= available) return s;
  return 0.5;
}

/**
 * Lines of text at a size and width; a word wider than the line counts as many lines, so that
 * fitting shrinks the text rather than let PowerPoint break the word in the middle.
 */
export function linesOf(html: string, px: number, width: number, weight: 'regular' | 'bold' = 'regular'): number {
  const text = plainOf(html);
  const longest = Math.max(0, ...text.split(/\s+/).map((word) => [...word].length));
  // Measured on LibreOffice's rendering of Source Sans 3: a long German compound takes ~0.44 em a letter.
  if (longest * px * (weight === 'bold' ? 0.5 : 0.45) > width) return 99;
  return lineCount(text, px, width, weight);
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
