/**
 * Build-time world map for the `map` layout: a pure, deterministic function that turns groups of
 * ISO 3166-1 alpha-3 codes into an inline `<svg>` (no network, no client-side map library).
 *
 * Data (atlas.ts): `world-atlas/countries-110m.json` (Natural Earth 1:110m, TopoJSON, ids = ISO 3166-1
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
 * data (see CompactPath in svg-path.ts); a typical map is ~50 kB (≈ 18 kB gzipped). The first call
 * loads the atlas (~0.2 s), later calls take ~30 ms.
 */
import { merge, mesh } from 'topojson-client';
import { countryName, ensureLocale, loadAtlas, markerFor, normalise, WIDTH, type AtlasCountry, type Marker, type TopoCollection } from './atlas.js';
import { fixed, pathData } from './svg-path.js';

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

/** Fallback colours (presentation attributes; any theme CSS overrides them). */
const FALLBACK = {
  land: '#d5d9de',
  border: '#ffffff',
  groups: ['#2b6cb0', '#c05621', '#2f855a', '#9b2c2c', '#6b46c1', '#b7791f', '#2c7a7b', '#b83280'],
};

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
