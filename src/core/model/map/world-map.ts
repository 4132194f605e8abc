/**
 * Build-time world map for the `map` layout: a pure, deterministic function that turns groups of
 * ISO 3166-1 alpha-3 codes into an inline `<svg>` (no network, no client-side map library).
 *
 * Data: `world-atlas/countries-110m.json` (Natural Earth 1:110m, TopoJSON, ids = ISO 3166-1
 * numeric), projected with Equal Earth (equal-area, so highlighted countries keep fair sizes).
 * Antarctica is left out and the projection is fitted to the remaining land, which gives the
 * fixed `viewBox` (960 wide; the height follows from the data: 425).
 *
 * SVG structure (draw order = atlas order; plain land first, then highlights in group order,
 * then markers on top):
 *
 *   <svg class="world-map" viewBox role="img" aria-labelledby="<p>-title <p>-desc">
 *     <title id="<p>-title"/> <desc id="<p>-desc"/>
 *     <g class="map-layer" …>                  shared stroke (country borders)
 *       <path class="land">                   all non-highlighted countries, merged
 *       <path class="borders">                borders between non-highlighted countries, each once
 *       <g class="hl-group hl-group-<i>">     one per group that has something to draw
 *         <path class="land hl hl-<i> [hl-emph]" data-iso="COL">
 *       <g class="markers">
 *         <circle class="marker marker-<i> [marker-emph]" data-iso="COL">
 *
 * Markers are rings (no fill) around the country's centroid: for every country of an
 * `emphasis` group (unless the country is already large), and for any highlighted country
 * that is tiny at world scale. They carry their own `marker-*` classes, not `hl-*`, so a theme
 * rule such as `.hl-1 { fill: … }` cannot fill the ring and hide the country.
 *
 * Colours: the theme styles the classes above (e.g. `.world-map .hl-0 { fill: var(--…) }`,
 * `.world-map .marker-0 { stroke: var(--…) }`). The fallback colours are SVG *presentation
 * attributes* (`fill="…"` on the elements or their `<g>`), deliberately not a `<style>` element:
 * a `<style>` inside inline SVG is global to the whole HTML page (it would leak, and coming
 * later in the document it would beat the theme), whereas presentation attributes have the
 * lowest priority of all – any theme rule wins – and affect only this SVG.
 *
 * Size: coordinates are rounded to 0.1 viewBox units and written as relative, minified path
 * data (see {@link CompactPath}); a typical map is ~50 kB (≈ 18 kB gzipped). The first call
 * loads the atlas (~0.2 s), later calls take ~30 ms.
 */
import { createRequire } from 'node:module';
import { feature, merge, mesh } from 'topojson-client';
import { geoArea, geoCentroid, geoEqualEarth, geoPath, type GeoContext, type GeoProjection } from 'd3-geo';
import type { Feature as GeoFeature, MultiPolygon, Polygon } from 'geojson';
import type * as I18nCountries from 'i18n-iso-countries';

export interface MapGroup {
  label: string;
  /** ISO 3166-1 alpha-3 codes, case-insensitive, e.g. "COL". */
  countries: string[];
  emphasis?: boolean;
}

export interface WorldMapInput {
  groups: MapGroup[];
  /** Deck language (BCP 47, e.g. "de" or "de-AT"); country names use its primary subtag. */
  lang: string;
  /** Plain text for the SVG `<title>` (strip inline Markdown before passing it). */
  title: string;
  /** Prefix for the ids of `<title>`/`<desc>`, unique per map in one HTML page. */
  idPrefix: string;
}

export interface WorldMap {
  /** The `<svg>` element, ready to inline in HTML. */
  svg: string;
  /** Text alternative in the deck language: "Label: Name, Name; Label: Name". */
  description: string;
  /** One entry per group, in group order; `className` matches the classes of the group's paths. */
  legend: { label: string; className: string; countryNames: string[] }[];
}

/** Width of the viewBox; the height is fixed by the data (see `MAP_VIEWBOX`). */
const WIDTH = 960;
/** Room around the land so outline strokes and markers at the edge are not cut off. */
const PAD = 3;
/** Fraction digits of path coordinates (0.1 viewBox units ≈ 0.04° of longitude). */
const DIGITS = 1;

