/**
 * The resource rule's say on the pictures a deck loads (base/resources.ts `Admit`): a file whose
 * header shows a picture too large to decode is refused where it is named — an image slide's
 * `src`, a Markdown image, a `url()` — before a browser or resvg tries to decode it. Read from
 * the file's first bytes (all of a GIF, whose frames may be anywhere), once per build.
 */
import { isGif, pictureSize, pictureTooLarge } from '../base/image-header.js';
import type { Admit } from '../base/resources.js';

/** Enough for every header the sizes are read from. */
const HEAD = 64 * 1024;

/** `readBytes(path, limit)`: up to `limit` bytes of a deck file (all of it without a limit). */
export function admitPictures(readBytes: (relativePath: string, limit?: number) => Uint8Array): Admit {
  const seen = new Map<string, ReturnType<Admit>>();
  return (path) => {
    if (seen.has(path)) return seen.get(path);
    let bytes = readBytes(path, HEAD);
    if (isGif(bytes)) bytes = readBytes(path);
    const size = pictureSize(bytes);
    const why = size && pictureTooLarge(size);
    const answer = why
      ? {
          code: 'image-too-large' as const,
          reason: `${why}: too large to show (decoding it takes ${Math.round((size.width * size.height * 4) / 2 ** 20).toLocaleString('en')} MB)`,
          hint: 'save a smaller version (a slide is 1920 pixels wide at most; 3840 for a sharp full-screen photo) and use that',
        }
      : undefined;
    seen.set(path, answer);
    return answer;
  };
}
