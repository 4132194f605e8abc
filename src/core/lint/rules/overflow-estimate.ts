import { slideName } from '../bullets.js';
import { estimateFit } from '../../model/fit.js';
import type { LintRule } from '../types.js';

export const overflowEstimate: LintRule = {
  id: 'overflow-estimate',
  check: ({ slides, model }) =>
    slides.flatMap(({ slide, index }) => {
      const fit = estimateFit(slide, model, index);
      if (!fit || fit.needed <= fit.available) return [];
      const percent = Math.round((fit.needed / Math.max(1, fit.available)) * 100);
      return [
        {
          path: ['slides', index],
          message: `${slideName(model.slides[index]!)} probably does not fit: ${fit.what ?? 'its text needs'} about ${percent} % of the space`,
          hint: fit.hint ?? 'shorten or split the slide, or drop the summary line; then check it in the browser',
        },
      ];
    }),
};
