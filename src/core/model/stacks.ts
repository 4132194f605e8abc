/**
 * Which slides stand under one another. A deck is written as one flat list of slides, while Reveal.js
 * nests a stack's slides in one section: the model tells each slide its stack and place, so a
 * writer only has to wrap them.
 */
import type { TalkdeckError } from '../base/errors.js';
import { errorAt, type SourceFile } from '../base/source.js';
import type { ValidatedSlide } from '../deck/validate.js';
import type { SlideModel } from './types.js';

/**
 * Vertical stacks: a slide with `below: true` goes under the slide before it. Each slide of a
 * stack learns the stack's id (the top slide's id), its place and whether it opens or closes it.
 */
export function stackPlaces(
  slides: ValidatedSlide[],
  ids: string[],
  source: SourceFile,
  errors: TalkdeckError[],
): (SlideModel['stack'] | undefined)[] {
  const places: (SlideModel['stack'] | undefined)[] = slides.map(() => undefined);
  slides.forEach(({ slide, index }, i) => {
    if (!slide.below) return;
    if (i === 0) {
      errors.push(
        errorAt(source, ['slides', index, 'below'], {
          code: 'schema',
          message: 'The first slide cannot be `below` another slide',
          hint: 'remove `below: true` from the first slide',
        }),
      );
      return;
    }
    const top = places[i - 1] ?? { id: `stack-${ids[i - 1]!}`, index: 0, first: true, last: false };
    places[i - 1] = { ...top, last: false };
    places[i] = { id: top.id, index: top.index + 1, first: false, last: true };
  });
  return places;
}
