/**
 * The deck's theme as a PowerPoint theme: the HTML theme's colours as a colour scheme (shapes
 * refer to them by role, so choosing other colours under Design → Variants recolours the
 * slides) and its font as the theme's heading and body font.
 */
import type { ColorScheme, Theme, Typeface } from '../presentation.js';

type Palette = ColorScheme & { font: string };

const BRIEFING: Palette = {
  name: 'talkdeck briefing',
  dk1: '1A1F29',
  lt1: 'FFFFFF',
  dk2: '0B2545',
  lt2: 'EEF2F7',
  accents: ['0B4F9C', 'C2410C', '15803D', '7E22CE', '4A5262', 'C9D1DC'],
  hlink: '0B4F9C',
  folHlink: '06366B',
  font: 'Source Sans 3',
};

/**
 * The HTML themes' colours (templates/themes/*.css and reveal.js's themes). Dark themes keep
 * dark text colours as dk1/dk2 in name only: PowerPoint maps text to dk1 on light backgrounds,
 * so a dark theme swaps what "text" and "background" are.
 */
const PALETTES: Readonly<Record<string, Palette>> = {
  briefing: BRIEFING,
  white: { ...BRIEFING, name: 'talkdeck white', dk1: '222222', dk2: '222222', lt2: 'F0F0F0', accents: ['2A76DD', 'C2410C', '15803D', '7E22CE', '5A5A5A', 'D0D0D0'], hlink: '2A76DD', folHlink: '1A53A1', font: 'Source Sans Pro' },
  'white-contrast': { ...BRIEFING, name: 'talkdeck white contrast', dk1: '000000', dk2: '000000', lt2: 'F0F0F0', accents: ['1A53A1', 'C2410C', '15803D', '7E22CE', '3A3A3A', 'BFBFBF'], hlink: '1A53A1', folHlink: '0D3A7A', font: 'Source Sans Pro' },
  black: { ...BRIEFING, name: 'talkdeck black', dk1: 'FFFFFF', lt1: '191919', dk2: 'FFFFFF', lt2: '2B2B2B', accents: ['42AFFA', 'FB923C', '4ADE80', 'C084FC', 'BFBFBF', '555555'], hlink: '42AFFA', folHlink: '8DCFFC', font: 'Source Sans Pro' },
  'black-contrast': { ...BRIEFING, name: 'talkdeck black contrast', dk1: 'FFFFFF', lt1: '000000', dk2: 'FFFFFF', lt2: '222222', accents: ['42AFFA', 'FB923C', '4ADE80', 'C084FC', 'D9D9D9', '666666'], hlink: '42AFFA', folHlink: '8DCFFC', font: 'Source Sans Pro' },
  ...revealPalettes(),
};

/**
 * reveal.js's other themes, from their own colours (--r-background-color, --r-main-color,
 * --r-heading-color, --r-link-color and its hover in reveal.js/dist/theme/*.css; a test holds them
 * to it) and talkdeck's layouts.css: the panel, muted text and rules are the main colour mixed
 * into the background as there, and the map and chart accents are its light or dark series.
 */
function revealPalettes(): Record<string, Palette> {
  const theme = (name: string, dark: boolean, c: { bg: string; main: string; heading: string; link: string; hover: string }, font: string): [string, Palette] => {
    const series: [string, string, string] = dark ? ['FFA657', '56D364', 'D2A8FF'] : ['C2410C', '15803D', '7E22CE'];
    return [
      name,
      {
        name: `talkdeck ${name}`,
        dk1: c.main,
        lt1: c.bg,
        dk2: c.heading,
        lt2: mix(c.main, c.bg, 0.06),
        accents: [c.link, ...series, mix(c.main, c.bg, 0.75), mix(c.main, c.bg, 0.25)],
        hlink: c.link,
        folHlink: c.hover,
        font,
      },
    ];
  };
  return Object.fromEntries([
    theme('beige', false, { bg: 'F7F3DE', main: '333333', heading: '333333', link: '8B743D', hover: 'B39753' }, 'Source Sans Pro'),
    theme('blood', true, { bg: '222222', main: 'EEEEEE', heading: 'EEEEEE', link: 'AA2233', hover: 'D63347' }, 'Ubuntu'),
    theme('dracula', true, { bg: '191919', main: 'F8F8F2', heading: 'BD93F9', link: 'FF79C6', hover: '8BE9FD' }, 'Segoe UI'),
    theme('league', true, { bg: '1C1E20', main: 'EEEEEE', heading: 'EEEEEE', link: '13DAEC', hover: '42E1F0' }, 'Lato'),
    theme('moon', true, { bg: '002B36', main: '93A1A1', heading: 'EEE8D5', link: '268BD2', hover: '4EA3DF' }, 'Lato'),
    theme('night', true, { bg: '111111', main: 'FFFFFF', heading: 'FFFFFF', link: 'E7AD52', hover: 'ECBD75' }, 'Open Sans'),
    theme('serif', false, { bg: 'F0F1EB', main: '000000', heading: '383D3D', link: '51483D', hover: '857765' }, 'Palatino Linotype'),
    theme('simple', false, { bg: 'FFFFFF', main: '000000', heading: '000000', link: '00008B', hover: '0000D5' }, 'Lato'),
    theme('sky', false, { bg: 'F7FBFC', main: '333333', heading: '333333', link: '2A76DD', hover: '4A8BE2' }, 'Open Sans'),
    theme('solarized', false, { bg: 'FDF6E3', main: '657B83', heading: '586E75', link: '268BD2', hover: '4EA3DF' }, 'Lato'),
  ]);
}

/** `share` of colour `a` over `b`, as CSS color-mix(in srgb, a share, b) computes it. */
function mix(a: string, b: string, share: number): string {
  const channel = (hex: string, i: number): number => parseInt(hex.slice(i * 2, i * 2 + 2), 16);
  return [0, 1, 2]
    .map((i) => Math.round(channel(a, i) * share + channel(b, i) * (1 - share)))
    .map((v) => v.toString(16).padStart(2, '0').toUpperCase())
    .join('');
}

/** Fonts that have serifs: PowerPoint substitutes a missing one by a serif font, not a sans. */
const SERIF_FONTS: readonly string[] = ['Palatino Linotype'];

/** The theme of an HTML theme's name; the briefing theme for any other. */
export function themeFor(name: string): Theme {
  const { font, ...colors } = PALETTES[name] ?? BRIEFING;
  // Where the font is missing, PowerPoint substitutes by these: a proportional sans serif (or serif).
  const typeface: Typeface = SERIF_FONTS.includes(font)
    ? { typeface: font, panose: '02040502050505030304', pitchFamily: 18, charset: 0 }
    : { typeface: font, panose: '020B0503030403020204', pitchFamily: 34, charset: 0 };
  return { name: colors.name, colors, font: typeface };
}

/** Code in the deck's text: a monospace font that LibreOffice ships. */
export const CODE_FONT: Typeface = { typeface: 'DejaVu Sans Mono', pitchFamily: 49 };
