import type { LintRule } from '../types.js';

/**
 * Images, frames, backgrounds and style sheets loaded from the internet: they are missing when
 * the deck is shown offline (a borrowed laptop, a room without network). Markdown decks report
 * them as warnings (they are built as their authors wrote them); YAML decks as errors.
 */
export const remoteResource: LintRule = {
  id: 'remote-resource',
  check: ({ model }) =>
    model.remote.map((r) => ({
      path: ['slides', r.slide - 1, 'body'],
      at: { line: r.line, column: 1 },
      message: `Slide ${r.slide} loads ${r.what} ${r.url} from the network: it is missing when the deck is shown offline`,
      hint: 'download the file into the deck folder and refer to it by its relative path',
    })),
};
