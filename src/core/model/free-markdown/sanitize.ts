/**
 * The HTML of a free-Markdown body as a parsed tree (parse5, the HTML standard's parser, not
 * regular expressions): reveal.js's attribute comments applied, then everything that could run
 * code removed (`<script>`, event-handler attributes, `javascript:` URLs, `srcdoc`), each removal
 * reported with its source line; local files passed through the deck's resource rule and remote
 * ones collected for the `remote-resource` lint rule.
 */
import { parseFragment, serialize, type DefaultTreeAdapterTypes as T } from 'parse5';
import { ELEMENT_ATTRIBUTES, SLIDE_ATTRIBUTES, parseAttributes } from '../../base/attribute-comments.js';
import { checkCss, type CssHandlers } from './css.js';
import { CSS_LOAD, loadOf, previewFrame } from './loads.js';

type Element = T.Element;
type ParentNode = T.ParentNode;
type ChildNode = T.ChildNode;

export interface BodyProblem {
  /** 1-based line relative to the body. */
  line: number;
  code: 'sanitized' | 'missing-file' | 'markdown';
  severity: 'error' | 'warning';
  message: string;
  hint: string;
}

export interface RemoteResource {
  url: string;
  /** What refers to it, e.g. `<img src>` or `data-background-image`. */
  what: string;
  /** 1-based line relative to the body. */
  line: number;
}

/**
 * What a local path becomes: its place in the output, or why it is refused. `use` says what loads
 * it: `label` names it in messages (`Image`, `Frame`, `url()`), `frame` when it is shown as a
 * page, `stylesheet` when it is CSS itself (checked like style.css).
 */
export type ResourceRule = (path: string, use: { label: string; frame?: boolean; stylesheet?: boolean }) => { href: string } | { problem: string; hint: string };

/** What a loaded file is, for messages, by the attribute that names it (and the element, and its parent for `<source>`). */
const BACKGROUND_KINDS: Record<string, string> = {
  'data-background-image': 'Background image',
  'data-background': 'Background image',
  'data-background-video': 'Background video',
  'data-background-iframe': 'Background page',
};
const ELEMENT_KINDS: Record<string, string> = { img: 'Image', image: 'Image', input: 'Image', video: 'Video', audio: 'Audio', track: 'Subtitle track', iframe: 'Page', embed: 'File', object: 'File', link: 'Style sheet' };

function kindOf(tag: string, attribute: string, parent: string | undefined): string {
  if (BACKGROUND_KINDS[attribute]) return BACKGROUND_KINDS[attribute];
  if (attribute === 'poster') return 'Poster image';
  if (tag === 'source') return parent === 'video' ? 'Video' : parent === 'audio' ? 'Audio' : 'Image';
  return ELEMENT_KINDS[tag] ?? 'File';
}

const MARKER = 'td-line:';
const SLIDE_MARKER = 'td-slide-attributes';
const SVG = 'http://www.w3.org/2000/svg';

/** Attributes that hold a URL a browser (or reveal.js) loads or navigates to. */
const URL_ATTRIBUTES = new Set([
  'href', 'src', 'action', 'formaction', 'xlink:href', 'poster', 'data', 'background', 'cite', 'longdesc', 'srcset',
  'data-src', 'data-preview-image', 'data-preview-video', 'data-preview-link',
]);
const BACKGROUND_ATTRIBUTES = ['data-background-image', 'data-background-video', 'data-background-iframe', 'data-background'];
/** SVG animation: it can set any attribute of its target, `href` included, after the page is checked. */
const SVG_ANIMATION = new Set(['set', 'animate', 'animateMotion', 'animateTransform', 'animateColor']);
const UNSAFE_URL = /^(javascript|vbscript|data(?!:image\/(png|gif|jpe?g|webp|avif|svg\+xml)[;,])):/i;

