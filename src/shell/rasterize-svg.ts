/**
 * SVG → PNG for the PowerPoint export: PowerPoint shows an SVG picture only next to a raster
 * fallback, and older versions and other viewers show only the fallback. resvg (a native
 * module, loaded only when a deck's image is an SVG) renders it without a browser.
 */
import { createRequire } from 'node:module';

type ResvgModule = typeof import('@resvg/resvg-js');
const require = createRequire(import.meta.url);

export function rasterizeSvg(svg: Uint8Array, widthPx: number): { png: Uint8Array; width: number; height: number } {
  const { Resvg } = require('@resvg/resvg-js') as ResvgModule;
  const image = new Resvg(Buffer.from(svg), {
    fitTo: { mode: 'width', value: widthPx },
    font: { loadSystemFonts: true, defaultFontFamily: 'DejaVu Sans' },
  }).render();
  return { png: image.asPng(), width: image.width, height: image.height };
}
