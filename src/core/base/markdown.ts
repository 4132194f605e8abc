/**
 * Inline and block Markdown for deck text, through markdown-it with raw HTML off. Links are
 * limited to http(s), mailto, in-deck anchors and relative paths; anything else (javascript:,
 * data:, file: …) is refused and reported, and renders as plain text. Images (`![alt](src)`)
 * follow the deck's resource rule (core/base/resources.ts): a file of the deck folder is pointed at its
 * copy under `assets/`; a remote URL stays as written (the caller reports it under the
 * `remote-resource` rule); anything else renders as its alt text and is reported by the caller.
 */
import MarkdownIt from 'markdown-it';
import { ASSETS, isLocal, isRefusal, localReference } from './resources.js';

const SAFE_LINK = /^(https?:|mailto:|#|\.{0,2}\/|[^:]*$)/i;

let refused: string[] = [];
const md = new MarkdownIt({ html: false, linkify: false, typographer: false });
md.validateLink = (url: string): boolean => {
  const ok = SAFE_LINK.test(url.trim());
  // An image that is refused is tried again as a link (`[x](…)` after the `!`): report it once.
  if (!ok && !refused.includes(url)) refused.push(url);
  return ok;
};

let images: string[] = [];
const defaultImage = md.renderer.rules.image!;
md.renderer.rules.image = (tokens, idx, options, env, self) => {
  const token = tokens[idx]!;
  const src = String(token.attrGet('src') ?? '');
  images.push(src);
  const local = localReference(src);
  if (isRefusal(local) && local.code === 'remote-resource') return defaultImage(tokens, idx, options, env, self);
  // Refused: the caller reports it; the page shows the alt text and loads nothing.
  if (!isLocal(local)) return md.utils.escapeHtml(self.renderInlineAsText(token.children ?? [], options, env));
  token.attrSet('src', ASSETS + local.url);
  return defaultImage(tokens, idx, options, env, self);
};

/** Characters that can start inline Markdown or need escaping; text without them is plain. */
const SPECIAL = /[*_`[\]<>&\\!~"]/;

export function escapeHtml(text: string): string {
  return text.replace(/[&<>"]/g, (c) => (c === '&' ? '&amp;' : c === '<' ? '&lt;' : c === '>' ? '&gt;' : '&quot;'));
}

export interface Rendered {
  html: string;
  /** Link targets that were refused as unsafe. */
  refused: string[];
  /** Image sources as written, for the caller to check with the resource rule and copy. */
  images: string[];
}

/**
 * The model, the speaking-time estimate and the lint rules all read the same texts: remember
 * what each rendered to. Bounded, so a long `talkdeck serve` session does not grow it forever.
 */
const inlineCache = new Map<string, Rendered>();
const plainCache = new Map<string, string>();
const CACHE_LIMIT = 20_000;

function remember<T>(cache: Map<string, T>, key: string, value: T): T {
  if (cache.size >= CACHE_LIMIT) cache.clear();
  cache.set(key, value);
  return value;
}

export function renderInline(text: string): Rendered {
  // Most talking points are plain text: skip the parser for them (a large share of build time).
  if (!SPECIAL.test(text)) return { html: text, refused: [], images: [] };
  const known = inlineCache.get(text);
  if (known) return { html: known.html, refused: [...known.refused], images: [...known.images] };
  refused = [];
  images = [];
  const html = md.renderInline(text);
  remember(inlineCache, text, { html, refused: [...refused], images: [...images] });
  return { html, refused, images };
}

export function renderBlock(text: string): Rendered {
  refused = [];
  images = [];
  const html = md.render(text).trimEnd();
  return { html, refused, images };
}

/** The text of a Markdown string without its markup, e.g. for ids, titles and alt text. */
export function plainText(text: string): string {
  if (!SPECIAL.test(text)) return text;
  return plainCache.get(text) ?? remember(plainCache, text, htmlToText(renderInline(text).html));
}

/** Text of HTML that renderInline produced (tags dropped, its few entities decoded). */
export function htmlToText(html: string): string {
  if (!/[<&]/.test(html)) return html;
  return html
    .replace(/<[^>]+>/g, '')
    .replace(/&quot;/g, '"')
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&amp;/g, '&');
}

/**
 * Characters that can change which words inline Markdown shows: links and images (`]`), entities
 * (`&`), autolinks (`<`) and escapes (`\`). Without them, rendering only drops delimiters such as
 * `*` and backticks, which never hold a letter and never join or split words: the word count of
 * the source is the word count of the text. Speaker notes are mostly such prose, and counting
 * them is then a scan instead of a parse (test/markdown-words.test.ts checks the equivalence).
 */
const CHANGES_WORDS = /[\]&<\\]/;

/** Words as a reader counts them: tokens with a letter or digit, so dashes and bullets do not count. */
export function countWords(markdown: string): number {
  const text = CHANGES_WORDS.test(markdown) ? plainText(markdown) : markdown;
  let n = 0;
  for (const token of text.split(/\s+/)) if (/[\p{L}\p{N}]/u.test(token)) n++;
  return n;
}
