/**
 * One self-contained HTML file from a built deck's files in memory: stylesheets become
 * `<style>`, scripts become inline scripts, and every file the page or its CSS loads (fonts,
 * images, SVG) becomes a `data:` URI, so the file opens from a USB stick with no network and
 * no sibling folder. Pure: the file map comes in, the reader for copied files is injected.
 *
 * The page is parsed (parse5, with source positions) only to find what to replace; everything
 * else is kept byte for byte, so the single file stays as deterministic as the page itself.
 * It handles whatever the page references, not a fixed list, so plugins added later (another
 * speaker view, say) are inlined too.
 */
import { parse, type DefaultTreeAdapterMap } from 'parse5';
import postcss, { type Root } from 'postcss';
import valueParser from 'postcss-value-parser';
import { lookup } from 'mrmime';
import { posix } from 'node:path';
import { TalkdeckError } from '../../base/errors.js';
import type { OutputFile } from '../output-file.js';

type Element = DefaultTreeAdapterMap['element'];
type ParentNode = DefaultTreeAdapterMap['parentNode'];

export interface SingleFileInput {
  /** The built deck: output path (with `/`) → content or the file to copy. */
  files: ReadonlyMap<string, OutputFile>;
  /** Reads a `copyFrom` file. */
  read: (path: string) => Uint8Array;
  /** The page to start from. */
  entry?: string;
}

export interface SingleFileResult {
  html: string;
  /** References that could not be inlined (missing, or on the network). */
  warnings: TalkdeckError[];
}

/** Attributes whose value is one URL the browser loads (not a link it navigates to). */
const LOADED_URL_ATTRS: Record<string, readonly string[]> = {
  // `data-src`: reveal.js's lazy loading, which copies it into `src` when the slide comes near.
  img: ['src', 'data-src'],
  source: ['src', 'data-src'],
  video: ['src', 'poster', 'data-src'],
  audio: ['src', 'data-src'],
  track: ['src'],
  embed: ['src'],
  input: ['src'],
  object: ['data'],
  image: ['href', 'xlink:href'],
  use: ['href', 'xlink:href'],
  feImage: ['href', 'xlink:href'],
  // reveal.js slide backgrounds (`background:` on a slide)
  section: ['data-background-image'],
};

/** `<link rel>` values whose target the browser loads (a canonical or alternate link it does not). */
const LOADED_LINK = /(^|\s)(icon|apple-touch-icon|preload|modulepreload|prefetch|manifest)(\s|$)/i;

interface Edit {
  start: number;
  end: number;
  text: string;
}

export function inlineSingleFile(input: SingleFileInput): SingleFileResult {
  const entry = input.entry ?? 'index.html';
  const inliner = new Inliner(input.files, input.read);
  const page = inliner.text(entry);
  if (page === undefined) throw new Error(`inlineSingleFile: ${entry} is not in the file map`);
  return { html: inliner.page(page, entry), warnings: inliner.warnings };
}

class Inliner {
  readonly warnings: TalkdeckError[] = [];
  private readonly seen = new Set<string>();
  private readonly dataUris = new Map<string, string>();

  constructor(
    private readonly files: ReadonlyMap<string, OutputFile>,
    private readonly read: (path: string) => Uint8Array,
  ) {}

  page(html: string, path: string): string {
    const doc = parse(html, { sourceCodeLocationInfo: true });
    const edits: Edit[] = [];
    const visit = (node: ParentNode): void => {
      for (const child of node.childNodes) {
        if (!('tagName' in child)) continue;
        this.element(child, html, path, edits);
        visit(child);
        if (child.tagName === 'template') visit((child as DefaultTreeAdapterMap['template']).content);
      }
    };
    visit(doc);
    return splice(html, edits);
  }

