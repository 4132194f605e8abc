/**
 * An SVG file of the deck made safe to ship: DOMPurify 3 (cure53's sanitiser, SVG profiles) on a
 * jsdom XML document — the tree a browser, PowerPoint and resvg read from a `.svg` file — removes
 * scripts, event handlers, `javascript:`, `<foreignObject>`, animations that can rewrite `href`,
 * `xml:base` and anything unknown. DOMPurify keeps URLs and never looks inside CSS, so two hooks
 * hand every reference (`href`, `xlink:href`, `url()` and `@import` in `<style>`, `style=""` and
 * presentation attributes) to the caller's rule, which keeps, rewrites or removes it. Only the
 * root element is serialised (XMLSerializer) under a fresh XML declaration: the DOCTYPE and any
 * `<?xml-stylesheet?>` never reach the output. Every removal comes back with its line and column.
 *
 * Loaded only for a deck with an SVG (jsdom takes half a second to load). One jsdom window serves
 * the process. jsdom keeps tree walkers in a WeakRef set, so a synchronous loop over many files
 * holds every parsed document until the loop ends: callers yield to the event loop between files.
 */
import createDOMPurify, { type DOMPurify } from 'dompurify';
import { JSDOM } from 'jsdom';
import { SaxesParser } from 'saxes';
import { cssReferences, syntaxError } from '../../base/css-references.js';

const SVG_NS = 'http://www.w3.org/2000/svg';

/** What becomes of a reference: kept, written as another URL (a data: URI), or removed with the reason. */
export type Decision = { keep: true } | { replace: string } | { drop: string };

/** `url` as written; `tag` the element it is on (lower case); `css` when it is in CSS, `font` in `@font-face`. */
export type ReferenceRule = (url: string, where: { tag: string; css: boolean; font: boolean; importing: boolean }) => Decision;

export interface Removal {
  line: number;
  column: number;
  message: string;
  /** A reference the rule refused (rather than script or markup a picture does not need). */
  reference?: boolean;
}

export class SvgRefused extends Error {
  constructor(
    message: string,
    readonly line = 1,
    readonly column = 1,
  ) {
    super(message);
    this.name = 'SvgRefused';
  }
}

let shared: { window: Window & typeof globalThis; purify: DOMPurify } | undefined;
function instance(): { window: Window & typeof globalThis; purify: DOMPurify } {
  if (shared) return shared;
  const { window } = new JSDOM('');
  const purify = createDOMPurify(window as unknown as Parameters<typeof createDOMPurify>[0]);
  // Fail closed: on a DOM it cannot use, DOMPurify would hand its input back unchanged.
  if (!purify.isSupported) throw new Error('DOMPurify cannot run on this DOM');
  shared = { window, purify };
  return shared;
}

