/**
 * What a deck may load from disk: a file inside its own folder, given by a relative path. Every
 * reader calls this one rule (image slides, images and backgrounds in Markdown), so the
 * answer and its message are the same everywhere.
 *
 * TODO(integration): replaced by the project's resource rule in src/core/resources.ts (branch
 * safety-resources) once it is merged; keep the callers going through this one function.
 */
export type DeckFileResult = { ok: true; path: string } | { ok: false; problem: string; hint: string };

export function checkDeckFile(given: string, exists: (relativePath: string) => boolean): DeckFileResult {
  const path = given.replace(/\\/g, '/').replace(/^\.\//, '');
  if (path.startsWith('/') || /^[a-z]+:/i.test(path) || path.split('/').includes('..')) {
    return {
      ok: false,
      problem: `Image path \`${given}\` must be a path inside the deck folder`,
      hint: 'put the image next to the deck file (e.g. images/figure.svg) and give its relative path; remote images would break offline use',
    };
  }
  if (!exists(path)) {
    return {
      ok: false,
      problem: `Image \`${given}\` not found in the deck folder`,
      hint: 'check the file name and its case; paths are relative to the folder of the deck file, and links to files outside it are not followed',
    };
  }
  return { ok: true, path };
}
