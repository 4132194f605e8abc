import { countWords } from '../../base/markdown.js';
import { bulletLists, bullets } from '../bullets.js';
import { MAX_BULLET_WORDS } from '../../deck/lint-rules.js';
import type { LintRule } from '../types.js';

export const bulletLength: LintRule = {
  id: 'bullet-length',
  check: ({ slides }) =>
    slides.flatMap(({ slide, index }) =>
      bulletLists(slide, index).flatMap((list) =>
        bullets(list.points, list.path).flatMap((b) => {
          const n = countWords(b.text);
          if (n <= MAX_BULLET_WORDS) return [];
          return [
            {
              path: b.path,
              message: `Bullet on slide ${index + 1} has ${n} words (more than ${MAX_BULLET_WORDS})`,
              hint: 'shorten it to a phrase and say the rest; put the full sentence into the notes',
            },
          ];
        }),
      ),
    ),
};
