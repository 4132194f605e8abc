/**
 * The map layout: checks every country code against the atlas, then has the (lazily loaded) map
 * renderer draw the world with the deck's groups of countries. Ids inside the SVG carry the
 * reserved prefix, so they cannot clash with a slide's id.
 */
import { errorAt } from '../../base/source.js';
import type { SlideOf } from '../../deck/layouts.js';
import { RESERVED_ID_PREFIX } from '../slug.js';
import type { SlideModel } from '../types.js';
import type { LayoutContext } from './context.js';

export function mapModel(base: SlideModel, slide: SlideOf<'map'>, ctx: LayoutContext): SlideModel {
  const { path, maybe } = ctx;
  if (!ctx.maps) throw new Error('map slide modelled without a map renderer');
  const { renderWorldMap, unknownCountryCodes } = ctx.maps;
  let ok = true;
  slide.groups.forEach((g, gi) => {
    for (const code of unknownCountryCodes(g.countries)) {
      ok = false;
      ctx.errors.push(
        errorAt(ctx.source, [...path, 'groups', gi, 'countries', g.countries.indexOf(code)], {
          code: 'unknown-country',
          message: `Unknown or undrawable country code \`${code}\``,
          hint: 'use ISO 3166-1 alpha-3 codes, e.g. COL for Colombia, DEU for Germany',
        }),
      );
    }
  });
  if (!ok) return base;
  const groups = slide.groups.map((g) => ({ label: g.label, countries: g.countries.map((c) => c.trim().toUpperCase()), emphasis: g.emphasis ?? false }));
  const map = renderWorldMap({
    groups,
    lang: ctx.lang,
    title: base.title,
    idPrefix: `${RESERVED_ID_PREFIX}map-${base.id}`,
  });
  return { ...base, map: { ...map, groups, captionHtml: maybe(slide.caption, [...path, 'caption']) } };
}
