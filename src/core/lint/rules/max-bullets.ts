import { bulletLists, bullets, slideName } from '../bullets.js';
import type { LintRule } from '../types.js';

/** Above this, a list is read rather than seen; sub-points count, since they take lines too. */
export const MAX_BULLETS = 6;

export const maxBullets: LintRule = {
  id: 'max-bullets',
  defaultSeverity: 'warning',
  description: `A bullet list with more than ${MAX_BULLETS} bullets (sub-points included): the audience reads instead of listening.`,
  check: ({ slides, model }) =>
    slides.flatMap(({ slide, index }) =>
      bulletLists(slide, index).flatMap((list) => {
        const n = bullets(list.points, list.path).length;
        if (n <= MAX_BULLETS) return [];
        return [
          {
            path: list.path,
            message: `${slideName(model.slides[index]!)} has ${n} bullets${list.where} (more than ${MAX_BULLETS})`,
            hint: 'split the slide, merge bullets, or move detail into the notes',
          },
        ];
      }),
    ),
};