/** Functions in an attribute value that point at something (`fill="url(#g)"`). */
const HAS_URL = /[\\(]/;

export function sanitizeSvg(text: string, rule: ReferenceRule): { svg: string; removed: Removal[] } {
  const { window, purify } = instance();
  const { positions, removed } = scan(text);
  const doc = new window.DOMParser().parseFromString(text, 'image/svg+xml');
  const root = doc.documentElement;
  if (root.localName === 'parsererror') throw new SvgRefused(`The SVG is not well-formed XML: ${root.textContent}`);
  if (root.localName !== 'svg' || root.namespaceURI !== SVG_NS) {
    throw new SvgRefused(`The file's root element is <${root.nodeName}>, not <svg> in the SVG namespace`, positions[0]?.line, positions[0]?.column);
  }
  // Element → its place in the source: document order is the same in saxes and in the DOM.
  const where = new WeakMap<Element, { line: number; column: number }>();
  const walker = doc.createTreeWalker(root, window.NodeFilter.SHOW_ELEMENT);
  let i = 0;
  for (let n: Node | null = walker.currentNode; n; n = walker.nextNode()) where.set(n as Element, positions[i++] ?? { line: 1, column: 1 });
  const at = (el: Element | undefined | null): { line: number; column: number } => (el && where.get(el)) || { line: 1, column: 1 };
  const own: (Removal & { attribute?: string; element?: Element })[] = [];

  /** A CSS text's references under the rule; returns the CSS to keep. */
  const css = (source: string, tag: string, el: Element): string => {
    let result;
    try {
      result = cssReferences(source);
    } catch (cause) {
      const syntax = syntaxError(cause);
      if (!syntax) throw cause;
      own.push({ ...at(el), message: `Removed CSS that does not parse (${syntax.reason}) from <${el.localName}>` });
      return '';
    }
    for (const u of result.unreadable) own.push({ ...at(el), message: `Removed CSS from <${el.localName}>: ${u.message}` });
    if (result.unreadable.length) return '';
    for (const ref of result.references) {
      const decision = ref.url.startsWith('#') ? { keep: true as const } : rule(ref.url, { tag, css: true, font: ref.font, importing: ref.importing });
      if ('replace' in decision) ref.replace(decision.replace);
      if ('drop' in decision) {
        own.push({ ...at(el), reference: true, message: `Removed ${ref.what} from <${el.localName}>: \`${ref.url}\` ${decision.drop}` });
        ref.remove();
      }
    }
    return result.text();
  };

  purify.removeAllHooks();
  purify.addHook('uponSanitizeElement', (node, data) => {
    if (data.tagName !== 'style' || !node.textContent) return;
    const kept = css(node.textContent, 'style', node as Element);
    if (kept !== node.textContent) node.textContent = kept;
  });
  purify.addHook('uponSanitizeAttribute', (node, data) => {
    const name = data.attrName;
    const tag = node.localName.toLowerCase();
    const value = data.attrValue ?? '';
    if (name === 'href' || name === 'xlink:href') {
      if (value.trim().startsWith('#')) return;
      const decision = rule(value, { tag, css: false, font: false, importing: false });
      if ('replace' in decision) {
        // A kept attribute is left as it stands (DOMPurify checks data: URIs by tag; this one the
        // rule made from a picture of the deck): write the new value here.
        node.setAttribute(name, decision.replace);
        data.forceKeepAttr = true;
      }
      if ('drop' in decision) {
        own.push({ ...at(node), attribute: name, element: node, reference: true, message: `Removed \`${name}\` from <${node.localName}>: \`${value.length > 80 ? `${value.slice(0, 80)}…` : value}\` ${decision.drop}` });
        data.keepAttr = false;
      }
      return;
    }
    if (name === 'style' || (HAS_URL.test(value) && !/^on/i.test(name))) {
      const kept = name === 'style' ? css(value, tag, node) : css(`x:${value}`, tag, node).slice(2);
      if (kept === '' && value.trim() !== '') {
        data.keepAttr = false;
        // Reported by css() with the reason; DOMPurify's own record of it is not repeated.
        own.push({ ...at(node), attribute: name, element: node, message: '' });
      } else data.attrValue = kept;
    }
  });

  purify.sanitize(root, {
    IN_PLACE: true,
    USE_PROFILES: { svg: true, svgFilters: true },
    // DOMPurify forbids <use> because it can load other files; the hook lets only `#id` through.
    ADD_TAGS: ['use'],
    // `role="img"` names a drawing for screen readers (aria-* are kept anyway).
    ADD_ATTR: ['role'],
    // A removed element takes its content with it: a script's text, an editor's private data.
    KEEP_CONTENT: false,
  });

  // DOMPurify's own removals, located; editors' metadata (Inkscape, Illustrator …) is counted, not listed.
  let editorNoise = 0;
  for (const r of purify.removed as { element?: Node; attribute?: Attr | null; from?: Element }[]) {
    if (r.element) {
      if (r.element.nodeType !== 1) continue;
      const el = r.element as Element;
      if (EDITOR.test(el.nodeName) || el.localName === 'metadata') {
        editorNoise++;
        continue;
      }
      removed.push({ ...at(el), message: `Removed <${el.nodeName}> from the SVG: ${elementReason(el.localName)}` });
    } else if (r.attribute && r.from) {
      const a = r.attribute;
      if (own.some((o) => o.element === r.from && o.attribute === a.name)) continue;
      if (EDITOR.test(a.name) || a.name.startsWith('xmlns:')) {
        editorNoise++;
        continue;
      }
      removed.push({ ...at(r.from), message: `Removed \`${a.name}\` from <${r.from.localName}>: ${attributeReason(a.name, a.value)}` });
    }
  }
  removed.push(...own.filter((o) => o.message).map(({ line, column, message, reference }) => ({ line, column, message, ...(reference ? { reference } : {}) })));
  if (editorNoise) removed.push({ line: 1, column: 1, message: `Removed ${editorNoise} editor-specific elements and attributes (Inkscape, Illustrator …) from the SVG` });
  removed.sort((a, b) => a.line - b.line || a.column - b.column);
  const svg = `<?xml version="1.0" encoding="UTF-8"?>\n${new window.XMLSerializer().serializeToString(root)}\n`;
  return { svg, removed };
}

/** Editor namespaces whose elements and attributes DOMPurify drops: noise, not news. */
const EDITOR = /^(inkscape|sodipodi|sketch|serif|i|x|a|graph|ns\d+|adobe|figma|dc|cc|rdf):/i;

function elementReason(name: string): string {
  const n = name.toLowerCase();
  if (n === 'script') return 'scripts do not run in a deck';
  if (n === 'foreignobject') return 'HTML inside an SVG is not shown as a picture';
  if (n.startsWith('animate') || n === 'set') return 'an animation can change where a link or picture points';
  return 'an element a picture does not need';
}

function attributeReason(name: string, value: string): string {
  if (/^on/i.test(name)) return 'scripts do not run in a deck';
  if (/^\s*(javascript|vbscript):/i.test(value.replace(/[\u0000-\u0020]+/g, ''))) return 'javascript: links run scripts';
  if (name === 'xml:base') return 'it changes where relative links point';
  return 'an attribute a picture does not need';
}

/** Pass 1 (saxes, jsdom's own XML parser): well-formedness, DOCTYPE, instructions, element places. */
function scan(text: string): { positions: { line: number; column: number }[]; removed: Removal[] } {
  const parser = new SaxesParser({ xmlns: true, position: true });
  const positions: { line: number; column: number }[] = [];
  const removed: Removal[] = [];
  const lines = text.split('\n');
  let failure: SvgRefused | undefined;
  parser.on('error', (e) => {
    failure ??= new SvgRefused(`The SVG is not well-formed XML: ${e.message.replace(/^[^:]*:\d+:\d+: /, '')}`, parser.line, parser.column);
  });
  parser.on('doctype', (dt) => {
    // An internal subset declares entities: the "billion laughs" bomb and file entities live there.
    if (dt.includes('[')) failure ??= new SvgRefused('The SVG declares entities (<!DOCTYPE … [ <!ENTITY …> ]>), which talkdeck does not read', parser.line, 1);
  });
  parser.on('processinginstruction', (pi) => {
    const line = lines[parser.line - 1] ?? '';
    const column = line.lastIndexOf(`<?${pi.target}`, parser.column) + 1 || 1;
    removed.push({ line: parser.line, column, message: `Removed <?${pi.target}?> from the SVG: ${pi.target === 'xml-stylesheet' ? 'it loads a style sheet' : 'an instruction a picture does not need'}` });
  });
  parser.on('opentagstart', (tag) => positions.push({ line: parser.line, column: Math.max(1, parser.column - tag.name.length - 1) }));
  try {
    parser.write(text).close();
  } catch (e) {
    failure ??= new SvgRefused(`The SVG is not well-formed XML: ${(e as Error).message}`, parser.line, parser.column);
  }
  if (failure) throw failure;
  return { positions, removed };
}
