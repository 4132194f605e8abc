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
 * is decided when it is built (core/resources.ts), not here.
 * `frame-ancestors` has no effect in a `<meta>`; `talkdeck serve` sends its own headers.
 */
import { createHash } from 'node:crypto';

export interface PolicyOptions {
  /** Whether the page runs scripts at all (the handout does not). */
  scripts: boolean;
}

const CONNECT_NONE = "connect-src 'none'";

export function contentSecurityPolicy(nonce: string, opts: PolicyOptions): string {
  return [
    "default-src 'none'",
    opts.scripts ? `script-src 'self' 'nonce-${nonce}'` : "script-src 'none'",
    "style-src 'self' 'unsafe-inline' data:",
    "img-src 'self' data:",
    "font-src 'self' data:",
    "media-src 'self' data:",
    opts.scripts ? "frame-src 'self'" : "frame-src 'none'",
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
