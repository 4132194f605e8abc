/**
 * Finds text on rendered slides that collides, leaves the page, breaks mid-word or runs out of
 * its shaded box, from the word boxes `pdftotext -bbox-layout` reads from a PDF (issue #18):
 *
 *   const defects = await layoutDefects(pdf, await pptxSlides(pptx));
 *   expect(formatDefects(defects)).toBe('');
 *
 * The thresholds were tuned on the briefing and the example deck rendered by LibreOffice with
 * and without Source Sans 3 (see DefectOptions): no finding on a clean page, every collision
 * a person sees on a broken one.
 */
import { execFile } from 'node:child_process';
import { promisify } from 'node:util';
import { decodeXml, type SlideContent } from './pptx-slides.js';


export interface Box {
  xMin: number;
  yMin: number;
  xMax: number;
  yMax: number;
}
export interface Word extends Box {
  text: string;
  /** Index of its line on the page. */
  line: number;
}
export interface Line extends Box {
  /** Index of its block on the page. */
  block: number;
  words: Word[];
  text: string;
}
export interface Page {
  /** 1-based. */
  number: number;
  width: number;
  height: number;
  lines: Line[];
}

const num = (attrs: string, name: string): number => Number(new RegExp(`\\b${name}="([^"]+)"`).exec(attrs)?.[1] ?? NaN);
const boxOf = (attrs: string): Box => ({ xMin: num(attrs, 'xMin'), yMin: num(attrs, 'yMin'), xMax: num(attrs, 'xMax'), yMax: num(attrs, 'yMax') });

/** Parses pdftotext's XHTML (a fixed, simple shape; regular expressions suffice). */
export function parseBboxLayout(xhtml: string): Page[] {
  const pages: Page[] = [];
  for (const pm of xhtml.matchAll(/<page\b([^>]*)>([\s\S]*?)<\/page>/g)) {
    const page: Page = { number: pages.length + 1, width: num(pm[1]!, 'width'), height: num(pm[1]!, 'height'), lines: [] };
    let block = -1;
    for (const bm of pm[2]!.matchAll(/<block\b[^>]*>([\s\S]*?)<\/block>/g)) {
      block++;
      for (const lm of bm[1]!.matchAll(/<line\b([^>]*)>([\s\S]*?)<\/line>/g)) {
        const index = page.lines.length;
        const words = [...lm[2]!.matchAll(/<word\b([^>]*)>([\s\S]*?)<\/word>/g)].map((wm) => ({
          ...boxOf(wm[1]!),
          text: decodeXml(wm[2]!),
          line: index,
        }));
        page.lines.push({ ...boxOf(lm[1]!), block, words, text: words.map((w) => w.text).join(' ') });
      }
    }
    pages.push(page);
  }
  return pages;
}

export async function readLayout(pdfPath: string): Promise<Page[]> {
  const { stdout } = await promisify(execFile)('pdftotext', ['-bbox-layout', pdfPath, '-'], { maxBuffer: 64 * 1024 * 1024 });
  return parseBboxLayout(stdout);
}

// ---------------------------------------------------------------------------------------------
// Defects

export type DefectKind = 'overlap' | 'off-page' | 'split-word' | 'outside-frame';

export interface Defect {
  /** 1-based page = slide number in show order. */
  page: number;
  kind: DefectKind;
  /** The texts involved: the two lines of an overlap, the words off the page, the two halves of a split word, the line outside its frame. */
  texts: string[];
  /** Measures, for the message. */
  detail: string;
}

export interface DefectOptions {
  /**
   * Two words of different lines collide when their boxes share more than this part of the lower
   * one's height (and any width). Word boxes run from the font's ascent to its descent, so the
   * lines of one paragraph share 5–10 % (measured: at most 0.104 on the briefing and example decks,
   * DejaVu Sans and Source Sans 3); a two-line column heading pushed up onto the title shares 27 %,
   * colliding timeline rows 59–100 %. Default 0.2.
   */
  overlapY?: number;
  /** Words of one line collide when they share more than this part of the narrower one's width. */
  overlapX?: number;
  /** How far (pt) a word may stick out of the page before it counts. */
  pageTolerance?: number;
  /** Pages to leave out of a check, e.g. `{ overlap: [12] }` for a chart page. */
  skip?: Partial<Record<DefectKind, number[]>>;
}

const f1 = (n: number): string => n.toFixed(1);
const overlap1d = (a0: number, a1: number, b0: number, b1: number): number => Math.min(a1, b1) - Math.max(a0, b0);

/** Superscripts and the like: small marks raised above their line, e.g. a footnote number. */
function isMark(w: Word, line: Line): boolean {
  const heights = line.words.map((x) => x.yMax - x.yMin).sort((a, b) => a - b);
  const median = heights[Math.floor(heights.length / 2)]!;
  return w.yMax - w.yMin < 0.75 * median && /^[\d[\]*†‡§,.;()¹²³⁰-⁹-]+$/.test(w.text);
}

