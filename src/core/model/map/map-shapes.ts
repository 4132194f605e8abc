/**
 * The world map as geometry, for writers that draw shapes themselves (PowerPoint freeforms):
 * every country as rings of points in the SVG map's coordinates, with its group and name, and
 * the same marker rings the SVG draws.
 */
import { geoPath, type GeoContext } from 'd3-geo';
import { countryName, ensureLocale, loadAtlas, markerFor, normalise, WIDTH } from './atlas.js';
import type { MapGroup } from './world-map.js';


export interface MapShapes {
  /** The viewBox of the SVG map: coordinates below are in these units. */
  width: number;
  height: number;
  /** One entry per country of the atlas, in drawing order: plain land first, then each group's. */
  countries: { iso: string | undefined; name: string; group: number | undefined; rings: [number, number][][] }[];
  /** The rings the SVG draws around small or emphasised countries. */
  markers: { iso: string; group: number; emphasis: boolean; x: number; y: number; r: number }[];
}

/** Collects a d3-geo path as closed rings of absolute points, rounded like the SVG's. */
class RingCollector implements GeoContext {
  readonly rings: [number, number][][] = [];
  private ring: [number, number][] = [];
  beginPath(): void {}
  moveTo(x: number, y: number): void {
    this.flush();
    this.ring = [[round1(x), round1(y)]];
  }
  lineTo(x: number, y: number): void {
    const p: [number, number] = [round1(x), round1(y)];
    const prev = this.ring[this.ring.length - 1];
    if (!prev || prev[0] !== p[0] || prev[1] !== p[1]) this.ring.push(p);
  }
  closePath(): void {
    this.flush();
  }
  arc(): void {}
  private flush(): void {
    const pts = this.ring;
    this.ring = [];
    const first = pts[0];
    const last = pts[pts.length - 1];
    if (first && last && pts.length > 1 && first[0] === last[0] && first[1] === last[1]) pts.pop();
    if (pts.length >= 3) this.rings.push(pts);
  }
}

function round1(v: number): number {
  return Math.round(v * 10) / 10 || 0;
}

/**
 * Every country as rings of points, with the group it is highlighted in (first group wins, as in
 * the SVG) and its name in the deck's language; the markers as in the SVG.
 */
export function worldMapShapes(input: { groups: MapGroup[]; lang: string }): MapShapes {
  const atlas = loadAtlas();
  const locale = ensureLocale(input.lang);
  const groupOf = new Map<string, number>();
  input.groups.forEach((group, index) => {
    for (const iso of group.countries.map(normalise)) {
      if (atlas.byIso.has(iso) && !groupOf.has(iso)) groupOf.set(iso, index);
    }
  });
  const shapes = atlas.countries.map((country) => {
    const collector = new RingCollector();
    geoPath(atlas.projection, collector)(country.feature);
    const group = country.iso === undefined ? undefined : groupOf.get(country.iso);
    return { iso: country.iso, name: country.iso ? countryName(country.iso, locale) : '', group, rings: collector.rings };
  });
  const drawOrder = [
    ...shapes.filter((s) => s.group === undefined),
    ...input.groups.flatMap((_, index) => shapes.filter((s) => s.group === index)),
  ].filter((s) => s.rings.length > 0);
  const markers: MapShapes['markers'] = [];
  for (const country of atlas.countries) {
    const group = country.iso === undefined ? undefined : groupOf.get(country.iso);
    if (group === undefined) continue;
    const marker = markerFor(atlas, country, group, input.groups[group]?.emphasis === true);
    if (marker) markers.push(marker);
  }
  // Markers in group order, like the SVG (which walks the groups, then their members).
  markers.sort((a, b) => a.group - b.group);
  return { width: WIDTH, height: atlas.height, countries: drawOrder, markers };
}
