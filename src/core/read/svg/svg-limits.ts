/**
 * The work an SVG file can cause, bounded before any DOM, browser or resvg sees it. A 2.6 KB file
 * of nested `<use>` ("billion laughs") draws 10⁹ rectangles: resvg gave up with a stack trace,
 * Chromium hung printing the PDF. One streaming pass with saxes (stopping at the first hard
 * limit) builds a light tree; one memoised walk then counts the elements a renderer instantiates
 * once every reference is followed:
 *
 *   expanded(n) = 1 + Σ expanded(child) + Σ expanded(target of each reference of n)
 *
 * References: `href="#id"` (use, image, feImage, pattern, gradients, textPath …) and `url(#id)`
 * in fill, stroke, filter, clip-path, mask and markers (a marker counts once per vertex of its
 * path). Memoised per element, a 10-level × 10 bomb costs ten visits; a cycle counts 0 (renderers
 * skip it). Filters get their own small budget: one blurred element at slide size costs resvg
 * seconds. Embedded `data:` pictures are measured from their header (base/image-header.ts).
 * CSS in `<style>` can attach filters and markers by selector: charged, approximately, to every
 * element with a class or id.
 */
import { SaxesParser, type SaxesTagNS } from 'saxes';
import { pictureSize, pictureTooLarge } from '../../base/image-header.js';

export const SVG_LIMITS = {
  bytes: 4 * 2 ** 20,
  /** Elements as written. */
  elements: 50_000,
  /** Nesting (resvg stops at 1,024). */
  depth: 200,
  /** Elements once every reference is followed (resvg stops at 1,000,000; 100,000 rects take it 1.3 s). */
  expanded: 100_000,
  /** Element instances drawn through a filter. */
  filtered: 20,
};

export interface SvgProblem {
  line: number;
  column: number;
  message: string;
  hint: string;
  /** `unsupported-image` for a file that is no readable SVG, else it is too costly to draw. */
  unreadable?: boolean;
}

interface Node {
  name: string;
  attrs: Record<string, string>;
  children: Node[];
  line: number;
  column: number;
}

const CAP = 1e15;
const sat = (x: number): number => (x > CAP ? CAP : x);
const XLINK = 'http://www.w3.org/1999/xlink';
/** Drawn only where something refers to them. */
const NOT_RENDERED = new Set(['defs', 'symbol', 'clipPath', 'mask', 'marker', 'pattern', 'linearGradient', 'radialGradient', 'filter', 'metadata', 'title', 'desc', 'style', 'script']);
/** Elements a style sheet can give a filter or marker that matters. */
const GRAPHICS = new Set(['svg', 'g', 'a', 'switch', 'use', 'image', 'path', 'rect', 'circle', 'ellipse', 'line', 'polyline', 'polygon', 'text', 'tspan', 'textPath']);
const URL_REF = /url\(\s*['"]?#([^'")\s]+)['"]?\s*\)/gi;
const REF_PROPS = ['fill', 'stroke', 'filter', 'clip-path', 'mask', 'marker-start', 'marker-mid', 'marker-end', 'marker'];
const HINT_SIMPLER = 'simplify the drawing (fewer copies of copies, fewer filters) or save it as a PNG';

const count = (n: number): string => (n >= CAP ? 'more than 10¹⁵' : n.toLocaleString('en'));

