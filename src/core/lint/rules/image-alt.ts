import type { LintRule } from '../types.js';

/**
 * A missing or empty `alt` is already a schema error (the field is required), so this rule
 * never sees one; it reports alt text that is present but says nothing: a file name or a
 * word like "image".
 */
const GENERIC = new Set([
  'image', 'picture', 'photo', 'graphic', 'figure', 'chart', 'diagram', 'map', 'logo', 'screenshot', 'icon', 'illustration',
  'bild', 'foto', 'grafik', 'abbildung', 'diagramm', 'karte', 'schaubild', 'symbol',
  'alt', 'todo', 'tbd', 'xxx',
]);

export function saysNothing(alt: string, src: string): boolean {
  const text = alt.trim().toLowerCase();
  const file = src.split('/').pop()!.toLowerCase();
  if (text === file || text === file.replace(/\.[a-z0-9]+$/, '')) return true;
  if (/^[\w.-]+\.(png|jpe?g|gif|svg|webp|avif)$/i.test(text)) return true;
  return GENERIC.has(text.replace(/[^\p{L}\p{N}]+/gu, ''));
}

export const imageAlt: LintRule = {
  id: 'image-alt',
  check: ({ slides }) =>
    slides.flatMap(({ slide, index }) =>
      slide.layout === 'image' && saysNothing(slide.alt, slide.src)
        ? [
            {
              path: ['slides', index, 'alt'],
              message: `Alt text “${slide.alt}” on slide ${index + 1} does not say what the image shows`,
              hint: 'describe what matters in the image in one sentence, for people who cannot see it',
            },
          ]
        : [],
    ),
};
