/**
 * Turns a request target into a path of the built deck (`reveal/reveal.js`), or says why not.
 * The server only ever looks such a path up in the build's file map, so nothing outside the
 * deck can be named; this function is the first wall and refuses anything that even tries.
 */
export type RequestPath =
  | { kind: 'file'; path: string }
  /** Tries to leave the deck (`..`, backslashes, NUL, encoded slashes): 403. */
  | { kind: 'forbidden' }
  /** Not a path we can read at all (absolute-form target, broken escapes): 400. */
  | { kind: 'bad' };

export function requestPath(target: string): RequestPath {
  // Only origin-form targets (`/path?query`); `http://host/…`, `*` and the like are not for us.
  if (!target.startsWith('/')) return { kind: 'bad' };
  const pathname = target.split(/[?#]/, 1)[0]!;
  const raw = pathname.split('/');
  if (raw.some(isDotSegment)) return { kind: 'forbidden' };
  const segments: string[] = [];
  for (const segment of raw.slice(1)) {
    let decoded: string;
    try {
      decoded = decodeURIComponent(segment);
    } catch {
      return { kind: 'bad' };
    }
    // A decoded segment may not smuggle in what the raw path was not allowed to have: `%2e%2e`,
    // `%2f`, `%5c`, `%00`. Decoding happens once, so `%252e` stays the harmless text `%2e`.
    if (isDotSegment(decoded) || /[/\\\0]/.test(decoded)) return { kind: 'forbidden' };
    segments.push(decoded);
  }
  // `/` is the deck; any other folder has no index and no listing, so it stays a miss (404).
  if (segments.length === 1 && segments[0] === '') return { kind: 'file', path: 'index.html' };
  return { kind: 'file', path: segments.join('/') };
}

function isDotSegment(segment: string): boolean {
  return segment === '.' || segment === '..';
}
