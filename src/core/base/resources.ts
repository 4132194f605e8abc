/**
 * The one rule for every file a deck refers to — an image slide's `src`, a Markdown image in any
 * text or in the notes, a `url()` or `@import` in the deck's CSS, a template: it must be a file
 * inside the deck folder. Such a file is copied into the output under `assets/`, at the same
 * relative path, so references between deck files (a font named by style.css) keep working.
 * Anything else — a remote URL, `file:`, an absolute path, `..`, a percent-encoded dot segment,
 * a control character — is refused with a message and a hint; the caller adds the place. A
 * remote URL is refused with the `remote-resource` code: the caller keeps it and reports it
 * under that lint rule, whose severity the deck may set.
 *
 * Two halves: `localReference` decides from the text alone (pure, used while rendering Markdown);
 * `checkReference` adds the file-system question through the `exists` callback the shell passes
 * in, which also refuses links that lead out of the deck folder (see shell/decks.ts `fileInDeck`).
 */
import type { ErrorCode } from './errors.js';

/** A reference the rule accepts: a file of the deck folder. */
export interface LocalFile {
  /** Decoded, normalised path relative to the deck folder, with `/`: what to copy. */
  path: string;
  /** The same path as a URL relative to the output's `assets/` folder (each segment percent-encoded). */
  url: string;
}

/** Why a reference is refused, without its place: the caller knows where it was written. */
export interface Refusal {
  code: Extract<ErrorCode, 'missing-file' | 'remote-resource' | 'image-too-large'>;
  /** Completes "<what> `ref` …", e.g. "is a remote URL". */
  reason: string;
  hint: string;
}

/**
 * A further say on a file the rule accepts, from what the pipeline knows of its content (a
 * picture too large to decode, say): a refusal, or undefined to accept it.
 */
export type Admit = (relativePath: string) => Refusal | undefined;

/** A `data:` URI or an in-page `#fragment`: loads nothing, so CSS may keep it (only CSS asks). */
export interface Embedded {
  embedded: true;
}

/** Where every file of the deck folder goes in the output. */
export const ASSETS = 'assets/';

const HINT_LOCAL = 'put the file in the deck folder (next to deck.yaml, e.g. images/figure.svg) and give its path relative to that folder';

/**
 * Files a browser opens as a page that runs script. None is ever copied into the output: framed,
 * or opened from a link, it would run beside the deck — under `talkdeck serve` on the deck's own
 * origin, where it can read the speaker notes.
 */
const DOCUMENT = /\.(html?|xht(ml)?|shtml|mht(ml)?|xml|xslt?)$/i;
const HINT_NO_PAGE = 'show it as a picture (an image slide, or ![alt](file.svg)) or link to it with <a href>; only pages from the web can be framed, and their address is reported by remote-resource';

/**
 * Decides from the reference's text alone. `base` is the folder of the file that makes the
 * reference, relative to the deck folder (`''` for deck.yaml, `css` for css/extra.css).
 * `allowEmbedded` accepts `data:` URIs and bare fragments (CSS `url(#filter)`).
 */
