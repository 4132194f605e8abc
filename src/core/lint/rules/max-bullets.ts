import { bulletLists, bullets, slideName } from '../bullets.js';
import { MAX_BULLETS } from '../../deck/lint-rules.js';
import type { LintRule } from '../types.js';

export const maxBullets: LintRule = {
  id: 'max-bullets',
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
