/**
 * Whether an SVG file is a plain drawing the sanitiser would leave as it is: shapes, text,
 * gradients, clips, masks, markers and filters, every reference `#id`, no CSS that can load
 * anything. Such a file ships byte for byte, without loading jsdom (which takes most of a second
 * to start): the SVGs of `talkdeck init`, of the example and of most charts exported from a
 * drawing program without editor data are plain (a `<style>` element included, when its CSS is
 * as plain as the attributes must be).
 *
 * This does not sanitise: anything it does not know — an element or attribute outside its short
 * lists, another namespace, a DOCTYPE, a processing instruction, CDATA, a
 * CSS function other than colours, transforms and `url(#id)`, an escape — sends the file to
 * DOMPurify (svg-sanitize.ts). Its lists are a subset of what DOMPurify keeps; test/safety/svg.test.ts
 * runs a file with all of them through DOMPurify and expects nothing removed.
 */
import { SaxesParser, type SaxesTagNS } from 'saxes';

const SVG_NS = 'http://www.w3.org/2000/svg';
const XLINK_NS = 'http://www.w3.org/1999/xlink';
const XMLNS_NS = 'http://www.w3.org/2000/xmlns/';

export const PLAIN_ELEMENTS = new Set(
  (
    'svg g defs title desc path rect circle ellipse line polyline polygon text tspan textPath ' +
    'style linearGradient radialGradient stop clipPath mask pattern symbol use marker ' +
    'filter feBlend feColorMatrix feComponentTransfer feComposite feFlood feFuncA feFuncB feFuncG feFuncR ' +
    'feGaussianBlur feMerge feMergeNode feMorphology feOffset'
  ).split(' '),
);

export const PLAIN_ATTRIBUTES = new Set(
  (
    'id class style transform d x y x1 y1 x2 y2 cx cy r rx ry fx fy dx dy width height viewBox ' +
    'preserveAspectRatio points pathLength version role aria-label aria-labelledby aria-describedby aria-hidden ' +
    'fill fill-opacity fill-rule stroke stroke-width stroke-opacity stroke-linecap stroke-linejoin ' +
    'stroke-dasharray stroke-dashoffset stroke-miterlimit opacity color display visibility ' +
    'font-family font-size font-weight font-style text-anchor dominant-baseline letter-spacing ' +
    'offset stop-color stop-opacity gradientUnits gradientTransform spreadMethod ' +
    'clip-path clip-rule clipPathUnits mask maskUnits maskContentUnits filter filterUnits primitiveUnits ' +
    'marker-start marker-mid marker-end markerWidth markerHeight markerUnits refX refY orient ' +
    'patternUnits patternContentUnits patternTransform stdDeviation in in2 result mode operator values type ' +
    'k1 k2 k3 k4 flood-color flood-opacity radius href'
  ).split(' '),
);

/** CSS functions that load nothing (`url()` is checked on its own: only `url(#id)`). */
const HARMLESS_FUNCTIONS = new Set(['rgb', 'rgba', 'hsl', 'hsla', 'matrix', 'translate', 'scale', 'rotate', 'skewx', 'skewy']);
const LOCAL_URL = /^url\(\s*(['"]?)#[\w.:-]+\1\s*\)/i;

/**
 * CSS with no escape, at-rule (`@import`, `@font-face`), comment or markup, and no function but
 * colours, transforms and `url(#id)`; blocks only in a `<style>` element (`sheet`).
 */
function plainCss(value: string, sheet = false): boolean {
  if (/[\\@<]|\/\*/.test(value) || (!sheet && /[{}]/.test(value))) return false;
  for (const m of value.matchAll(/([a-z_-][\w-]*)\s*\(/gi)) {
    const name = m[1]!.toLowerCase();
    if (name === 'url') {
      if (!LOCAL_URL.test(value.slice(m.index))) return false;
    } else if (!HARMLESS_FUNCTIONS.has(name)) return false;
  }
  return true;
}

export function isPlainSvg(text: string): boolean {
  const parser = new SaxesParser({ xmlns: true });
  let plain = true;
  /** Names of the open elements. */
  const open: string[] = [];
  let seen = false;
  const no = (): void => {
    plain = false;
  };
  parser.on('opentag', (tag: SaxesTagNS) => {
    const parent = open.at(-1);
    seen = true;
    open.push(tag.local);
    if (tag.uri !== SVG_NS || !PLAIN_ELEMENTS.has(tag.local) || (parent === undefined ? tag.local !== 'svg' : parent === 'style')) return no();
    for (const a of Object.values(tag.attributes)) {
      if (a.uri === XMLNS_NS) {
        if (a.value !== (a.prefix === 'xmlns' ? XLINK_NS : SVG_NS) || (a.prefix === 'xmlns' && a.local !== 'xlink')) return no();
        continue;
      }
      const href = a.local === 'href' && (a.uri === '' || a.uri === XLINK_NS);
      if (href ? !/^#[\w.:-]+$/.test(a.value) : a.uri !== '' || !PLAIN_ATTRIBUTES.has(a.local) || !plainCss(a.value)) return no();
    }
  });
  parser.on('closetag', () => {
    open.pop();
  });
  // A style sheet's text, as the XML parser decoded it (entities and character references).
  parser.on('text', (t) => {
    if (open.at(-1) === 'style' && !plainCss(t, true)) no();
  });
  parser.on('doctype', no);
  parser.on('processinginstruction', no);
  parser.on('cdata', no);
  parser.on('error', no);
  try {
    parser.write(text).close();
  } catch {
    return false;
  }
  return plain && seen;
}
