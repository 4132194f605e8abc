/**
 * The deck's theme as a PowerPoint theme part: its colours become the theme's colour scheme
 * (shapes refer to them by name, so choosing other colours under Design → Variants recolours
 * the slides) and its fonts the theme's heading and body fonts.
 */
import { escapeXml } from './ooxml/xml.js';

export interface Palette {
  name: string;
  /** Body text, background, headings, panels. */
  dk1: string;
  lt1: string;
  dk2: string;
  lt2: string;
  /** accent1 is the deck's accent; accent2–4 the further map groups; accent5 muted text; accent6 rules and land. */
  accents: [string, string, string, string, string, string];
  hlink: string;
  folHlink: string;
  font: string;
}

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

export function paletteFor(theme: string): Palette {
  return PALETTES[theme] ?? BRIEFING;
}

/** Where Source Sans is missing, PowerPoint substitutes by these: a proportional sans serif. */
const FONT_ATTRS = 'panose="020B0503030403020204" pitchFamily="34" charset="0"';

export function themeXml(p: Palette, name = p.name): string {
  const font = escapeXml(p.font);
  const srgb = (v: string) => `<a:srgbClr val="${v}"/>`;
  const [a1, a2, a3, a4, a5, a6] = p.accents;
  return (
    `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n` +
    `<a:theme xmlns:a="http://schemas.openxmlformats.org/drawingml/2006/main" name="${escapeXml(name)}"><a:themeElements>` +
    `<a:clrScheme name="${escapeXml(p.name)}">` +
    `<a:dk1>${srgb(p.dk1)}</a:dk1><a:lt1>${srgb(p.lt1)}</a:lt1><a:dk2>${srgb(p.dk2)}</a:dk2><a:lt2>${srgb(p.lt2)}</a:lt2>` +
    `<a:accent1>${srgb(a1)}</a:accent1><a:accent2>${srgb(a2)}</a:accent2><a:accent3>${srgb(a3)}</a:accent3>` +
    `<a:accent4>${srgb(a4)}</a:accent4><a:accent5>${srgb(a5)}</a:accent5><a:accent6>${srgb(a6)}</a:accent6>` +
    `<a:hlink>${srgb(p.hlink)}</a:hlink><a:folHlink>${srgb(p.folHlink)}</a:folHlink></a:clrScheme>` +
    `<a:fontScheme name="${font}">` +
    `<a:majorFont><a:latin typeface="${font}" ${FONT_ATTRS}/><a:ea typeface=""/><a:cs typeface=""/></a:majorFont>` +
    `<a:minorFont><a:latin typeface="${font}" ${FONT_ATTRS}/><a:ea typeface=""/><a:cs typeface=""/></a:minorFont>` +
    `</a:fontScheme>` +
    `<a:fmtScheme name="talkdeck"><a:fillStyleLst>` +
    `<a:solidFill><a:schemeClr val="phClr"/></a:solidFill><a:solidFill><a:schemeClr val="phClr"/></a:solidFill><a:solidFill><a:schemeClr val="phClr"/></a:solidFill>` +
    `</a:fillStyleLst><a:lnStyleLst>` +
    `<a:ln w="6350"><a:solidFill><a:schemeClr val="phClr"/></a:solidFill></a:ln>` +
    `<a:ln w="12700"><a:solidFill><a:schemeClr val="phClr"/></a:solidFill></a:ln>` +
    `<a:ln w="19050"><a:solidFill><a:schemeClr val="phClr"/></a:solidFill></a:ln>` +
    `</a:lnStyleLst><a:effectStyleLst><a:effectStyle><a:effectLst/></a:effectStyle><a:effectStyle><a:effectLst/></a:effectStyle><a:effectStyle><a:effectLst/></a:effectStyle></a:effectStyleLst>` +
    `<a:bgFillStyleLst><a:solidFill><a:schemeClr val="phClr"/></a:solidFill><a:solidFill><a:schemeClr val="phClr"/></a:solidFill><a:solidFill><a:schemeClr val="phClr"/></a:solidFill></a:bgFillStyleLst>` +
    `</a:fmtScheme></a:themeElements><a:objectDefaults/><a:extraClrSchemeLst/></a:theme>`
  );
}
