import { describe, it, expect } from 'vitest';
import { renderWorldMap, unknownCountryCodes, type WorldMapInput } from '../src/core/model/map/world-map.js';

const PARTNERS = ['AFG', 'AUS', 'IRQ', 'JPN', 'KOR', 'MNG', 'NZL', 'PAK'];

const sample: WorldMapInput = {
  groups: [
    { label: 'Globale Partner der NATO', countries: PARTNERS },
    { label: 'Kolumbien – einziger Partner Lateinamerikas', countries: ['COL'], emphasis: true },
  ],
  lang: 'de',
  title: 'NATO-Partner weltweit',
  idPrefix: 'slide-7-map',
};

interface Element {
  tag: string;
  attrs: Record<string, string>;
}

/** The self-closing elements of the given tag, with their attributes (our SVG has no nesting in them). */
function elements(svg: string, tag: string): Element[] {
  return [...svg.matchAll(new RegExp(`<${tag}\\b([^>]*?)/>`, 'g'))].map((m) => ({
    tag,
    attrs: Object.fromEntries([...(m[1] ?? '').matchAll(/([\w:-]+)="([^"]*)"/g)].map((a) => [a[1]!, a[2]!])),
  }));
}

function highlighted(svg: string): Element[] {
  return elements(svg, 'path').filter((p) => p.attrs['data-iso'] !== undefined);
}

function viewBox(svg: string): [number, number, number, number] {
  const m = /<svg\b[^>]*\bviewBox="([^"]+)"/.exec(svg);
  expect(m).not.toBeNull();
  return m![1]!.split(' ').map(Number) as [number, number, number, number];
}

/** Decodes our relative path data (m/l/z) into absolute points. */
function decodePath(d: string): [number, number][] {
  const tokens = d.match(/[mlzMLZ]|-?(?:\d+(?:\.\d*)?|\.\d+)/g) ?? [];
  expect(tokens.join('').length).toBe(d.replace(/ /g, '').length); // nothing unparsed
  const points: [number, number][] = [];
  let x = 0;
  let y = 0;
  let sx = 0;
  let sy = 0;
  let cmd = '';
  let startOfSubpath = false;
  for (let i = 0; i < tokens.length; ) {
    const t = tokens[i]!;
    if (/[a-zA-Z]/.test(t)) {
      cmd = t;
      i++;
      if (cmd === 'z') {
        x = sx;
        y = sy;
      }
      startOfSubpath = cmd === 'm';
      continue;
    }
    expect(cmd === 'm' || cmd === 'l').toBe(true);
    x += Number(t);
    y += Number(tokens[i + 1]);
    i += 2;
    if (startOfSubpath) {
      sx = x;
      sy = y;
      startOfSubpath = false;
    }
    points.push([x, y]);
  }
  return points;
}