/** Projected area (viewBox units²) below which a highlighted country also gets a marker ring. */
const TINY_AREA = 40;
/** Emphasis groups get a ring around every country, unless the ring would be larger than this. */
const MAX_RING_RADIUS = 48;

/** Fallback colours (presentation attributes; any theme CSS overrides them). */
const FALLBACK = {
  land: '#d5d9de',
  border: '#ffffff',
  groups: ['#2b6cb0', '#c05621', '#2f855a', '#9b2c2c', '#6b46c1', '#b7791f', '#2c7a7b', '#b83280'],
};

/** Natural Earth features that have no numeric ISO id in world-atlas but do have a code. */
const CODE_BY_NAME: Readonly<Record<string, string>> = { Kosovo: 'XKK' };
/** Left out of the map (and thus reported by `unknownCountryCodes`). */
const EXCLUDED = new Set(['ATA']);

// ---------------------------------------------------------------------------------------------
// Lazily loaded, cached data

type Topology = Parameters<typeof merge>[0];
type TopoPolygon = Extract<Parameters<typeof merge>[1], unknown[]>[number];
type TopoCollection = Exclude<Parameters<typeof merge>[1], unknown[]>;
type Feature = GeoFeature<Polygon | MultiPolygon>;

interface AtlasCountry {
  /** Alpha-3 code, or undefined for the few Natural Earth units without one (N. Cyprus, Somaliland). */
  iso: string | undefined;
  geometry: TopoPolygon;
  feature: Feature;
}

interface Atlas {
  topology: Topology;
  /** Atlas order, Antarctica removed. */
  countries: AtlasCountry[];
  byIso: Map<string, AtlasCountry>;
  projection: GeoProjection;
  height: number;
}

interface CountriesTopology {
  type: 'Topology';
  objects: { countries: TopoCollection };
}

const require = createRequire(import.meta.url);
let atlasCache: Atlas | undefined;
let i18nCache: typeof I18nCountries | undefined;
const registeredLocales = new Set<string>();

function i18n(): typeof I18nCountries {
  if (!i18nCache) {
    // `index.js` is the library without its Node entry, which would register all ~80 locales;
    // we register what we need (de, en, and on demand the deck language).
    const lib = require('i18n-iso-countries/index.js') as typeof I18nCountries;
    for (const locale of ['de', 'en']) {
      lib.registerLocale(require(`i18n-iso-countries/langs/${locale}.json`) as I18nCountries.LocaleData);
      registeredLocales.add(locale);
    }
    i18nCache = lib;
  }
  return i18nCache;
}

/** Registers the locale for `lang` if i18n-iso-countries ships it; returns the locale to use. */
function ensureLocale(lang: string): string {
  const lib = i18n();
  const primary = (lang.split(/[-_]/)[0] ?? '').toLowerCase();
  if (!registeredLocales.has(primary) && /^[a-z]{2,3}$/.test(primary)) {
    const supported = new Set(lib.getSupportedLanguages());
    if (supported.has(primary)) {
      lib.registerLocale(require(`i18n-iso-countries/langs/${primary}.json`) as I18nCountries.LocaleData);
    }
    registeredLocales.add(primary); // also remember unsupported ones, so we look only once
  }
  return primary;
}

function loadAtlas(): Atlas {
  if (atlasCache) return atlasCache;
  const lib = i18n();
  const raw = require('world-atlas/countries-110m.json') as CountriesTopology;
  const topology = raw as unknown as Topology;
  const countries: AtlasCountry[] = [];
  const byIso = new Map<string, AtlasCountry>();
  for (const geometry of raw.objects.countries.geometries) {
    if (geometry.type !== 'Polygon' && geometry.type !== 'MultiPolygon') continue;
    const name = (geometry.properties as { name?: unknown } | undefined)?.name;
    const iso =
      geometry.id !== undefined
        ? lib.numericToAlpha3(String(geometry.id))
        : typeof name === 'string'
          ? CODE_BY_NAME[name]
          : undefined;
    if (iso && EXCLUDED.has(iso)) continue;
    const country: AtlasCountry = { iso, geometry, feature: feature(topology, geometry) as Feature };
    countries.push(country);
    if (iso && !byIso.has(iso)) byIso.set(iso, country);
  }
  const land = { type: 'FeatureCollection' as const, features: countries.map((c) => c.feature) };
  const projection = geoEqualEarth().fitWidth(WIDTH - 2 * PAD, land);
  const [tx, ty] = projection.translate();
  projection.translate([tx + PAD, ty + PAD]);
  const [, [, y1]] = geoPath(projection).bounds(land);
  const height = Math.ceil(y1 + PAD);
  atlasCache = { topology, countries, byIso, projection, height };
  return atlasCache;
}

