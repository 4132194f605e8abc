/**
 * Slide transitions: reveal.js's as PowerPoint's where one corresponds — fade, slide (the new
 * slide pushes in from the right), zoom, none — and push for convex and concave, 3D turns that
 * PowerPoint's file format has no element for, with a warning at the deck field that asks for them.
 */
import type { KeyPath } from '../../../base/source.js';
import type { DeckModel, SlideModel } from '../../../model/types.js';
import type { Transition } from '../presentation.js';
import type { Warn } from './context.js';

const EFFECTS: Readonly<Record<string, Transition['effect'] | undefined>> = { fade: 'fade', slide: 'push', zoom: 'zoom', convex: 'push', concave: 'push' };
const UNSUPPORTED = new Set(['convex', 'concave']);
/** reveal.js's speeds (0.8, 0.4, 1.2 s) as PowerPoint's (0.75, 0.5, 1 s). */
const SPEEDS = { default: 'med', fast: 'fast', slow: 'slow' } as const;

/** Each slide's transition, by its number; warns once per deck field that names one PowerPoint lacks. */
export function transitions(deck: DeckModel, warn: Warn): (slide: SlideModel) => Transition | undefined {
  const asked = (name: string, path: KeyPath): void => {
    if (!UNSUPPORTED.has(name)) return;
    warn(path, {
      message: `PowerPoint has no \`${name}\` transition; the .pptx pushes the slide in from the right instead`,
      hint: 'the HTML deck keeps it; `transition: slide`, `fade`, `zoom` or `none` look the same in both',
    });
  };
  asked(deck.transition, ['transition']);
  for (const slide of deck.slides) if (slide.transition) asked(slide.transition, ['slides', slide.number - 1, 'transition']);
  // talkdeck's reveal.js default is fast (write/reveal/config.ts).
  const speed = SPEEDS[deck.reveal.transitionSpeed ?? 'fast'];
  return (slide) => {
    const effect = EFFECTS[slide.transition ?? deck.transition];
    return effect ? { effect, speed } : undefined;
  };
}
