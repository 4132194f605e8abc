/**
 * How wide text is in the widest font that will plausibly draw it (Source Sans 3, Arial's
 * metrics, DejaVu Sans: advance-widths.ts), and how many lines it wraps into. The PowerPoint
 * writer fits against this, because a .pptx is drawn with whatever font the recipient has; the
 * HTML deck, drawn in its own web font, keeps fit.ts's average-width estimate.
 */
import { ADVANCE_RANGES, BOLD_ADVANCES, REGULAR_ADVANCES } from './advance-widths.js';
import { maxOf } from '../base/extent.js';

/** A run of text in one weight; `mono` text is set in a monospace font (code). */
export interface Segment {
  text: string;
  bold?: boolean | undefined;
  mono?: boolean | undefined;
}

/** Characters none of the fonts has (CJK, say) are as wide as a square. */
const UNKNOWN_EM = 1;
/** DejaVu Sans Mono and Liberation Mono, every glyph. */
const MONO_EM = 0.602;
/**
 * Kerning moves LibreOffice's words off the sum of their advances by up to ~1 % (measured on
 * the briefing: median 0.2 %, 90th percentile 1.2 %); a word measured 2 % wider fits anyway.
 */
const SLACK = 1.02;

function advanceEm(codePoint: number, bold: boolean): number {
  const table = bold ? BOLD_ADVANCES : REGULAR_ADVANCES;
  for (let r = 0; r < ADVANCE_RANGES.length; r++) {
    const [from, to] = ADVANCE_RANGES[r]!;
    if (codePoint < from) break;
    if (codePoint <= to) {
      const width = table[r]![codePoint - from]!;
      return width ? width / 1000 : UNKNOWN_EM;
    }
  }
  // Combining marks and format characters take no room of their own.
  return /[\p{Mn}\p{Cf}]/u.test(String.fromCodePoint(codePoint)) ? 0 : UNKNOWN_EM;
}

/** Width of a text in px at a font size: the widest font's advances, with room for kerning. */
export function textWidth(segment: Segment, fontPx: number): number {
  let em = 0;
  for (const ch of segment.text) em += segment.mono ? MONO_EM : advanceEm(ch.codePointAt(0)!, Boolean(segment.bold));
  return em * fontPx * SLACK;
}

/** A piece of a line: it starts after a space (or at the start), or runs on from the piece before. */
interface Piece {
  width: number;
  /** The width of the space in front of it; 0 where the piece follows a hyphen or dash. */
  space: number;
}

/** Where a line may break inside a word: after a hyphen or dash between letters or digits (NATO-Partner). */
const BREAK_AFTER = /(?<=[\p{L}\p{N}][-‐–—])(?=[\p{L}\p{N}])/u;

/** Spaces a line may break at: not the no-break ones (U+00A0, U+2007, U+202F). */
const SPACES = /([ \t\n\r\f\v\u2000-\u2006\u2008-\u200a\u205f\u3000]+)/;

/** The text as pieces a line may break between: at spaces, and after a hyphen inside a word. */
function pieces(segments: readonly Segment[], fontPx: number): Piece[] {
  const out: Piece[] = [];
  /** The space in front of the next piece. */
  let space = 0;
  /** Whether the next piece runs on from the last (no space, no hyphen between them). */
  let open = false;
  for (const seg of segments) {
    for (const token of seg.text.split(SPACES)) {
      if (!token) continue;
      if (SPACES.test(token)) {
        space = textWidth({ ...seg, text: ' ' }, fontPx);
        open = false;
        continue;
      }
      for (const part of token.split(BREAK_AFTER)) {
        const width = textWidth({ ...seg, text: part }, fontPx);
        const last = out[out.length - 1];
        // A run boundary inside a word (bold "NATO", then "-Partner") continues the word.
        if (open && last) last.width += width;
        else out.push({ width, space: out.length ? space : 0 });
        space = 0;
        open = !/[-‐–—]$/.test(part);
      }
    }
  }
  return out;
}

/**
 * Lines the text wraps into at a size and width, greedily as PowerPoint and LibreOffice wrap;
 * Infinity when a word is wider than the line (it would be broken mid-word: shrink instead).
 */
export function wrappedLines(segments: readonly Segment[], fontPx: number, widthPx: number): number {
  let lines = 1;
  let x = 0;
  for (const piece of pieces(segments, fontPx)) {
    if (piece.width > widthPx) return Infinity;
    if (x > 0 && x + piece.space + piece.width > widthPx) {
      lines++;
      x = piece.width;
    } else x += (x > 0 ? piece.space : 0) + piece.width;
  }
  return lines;
}

/** The widest unbreakable piece of a text (its longest word), in px. */
export function longestWord(segments: readonly Segment[], fontPx: number): number {
  return maxOf(pieces(segments, fontPx).map((p) => p.width), 0);
}