// ---------------------------------------------------------------------------------------------
// Compact SVG path data

/**
 * A d3-geo path context that writes small path data: coordinates rounded to `DIGITS` fraction
 * digits, relative commands (`m`/`l`/`z`), separators only where needed (`1.2-3.4.5`), points
 * that round onto the previous one dropped, rings that collapse to fewer than 3 points dropped.
 * Rounding is done on absolute coordinates and the deltas taken afterwards, so it never drifts.
 */
class CompactPath implements GeoContext {
  private readonly scale = 10 ** DIGITS;
  private out = '';
  /** Current point of the emitted path, in rounded units (integers). */
  private cx = 0;
  private cy = 0;
  private ring: [number, number][] = [];
  private last = '';

  beginPath(): void {
    // Nothing to do: subpaths are delimited by moveTo.
  }

  moveTo(x: number, y: number): void {
    this.flush(false);
    this.ring = [[this.round(x), this.round(y)]];
  }

  lineTo(x: number, y: number): void {
    const p: [number, number] = [this.round(x), this.round(y)];
    const prev = this.ring[this.ring.length - 1];
    if (prev && prev[0] === p[0] && prev[1] === p[1]) return;
    this.ring.push(p);
  }

  closePath(): void {
    this.flush(true);
  }

  arc(): void {
    // Only polygons and lines are drawn; points (which would call arc) never occur.
  }

  result(): string {
    this.flush(false);
    return this.out;
  }

  private round(v: number): number {
    return Math.round(v * this.scale) || 0; // `|| 0` turns -0 into 0
  }

  private flush(closed: boolean): void {
    const pts = this.ring;
    this.ring = [];
    if (closed && pts.length > 1) {
      const first = pts[0]!;
      const last = pts[pts.length - 1]!;
      if (first[0] === last[0] && first[1] === last[1]) pts.pop();
    }
    if (pts.length < (closed ? 3 : 2)) return;
    pts.forEach(([x, y], i) => {
      if (i === 0) {
        this.out += 'm';
        this.last = '';
      }
      this.num(x - this.cx);
      this.num(y - this.cy);
      this.cx = x;
      this.cy = y;
    });
    if (closed) {
      this.out += 'z';
      // After `z` the current point is the start of the subpath.
      this.cx = pts[0]![0];
      this.cy = pts[0]![1];
    }
  }

  private num(units: number): void {
    const s = formatUnits(units, this.scale);
    const needsSep =
      this.last !== '' && (/^[0-9]/.test(s) || (s.startsWith('.') && !this.last.includes('.')));
    this.out += (needsSep ? ' ' : '') + s;
    this.last = s;
  }
}

/** `units / scale` as the shortest decimal: 15 → "1.5", -5 → "-.5", 30 → "3". */
function formatUnits(units: number, scale: number): string {
  const sign = units < 0 ? '-' : '';
  const abs = Math.abs(units);
  const int = Math.floor(abs / scale);
  const frac = abs % scale;
  if (frac === 0) return sign + String(int);
  const fracStr = String(frac).padStart(DIGITS, '0').replace(/0+$/, '');
  return sign + (int === 0 ? '' : String(int)) + '.' + fracStr;
}

function pathData(projection: GeoProjection, object: Parameters<ReturnType<typeof geoPath>>[0]): string {
  const context = new CompactPath();
  geoPath(projection, context)(object);
  return context.result();
}

function fixed(v: number): string {
  return formatUnits(Math.round(v * 10 ** DIGITS) || 0, 10 ** DIGITS);
}

// ---------------------------------------------------------------------------------------------
// Public API

function normalise(code: string): string {
  return code.trim().toUpperCase();
}

