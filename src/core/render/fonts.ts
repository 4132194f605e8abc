/**
 * The fonts the briefing theme ships: Source Sans 3 from @fontsource, in four faces and every
 * subset the font has (Latin, Latin Extended, Greek, Cyrillic, Vietnamese), each with its
 * `unicode-range` so a browser loads only the subsets a deck's text uses. The same ranges say
 * which characters no shipped font covers (lint rule `font-coverage`).
 * templates/themes/briefing.css declares one @font-face per file; a test keeps the two in step.
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

export function fontFile(subset: FontSubset, face: (typeof FONT_FACES)[number]): string {
  return `source-sans-3-${subset}-${face.weight}-${face.style}.woff2`;
}

/** Every font file the briefing theme needs, in a fixed order. */
export const BRIEFING_FONTS: readonly string[] = FONT_FACES.flatMap((face) => FONT_SUBSETS.map((subset) => fontFile(subset, face)));

/** `U+0370-0377,U+037A` as the subset's unicode-range says it. */
export function unicodeRange(subset: FontSubset): string {
  return (SUBSET_RANGES as Record<string, string>)[subset]!;
}

let covered: [number, number][] | undefined;

/** Whether a shipped subset draws this code point. */
export function isCovered(codePoint: number): boolean {
  covered ??= FONT_SUBSETS.flatMap((s) =>
    unicodeRange(s)
      .split(',')
      .map((r) => {
        const [from, to] = r.trim().replace(/^U\+/i, '').split('-');
        return [parseInt(from!, 16), parseInt(to ?? from!, 16)] as [number, number];
      }),
  );
  return covered.some(([from, to]) => codePoint >= from && codePoint <= to);
}
