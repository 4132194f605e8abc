/**
 * The part of a slide's model that depends on its layout. buildModel makes what every slide has
 * (title, notes, number, timing, background); withLayout adds what its layout shows, checking it
 * on the way, from the family module that knows that layout.
 */
import type { NormalSlide } from '../../deck/layouts.js';
import type { SlideModel } from '../types.js';
import { chartModel } from './chart.js';
import type { LayoutContext } from './context.js';
import { mapModel } from './map.js';
import { tableModel } from './table.js';
import { textModel } from './text.js';

export function withLayout(base: SlideModel, slide: NormalSlide, ctx: LayoutContext): SlideModel {
  switch (slide.layout) {
    case 'title':
    case 'section':
    case 'closing':
    case 'agenda':
    case 'points':
    case 'compare':
    case 'timeline':
    case 'figures':
    case 'quote':
    case 'image':
      return textModel(base, slide, ctx);
    case 'table':
      return tableModel(base, slide, ctx);
    case 'chart':
      return chartModel(base, slide, ctx);
    case 'map':
      return mapModel(base, slide, ctx);
    case 'sources':
      return { ...base, references: ctx.refModels };
    case 'markdown':
      return base;
  }
}