/**
 * The codes (as given) that are not ISO 3166-1 alpha-3 codes or that have no geometry in the
 * 1:110m atlas (small states such as SGP, MLT, BHR, and ATA, which the map leaves out).
 * Each offending code is reported once, in input order.
 */
export function unknownCountryCodes(codes: string[]): string[] {
  const { byIso } = loadAtlas();
  const seen = new Set<string>();
  const unknown: string[] = [];
  for (const code of codes) {
    if (seen.has(code)) continue;
    seen.add(code);
    if (!byIso.has(normalise(code))) unknown.push(code);
  }
  return unknown;
}

/** Localised country name: deck language, then English, then the code itself. */
function countryName(iso: string, locale: string): string {
  const lib = i18n();
  // Only alpha-3 codes get a name (getName would also accept alpha-2 and numeric codes).
  if (!/^[A-Z]{3}$/.test(iso) || !lib.alpha3ToAlpha2(iso)) return iso;
  return lib.getName(iso, locale) ?? lib.getName(iso, 'en') ?? iso;
}

function escapeXml(text: string): string {
  return text
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/"/g, '&quot;');
}

/** Ids may not contain whitespace (aria-labelledby is a space-separated list). */
function safeId(prefix: string): string {
  return prefix.replace(/[^A-Za-z0-9_.:-]/g, '-') || 'map';
}

interface Marker {
  iso: string;
  group: number;
  emphasis: boolean;
  x: number;
  y: number;
  r: number;
}

function markerFor(atlas: Atlas, country: AtlasCountry, group: number, emphasis: boolean): Marker | undefined {
  const area = geoPath(atlas.projection).area(country.feature);
  if (!emphasis && area >= TINY_AREA) return undefined;
  // Centroid of the largest part, so that e.g. France is not marked in the Atlantic because of
  // French Guiana, nor the USA somewhere between Alaska and the lower 48.
  const geometry = country.feature.geometry;
  let main: Polygon =
    geometry.type === 'Polygon' ? geometry : { type: 'Polygon', coordinates: geometry.coordinates[0] ?? [] };
  if (geometry.type === 'MultiPolygon') {
    let best = -1;
    for (const coordinates of geometry.coordinates) {
      const part: Polygon = { type: 'Polygon', coordinates };
      const a = geoArea(part);
      if (a > best) {
        best = a;
        main = part;
      }
    }
  }
  const centre = atlas.projection(geoCentroid(main));
  if (!centre) return undefined;
  // The ring encloses the main part with a small gap, so it never cuts through the country.
  let reach = 0;
  for (const position of main.coordinates[0] ?? []) {
    const p = atlas.projection([position[0] ?? 0, position[1] ?? 0]);
    if (p) reach = Math.max(reach, Math.hypot(p[0] - centre[0], p[1] - centre[1]));
  }
  if (reach > MAX_RING_RADIUS) return undefined; // large enough to be seen without a ring
  const r = Math.max(reach + (emphasis ? 4 : 3), emphasis ? 8 : 5);
  return { iso: country.iso ?? '', group, emphasis, x: centre[0], y: centre[1], r };
}

/** Maps already drawn, by input: the dev server rebuilds a deck on every save, and drawing one takes ~30 ms. */
const drawn = new Map<string, WorldMap>();
const MAX_DRAWN = 32;

/**
 * Renders the map. Codes are case-insensitive; codes without geometry are skipped in the SVG
 * (report them with `unknownCountryCodes`) but still named in `description` and `legend`.
 * A country listed in several groups is drawn in the first of them.
 */
export function renderWorldMap(input: WorldMapInput): WorldMap {
  const key = JSON.stringify([input.groups.map((g) => [g.label, g.countries, g.emphasis === true]), input.lang, input.title, input.idPrefix]);
  const cached = drawn.get(key);
  if (cached) return cached;
  const map = drawWorldMap(input);
  // The result is shared between calls, so nobody may change it.
  for (const entry of map.legend) Object.freeze(Object.freeze(entry).countryNames);
  Object.freeze(Object.freeze(map).legend);
  if (drawn.size >= MAX_DRAWN) drawn.delete(drawn.keys().next().value!);
  drawn.set(key, map);
  return map;
}

