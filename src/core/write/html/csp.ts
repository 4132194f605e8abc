/**
 * A Content-Security-Policy `<meta>` for every HTML page talkdeck writes: the second line of
 * defence behind escaping. It lets the page load nothing from the network and run only
 * talkdeck's own scripts, from `file://`, from the single file and under `talkdeck serve`.
 *
 * What stays allowed, and why:
 * - `script-src 'self' 'nonce-…'`: the page's own script files, and inline scripts that carry the
 *   page's nonce — the `Reveal.initialize` call, every script of the single file (the inliner
 *   keeps the attribute), the speaker view's window (the plugin copies its own script's nonce
 *   into the document it writes there; that window inherits this policy) and serve's live client.
 *   A static page cannot hold a secret, so the nonce is the hash of the page itself: stable for
 *   byte-identical rebuilds and unknowable to deck text, which would have to contain its own hash.
 * - `style-src 'unsafe-inline'`: reveal.js sets inline styles throughout (layout, print view,
 *   speaker-view previews), the single file is inline `<style>`, and the speaker window's CSS is
 *   written inline; with every network source closed, inline CSS cannot send anything anywhere.
 * - `data:` for images, fonts, styles and media: the single file and the handout inline every file
 *   as a data URI; a data URI is already in the page, it loads nothing.
 * - `frame-src 'self'`: the speaker view previews the deck itself in iframes.
 * Under `file://`, Chromium matches `'self'` against file URLs; which local files a page may name
 * is decided when it is built (core/base/resources.ts), not here.
 * - The remote files a deck names (`remote`): a deck written for reveal-md or Marp may show an
 *   image or an iframe from the web, and a YAML deck may accept them; the build reports each one
 *   (`remote-resource`, an error in YAML decks unless the deck says otherwise) and the policy
 *   admits exactly those URLs, each in its own directive — nothing the build did not name, and
 *   no host wholesale.
 * `frame-ancestors` has no effect in a `<meta>`; `talkdeck serve` sends its own headers.
 */
import { createHash } from 'node:crypto';

export interface PolicyOptions {
  /** Whether the page runs scripts at all (the handout does not). */
  scripts: boolean;
  /** Remote files the deck names and the build reported (`model.remote`): what loads them and where. */
  remote?: readonly { what: string; url: string }[] | undefined;
}

type Directive = 'img-src' | 'frame-src' | 'media-src' | 'style-src' | 'font-src';

/**
 * Which directives admit a remote file, by what loads it (`<iframe src>`, `data-background-video`,
 * `url() in style.css` …). A CSS `url()` may be an image or a font: both, for that one URL.
 */
function directivesFor(what: string): Directive[] {
  if (/iframe/i.test(what)) return ['frame-src'];
  if (/video|audio|<source/i.test(what)) return ['media-src'];
  if (/<link|@import/i.test(what)) return ['style-src'];
  if (/url\(\)|image-set\(\)/i.test(what)) return ['img-src', 'font-src'];
  return ['img-src'];
}

/**
 * A remote URL as a CSP source expression: the exact file (query and fragment do not take part in
 * CSP matching). Only plain http(s) URLs whose characters cannot end a directive or the `content`
 * attribute; anything else stays blocked.
 */
function sourceFor(url: string): string | undefined {
  const file = url.split(/[?#]/)[0]!;
  return /^https?:\/\/[A-Za-z0-9.-]+(:\d+)?(\/[A-Za-z0-9._~!$()*+=:@%/-]*)?$/.test(file) ? file : undefined;
}

function remoteSources(remote: PolicyOptions['remote']): Record<Directive, string> {
  const out: Record<Directive, Set<string>> = { 'img-src': new Set(), 'frame-src': new Set(), 'media-src': new Set(), 'style-src': new Set(), 'font-src': new Set() };
  for (const r of remote ?? []) {
    const source = sourceFor(r.url);
    if (source) for (const d of directivesFor(r.what)) out[d].add(source);
  }
  const list = (d: Directive): string => [...out[d]].sort().map((s) => ' ' + s).join('');
  return { 'img-src': list('img-src'), 'frame-src': list('frame-src'), 'media-src': list('media-src'), 'style-src': list('style-src'), 'font-src': list('font-src') };
}

const CONNECT_NONE = "connect-src 'none'";

export function contentSecurityPolicy(nonce: string, opts: PolicyOptions): string {
  const remote = remoteSources(opts.remote);
  return [
    "default-src 'none'",
    opts.scripts ? `script-src 'self' 'nonce-${nonce}'` : "script-src 'none'",
    `style-src 'self' 'unsafe-inline' data:${remote['style-src']}`,
    `img-src 'self' data:${remote['img-src']}`,
    `font-src 'self' data:${remote['font-src']}`,
    `media-src 'self' data:${remote['media-src']}`,
    opts.scripts ? `frame-src 'self'${remote['frame-src']}` : "frame-src 'none'",
    CONNECT_NONE,
    "object-src 'none'",
    "base-uri 'none'",
    "form-action 'none'",
  ].join('; ');
}

/**
 * The page with its policy: the `<meta>` right after `<meta charset>` (or the start of `<head>`),
 * and the nonce on every `<script>` start tag. Deck text never holds a raw `<script` (it is
 * escaped, and JSON in scripts has `<` as `\u003c`), so the tags found are the templates' own.
 */
export function withContentSecurityPolicy(html: string, opts: PolicyOptions): string {
  const nonce = createHash('sha256').update(html).digest('base64url').slice(0, 22);
  const meta = `<meta http-equiv="Content-Security-Policy" content="${contentSecurityPolicy(nonce, opts)}">`;
  const withNonce = opts.scripts ? html.replace(/<script(?=[\s>])/gi, `<script nonce="${nonce}"`) : html;
  const anchor = /<meta\s+charset\s*=[^>]*>\n?/i.exec(withNonce) ?? /<head(\s[^>]*)?>\n?/i.exec(withNonce);
  // No head at all: a <meta> first in the document (after the doctype) goes into the implied one.
  const at = anchor ? anchor.index + anchor[0].length : (/^\s*<!doctype[^>]*>\n?/i.exec(withNonce)?.[0].length ?? 0);
  return withNonce.slice(0, at) + meta + '\n' + withNonce.slice(at);
}

/** The nonce of a page made by `withContentSecurityPolicy`, for a script added later (serve's live client). */
export function pageNonce(html: string): string | undefined {
  return /'nonce-([A-Za-z0-9_-]+)'/.exec(html)?.[1];
}

/** The same page allowed to talk back to the server it came from (serve's event stream). */
export function allowSameOriginConnect(html: string): string {
  return html.replace(CONNECT_NONE, "connect-src 'self'");
}