/** reveal.js's addAttributes: each attribute comment applies to the element before it, or the slide. */
export function applyAttributeComments(html: string | T.DocumentFragment): { fragment: T.DocumentFragment; slideAttributes: Record<string, string> } {
  const fragment = typeof html === 'string' ? parseFragment(html, { sourceCodeLocationInfo: true }) : html;
  const slideAttributes: Record<string, string> = {};
  const slide = { attrs: slideAttributes };
  const visit = (node: ParentNode, section: typeof slide | Element) => {
    let previous: Element | undefined;
    for (const child of [...node.childNodes]) {
      if (child.nodeName === '#comment') {
        const text = (child as T.CommentNode).data;
        if (text.startsWith(MARKER)) continue;
        let target: Element | undefined = previous ?? ('tagName' in node ? (node as Element) : undefined);
        const blankBefore = /\n[ \t]*\n/.test(textBefore(node, child));
        if (target && (target.tagName === 'ul' || target.tagName === 'ol') && !blankBefore) target = lastElement(target) ?? target;
        const element = ELEMENT_ATTRIBUTES.exec(text);
        if (element && target) {
          setAll(target, parseAttributes(element[1]!));
          remove(child);
          continue;
        }
        const slideMatch = SLIDE_ATTRIBUTES.exec(text);
        if (slideMatch) {
          const attrs = parseAttributes(slideMatch[1]!);
          if ('attrs' in section && !('tagName' in section)) {
            Object.assign(slideAttributes, attrs);
            // Kept as a marker, so the attributes' line is known when they are checked.
            (child as T.CommentNode).data = SLIDE_MARKER;
          } else {
            setAll(section as Element, attrs);
            remove(child);
          }
        }
        continue;
      }
      if (!('tagName' in child)) continue;
      const el = child as Element;
      visit(el.tagName === 'template' ? (el as T.Template).content : el, el.tagName === 'section' ? el : section);
      if (el.tagName !== 'br') previous = el;
    }
  };
  visit(fragment, slide);
  return { fragment, slideAttributes };
}

function textBefore(parent: ParentNode, child: ChildNode): string {
  const i = parent.childNodes.indexOf(child);
  const prev = parent.childNodes[i - 1];
  return prev && prev.nodeName === '#text' ? (prev as T.TextNode).value : '';
}

function lastElement(el: Element): Element | undefined {
  for (let i = el.childNodes.length - 1; i >= 0; i--) if ('tagName' in el.childNodes[i]!) return el.childNodes[i] as Element;
  return undefined;
}

function setAll(el: Element, attrs: Record<string, string>) {
  for (const [name, value] of Object.entries(attrs)) {
    const existing = el.attrs.find((a) => a.name === name);
    if (existing) existing.value = value;
    else el.attrs.push({ name, value });
  }
}

function remove(node: ChildNode) {
  const parent = node.parentNode;
  if (parent) parent.childNodes.splice(parent.childNodes.indexOf(node), 1);
}

