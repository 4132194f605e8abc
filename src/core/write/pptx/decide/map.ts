/**
 * The world map as native shapes: every country a freeform in its group's colour, the SVG's
 * marker rings around small or emphasised countries, all in one group that carries the text
 * alternative; beside it one text frame with the legend (a paragraph per group, its swatch a
 * coloured square bullet) and the caption.
 */
import { worldMapShapes } from '../../../model/map/map-shapes.js';
import type { SlideModel } from '../../../model/types.js';
import type { Box, Paragraph, SchemeColor, Shape } from '../presentation.js';
import { runs, type DecideContext } from './context.js';
import { fitScale, runLines, textLines } from './fit.js';
import { SMALL_PX } from './geometry.js';
import { textBox } from './shapes.js';
import { maxOf, minOf } from '../../../base/extent.js';

/** Map colours by group, as the theme's map variables: the accent, then accents 2–4. */
const GROUP_COLOURS: SchemeColor[] = ['accent1', 'accent2', 'accent3', 'accent4'];
const groupColour = (group: number): SchemeColor => GROUP_COLOURS[group % GROUP_COLOURS.length]!;
/** The legend's swatch column: a square bullet and the gap after it. */
const SWATCH = 28;

export function map(slide: SlideModel, body: Box, ctx: DecideContext): Shape[] {
  const m = slide.map!;
  const geo = worldMapShapes({ groups: m.groups, lang: ctx.deck.lang });
  const legendW = 300;
  const areaW = body.w - legendW - 24;
  const scale = Math.min(areaW / geo.width, Math.min(470, body.h) / geo.height);
  const ox = body.x;
  const oy = body.y;
  const children: Shape[] = [];
  for (const country of geo.countries) {
    const xs = country.rings.flat().map((p) => p[0]);
    const ys = country.rings.flat().map((p) => p[1]);
    const [x0, y0, x1, y1] = [minOf(xs), minOf(ys), maxOf(xs), maxOf(ys)];
    // The path in tenths of the map's units, relative to the country's own box.
    children.push({
      kind: 'freeform',
      name: country.name || country.iso || { numbered: 'Land' },
      ...(country.iso ? { descr: `${country.name} (${country.iso})` } : {}),
      box: { x: ox + x0 * scale, y: oy + y0 * scale, w: Math.max((x1 - x0) * scale, 0.1), h: Math.max((y1 - y0) * scale, 0.1) },
      path: {
        w: Math.max(1, Math.round((x1 - x0) * 10)),
        h: Math.max(1, Math.round((y1 - y0) * 10)),
        rings: country.rings.map((ring) => ring.map((p): [number, number] => [Math.round((p[0] - x0) * 10), Math.round((p[1] - y0) * 10)])),
      },
      fill: country.group === undefined ? 'accent6' : groupColour(country.group),
      line: { px: 0.5 * scale, color: 'bg1', round: true },
    });
  }
  for (const marker of geo.markers) {
    const r = marker.r * scale;
    children.push({
      kind: 'preset',
      geometry: 'ellipse',
      name: `Marker ${marker.iso}`,
      box: { x: ox + marker.x * scale - r, y: oy + marker.y * scale - r, w: 2 * r, h: 2 * r },
      line: { px: (marker.emphasis ? 2 : 1.2) * scale, color: groupColour(marker.group) },
    });
  }
  // The group carries the text alternative, like the SVG's <desc>.
  const shapes: Shape[] = [
    { kind: 'group', name: `Map: ${slide.title}`, descr: m.description, box: { x: ox, y: oy, w: geo.width * scale, h: geo.height * scale }, children },
  ];
  // The legend: one text frame of a paragraph per group (its swatch a square bullet in the
  // group's colour), then the caption, so a label that wraps pushes the next one down.
  const width = legendW - SWATCH;
  const caption = m.captionHtml ? runs(m.captionHtml, ctx) : [];
  const legendHeight = (px: number): number =>
    m.legend.reduce((h, entry) => h + textLines(entry.label, px, width) * px * 1.2 + 12 * (px / SMALL_PX), 0) +
    (caption.length ? 4 + runLines(caption, px, legendW) * px * 1.2 : 0);
  const room = body.h - 8;
  const px = SMALL_PX * fitScale((s) => legendHeight(SMALL_PX * s), room);
  const paragraphs: Paragraph[] = m.legend.map((entry, i) => ({
    runs: [{ text: entry.label }],
    marginPx: SWATCH,
    hangPx: SWATCH,
    spaceAfterPx: 12 * (px / SMALL_PX),
    bullet: { kind: 'char', char: '■', font: { typeface: 'Arial', pitchFamily: 34, charset: 0 }, color: groupColour(i) },
    style: { sizePx: px },
  }));
  if (caption.length) paragraphs.push({ runs: caption, spaceBeforePx: 4, style: { sizePx: px, color: 'accent5' } });
  if (paragraphs.length) shapes.push(textBox('Legend', { x: body.x + body.w - legendW, y: body.y + 8, w: legendW, h: Math.min(room, legendHeight(px)) }, paragraphs));
  return shapes;
}
