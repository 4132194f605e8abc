/**
 * What every printed part shares: the XML declaration and namespaces, escaping, px → EMU, and the
 * DrawingML pieces (a box, a fill, an outline) that shapes, layouts and tables all write alike.
 */
import type { Box, ColorMap, Fill, Insets, Line, SchemeColor, Typeface } from '../presentation.js';

export const XML_HEAD = '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n';
export const NS =
  'xmlns:a="http://schemas.openxmlformats.org/drawingml/2006/main" ' +
  'xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships" ' +
  'xmlns:p="http://schemas.openxmlformats.org/presentationml/2006/main"';

export function escapeXml(text: string): string {
  return text
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/"/g, '&quot;')
    // Control characters are not allowed in XML 1.0; a stray one would make the part unreadable.
    .replace(/[\u0000-\u0008\u000b\u000c\u000e-\u001f\ufffe\uffff]/g, '');
}

/** 1 px = 9525 EMU: a 1280 px wide slide is 13.333 in, PowerPoint's 16:9. */
export const EMU_PER_PX = 9525;

export function emu(px: number): number {
  return Math.round(finite(px) * EMU_PER_PX);
}

/** Hundredths of a point from px at 96 dpi. */
export function sizeOf(px: number): number {
  return Math.round(finite(px) * 75);
}

/** A measure the deciding stage left infinite or undefined would make the file unreadable: a bug, said loudly. */
function finite(px: number): number {
  if (!Number.isFinite(px)) throw new Error(`pptx: a length of ${px} px reached the XML`);
  return px;
}

export function offExt(b: Box): string {
  return `<a:off x="${emu(b.x)}" y="${emu(b.y)}"/><a:ext cx="${emu(b.w)}" cy="${emu(b.h)}"/>`;
}

export function xfrm(b: Box): string {
  return `<a:xfrm>${offExt(b)}</a:xfrm>`;
}

/** A text frame's insets as `<a:bodyPr>` attributes. */
export function insetsAttrs(i: Insets): string {
  return `lIns="${emu(i.l)}" tIns="${emu(i.t)}" rIns="${emu(i.r)}" bIns="${emu(i.b)}"`;
}

export const schemeClr = (color: SchemeColor): string => `<a:schemeClr val="${color}"/>`;
export const solid = (color: SchemeColor): string => `<a:solidFill>${schemeClr(color)}</a:solidFill>`;

export function fillXml(fill: Fill | undefined): string {
  if (!fill) return '<a:noFill/>';
  if ('rgb' in fill) return `<a:solidFill><a:srgbClr val="${fill.rgb}"/></a:solidFill>`;
  if ('black' in fill) return `<a:solidFill><a:prstClr val="black"><a:alpha val="${Math.round(fill.black * 100000)}"/></a:prstClr></a:solidFill>`;
  if (fill.tintPct === undefined) return solid(fill.theme);
  const mod = fill.tintPct * 1000;
  return `<a:solidFill><a:schemeClr val="${fill.theme}"><a:lumMod val="${mod}"/><a:lumOff val="${100000 - mod}"/></a:schemeClr></a:solidFill>`;
}

/** An outline (`<a:ln>`), or none. */
export function lineXml(line: Line | undefined, tag = 'ln'): string {
  if (!line) return `<a:${tag}><a:noFill/></a:${tag}>`;
  return `<a:${tag} w="${emu(line.px)}">${solid(line.color)}${line.round ? '<a:round/>' : ''}</a:${tag}>`;
}

export function typefaceAttrs(f: Typeface): string {
  return (
    `typeface="${escapeXml(f.typeface)}"` +
    (f.panose ? ` panose="${f.panose}"` : '') +
    (f.pitchFamily !== undefined ? ` pitchFamily="${f.pitchFamily}"` : '') +
    (f.charset !== undefined ? ` charset="${f.charset}"` : '')
  );
}

/** A colour map as attributes (`bg1="lt1" tx1="dk1" …`), in the model's order. */
export function colorMapAttrs(map: ColorMap): string {
  return Object.entries(map)
    .map(([k, v]) => `${k}="${v}"`)
    .join(' ');
}
