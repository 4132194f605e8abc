/** The bullet lists of a slide, with the key path of every bullet, for the rules that read bullets. */
import type { NormalSlide } from '../deck/layouts.js';
import type { Point } from '../deck/fields.js';
import type { KeyPath } from '../base/source.js';
import type { SlideModel } from '../model/types.js';

export interface BulletList {
  path: KeyPath;
  /** How a message names the list: empty for a slide's only list. */
  where: string;
  points: readonly Point[];
}

export interface Bullet {
  text: string;
  path: KeyPath;
}

export function bulletLists(slide: NormalSlide, index: number): BulletList[] {
  const base: KeyPath = ['slides', index];
  switch (slide.layout) {
    case 'points':
      return [{ path: [...base, 'points'], where: '', points: slide.points }];
    case 'closing':
      return slide.points ? [{ path: [...base, 'points'], where: '', points: slide.points }] : [];
    case 'compare':
      return [
        { path: [...base, 'left', 'points'], where: ' in the left column', points: slide.left.points },
        { path: [...base, 'right', 'points'], where: ' in the right column', points: slide.right.points },
      ];
    default:
      return [];
  }
}

/** Every bullet of a list, sub-points included, in reading order. */
export function bullets(points: readonly Point[], path: KeyPath): Bullet[] {
  return points.flatMap((p, i) =>
    typeof p === 'string'
      ? [{ text: p, path: [...path, i] }]
      : [{ text: p.text, path: [...path, i, 'text'] }, ...bullets(p.points ?? [], [...path, i, 'points'])],
  );
}

/** `slide 4 (“Title”)`, as messages name a slide. */
export function slideName(slide: SlideModel): string {
  return slide.title ? `Slide ${slide.number} (“${slide.title}”)` : `Slide ${slide.number}`;
}