describe('renderWorldMap', () => {
  const map = renderWorldMap(sample);

  it('is an accessible, self-contained svg', () => {
    expect(map.svg.startsWith('<svg xmlns="http://www.w3.org/2000/svg"')).toBe(true);
    expect(map.svg.endsWith('</svg>')).toBe(true);
    expect(map.svg).toContain('role="img"');
    expect(map.svg).toContain('aria-labelledby="slide-7-map-title slide-7-map-desc"');
    expect(map.svg).toContain('<title id="slide-7-map-title">NATO-Partner weltweit</title>');
    expect(map.svg).toContain(`<desc id="slide-7-map-desc">${map.description}</desc>`);
    expect(map.svg).not.toContain('<style'); // fallback colours are presentation attributes
    expect(map.svg).not.toMatch(/https?:\/\/(?!www\.w3\.org\/2000\/svg")/); // no network
  });

  it('gives highlighted countries their group classes and data-iso', () => {
    const paths = highlighted(map.svg);
    expect(paths.map((p) => p.attrs['data-iso']).sort()).toEqual([...PARTNERS, 'COL'].sort());
    for (const p of paths) {
      const expected = p.attrs['data-iso'] === 'COL' ? 'land hl hl-1 hl-emph' : 'land hl hl-0';
      expect(p.attrs['class'], p.attrs['data-iso']).toBe(expected);
      expect(p.attrs['d']!.length).toBeGreaterThan(10);
    }
    // Plain land: one merged path, drawn before the highlights, without data-iso.
    const all = elements(map.svg, 'path');
    expect(all[0]!.attrs['class']).toBe('land');
    expect(all[0]!.attrs['data-iso']).toBeUndefined();
    expect(all.filter((p) => p.attrs['class'] === 'land')).toHaveLength(1);
    expect(all.filter((p) => p.attrs['class'] === 'borders')).toHaveLength(1);
  });

  it('draws highlights in group order, each group in atlas order', () => {
    const order = highlighted(map.svg).map((p) => p.attrs['data-iso']);
    expect(order.at(-1)).toBe('COL');
    // world-atlas order (not the input order), stable across calls
    expect(order.slice(0, -1)).toEqual(['IRQ', 'KOR', 'MNG', 'PAK', 'AFG', 'NZL', 'AUS', 'JPN']);
  });

  it('marks the countries of emphasis groups with a ring around the centroid', () => {
    const circles = elements(map.svg, 'circle');
    expect(circles).toHaveLength(1);
    const ring = circles[0]!.attrs;
    expect(ring['class']).toBe('marker marker-1 marker-emph');
    expect(ring['data-iso']).toBe('COL');
    // Colombia lies west of the map centre and just north of the equator (the vertical middle)
    const [, , w, h] = viewBox(map.svg);
    expect(Number(ring['cx'])).toBeGreaterThan(0.25 * w);
    expect(Number(ring['cx'])).toBeLessThan(0.35 * w);
    expect(Number(ring['cy'])).toBeGreaterThan(0.4 * h);
    expect(Number(ring['cy'])).toBeLessThan(0.6 * h);
    // the ring encloses Colombia
    const r = Number(ring['r']);
    const col = highlighted(map.svg).find((p) => p.attrs['data-iso'] === 'COL')!;
    for (const [x, y] of decodePath(col.attrs['d']!)) {
      expect(Math.hypot(x - Number(ring['cx']), y - Number(ring['cy']))).toBeLessThan(r);
    }
  });

  it('marks tiny countries of any group, but not large ones', () => {
    const m = renderWorldMap({ ...sample, groups: [{ label: 'x', countries: ['LUX', 'QAT', 'BRA'] }] });
    const marked = elements(m.svg, 'circle').map((c) => [c.attrs['data-iso'], c.attrs['class']]);
    expect(marked).toEqual([
      ['QAT', 'marker marker-0'],
      ['LUX', 'marker marker-0'],
    ]);
  });

  it('names every highlighted country in the deck language', () => {
    expect(map.description).toBe(
      'Globale Partner der NATO: Afghanistan, Australien, Irak, Japan, Südkorea, Mongolei, Neuseeland, Pakistan; ' +
        'Kolumbien – einziger Partner Lateinamerikas: Kolumbien',
    );
    expect(map.legend).toEqual([
      {
        label: 'Globale Partner der NATO',
        className: 'hl hl-0',
        countryNames: ['Afghanistan', 'Australien', 'Irak', 'Japan', 'Südkorea', 'Mongolei', 'Neuseeland', 'Pakistan'],
      },
      { label: 'Kolumbien – einziger Partner Lateinamerikas', className: 'hl hl-1 hl-emph', countryNames: ['Kolumbien'] },
    ]);
  });

  it('uses English names for lang en, regional tags, and unsupported languages', () => {
    const en = renderWorldMap({ ...sample, lang: 'en' });
    expect(en.legend[0]!.countryNames).toContain('South Korea');
    expect(en.legend[1]!.countryNames).toEqual(['Colombia']);
    expect(renderWorldMap({ ...sample, lang: 'de-AT' }).description).toBe(map.description);
    expect(renderWorldMap({ ...sample, lang: 'xx' }).legend[1]!.countryNames).toEqual(['Colombia']);
    expect(renderWorldMap({ ...sample, lang: 'fr' }).legend[0]!.countryNames).toContain('Australie');
  });

  it('is deterministic', () => {
    const again = renderWorldMap(sample);
    renderWorldMap({ ...sample, groups: [{ label: 'other', countries: ['FRA', 'USA'], emphasis: true }] });
    expect(renderWorldMap(sample)).toEqual(again);
    expect(again.svg).toBe(map.svg);
  });

  it('treats codes case-insensitively and ignores duplicates', () => {
    const lower = renderWorldMap({
      ...sample,
      groups: [
        { label: 'Globale Partner der NATO', countries: [...PARTNERS.map((c) => c.toLowerCase()), 'afg'] },
        { label: 'Kolumbien – einziger Partner Lateinamerikas', countries: ['Col'], emphasis: true },
      ],
    });
    expect(lower).toEqual(map);
  });

  it('keeps ids apart for different idPrefix values', () => {
    const other = renderWorldMap({ ...sample, idPrefix: 'slide-9-map' });
    const ids = (svg: string) => [...svg.matchAll(/\bid="([^"]+)"/g)].map((m) => m[1]);
    expect(ids(map.svg)).toEqual(['slide-7-map-title', 'slide-7-map-desc']);
    expect(ids(other.svg)).toEqual(['slide-9-map-title', 'slide-9-map-desc']);
    expect(other.svg).toContain('aria-labelledby="slide-9-map-title slide-9-map-desc"');
    // an id must not contain spaces: aria-labelledby is a space-separated list
    const spaced = renderWorldMap({ ...sample, idPrefix: 'my map' });
    expect(ids(spaced.svg)).toEqual(['my-map-title', 'my-map-desc']);
  });

  it('escapes text', () => {
    const m = renderWorldMap({
      ...sample,
      title: 'A <b> & "c"',
      groups: [{ label: 'x < y & z', countries: ['COL'] }],
    });
    expect(m.svg).toContain('<title id="slide-7-map-title">A &lt;b&gt; &amp; &quot;c&quot;</title>');
    expect(m.svg).toContain('<desc id="slide-7-map-desc">x &lt; y &amp; z: Kolumbien</desc>');
    expect(m.description).toBe('x < y & z: Kolumbien');
  });

  it('uses one fixed viewBox and keeps every coordinate inside it', () => {
    const [x0, y0, w, h] = viewBox(map.svg);
    expect([x0, y0, w]).toEqual([0, 0, 960]);
    expect(h).toBeGreaterThan(400);
    expect(h).toBeLessThan(500);
    const other = renderWorldMap({ ...sample, groups: [{ label: 'x', countries: ['RUS', 'FJI', 'CHL'] }] });
    expect(viewBox(other.svg)).toEqual([x0, y0, w, h]);
    const points = elements(other.svg, 'path').flatMap((p) => decodePath(p.attrs['d']!));
    expect(points.length).toBeGreaterThan(5000);
    const xs = points.map(([x]) => x);
    const ys = points.map(([, y]) => y);
    expect(Math.min(...xs)).toBeGreaterThanOrEqual(0);
    expect(Math.max(...xs)).toBeLessThanOrEqual(w);
    expect(Math.min(...ys)).toBeGreaterThanOrEqual(0);
    expect(Math.max(...ys)).toBeLessThanOrEqual(h);
    // the land fills the width (fitted projection) and nearly the height (no Antarctica)
    expect(Math.max(...xs) - Math.min(...xs)).toBeGreaterThan(w - 10);
    expect(Math.max(...ys) - Math.min(...ys)).toBeGreaterThan(h - 10);
  });

  it('stays small', () => {
    expect(Buffer.byteLength(map.svg)).toBeLessThan(60_000);
  });

  it('draws a country listed in two groups once, in the first group, but names it in both', () => {
    const m = renderWorldMap({
      ...sample,
      groups: [
        { label: 'a', countries: ['COL', 'PER'] },
        { label: 'b', countries: ['COL'], emphasis: true },
      ],
    });
    expect(highlighted(m.svg).map((p) => [p.attrs['data-iso'], p.attrs['class']])).toEqual([
      ['PER', 'land hl hl-0'],
      ['COL', 'land hl hl-0'],
    ]);
    expect(m.description).toBe('a: Kolumbien, Peru; b: Kolumbien');
  });

  it('skips codes without geometry in the drawing but still names them', () => {
    const m = renderWorldMap({ ...sample, groups: [{ label: 'x', countries: ['SGP', 'XXX', 'COL'] }] });
    expect(highlighted(m.svg).map((p) => p.attrs['data-iso'])).toEqual(['COL']);
    expect(m.legend[0]!.countryNames).toEqual(['Singapur', 'XXX', 'Kolumbien']);
  });

  it('draws Kosovo, which has no numeric ISO id in the atlas', () => {
    const m = renderWorldMap({ ...sample, groups: [{ label: 'x', countries: ['XKK'] }] });
    expect(highlighted(m.svg).map((p) => p.attrs['data-iso'])).toEqual(['XKK']);
    expect(m.description).toBe('x: Kosovo');
  });
});

describe('unknownCountryCodes', () => {
  it('reports codes that are not alpha-3', () => {
    expect(unknownCountryCodes(['XXX', 'COL', 'ZZZ'])).toEqual(['XXX', 'ZZZ']);
    expect(unknownCountryCodes(['CO', '170', 'COLL', ''])).toEqual(['CO', '170', 'COLL', '']);
  });

  it('accepts valid codes in any case', () => {
    expect(unknownCountryCodes([...PARTNERS, 'COL', 'col', 'Kor', 'deu', 'XKK'])).toEqual([]);
  });

  it('reports valid codes that the 1:110m atlas cannot draw', () => {
    expect(unknownCountryCodes(['SGP', 'MLT', 'ATA', 'FRA'])).toEqual(['SGP', 'MLT', 'ATA']);
  });

  it('returns codes as given, each once', () => {
    expect(unknownCountryCodes(['xxx', 'xxx', 'sgp'])).toEqual(['xxx', 'sgp']);
  });
});
