/**
 * The world map as native shapes: every country a freeform in its group's colour, the SVG's
 * marker rings around small or emphasised countries, all in one group that carries the text
 * alternative; beside it the legend (a swatch and a label per group) and the caption.
 */
import { lineCount } from '../../../model/fit.js';
import { worldMapShapes } from '../../../model/map/map-shapes.js';
import type { SlideModel } from '../../../model/types.js';
import type { Box, SchemeColor, Shape } from '../presentation.js';
import { runs, type DecideContext } from './context.js';
import { linesOf } from './fit.js';
import { SMALL_PX } from './geometry.js';
import { filled, textBox } from './shapes.js';

/** Map colours by group, as the theme's map variables: the accent, then accents 2–4. */
const GROUP_COLOURS: SchemeColor[] = ['accent1', 'accent2', 'accent3', 'accent4'];
const groupColour = (group: number): SchemeColor => GROUP_COLOURS[group % GROUP_COLOURS.length]!;

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
    const [x0, y0, x1, y1] = [Math.min(...xs), Math.min(...ys), Math.max(...xs), Math.max(...ys)];
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
  // Legend: a swatch and a label per group, then the caption.
  const lx = body.x + body.w - legendW;
  let y = body.y + 8;
  const legend: Shape[] = [];
  m.legend.forEach((entry, i) => {
    const h = lineCount(entry.label, SMALL_PX, legendW - 28) * SMALL_PX * 1.25;
    legend.push(
      filled(`Swatch ${i + 1}`, { x: lx, y: y + 3, w: 18, h: 18 }, groupColour(i)),
      textBox(`Legend ${i + 1}`, { x: lx + 28, y, w: legendW - 28, h }, [{ runs: [{ text: entry.label }], style: { sizePx: SMALL_PX } }]),
    );
    y += h + 12;
  });
  if (legend.length) shapes.push({ kind: 'group', name: 'Legend', box: { x: lx, y: body.y + 8, w: legendW, h: y - body.y - 8 }, children: legend });
  if (m.captionHtml) {
    const h = linesOf(m.captionHtml, SMALL_PX, legendW) * SMALL_PX * 1.25;
    shapes.push(textBox('Caption', { x: lx, y: y + 4, w: legendW, h }, [{ runs: runs(m.captionHtml, ctx), style: { sizePx: SMALL_PX, color: 'accent5' } }]));
  }
  return shapes;
}