  private element(el: Element, html: string, from: string, edits: Edit[]): void {
    const loc = el.sourceCodeLocation;
    if (!loc) return;
    const attr = (name: string): string | undefined => el.attrs.find((a) => qualified(a) === name)?.value;
    const attrSource = (name: string): string => {
      const at = loc.attrs?.[name];
      return at ? html.slice(at.startOffset, at.endOffset) : '';
    };

    if (el.tagName === 'link' && /(^|\s)stylesheet(\s|$)/i.test(attr('rel') ?? '') && attr('href') !== undefined) {
      const target = this.resolve(attr('href')!, from);
      const css = target === undefined ? undefined : this.text(target);
      if (target === undefined || css === undefined) return;
      const kept = ['media', 'id'].filter((n) => attr(n) !== undefined).map((n) => ' ' + attrSource(n));
      edits.push({ start: loc.startOffset, end: loc.endOffset, text: `<style${kept.join('')}>${styleText(this.css(css, target))}</style>` });
      return;
    }
    if (el.tagName === 'script' && attr('src') !== undefined) {
      const target = this.resolve(attr('src')!, from);
      const js = target === undefined ? undefined : this.text(target);
      if (target === undefined || js === undefined) return;
      // integrity/crossorigin only mean something for a fetched script.
      const kept = el.attrs
        .map(qualified)
        .filter((n) => !['src', 'integrity', 'crossorigin'].includes(n))
        .map((n) => ' ' + attrSource(n));
      edits.push({ start: loc.startOffset, end: loc.endOffset, text: `<script${kept.join('')}>${scriptText(js)}</script>` });
      return;
    }
    if (el.tagName === 'style') {
      const inner = innerRange(el);
      if (inner) edits.push({ ...inner, text: styleText(this.css(html.slice(inner.start, inner.end), from)) });
    }
    const video = el.tagName === 'section' ? attr('data-background-video') : undefined;
    if (video !== undefined && this.resolve(video, from) !== undefined) {
      // reveal.js splits the attribute at commas (a list of sources), so a data: URI cannot go there.
      this.warn(
        'missing-file',
        `The background video \`${video}\` cannot be carried inside the single file (reveal.js reads the attribute as a list split at commas, which a data: URI has); the slide shows without it`,
        `show the built folder (talkdeck build) for the video, or keep ${video} next to the single file`,
      );
    }
    for (const a of el.attrs) {
      const name = qualified(a);
      const range = loc.attrs?.[name];
      if (!range) continue;
      let value: string | undefined;
      if (name === 'style') value = this.cssValue(a.value, from);
      else if (name === 'srcset') value = this.srcset(a.value, from);
      else if (el.tagName === 'link' && name === 'href' && LOADED_LINK.test(attr('rel') ?? '')) value = this.dataUri(a.value, from);
      else if (LOADED_URL_ATTRS[el.tagName]?.includes(name)) value = this.dataUri(a.value, from);
      if (value !== undefined && value !== a.value) {
        edits.push({ start: range.startOffset, end: range.endOffset, text: `${name}="${escapeAttr(value)}"` });
      }
    }
  }

