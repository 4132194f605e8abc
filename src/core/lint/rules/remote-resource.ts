import type { RemoteResourceModel } from '../../model/types.js';
import type { LintRule } from '../types.js';

/**
 * Every file the deck loads from the internet — an image slide's `src`, a Markdown image in any
 * text or in the notes, a background, a frame or video in free Markdown, a `url()` or `@import`
 * in style.css: missing when the deck is shown offline (a borrowed laptop, a room without
 * network), and a request that tells the file's host when the deck is shown. One rule for all
 * of them, reported where each is named: an error in YAML decks, a warning in Markdown decks
 * (built as their authors wrote them); `lint: { remote-resource: warning }` accepts them in a
 * YAML deck too. The page's content-security policy admits exactly the URLs reported here.
 */
export const remoteResource: LintRule = {
  id: 'remote-resource',
  check: ({ model }) =>
    model.remote.map((r) => ({
      path: r.path,
      at: { line: r.line, column: r.column, file: r.file },
      message: `${who(r)} loads ${r.what} ${r.url} from the network: it is missing when the deck is shown offline`,
      hint: 'download the file into the deck folder and refer to it by its relative path; a deck that must load it from the network says so with `lint: { remote-resource: warning }`',
    })),
};

/** Who loads it: a slide, the deck (its references, title …), or a style sheet of the deck. */
function who(r: RemoteResourceModel): string {
  if (r.slide !== undefined) return `Slide ${r.slide}`;
  return r.path.length ? 'The deck' : r.file.replace(/^.*[\\/]/, '');
}
