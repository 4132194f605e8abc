import type { LintRule } from '../types.js';

/**
 * The other direction, a slide citing a key that is not defined, is an error in the model:
 * the slide could not show the source.
 */
export const referenceUncited: LintRule = {
  id: 'reference-uncited',
  check: ({ meta, model }) => {
    const cited = new Set(model.references.map((r) => r.key));
    return Object.keys(meta.references ?? {})
      .filter((k) => !cited.has(k))
      .map((k) => ({
        path: ['references', k],
        key: true,
        message: `Reference \`${k}\` is never cited, so the sources slide leaves it out`,
        hint: `cite it on a slide with \`cite: [${k}]\` or remove it`,
      }));
  },
};
