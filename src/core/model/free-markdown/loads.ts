/**
 * Which attributes of an element make the browser (or reveal.js) load a file, and how: one URL,
 * a list of them, a `srcset`, CSS, or a page in a frame. The sanitiser (sanitize.ts) passes each
 * one through the resource rule; an attribute not listed here loads nothing. Read from the HTML
 * standard and from reveal.js 6 (`data-src` lazy loading, slide backgrounds, lightbox previews).
 */

export type Load =
  /** One URL; `frame` when it is shown as a page (where an SVG or HTML file runs script). */
  | { kind: 'url'; frame?: boolean }
  /** URLs separated by commas (reveal.js backgrounds). */
  | { kind: 'list' }
  /** `url 1x, url 2x` */
  | { kind: 'srcset' }
  /** A CSS value, or with `declarations` a `style` attribute's declarations. */
  | { kind: 'css'; declarations?: boolean };

const SVG = 'http://www.w3.org/2000/svg';

/** HTML elements: attribute → what it loads. */
const HTML: Record<string, Record<string, Load>> = {
  img: { src: { kind: 'url' }, srcset: { kind: 'srcset' }, 'data-src': { kind: 'url' } },
  source: { src: { kind: 'url' }, srcset: { kind: 'srcset' }, 'data-src': { kind: 'url' } },
  video: { src: { kind: 'url' }, poster: { kind: 'url' }, 'data-src': { kind: 'url' } },
  audio: { src: { kind: 'url' }, 'data-src': { kind: 'url' } },
  track: { src: { kind: 'url' } },
  input: { src: { kind: 'url' } },
  iframe: { src: { kind: 'url', frame: true }, 'data-src': { kind: 'url', frame: true } },
  frame: { src: { kind: 'url', frame: true } },
  embed: { src: { kind: 'url', frame: true } },
  object: { data: { kind: 'url', frame: true } },
  // The legacy `background` attribute still paints a picture in every browser.
  body: { background: { kind: 'url' } },
  table: { background: { kind: 'url' } },
  thead: { background: { kind: 'url' } },
  tbody: { background: { kind: 'url' } },
  tfoot: { background: { kind: 'url' } },
  tr: { background: { kind: 'url' } },
  td: { background: { kind: 'url' } },
  th: { background: { kind: 'url' } },
};

/** `<link rel>` values whose target the browser loads (a canonical or author link it does not). */
const LOADED_LINK = /(^|\s)(stylesheet|icon|apple-touch-icon|preload|modulepreload|prefetch|manifest)(\s|$)/i;

/** reveal.js attributes on any element (slide backgrounds are read from sections). */
const REVEAL: Record<string, Load> = {
  'data-background-image': { kind: 'list' },
  'data-background-video': { kind: 'list' },
  'data-background-iframe': { kind: 'url', frame: true },
  'data-preview-image': { kind: 'url' },
  'data-preview-video': { kind: 'url' },
};

/** A loading function anywhere in a value: `url(`, `image-set(` … */
export const CSS_LOAD = /(?:^|[^\w-])(?:url|src|(?:-webkit-)?(?:image-set|image|cross-fade))\s*\(|\\/i;

/** What an attribute of this element loads, or undefined. `attrs` are the element's attributes. */
export function loadOf(tag: string, namespace: string | undefined, name: string, value: string, attrs: readonly { name: string; value: string }[]): Load | undefined {
  if (name === 'style') return { kind: 'css', declarations: true };
  if (namespace === SVG) {
    // Every SVG reference (image, use, feImage, pattern, mpath …) loads what it names, except a
    // link, which only navigates.
    if (name === 'href' && tag !== 'a') return { kind: 'url' };
  } else {
    const own = HTML[tag]?.[name];
    if (own) return own;
    if (tag === 'link' && name === 'href' && LOADED_LINK.test(attrs.find((a) => a.name === 'rel')?.value ?? '')) return { kind: 'url' };
  }
  const reveal = REVEAL[name];
  if (reveal && value.trim() !== '') return reveal;
  if (name === 'data-background') {
    // reveal.js takes it for an image when it looks like one, else sets it as the CSS `background`.
    if (/^(http|file|\/\/)/i.test(value) || /\.(svg|png|jpg|jpeg|gif|bmp|webp)([?#\s]|$)/i.test(value)) return { kind: 'url' };
  }
  // Anything else that holds CSS with a URL in it (data-background-gradient, fill="url(…)" …).
  if (CSS_LOAD.test(value)) return { kind: 'css' };
  return undefined;
}

/**
 * The page reveal.js frames for `data-preview-link` (its lightbox): the attribute's own value if
 * it is a web address, else the element's `href`; undefined when the element has none.
 */
export function previewFrame(attrs: readonly { name: string; value: string }[]): string | undefined {
  const preview = attrs.find((a) => a.name === 'data-preview-link');
  if (!preview || preview.value === 'false') return undefined;
  return preview.value.startsWith('http') ? preview.value : attrs.find((a) => a.name === 'href')?.value;
}