export function localReference(ref: string, opts: { base?: string; allowEmbedded?: boolean; frame?: boolean } = {}): LocalFile | Refusal | Embedded {
  // Control characters (NUL above all) never belong in a path; they also garble terminals.
  const control = /[\u0000-\u001f\u007f]/.exec(ref)?.[0];
  if (control !== undefined) {
    // Named, since the character itself does not show (or garbles the terminal) in the message.
    const name = control === '\0' ? 'NUL' : `\\x${control.charCodeAt(0).toString(16).padStart(2, '0')}`;
    return refuse('missing-file', `contains a control character (${name})`, 'remove it; a file name is printable text (check the quotes for escapes like "\\0")');
  }
  const text = ref.trim().replace(/\\/g, '/');
  if (text === '') return refuse('missing-file', 'is empty', HINT_LOCAL);
  if (opts.allowEmbedded && (/^data:/i.test(text) || text.startsWith('#'))) return { embedded: true };
  if (text.startsWith('//') || /^(https?|ftp|wss?):/i.test(text)) {
    return refuse('remote-resource', 'is loaded from the network', `${HINT_LOCAL}; a deck must work offline and must not tell anyone when it is shown`);
  }
  if (/^[a-z]:\//i.test(text) || text.startsWith('/')) return refuse('missing-file', 'is an absolute path', HINT_LOCAL);
  if (/^file:/i.test(text)) return refuse('missing-file', 'is a file: URL', HINT_LOCAL);
  if (/^[a-z][a-z0-9+.-]*:/i.test(text)) return refuse('missing-file', 'is not a file of the deck folder', HINT_LOCAL);

  // The browser ignores the query and fragment when it reads a file (`font.woff2?#iefix`).
  const raw = text.replace(/[?#].*$/s, '');
  // Resolved against the folder of the file that refers (lexically, as the browser does): `..`
  // may step back inside the deck folder (css/a.css → ../fonts/f.woff2) but never above it.
  const path = (opts.base ?? '').split('/').filter((s) => s !== '' && s !== '.');
  for (const rawSegment of raw.split('/')) {
    let segment: string;
    try {
      segment = decodeURIComponent(rawSegment);
    } catch {
      return refuse('missing-file', 'has a broken percent-encoding', 'write the file name as it is, or encode `%` as `%25`');
    }
    // Decoding must not create structure: `%2e%2e` is `..` to a browser, `%2f` a slash to some.
    if (segment !== rawSegment && (/^\.+$/.test(segment) || /[/\\\u0000-\u001f\u007f]/.test(segment))) {
      return refuse('missing-file', 'hides a folder step in percent-encoding (%2e, %2f, %5c)', HINT_LOCAL);
    }
    if (segment === '..') {
      if (!path.length) {
        return refuse('missing-file', 'leads out of the deck folder (`..`)', `${HINT_LOCAL}; files outside the deck folder are not copied with it`);
      }
      path.pop();
    } else if (segment !== '' && segment !== '.') path.push(segment);
  }
  if (!path.length || raw.endsWith('/')) return refuse('missing-file', 'names a folder, not a file', HINT_LOCAL);
  const file = path.join('/');
  if (DOCUMENT.test(file)) return refuse('missing-file', 'is a page of the deck folder: it would run its own scripts beside the deck', HINT_NO_PAGE);
  // `frame`: what loads it is a frame (`<iframe>`, `<object>`, `<embed>`, a background or preview
  // frame of reveal.js), where an SVG runs its scripts too.
  if (opts.frame) return refuse('missing-file', 'is a file of the deck folder in a frame, where an SVG or page runs its own scripts beside the deck', HINT_NO_PAGE);
  return { path: file, url: path.map(encodeURIComponent).join('/') };
}

/** The whole rule: `localReference`, then whether the file is really there, inside the deck folder. */
export function checkReference(
  ref: string,
  opts: { base?: string; allowEmbedded?: boolean; frame?: boolean; exists: (relativePath: string) => boolean; admit?: Admit | undefined },
): LocalFile | Refusal | Embedded {
  const decided = localReference(ref, opts);
  if (!isLocal(decided)) return decided;
  if (opts.exists(decided.path)) return opts.admit?.(decided.path) ?? decided;
  return refuse(
    'missing-file',
    'not found in the deck folder',
    'check the file name and its case; paths are relative to the file that names them, and links to files outside the deck folder are not followed',
  );
}

/** For the shell: a file or folder of the deck that is a link to a place outside the deck folder. */
export const LINK_OUTSIDE: Refusal = {
  code: 'missing-file',
  reason: 'is a link to a place outside the deck folder',
  hint: 'copy the files into the deck folder instead of linking to them; a deck passed on must not carry (or reveal) files from elsewhere',
};

export function isLocal(d: LocalFile | Refusal | Embedded): d is LocalFile {
  return 'path' in d;
}

export function isRefusal(d: LocalFile | Refusal | Embedded): d is Refusal {
  return 'reason' in d;
}

function refuse(code: Refusal['code'], reason: string, hint: string): Refusal {
  return { code, reason, hint };
}