/** The problems that make the SVG too costly to draw; empty when it is within the limits. */
export function svgLimitProblems(text: string): SvgProblem[] {
  const bytes = Buffer.byteLength(text);
  if (bytes > SVG_LIMITS.bytes) {
    return [{ line: 1, column: 1, message: `The SVG is ${(bytes / 2 ** 20).toFixed(1)} MB; at most ${SVG_LIMITS.bytes / 2 ** 20} MB`, hint: HINT_SIMPLER }];
  }
  const read = readTree(text);
  if ('problem' in read) return [read.problem];
  const { root, byId, sheetRefs } = read;
  const problems: SvgProblem[] = [];

  const refsOf = (el: Node): { id: string; times: number }[] => {
    const refs: { id: string; times: number }[] = [];
    const href = el.attrs.href?.trim();
    if (href?.startsWith('#')) refs.push({ id: href.slice(1), times: 1 });
    for (const [prop, value] of Object.entries(properties(el))) {
      const times = prop === 'marker-mid' || prop === 'marker' ? vertices(el) : 1;
      for (const m of value.matchAll(URL_REF)) refs.push({ id: m[1]!, times });
    }
    if ((el.attrs.class || el.attrs.id) && GRAPHICS.has(el.name)) for (const id of sheetRefs.ids) refs.push({ id, times: 1 });
    return refs;
  };
  const filtered = (el: Node): boolean => {
    const f = properties(el).filter;
    return (f !== undefined && !/^\s*none\s*$/i.test(f)) || (sheetRefs.filter && GRAPHICS.has(el.name) && Boolean(el.attrs.class || el.attrs.id));
  };

  // Iterative post-order walk with memoisation: [expanded, filtered] per element.
  const memo = new Map<Node, [number, number]>();
  const open = new Set<Node>();
  /** The first element (in finishing order) whose own count passes the limit: where the bomb is. */
  let culprit: { node: Node; expanded: number; filtered: number } | undefined;
  const stack: { node: Node; deps: Node[]; next: number; acc: [number, number]; times: number[] }[] = [];
  const enter = (node: Node): void => {
    const refs = refsOf(node).flatMap((r) => (byId.has(r.id) ? [{ target: byId.get(r.id)!, times: r.times }] : []));
    const children = node.children.filter((c) => !NOT_RENDERED.has(c.name));
    const hidden = node.children.length - children.length;
    open.add(node);
    stack.push({
      node,
      deps: [...children, ...refs.map((r) => r.target)],
      times: [...children.map(() => 1), ...refs.map((r) => r.times)],
      next: 0,
      acc: [1 + hidden, filtered(node) ? 1 : 0],
    });
  };
  enter(root);
  while (stack.length) {
    const top = stack[stack.length - 1]!;
    if (top.next < top.deps.length) {
      const dep = top.deps[top.next]!;
      const known = memo.get(dep);
      if (known) {
        const times = top.times[top.next]!;
        top.acc = [sat(top.acc[0] + known[0] * times), sat(top.acc[1] + known[1] * times)];
        top.next++;
      } else if (open.has(dep)) top.next++; // a cycle: renderers skip it
      else enter(dep);
      continue;
    }
    stack.pop();
    open.delete(top.node);
    memo.set(top.node, top.acc);
    if (!culprit && top.node !== root && (top.acc[0] > SVG_LIMITS.expanded || top.acc[1] > SVG_LIMITS.filtered)) {
      culprit = { node: top.node, expanded: top.acc[0], filtered: top.acc[1] };
    }
  }
  const [expanded, filteredCount] = memo.get(root)!;
  const at = culprit?.node ?? root.children[0] ?? root;
  const name = `<${at.name}${at.attrs.id ? ` id="${at.attrs.id}"` : ''}>`;
  if (expanded - 1 > SVG_LIMITS.expanded) {
    problems.push({
      line: at.line,
      column: at.column,
      message: `This ${name} makes ${count(culprit?.expanded ?? expanded)} elements once its <use> and url(#…) references are followed; an SVG may make at most ${count(SVG_LIMITS.expanded)}`,
      hint: HINT_SIMPLER,
    });
  } else if (filteredCount > SVG_LIMITS.filtered) {
    problems.push({
      line: at.line,
      column: at.column,
      message: `This ${name} draws ${count(culprit?.filtered ?? filteredCount)} elements through filters; an SVG may draw at most ${SVG_LIMITS.filtered}`,
      hint: HINT_SIMPLER,
    });
  }
  problems.push(...embeddedPictures(root));
  return problems;
}

type Tree = { root: Node; byId: Map<string, Node>; sheetRefs: { ids: string[]; filter: boolean } };

