import { slideName } from '../bullets.js';
import { estimateFit } from '../../model/fit.js';
import type { LintRule } from '../types.js';

/**
 * A slide whose text probably does not fit its box (model/fit.ts estimates it). Every output
 * does the same with it: the text is shrunk to fit, to half its size at most — the HTML deck
 * and the PDF in the browser (templates/plugins/fit.js), the PowerPoint file at export
 * (write/pptx/decide/fit.ts) — and what does not fit even then is cut off. So the finding
 * says which of the two will happen; either way the slide says too much.
 */
export const overflowEstimate: LintRule = {
  id: 'overflow-estimate',
  check: ({ slides, model }) =>
    slides.flatMap(({ slide, index }) => {
      const fit = estimateFit(slide, model, index);
      if (!fit || fit.needed <= fit.available) return [];
      const percent = Math.round((fit.needed / Math.max(1, fit.available)) * 100);
      // Text at half size needs a little less than half the height (lines hold more words).
      const outcome = fit.what
        ? ''
        : percent > 200
          ? ', more than it can shrink to (half size): the rest is cut off'
          : ', so it is shrunk to fit (in the HTML deck, the PDF and the PowerPoint file alike)';
      return [
        {
          path: ['slides', index],
          message: `${slideName(model.slides[index]!)} probably does not fit: ${fit.what ?? 'its text needs'} about ${percent} % of the space${outcome}`,
          hint: fit.hint ?? 'shorten or split the slide, or drop the summary line; then check it in the browser',
        },
      ];
    }),
};
