import type { NormalSlide } from '../../deck/layouts.js';
import { slideName } from '../bullets.js';
import type { LintRule } from '../types.js';

/** Slides that carry content the presenter has to talk about; title, agenda, section and sources speak for themselves. */
function isContent(slide: NormalSlide): boolean {
  switch (slide.layout) {
    case 'title':
    case 'agenda':
    case 'section':
    case 'sources':
      return false;
    case 'closing':
      return Boolean(slide.points?.length);
    default:
      return true;
  }
}

export const notesMissing: LintRule = {
  id: 'notes-missing',
  check: ({ slides, model }) =>
    slides.flatMap(({ slide, index }) =>
      isContent(slide) && !slide.notes?.trim()
        ? [
            {
              path: ['slides', index],
              message: `${slideName(model.slides[index]!)} has no speaker notes`,
              hint: `${model.dialect === 'marp' ? 'add an HTML comment <!-- … -->' : model.dialect ? 'add a line `Note:` followed by' : 'add `notes: |` with'} what you will say; it shows in the speaker view (press S) and counts towards the speaking time`,
            },
          ]
        : [],
    ),
};