/** The light tree, or the first hard limit (or XML error) met while reading it. */
function readTree(text: string): Tree | { problem: SvgProblem } {
  const parser = new SaxesParser({ xmlns: true, position: true });
  const root: Node = { name: '#root', attrs: {}, children: [], line: 1, column: 1 };
  const stack: Node[] = [root];
  const byId = new Map<string, Node>();
  const sheets: string[] = [];
  let elements = 0;
  let stop: SvgProblem | undefined;
  // Positions at `opentagstart` are just past the name (`opentag` comes after the attributes).
  let at = { line: 1, column: 1 };
  parser.on('opentagstart', (tag) => {
    at = { line: parser.line, column: Math.max(1, parser.column - tag.name.length - 1) };
  });
  parser.on('opentag', (tag: SaxesTagNS) => {
    if (stop) return;
    if (++elements > SVG_LIMITS.elements) {
      stop = { ...at, message: `The SVG has more than ${count(SVG_LIMITS.elements)} elements`, hint: HINT_SIMPLER };
      return;
    }
    if (stack.length > SVG_LIMITS.depth) {
      stop = { ...at, message: `The SVG nests elements more than ${SVG_LIMITS.depth} levels deep`, hint: HINT_SIMPLER };
      return;
    }
    const attrs: Record<string, string> = {};
    for (const a of Object.values(tag.attributes)) {
      if (a.uri === XLINK && a.local === 'href') attrs.href ??= a.value;
      else if (!a.uri) attrs[a.local] = a.value;
    }
    const node: Node = { name: tag.local, attrs, children: [], ...at };
    stack[stack.length - 1]!.children.push(node);
    if (attrs.id) byId.set(attrs.id, node);
    stack.push(node);
  });
  parser.on('closetag', () => {
    if (!stop) stack.pop();
  });
  const styleText = (t: string): void => {
    if (stack[stack.length - 1]!.name === 'style') sheets.push(t);
  };
  parser.on('text', styleText);
  parser.on('cdata', styleText);
  const unreadable = (message: string): SvgProblem => ({ line: parser.line, column: parser.column, message, hint: 'open and save it in a drawing program, or export it again', unreadable: true });
  parser.on('error', (e) => {
    stop ??= unreadable(`The SVG is not well-formed XML: ${e.message.replace(/^[^:]*:\d+:\d+: /, '')}`);
  });
  parser.on('doctype', (dt) => {
    // An internal subset declares entities: the "billion laughs" bomb and file entities live there.
    if (dt.includes('[')) stop ??= { ...unreadable('The SVG declares entities (<!DOCTYPE … [ <!ENTITY …> ]>), which talkdeck does not read'), column: 1 };
  });
  try {
    for (let i = 0; i < text.length && !stop; i += 65_536) parser.write(text.slice(i, i + 65_536));
    if (!stop) parser.close();
  } catch (e) {
    stop ??= unreadable(`The SVG is not well-formed XML: ${(e as Error).message.replace(/^[^:]*:\d+:\d+: /, '')}`);
  }
  if (stop) return { problem: stop };
  const sheetRefs = { ids: [] as string[], filter: false };
  for (const css of sheets) {
    for (const m of css.matchAll(/(filter|marker(?:-start|-mid|-end)?|mask|clip-path|fill|stroke)\s*:\s*url\(\s*['"]?#([^'")\s]+)/gi)) {
      sheetRefs.ids.push(m[2]!);
      if (m[1]!.toLowerCase() === 'filter') sheetRefs.filter = true;
    }
  }
  return { root, byId, sheetRefs };
}

/** Presentation attributes and `style` declarations that can refer to another element (last wins, as in CSS). */
function properties(el: Node): Record<string, string> {
  const out: Record<string, string> = {};
  for (const p of REF_PROPS) if (el.attrs[p] !== undefined) out[p] = el.attrs[p]!;
  for (const decl of (el.attrs.style ?? '').split(';')) {
    const i = decl.indexOf(':');
    const name = decl.slice(0, i).trim().toLowerCase();
    if (i > 0 && REF_PROPS.includes(name)) out[name] = decl.slice(i + 1);
  }
  return out;
}

function vertices(el: Node): number {
  const d = el.attrs.d ?? el.attrs.points;
  if (d) return Math.max(1, Math.ceil((d.match(/-?[\d.]+(?:e-?\d+)?/gi)?.length ?? 0) / 2));
  return el.name === 'line' ? 2 : 1;
}

/** Pictures embedded as `data:` URIs, measured from their headers. */
function embeddedPictures(root: Node): SvgProblem[] {
  const problems: SvgProblem[] = [];
  const stack = [root];
  while (stack.length) {
    const el = stack.pop()!;
    for (const child of el.children) stack.push(child);
    const href = el.attrs.href ?? '';
    const m = /^\s*data:image\/[a-z+.-]+;base64,/i.exec(href);
    if (!m || (el.name !== 'image' && el.name !== 'feImage')) continue;
    // The header is at the start; a GIF's frames may be further on: decode up to 1 MB.
    const head = Buffer.from(href.slice(m[0].length, m[0].length + 4 * 2 ** 18).replace(/\s+/g, ''), 'base64');
    const size = pictureSize(head);
    const why = size && pictureTooLarge(size);
    if (why) problems.push({ line: el.line, column: el.column, message: `The picture embedded in this <${el.name}> ${why}`, hint: 'embed a smaller picture' });
  }
  return problems;
}
