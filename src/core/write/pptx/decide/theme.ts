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
};

/** The theme of an HTML theme's name; the briefing theme for any other. */
export function themeFor(name: string): Theme {
  const { font, ...colors } = PALETTES[name] ?? BRIEFING;
  // Where Source Sans is missing, PowerPoint substitutes by these: a proportional sans serif.
  const typeface: Typeface = { typeface: font, panose: '020B0503030403020204', pitchFamily: 34, charset: 0 };
  return { name: colors.name, colors, font: typeface };
}

/** Code in the deck's text: a monospace font that LibreOffice ships. */
export const CODE_FONT: Typeface = { typeface: 'DejaVu Sans Mono', pitchFamily: 49 };
