/**
 * The world atlas the map layout draws from: Natural Earth 1:110m countries (world-atlas,
 * TopoJSON, ids = ISO 3166-1 numeric) with alpha-3 codes and localised names, projected once with
 * Equal Earth and cached. Both the SVG map (world-map.ts) and the shapes for writers that draw
 * the map themselves (map-shapes.ts) read it, so they agree on every point and marker.
 */
import { createRequire } from 'node:module';
import { feature, merge } from 'topojson-client';
import { geoArea, geoCentroid, geoEqualEarth, geoPath, type GeoProjection } from 'd3-geo';
import type { Feature as GeoFeature, MultiPolygon, Polygon } from 'geojson';
import type * as I18nCountries from 'i18n-iso-countries';

/** Width of the viewBox; the height is fixed by the data (see `MAP_VIEWBOX`). */
export const WIDTH = 960;
/** Room around the land so outline strokes and markers at the edge are not cut off. */
const PAD = 3;

/** Projected area (viewBox units²) below which a highlighted country also gets a marker ring. */
const TINY_AREA = 40;
/** Emphasis groups get a ring around every country, unless the ring would be larger than this. */
const MAX_RING_RADIUS = 48;

/** Natural Earth features that have no numeric ISO id in world-atlas but do have a code. */
const CODE_BY_NAME: Readonly<Record<string, string>> = { Kosovo: 'XKK' };
/** Left out of the map (and thus reported by `unknownCountryCodes`). */
const EXCLUDED = new Set(['ATA']);

export type Topology = Parameters<typeof merge>[0];
type TopoPolygon = Extract<Parameters<typeof merge>[1], unknown[]>[number];
export type TopoCollection = Exclude<Parameters<typeof merge>[1], unknown[]>;
type Feature = GeoFeature<Polygon | MultiPolygon>;

export interface AtlasCountry {
  /** Alpha-3 code, or undefined for the few Natural Earth units without one (N. Cyprus, Somaliland). */
  iso: string | undefined;
  geometry: TopoPolygon;
  feature: Feature;
}

export interface Atlas {
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
export function ensureLocale(lang: string): string {
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

export function loadAtlas(): Atlas {
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

export function normalise(code: string): string {
  return code.trim().toUpperCase();
}

/** Localised country name: deck language, then English, then the code itself. */
export function countryName(iso: string, locale: string): string {
  const lib = i18n();
  // Only alpha-3 codes get a name (getName would also accept alpha-2 and numeric codes).
  if (!/^[A-Z]{3}$/.test(iso) || !lib.alpha3ToAlpha2(iso)) return iso;
  return lib.getName(iso, locale) ?? lib.getName(iso, 'en') ?? iso;
}

export interface Marker {
  iso: string;
  group: number;
  emphasis: boolean;
  x: number;
  y: number;
  r: number;
}

export function markerFor(atlas: Atlas, country: AtlasCountry, group: number, emphasis: boolean): Marker | undefined {
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
