/**
 * The fonts the briefing theme ships: Source Sans 3 from @fontsource, in four faces and every
 * subset the font has (Latin, Latin Extended, Greek, Cyrillic, Vietnamese), each with its
 * `unicode-range`. A built deck carries the subsets its page's text uses (Latin always) and a
 * theme/fonts.css declaring exactly those files. The same ranges say which characters no
 * shipped font covers (lint rule `font-coverage`). `neededSubsets` answers the same question for
 * any @fontsource package (the web fonts of reveal.js's themes, write/reveal/theme-fonts.ts).
 */
import SUBSET_RANGES from '@fontsource/source-sans-3/unicode.json' with { type: 'json' };

export const FONT_SUBSETS = ['latin', 'latin-ext', 'greek', 'greek-ext', 'cyrillic', 'cyrillic-ext', 'vietnamese'] as const;
export type FontSubset = (typeof FONT_SUBSETS)[number];

/** The faces the theme uses: body text, emphasis, semi-bold summaries, bold headings. */
export const FONT_FACES = [
  { style: 'normal', weight: 400 },
  { style: 'italic', weight: 400 },
  { style: 'normal', weight: 600 },
  { style: 'normal', weight: 700 },
] as const;

/** A face's file of a subset: WOFF 2 for browsers, WOFF 1 where TrueType tables are needed (embedding in a .pptx). */
export function fontFile(subset: FontSubset, face: { style: 'normal' | 'italic'; weight: number }, format: 'woff2' | 'woff' = 'woff2'): string {
  return `source-sans-3-${subset}-${face.weight}-${face.style}.${format}`;
}

/** Every font file the briefing theme can ship, in a fixed order. */
export const BRIEFING_FONTS: readonly string[] = fontFiles(FONT_SUBSETS);

/** `U+0370-0377,U+037A` as the subset's unicode-range says it. */
export function unicodeRange(subset: FontSubset): string {
  return (SUBSET_RANGES as Record<string, string>)[subset]!;
}

/** A @fontsource package's `unicode.json`: subset → unicode-range. */
export type UnicodeRanges = Readonly<Record<string, string>>;

type Range = [number, number];
const parsed = new WeakMap<UnicodeRanges, Map<string, Range[]>>();

function rangesOf(table: UnicodeRanges, subset: string): Range[] {
  let subsets = parsed.get(table);
  if (!subsets) {
    subsets = new Map(
      Object.entries(table).map(([s, range]) => [
        s,
        range.split(',').flatMap((r) => {
          const [from, to] = r.trim().replace(/^U\+/i, '').split('-');
          return drawable([parseInt(from!, 16), parseInt(to ?? from!, 16)]);
        }),
      ]),
    );
    parsed.set(table, subsets);
  }
  return subsets.get(subset) ?? [];
}

/**
 * A range without the control characters (U+0000–001F, U+007F–009F): some packages list them in
 * a subset (Open Sans's `symbols`), and every page has line breaks, which no font draws.
 */
function drawable([from, to]: Range): Range[] {
  const parts: Range[] = [];
  for (const [a, b] of [[0x20, 0x7e], [0xa0, Infinity]] as const) {
    const start = Math.max(from, a);
    const end = Math.min(to, b);
    if (start <= end) parts.push([start, end]);
  }
  return parts;
}

const inRanges = (codePoint: number, rs: Range[]): boolean => rs.some(([from, to]) => codePoint >= from && codePoint <= to);

/** Whether a shipped subset draws this code point. */
export function isCovered(codePoint: number): boolean {
  return FONT_SUBSETS.some((s) => inRanges(codePoint, rangesOf(SUBSET_RANGES, s)));
}

const classRange = ([from, to]: Range): string => (from === to ? `\\u{${from.toString(16)}}` : `\\u{${from.toString(16)}}-\\u{${to.toString(16)}}`);

/**
 * The subsets a text needs, in FONT_SUBSETS order: Latin always (talkdeck's own labels and the
 * theme's quotation marks are Latin), any other whose range holds one of the text's characters.
 */
export function subsetsFor(text: string): FontSubset[] {
  return neededSubsets(text, SUBSET_RANGES, FONT_SUBSETS) as FontSubset[];
}

/**
 * The same for any @fontsource package: of `subsets` (in their order, `latin` among them), the
 * ones the text needs. A page is megabytes of mostly Latin text: the scan is one native
 * regular-expression search for a character of a subset not yet needed, repeated (with that
 * subset taken out) at most once per subset.
 */
export function neededSubsets(text: string, table: UnicodeRanges, subsets: readonly string[]): string[] {
  const needed = new Set<string>(['latin']);
  let from = 0;
  for (;;) {
    const rest = subsets.filter((s) => !needed.has(s));
    if (rest.length === 0) break;
    const search = new RegExp(`[${rest.flatMap((s) => rangesOf(table, s)).map(classRange).join('')}]`, 'gu');
    search.lastIndex = from;
    const found = search.exec(text);
    if (!found) break;
    const cp = found[0].codePointAt(0)!;
    for (const s of rest) if (inRanges(cp, rangesOf(table, s))) needed.add(s);
    from = found.index;
  }
  return subsets.filter((s) => needed.has(s));
}

/** The font files of these subsets, all four faces each, in a fixed order. */
export function fontFiles(subsets: readonly FontSubset[]): string[] {
  return FONT_FACES.flatMap((face) => subsets.map((subset) => fontFile(subset, face)));
}

/** theme/fonts.css: one @font-face per file of these subsets, with the subset's unicode-range. */
export function fontFaceCss(subsets: readonly FontSubset[]): string {
  const rules = FONT_FACES.flatMap((face) =>
    subsets.map(
      (subset) =>
        `@font-face { font-family: "Source Sans 3"; font-style: ${face.style}; font-weight: ${face.weight}; font-display: block; src: url("fonts/${fontFile(subset, face)}") format("woff2"); unicode-range: ${unicodeRange(subset)}; }`,
    ),
  );
  return `/* Source Sans 3 (SIL OFL, see fonts/LICENSE): the subsets this deck's text uses. */\n${rules.join('\n')}\n`;
}