/** A word as the slide spells it: outer punctuation and quotes off, lower case. */
const norm = (w: string): string =>
  w
    .normalize('NFC')
    .replace(/^[\s"'„“”‚‘’«»‹›([{<•·–—]+/u, '')
    .replace(/[\s"'„“”‚‘’«»‹›)\]}>,.;:!?…•·]+$/u, '')
    .toLowerCase();

/** Characters after which a line may break inside a written word (a break there is no defect). */
const BREAK_AFTER = /[-‐‑–—/]$/;

/** The checks on parsed pages; `slideTexts[i]` is page i+1's text (any strings), for split words. */
export function findDefects(pages: Page[], slides?: readonly (readonly string[] | SlideContent)[], opts: DefectOptions = {}): Defect[] {
  const contents: (SlideContent | undefined)[] = (slides ?? []).map((s) => (Array.isArray(s) ? { texts: [...(s as readonly string[])], frames: [] } : (s as SlideContent)));
  const overlapY = opts.overlapY ?? 0.2;
  const overlapX = opts.overlapX ?? 0.2;
  const tol = opts.pageTolerance ?? 0.5;
  const skipped = (kind: DefectKind, page: number): boolean => opts.skip?.[kind]?.includes(page) ?? false;
  const defects: Defect[] = [];
  for (const page of pages) {
    const words = page.lines.flatMap((l) => l.words);

    // 1. Off the page.
    if (!skipped('off-page', page.number)) {
      const reportedLines = new Set<number>();
      for (const w of words) {
        if (reportedLines.has(w.line)) continue;
        const out = [
          w.xMin < -tol && `left by ${f1(-w.xMin)} pt`,
          w.yMin < -tol && `above by ${f1(-w.yMin)} pt`,
          w.xMax > page.width + tol && `right by ${f1(w.xMax - page.width)} pt`,
          w.yMax > page.height + tol && `below by ${f1(w.yMax - page.height)} pt`,
        ].filter(Boolean);
        if (!out.length) continue;
        // One defect per line: its words that stick out, how far the first of them does.
        reportedLines.add(w.line);
        const line = page.lines[w.line]!;
        const outside = line.words.filter((x) => x.xMin < -tol || x.yMin < -tol || x.xMax > page.width + tol || x.yMax > page.height + tol);
        defects.push({ page: page.number, kind: 'off-page', texts: [outside.map((x) => x.text).join(' ')], detail: `${out.join(', ')}; line "${line.text}"` });
      }
    }

    // 2. Overlaps: words of different lines (any blocks), and words of one line.
    if (!skipped('overlap', page.number)) {
      const seen = new Map<string, { a: number; b: number; dy: number; dx: number }>();
      for (let i = 0; i < words.length; i++) {
        const a = words[i]!;
        for (let j = i + 1; j < words.length; j++) {
          const b = words[j]!;
          const dx = overlap1d(a.xMin, a.xMax, b.xMin, b.xMax);
          const dy = overlap1d(a.yMin, a.yMax, b.yMin, b.yMax);
          if (dx <= 0 || dy <= 0) continue;
          if (a.line === b.line) {
            // Kerning and italics let neighbours touch; one word drawn over another does not.
            const narrow = Math.min(a.xMax - a.xMin, b.xMax - b.xMin);
            if (dx > overlapX * narrow && dx > 1) {
              const key = `${a.line}`;
              if (!seen.has(key)) seen.set(key, { a: a.line, b: a.line, dy, dx });
            }
            continue;
          }
          const la = page.lines[a.line]!;
          const lb = page.lines[b.line]!;
          if (isMark(a, la) || isMark(b, lb)) continue;
          const lowerHeight = Math.min(a.yMax - a.yMin, b.yMax - b.yMin);
          if (dy > overlapY * lowerHeight && dx > 0.5) {
            const key = `${Math.min(a.line, b.line)}:${Math.max(a.line, b.line)}`;
            const prev = seen.get(key);
            if (!prev || dy * dx > prev.dy * prev.dx) seen.set(key, { a: Math.min(a.line, b.line), b: Math.max(a.line, b.line), dy, dx });
          }
        }
      }
      for (const { a, b, dy, dx } of seen.values()) {
        const la = page.lines[a]!;
        const lb = page.lines[b]!;
        defects.push({
          page: page.number,
          kind: 'overlap',
          texts: a === b ? [la.text] : [la.text, lb.text],
          detail: a === b ? `words of one line drawn over each other (${f1(dx)} pt)` : `lines overlap by ${f1(dy)} pt × ${f1(dx)} pt`,
        });
      }
    }

    // 3. Words of the slide broken across lines: the end of a line and the start of a line just
    //    below it make a word of the slide that neither half is.
    const texts = contents[page.number - 1]?.texts;
    if (texts && !skipped('split-word', page.number)) {
      const vocabulary = new Set(texts.flatMap((t) => t.split(/[\s\u00a0\u202f]+/)).map(norm).filter(Boolean));
      const reported = new Set<string>();
      for (const la of page.lines) {
        const last = la.words[la.words.length - 1];
        if (!last) continue;
        const height = last.yMax - last.yMin;
        for (const lb of page.lines) {
          if (lb === la) continue;
          const first = lb.words[0];
          if (!first) continue;
          // Just below: its top within the lower half of `la`'s line height, and sharing columns.
          const gap = first.yMin - last.yMin;
          if (gap < 0.4 * height || gap > 1.6 * height) continue;
          if (overlap1d(la.xMin, la.xMax, lb.xMin, lb.xMax) <= 0) continue;
          const a = norm(last.text);
          const b = norm(first.text);
          if (!a || !b) continue;
          const joined = a + b;
          const dehyphenated = a.replace(/[-‐]$/, '') + b;
          let split: string | undefined;
          if (vocabulary.has(joined) && !BREAK_AFTER.test(a)) split = joined;
          else if (dehyphenated !== joined && vocabulary.has(dehyphenated) && !vocabulary.has(joined)) split = dehyphenated;
          // The halves being words of the slide too (e.g. "Partner" + "schaft" with both on the slide) does not excuse the break.
          if (split && !reported.has(`${la.words.length}:${last.xMin}:${first.xMin}:${first.yMin}`)) {
            reported.add(`${la.words.length}:${last.xMin}:${first.xMin}:${first.yMin}`);
            defects.push({ page: page.number, kind: 'split-word', texts: [last.text, first.text], detail: `"${split}" broken across lines` });
          }
        }
      }
    }

    // 4. Text that runs out of its filled frame (e.g. a summary bar whose second line hangs below
    //    the bar): lines in the frame's columns, near it, whose words are all the frame's words.
    const frames = contents[page.number - 1]?.frames ?? [];
    if (!skipped('outside-frame', page.number)) {
      for (const frame of frames) {
        const vocabulary = new Set(frame.text.split(/[\s\u00a0\u202f]+/).map(norm).filter(Boolean));
        const mine = page.lines.filter((l) => {
          const cx = (l.xMin + l.xMax) / 2;
          const h = l.yMax - l.yMin;
          return (
            cx > frame.xMin && cx < frame.xMax && l.yMax > frame.yMin - 1.5 * h && l.yMin < frame.yMax + 1.5 * h &&
            // A list's bullet drawn apart from its item says nothing of whose line it is.
            l.words.some((w) => norm(w.text)) &&
            l.words.every((w) => {
              const n = norm(w.text);
              // A half of a word broken across lines (split-word reports the break itself) counts too.
              return !n || vocabulary.has(n) || /^[•◦▪–-]$/.test(w.text) || (n.length >= 3 && [...vocabulary].some((v) => v.includes(n)));
            })
          );
        });
        for (const l of mine) {
          // Word boxes reach from ascent to descent; the ink stays some 15 % inside.
          const slack = 0.15 * (l.yMax - l.yMin);
          const out = [
            l.yMin + slack < frame.yMin - tol && `above by ${f1(frame.yMin - l.yMin - slack)} pt`,
            l.yMax - slack > frame.yMax + tol && `below by ${f1(l.yMax - slack - frame.yMax)} pt`,
            l.xMin < frame.xMin - tol && `left by ${f1(frame.xMin - l.xMin)} pt`,
            l.xMax > frame.xMax + tol && `right by ${f1(l.xMax - frame.xMax)} pt`,
          ].filter(Boolean);
          if (out.length) defects.push({ page: page.number, kind: 'outside-frame', texts: [l.text], detail: `out of frame "${frame.name}": ${out.join(', ')}` });
        }
      }
    }
  }
  return defects;
}

/**
 * Reads the PDF's layout and runs the checks. `slides` (from pptxSlides, or just each slide's
 * texts from pptxSlideTexts) enables the split-word check, and with frames the outside-frame one.
 */
export async function layoutDefects(pdfPath: string, slides?: readonly (readonly string[] | SlideContent)[], opts?: DefectOptions): Promise<Defect[]> {
  return findDefects(await readLayout(pdfPath), slides, opts);
}

/** One line per defect, '' for none: `expect(formatDefects(d)).toBe('')` shows them all on failure. */
export function formatDefects(defects: readonly Defect[]): string {
  return defects.map((d) => `slide ${d.page}: ${d.kind}: ${d.texts.map((t) => JSON.stringify(t)).join(' / ')} (${d.detail})`).join('\n');
}