function drawWorldMap(input: WorldMapInput): WorldMap {
  const atlas = loadAtlas();
  const locale = ensureLocale(input.lang);
  const id = safeId(input.idPrefix);
  const titleId = `${id}-title`;
  const descId = `${id}-desc`;

  // Which group each drawable country belongs to (first group wins).
  const groupOf = new Map<string, number>();
  const groups = input.groups.map((group, index) => {
    const codes = [...new Set(group.countries.map(normalise))];
    for (const iso of codes) {
      if (atlas.byIso.has(iso) && !groupOf.has(iso)) groupOf.set(iso, index);
    }
    const emphasis = group.emphasis === true;
    return {
      label: group.label,
      emphasis,
      codes,
      names: codes.map((iso) => countryName(iso, locale)),
      className: `hl hl-${index}${emphasis ? ' hl-emph' : ''}`,
    };
  });

  const description = groups
    .map((g) => (g.names.length > 0 ? `${g.label}: ${g.names.join(', ')}` : g.label))
    .join('; ');

  const isHighlighted = (c: AtlasCountry): boolean => c.iso !== undefined && groupOf.has(c.iso);
  const plain = atlas.countries.filter((c) => !isHighlighted(c));
  const plainGeometries = new Set<unknown>(plain.map((c) => c.geometry));
  const collection = {
    type: 'GeometryCollection',
    geometries: atlas.countries.map((c) => c.geometry),
  } as TopoCollection;

  const landD = pathData(atlas.projection, merge(atlas.topology, plain.map((c) => c.geometry)));
  const bordersD = pathData(
    atlas.projection,
    mesh(atlas.topology, collection, (a, b) => a !== b && plainGeometries.has(a) && plainGeometries.has(b)),
  );

  const parts: string[] = [];
  parts.push(
    `<svg xmlns="http://www.w3.org/2000/svg" class="world-map" viewBox="0 0 ${WIDTH} ${atlas.height}"` +
      ` role="img" aria-labelledby="${escapeXml(titleId)} ${escapeXml(descId)}">`,
    `<title id="${escapeXml(titleId)}">${escapeXml(input.title)}</title>`,
    `<desc id="${escapeXml(descId)}">${escapeXml(description)}</desc>`,
    `<g class="map-layer" stroke="${FALLBACK.border}" stroke-width=".5" stroke-linejoin="round">`,
    `<path class="land" fill="${FALLBACK.land}" stroke="none" d="${landD}"/>`,
    `<path class="borders" fill="none" d="${bordersD}"/>`,
  );

  const markers: Marker[] = [];
  groups.forEach((group, index) => {
    const members = atlas.countries.filter((c) => c.iso !== undefined && groupOf.get(c.iso) === index);
    if (members.length === 0) return;
    const colour = FALLBACK.groups[index % FALLBACK.groups.length]!;
    parts.push(`<g class="hl-group hl-group-${index}" fill="${colour}">`);
    for (const country of members) {
      const iso = country.iso!;
      parts.push(
        `<path class="land ${group.className}" data-iso="${iso}" d="${pathData(atlas.projection, country.feature)}"/>`,
      );
      const marker = markerFor(atlas, country, index, group.emphasis);
      if (marker) markers.push(marker);
    }
    parts.push('</g>');
  });

  if (markers.length > 0) {
    parts.push('<g class="markers" fill="none">');
    for (const m of markers) {
      const colour = FALLBACK.groups[m.group % FALLBACK.groups.length]!;
      parts.push(
        `<circle class="marker marker-${m.group}${m.emphasis ? ' marker-emph' : ''}" data-iso="${m.iso}"` +
          ` cx="${fixed(m.x)}" cy="${fixed(m.y)}" r="${fixed(m.r)}" stroke="${colour}"` +
          ` stroke-width="${m.emphasis ? 2 : 1.2}"/>`,
      );
    }
    parts.push('</g>');
  }
  parts.push('</g>', '</svg>');

  return {
    svg: parts.join(''),
    description,
    legend: groups.map((g) => ({ label: g.label, className: g.className, countryNames: g.names })),
  };
}

// ---------------------------------------------------------------------------------------------
// The same map as geometry, for writers that draw shapes themselves (PowerPoint freeforms)

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
