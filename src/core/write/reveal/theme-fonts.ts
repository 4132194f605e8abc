/**
 * reveal.js's themes offline. Eight of them begin with `@import` of Google Fonts, the only part
 * of any theme that needs the network: the import goes, and the same faces come from @fontsource
 * packages instead — exactly the weights and styles the import asks for, so the browser picks
 * the same face for every weight as it does online (night's headings stay Montserrat 700, blood's
 * body text keeps falling to Ubuntu 300). A deck carries the font files of its own theme only,
 * in the subsets its page's text needs (Latin always), each declared with its unicode-range.
 *
 * beige names "Source Sans Pro" and never loads it (online it falls back to Helvetica); it gets
 * the faces white.css embeds, from Source Sans 3 (the same typeface, renamed by Adobe), and the
 * Lato it imports but never uses is left out. dracula and serif use the computer's own fonts.
 */
import LATO from '@fontsource/lato/unicode.json' with { type: 'json' };
import MONTSERRAT from '@fontsource/montserrat/unicode.json' with { type: 'json' };
import NEWS_CYCLE from '@fontsource/news-cycle/unicode.json' with { type: 'json' };
import OPEN_SANS from '@fontsource/open-sans/unicode.json' with { type: 'json' };
import QUICKSAND from '@fontsource/quicksand/unicode.json' with { type: 'json' };
import SOURCE_SANS_3 from '@fontsource/source-sans-3/unicode.json' with { type: 'json' };
import UBUNTU from '@fontsource/ubuntu/unicode.json' with { type: 'json' };
import { neededSubsets, type UnicodeRanges } from '../../base/font-subsets.js';

interface FontPackage {
  /** `@fontsource/<id>`; its files are `files/<id>-<subset>-<weight>-<style>.woff2`. */
  id: string;
  ranges: UnicodeRanges;
}

interface Family {
  /** The name the theme's CSS uses. */
  family: string;
  from: FontPackage;
  /** `400`, `700i`: the faces the theme's Google Fonts import asks for. */
  faces: readonly string[];
}

const pkg = (id: string, ranges: UnicodeRanges): FontPackage => ({ id, ranges });
const LATO_FACES: Family = { family: 'Lato', from: pkg('lato', LATO), faces: ['400', '700', '400i', '700i'] };
const OPEN_SANS_FACES: Family = { family: 'Open Sans', from: pkg('open-sans', OPEN_SANS), faces: ['400', '700', '400i', '700i'] };

/**
 * Per theme, the families its CSS would import (reveal.js 6.0.2, dist/theme/*.css). Quicksand
 * has no italic, online either: the browser slants the upright face, as it does there.
 */
const THEME_FONTS: Readonly<Record<string, readonly Family[]>> = {
  beige: [{ family: 'Source Sans Pro', from: pkg('source-sans-3', SOURCE_SANS_3), faces: ['400', '400i', '600', '600i'] }],
  blood: [{ family: 'Ubuntu', from: pkg('ubuntu', UBUNTU), faces: ['300', '700', '300i', '700i'] }],
  league: [LATO_FACES],
  moon: [LATO_FACES],
  night: [{ family: 'Montserrat', from: pkg('montserrat', MONTSERRAT), faces: ['700'] }, OPEN_SANS_FACES],
  simple: [{ family: 'News Cycle', from: pkg('news-cycle', NEWS_CYCLE), faces: ['400', '700'] }, LATO_FACES],
  sky: [{ family: 'Quicksand', from: pkg('quicksand', QUICKSAND), faces: ['400', '700'] }, OPEN_SANS_FACES],
  solarized: [LATO_FACES],
};

/** Whether the theme's CSS must be taken offline (and given fonts) rather than copied as it is. */
export function hasWebFonts(theme: string): boolean {
  return theme in THEME_FONTS;
}

/** The @fontsource packages a theme's fonts come from. */
export function themeFontPackages(theme: string): string[] {
  return [...new Set((THEME_FONTS[theme] ?? []).map((f) => f.from.id))];
}

export interface ThemeFontFile {
  /** File name under the package's `files/` and under the output's `theme/fonts/`. */
  file: string;
  /** The @fontsource package id. */
  from: string;
}

/**
 * theme/fonts.css for a reveal.js theme and the font files it names, for the subsets the page's
 * text needs. Nothing for a theme without web fonts.
 */
export function themeFontFaces(theme: string, pageHtml: string): { css: string; files: ThemeFontFile[] } | undefined {
  const families = THEME_FONTS[theme];
  if (!families) return undefined;
  const rules: string[] = [];
  const files: ThemeFontFile[] = [];
  for (const { family, from, faces } of families) {
    const subsets = neededSubsets(pageHtml, from.ranges, subsetOrder(from.ranges));
    for (const face of faces) {
      const weight = parseInt(face, 10);
      const style = face.endsWith('i') ? 'italic' : 'normal';
      for (const subset of subsets) {
        const file = `${from.id}-${subset}-${weight}-${style}.woff2`;
        if (!files.some((f) => f.file === file)) files.push({ file, from: from.id });
        rules.push(
          `@font-face { font-family: "${family}"; font-style: ${style}; font-weight: ${weight}; font-display: block; src: url("fonts/${file}") format("woff2"); unicode-range: ${from.ranges[subset]}; }`,
        );
      }
    }
  }
  const credits = [...new Set(families.map((f) => `${f.family} (@fontsource/${f.from.id}, see fonts/LICENSE-${f.from.id})`))].join(', ');
  return { css: `/* ${credits}: the faces the ${theme} theme asks for, in the subsets this deck's text uses. */\n${rules.join('\n')}\n`, files };
}

/** Latin and Latin Extended first (they draw most of what other subsets share), then the rest in the package's order. */
function subsetOrder(ranges: UnicodeRanges): string[] {
  const first = ['latin', 'latin-ext'].filter((s) => s in ranges);
  return [...first, ...Object.keys(ranges).filter((s) => !first.includes(s))];
}

/**
 * A reveal.js theme without its Google Fonts imports. They stand at the top of the file, where
 * CSS allows `@import`; anything else that would load from elsewhere is a reveal.js this code
 * does not know (a newer version), and stops the build as a bug rather than ship a deck that
 * reaches for the network.
 */
export function withoutWebFonts(theme: string, css: string): string {
  const rest = css.replace(/^(?:\s*@import\s+(?:url\(\s*)?["']?https:\/\/fonts\.googleapis\.com\/[^"')]*["']?\s*\)?\s*;)+/, '');
  if (/@import|https?:/i.test(rest)) throw new Error(`reveal.js theme ${theme}.css loads something other than Google Fonts; talkdeck cannot take it offline`);
  return rest;
}