  /** A stylesheet with its `url()`s and `@import`s inlined, recursively. */
  private css(css: string, from: string): string {
    let root: Root;
    try {
      root = postcss.parse(css, { from });
    } catch (cause) {
      this.warn('missing-file', `${from} could not be parsed as CSS, so the files it refers to were not inlined`, 'check the CSS syntax', cause);
      return css;
    }
    root.walkAtRules(/^import$/i, (rule) => {
      const params = valueParser(rule.params);
      const first = params.nodes.find((n) => n.type !== 'space');
      if (!first) return;
      const url = first.type === 'string' ? first.value : first.type === 'function' && first.value.toLowerCase() === 'url' ? urlOf(first) : undefined;
      if (url === undefined) return;
      const target = this.resolve(url, from);
      const imported = target === undefined ? undefined : this.text(target);
      if (target === undefined || imported === undefined) return;
      const uri = toDataUri('text/css', new TextEncoder().encode(this.css(imported, target)));
      setUrl(first, uri);
      rule.params = valueParser.stringify(params.nodes);
    });
    root.walkDecls((decl) => {
      if (/url\(/i.test(decl.value)) decl.value = this.cssValue(decl.value, from);
    });
    return root.toString();
  }

  /** A CSS value (or a whole `style` attribute) with its `url()`s as data URIs. */
  private cssValue(value: string, from: string): string {
    if (!/url\(/i.test(value)) return value;
    const parsed = valueParser(value);
    parsed.walk((node) => {
      if (node.type !== 'function' || node.value.toLowerCase() !== 'url') return;
      const uri = this.dataUri(urlOf(node), from);
      if (uri !== undefined) setUrl(node, uri);
      return false;
    });
    return parsed.toString();
  }

  /** `a.png 1x, b.png 2x` with every URL inlined (URLs end at whitespace; candidates at commas). */
  private srcset(value: string, from: string): string {
    return value.replace(/(^|,)(\s*)([^\s,][^\s]*?)(,*)(?=\s|$)/g, (whole, lead: string, space: string, url: string, commas: string) => {
      const uri = this.dataUri(url, from);
      return uri === undefined ? whole : `${lead}${space}${uri}${commas}`;
    });
  }

  /** The data URI for a reference, or undefined to leave it as it is. */
  private dataUri(ref: string, from: string): string | undefined {
    const target = this.resolve(ref, from);
    if (target === undefined) return undefined;
    const fragment = ref.includes('#') ? ref.slice(ref.indexOf('#')) : '';
    let uri = this.dataUris.get(target);
    if (uri === undefined) {
      const type = lookup(target) ?? 'application/octet-stream';
      const bytes = type === 'text/css' ? new TextEncoder().encode(this.css(this.text(target)!, target)) : this.bytes(target)!;
      uri = toDataUri(type, bytes);
      this.dataUris.set(target, uri);
    }
    return uri + fragment;
  }

  /**
   * The output path a reference points to, or undefined when it is not a file of the deck:
   * data/blob URIs and in-page anchors are fine as they are; network URLs and missing files are
   * reported once each.
   */
  private resolve(ref: string, from: string): string | undefined {
    const url = ref.trim();
    if (url === '' || url.startsWith('#') || /^(data|blob|about|javascript):/i.test(url)) return undefined;
    if (/^[a-z][a-z0-9+.-]*:/i.test(url) || url.startsWith('//')) {
      this.warn(
        'remote-resource',
        `${from} loads ${url} from the network; the single file will need a connection for it`,
        'save the file next to deck.yaml and refer to it by a relative path',
      );
      return undefined;
    }
    const path = url.replace(/[?#].*$/s, '');
    let decoded: string;
    try {
      decoded = decodeURIComponent(path);
    } catch {
      decoded = path;
    }
    const target = posix.normalize(posix.join(posix.dirname(from), decoded));
    if (!decoded.startsWith('/') && !target.startsWith('../') && this.files.has(target)) return target;
    this.warn(
      'missing-file',
      `${from} refers to \`${url}\`, which is not part of the built deck; it is left out of the single file`,
      'put the file in the deck folder and refer to it from deck.yaml or style.css by a relative path',
    );
    return undefined;
  }

  /** A file of the deck as text (UTF-8, byte order mark dropped). */
  text(path: string): string | undefined {
    const file = this.files.get(path);
    if (!file) return undefined;
    return 'content' in file ? file.content : new TextDecoder('utf-8').decode(this.read(file.copyFrom));
  }

  private bytes(path: string): Uint8Array | undefined {
    const file = this.files.get(path);
    if (!file) return undefined;
    return 'content' in file ? new TextEncoder().encode(file.content) : this.read(file.copyFrom);
  }

  private warn(code: 'missing-file' | 'remote-resource', message: string, hint: string, cause?: unknown): void {
    if (this.seen.has(message)) return;
    this.seen.add(message);
    this.warnings.push(new TalkdeckError({ code, severity: 'warning', message, hint, cause }));
  }
}

function qualified(a: { name: string; prefix?: string }): string {
  return a.prefix ? `${a.prefix}:${a.name}` : a.name;
}

function innerRange(el: Element): { start: number; end: number } | undefined {
  const loc = el.sourceCodeLocation;
  if (!loc?.startTag || !loc.endTag) return undefined;
  return { start: loc.startTag.endOffset, end: loc.endTag.startOffset };
}

function urlOf(node: valueParser.FunctionNode): string {
  const arg = node.nodes.find((n) => n.type !== 'space');
  return arg ? arg.value : '';
}

function setUrl(node: valueParser.Node, uri: string): void {
  const quoted: valueParser.StringNode = { type: 'string', quote: '"', value: uri, sourceIndex: 0, sourceEndIndex: 0 };
  if (node.type === 'function') node.nodes = [quoted];
  else if (node.type === 'string') node.value = uri;
}

function toDataUri(type: string, bytes: Uint8Array): string {
  const charset = type.startsWith('text/') || type === 'image/svg+xml' ? ';charset=utf-8' : '';
  return `data:${type}${charset};base64,${Buffer.from(bytes).toString('base64')}`;
}

/**
 * Script text that cannot end its `<script>` element early: `</script` closes it and `<!--`
 * can switch the HTML parser into a mode where the real end tag is missed. `\x3C` is `<` in
 * every JavaScript string, template and regular expression, where these sequences occur.
 */
export function scriptText(js: string): string {
  return js.replace(/<(\/script|!--)/gi, '\\x3C$1');
}

/** CSS text that cannot end its `<style>` element early (`\/` is `/` in CSS). */
function styleText(css: string): string {
  return css.replace(/<\/style/gi, '<\\/style');
}

function escapeAttr(value: string): string {
  return value.replace(/&/g, '&amp;').replace(/"/g, '&quot;');
}

function splice(text: string, edits: Edit[]): string {
  const sorted = [...edits].sort((a, b) => a.start - b.start);
  let out = '';
  let at = 0;
  for (const e of sorted) {
    if (e.start < at) continue; // nested in an element already replaced
    out += text.slice(at, e.start) + e.text;
    at = e.end;
  }
  return out + text.slice(at);
}