export function finishTree(
  fragment: T.DocumentFragment,
  slideAttrs: Record<string, string>,
  resource: ResourceRule,
  /** Lines (relative to the body) of slide attributes the slide brought itself, for their problems. */
  attributeLines: Record<string, number> = {},
): { html: string; slideAttributes: Record<string, string>; title: string | undefined; problems: BodyProblem[]; remote: RemoteResource[] } {
  const problems: BodyProblem[] = [];
  const remote: RemoteResource[] = [];
  let title: string | undefined;
  let slideLine = 1;
  // The last marker seen: its source line and its line in the rendered HTML.
  let mark = { line: 1, htmlLine: 1 };
  const lineOf = (node: ChildNode) => {
    const at = (node as Element).sourceCodeLocation?.startLine;
    return at === undefined ? mark.line : mark.line + Math.max(0, at - mark.htmlLine);
  };
  const removed = (line: number, message: string, hint: string) =>
    problems.push({ line, code: 'sanitized', severity: 'warning', message, hint });

  /**
   * Checks one attribute list in place; `line` for messages, `tag` and `namespace` to know what
   * each attribute loads (loads.ts), and the parent's tag what a `<source>` is.
   */
  const checkAttributes = (attrs: { name: string; value: string; prefix?: string }[], tag: string, line: number, namespace?: string, parent?: string) => {
    for (let i = attrs.length - 1; i >= 0; i--) {
      const { name, value } = attrs[i]!;
      const lower = name.toLowerCase();
      const shown = attrs[i]!.prefix ? `${attrs[i]!.prefix}:${name}` : name;
      const compact = value.replace(/[\u0000-\u0020]/g, '');
      if (lower.startsWith('on')) {
        attrs.splice(i, 1);
        removed(line, `Removed the event-handler attribute \`${shown}\` from <${tag}>: scripts in a deck do not run`, 'use a reveal.js fragment or a link instead of script');
      } else if (lower === 'srcdoc') {
        attrs.splice(i, 1);
        removed(line, `Removed \`srcdoc\` from <${tag}>: inline documents can run scripts`, 'link to a page with `src` instead');
      } else if ((URL_ATTRIBUTES.has(lower) || BACKGROUND_ATTRIBUTES.includes(lower)) && UNSAFE_URL.test(compact)) {
        attrs.splice(i, 1);
        removed(line, `Removed \`${shown}="${value.slice(0, 40)}"\` from <${tag}>: ${compact.split(':')[0]!.toLowerCase()}: URLs can run scripts`, 'link to an http(s) address or a file in the deck folder');
      } else {
        const load = loadOf(tag, namespace, lower, value, attrs);
        if (!load) continue;
        const what = lower.startsWith('data-background') ? lower : `<${tag} ${shown}>`;
        const frame = load.kind === 'url' && load.frame === true;
        const stylesheet = tag === 'link' && /(^|\s)stylesheet(\s|$)/i.test(attrs.find((a) => a.name === 'rel')?.value ?? '');
        const use = { what, label: frame ? 'Frame' : kindOf(tag, lower, parent), frame, stylesheet };
        let rewritten: string;
        if (load.kind === 'css') {
          const css = checkCss(value, load.declarations ? 'declarations' : 'value', cssHandlers(line, () => 0, `<${tag} ${shown}>`));
          rewritten = css;
        } else if (load.kind === 'srcset' || (load.kind === 'list' && !/^\s*data:/i.test(value))) {
          // `a.png 1x, b.png 2x`; reveal.js backgrounds split on commas too.
          rewritten = value
            .split(',')
            .map((part) => {
              const [url, ...descriptor] = part.trim().split(/\s+/);
              return [resolveUrl(url ?? '', line, use), ...descriptor].join(' ');
            })
            .join(load.kind === 'srcset' ? ', ' : ',');
        } else rewritten = resolveUrl(value, line, use);
        if (rewritten !== value) attrs[i] = { ...attrs[i]!, value: rewritten };
      }
    }
    // reveal.js's lightbox frames the element's `href` (or a web address in the attribute).
    const frame = previewFrame(attrs);
    if (frame !== undefined) resolveUrl(frame, line, { what: `<${tag} data-preview-link>`, label: 'Frame', frame: true });
  };

  /** CSS references go through the same rule; `lineIn` maps a line of the CSS text to the body's. */
  const cssHandlers = (line: number, lineIn: (cssLine: number) => number, where: string): CssHandlers => ({
    reference: (ref) => {
      if (ref.importing && /^\s*data:/i.test(ref.url)) {
        problems.push({ line: line + lineIn(ref.line), code: 'missing-file', severity: 'error', message: `@import of a data: style sheet in ${where}: its rules are not checked`, hint: 'put the style sheet in a file of the deck folder and import that' });
        return undefined;
      }
      return resolveUrl(ref.url, line + lineIn(ref.line), { what: `${ref.what} in ${where}`, label: ref.what, stylesheet: ref.importing });
    },
    problem: (cssLine, message, hint) => problems.push({ line: line + lineIn(cssLine), code: 'missing-file', severity: 'error', message: `${message} (${where})`, hint }),
  });

  const resolveUrl = (url: string, line: number, use: { what: string; label: string; frame?: boolean; stylesheet?: boolean }): string => {
    if (!url || url.startsWith('#')) return url;
    if (/^data:/i.test(url)) {
      // A data: page in a frame is a page like any other: it runs its own scripts.
      if (use.frame) problems.push({ line, code: 'missing-file', severity: 'error', message: `${use.label} \`${url.slice(0, 40)}…\` is a data: page, which runs its own scripts beside the deck`, hint: 'link to a page on the web instead' });
      return url;
    }
    if (/^(https?:)?\/\//i.test(url)) {
      remote.push({ url, what: use.what, line });
      return url;
    }
    // Everything else (a relative path, `file:`, any other scheme) is for the one resource rule,
    // which refuses what is not a file inside the deck folder. markdown-it percent-encodes what
    // the author wrote (a Windows path `.\\img\\a.png` becomes `.%5Cimg%5Ca.png`): that is undone
    // once here; a broken encoding is left for the rule to report with its place.
    const raw = url.split(/[?#]/)[0]!;
    let path = raw;
    try {
      path = decodeURI(raw);
    } catch {
      // reported by the rule
    }
    const result = resource(path, use);
    if ('href' in result) return result.href + url.slice(raw.length);
    problems.push({ line, code: 'missing-file', severity: 'error', message: result.problem, hint: result.hint });
    return url;
  };

  /** A `<style>` element's text under the rule, references rewritten in place. */
  const checkStyleElement = (el: Element, line: number) => {
    const text = el.childNodes.map((c) => (c.nodeName === '#text' ? (c as T.TextNode).value : '')).join('');
    const checked = checkCss(text, 'sheet', cssHandlers(line, (cssLine) => cssLine - 1, '<style>'));
    if (checked === text) return;
    el.childNodes = [];
    if (checked) el.childNodes.push({ nodeName: '#text', value: checked, parentNode: el } as T.TextNode);
  };

  const walk = (parent: ParentNode) => {
    for (const child of [...parent.childNodes]) {
      if (child.nodeName === '#comment') {
        const data = (child as T.CommentNode).data;
        if (data.startsWith(MARKER)) {
          mark = { line: Number(data.slice(MARKER.length)), htmlLine: (child as T.CommentNode).sourceCodeLocation?.startLine ?? mark.htmlLine };
          remove(child);
        } else if (data === SLIDE_MARKER) {
          slideLine = lineOf(child);
          remove(child);
        }
        continue;
      }
      if (!('tagName' in child)) continue;
      const el = child as Element;
      const line = lineOf(el);
      if (el.tagName === 'script') {
        remove(el);
        removed(line, 'Removed a <script> element: scripts in a deck do not run', 'talkdeck decks are HTML and CSS only; use reveal.js fragments for steps');
        continue;
      }
      if (el.tagName === 'base' || (el.tagName === 'meta' && el.attrs.some((a) => a.name === 'http-equiv'))) {
        remove(el);
        removed(line, `Removed a <${el.tagName}> element: it would change where the deck loads from`, 'remove it from the slide');
        continue;
      }
      if (el.namespaceURI === SVG && SVG_ANIMATION.has(el.tagName) && animatesLoad(el)) {
        remove(el);
        const target = el.attrs.find((a) => a.name === 'attributeName')?.value ?? '';
        removed(line, `Removed an SVG <${el.tagName}> that sets \`${target}\`: it would load a file the build never sees`, 'set the attribute itself; animate position, size, colour or opacity instead');
        continue;
      }
      checkAttributes(el.attrs, el.tagName, line, el.namespaceURI, (el.parentNode as Element | null)?.tagName);
      if (el.tagName === 'style') checkStyleElement(el, line);
      if (el.attrs.some((a) => a.name === 'class' && /\bkatex-error\b/.test(a.value))) {
        problems.push({
          line,
          code: 'markdown',
          severity: 'warning',
          message: `Math that KaTeX cannot typeset: ${el.attrs.find((a) => a.name === 'title')?.value ?? ''}`.trim(),
          hint: 'check the TeX between the $ signs; the slide shows the error in its place',
        });
      }
      if (title === undefined && /^h[1-6]$/.test(el.tagName)) title = textOf(el).trim() || undefined;
      walk(el.tagName === 'template' ? (el as T.Template).content : el);
    }
  };
  walk(fragment);
  // Each at its own line when the slide brought it (a YAML `attributes:` key, a Marp directive).
  const slideList = Object.entries(slideAttrs).flatMap(([name, value]) => {
    const one = [{ name, value }];
    checkAttributes(one, 'section', attributeLines[name] ?? slideLine);
    return one;
  });
  return {
    html: serialize(fragment),
    slideAttributes: Object.fromEntries(slideList.map((a) => [a.name, a.value])),
    title,
    problems,
    remote,
  };
}

/** Whether an SVG animation sets a reference (`href`, `style`) or a value that loads something. */
function animatesLoad(el: Element): boolean {
  const target = (el.attrs.find((a) => a.name === 'attributeName')?.value ?? '').toLowerCase().replace(/^xlink:/, '');
  if (target === 'href' || target === 'src' || target === 'style') return true;
  return el.attrs.some((a) => /^(to|from|by|values)$/.test(a.name) && CSS_LOAD.test(a.value));
}

function textOf(node: ChildNode | ParentNode): string {
  if (node.nodeName === '#text') return (node as T.TextNode).value;
  if (!('childNodes' in node)) return '';
  if ((node as Element).tagName === 'annotation') return '';
  // KaTeX writes math twice (MathML and HTML): take the readable MathML annotation-free text once.
  if ((node as Element).attrs?.some((a) => a.name === 'class' && a.value === 'katex-html')) return '';
  return node.childNodes.map((c) => textOf(c)).join('');
}
