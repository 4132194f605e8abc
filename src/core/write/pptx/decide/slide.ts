/**
 * One slide of the render model as a slide of the presentation model: the layout it uses, its
 * background, the shapes of its layout family between title and frame, and its speaker notes.
 */
import type { SlideModel } from '../../../model/types.js';
import type { Box, LayoutKey, Paragraph, Shape, Slide } from '../presentation.js';
import type { DecideContext } from './context.js';
import { background, cites, footer, summary, summaryFit, summaryTop } from './frame.js';
import { MARGIN } from './geometry.js';
import { image, quote } from './image.js';
import { agenda, sources } from './lists.js';
import { map } from './map.js';
import { markdownBody } from './markdown.js';
import { runsOf } from './runs.js';
import { chart, table } from './table.js';
import { closing, compare, points, section, title, titlePage } from './text-slides.js';
import { figures, timeline } from './timeline.js';

export function decideSlide(slide: SlideModel, ctx: DecideContext): Slide {
  const bg = background(slide, ctx);
  const shapes: Shape[] = [...bg.shapes];
  // Fitted once: the body ends above it, then it is drawn.
  const fit = slide.summaryHtml ? summaryFit(slide.summaryHtml, ctx) : undefined;
  switch (slide.layout) {
    case 'title':
      shapes.push(...titlePage(slide, ctx.deck, ctx));
      break;
    case 'section':
      shapes.push(...section(slide, ctx));
      break;
    case 'closing':
      shapes.push(...closing(slide, ctx));
      break;
    default:
      if (slide.titleHtml) shapes.push(title(slide.titleHtml, ctx));
      shapes.push(...body(slide, summaryTop(fit, ctx), ctx));
  }
  if (fit) shapes.push(...summary(fit, ctx));
  if (slide.cites.length) shapes.push(...cites(slide, ctx));
  shapes.push(...footer(slide, ctx));
  const notes = slide.notesHtml?.trim() ? notesParagraphs(slide.notesHtml) : undefined;
  return {
    number: slide.number,
    layout: layoutFor(slide),
    ...(bg.background ? { background: bg.background } : {}),
    ...(bg.colorMap ? { colorMap: bg.colorMap } : {}),
    shapes,
    ...(notes ? { notes } : {}),
  };
}

function layoutFor(slide: SlideModel): LayoutKey {
  switch (slide.layout) {
    case 'title':
      return 'title';
    case 'section':
      return 'section';
    case 'closing':
      return 'closing';
    case 'compare':
      return 'compare';
    case 'points':
    case 'agenda':
    case 'sources':
    case 'markdown':
      return 'content';
    default:
      return 'titleOnly';
  }
}

/** The body of a content slide, between the title and `bottom` (the summary or the content area's end). */
function body(slide: SlideModel, bottom: number, ctx: DecideContext): Shape[] {
  const box: Box = { x: MARGIN, y: ctx.g.bodyTop, w: ctx.g.contentW, h: bottom - ctx.g.bodyTop };
  switch (slide.layout) {
    case 'points':
      return points(slide, box, ctx);
    case 'agenda':
      return agenda(slide, box, ctx);
    case 'sources':
      return sources(slide, box, ctx);
    case 'compare':
      return compare(slide, bottom, ctx);
    case 'timeline':
      return timeline(slide, box, ctx);
    case 'figures':
      return figures(slide, box, ctx);
    case 'quote':
      return quote(slide, box, ctx);
    case 'image':
      return image(slide, box, ctx);
    case 'map':
      return map(slide, box, ctx);
    case 'table':
      return table(slide, box, ctx);
    case 'chart':
      return chart(slide, box, ctx);
    case 'markdown':
      return markdownBody(slide, box, ctx);
    default:
      return [];
  }
}

/** The speaker notes (block HTML from Markdown) as paragraphs: one per paragraph or list item. Notes pages carry no links. */
export function notesParagraphs(html: string): Paragraph[] {
  const blocks = html
    .replace(/\r/g, '')
    .split(/<\/(?:p|li|h[1-6]|blockquote|pre)>|<(?:ul|ol)>|<\/(?:ul|ol)>/)
    .map((b) => b.trim())
    .filter(Boolean);
  return blocks.map((block) => {
    const item = /^<li>/.test(block);
    const inner = block.replace(/^<(p|li|h[1-6]|blockquote|pre)[^>]*>/, '').replace(/\n/g, ' ');
    const runs = runsOf(inner);
    return { runs: item ? [{ text: '• ' }, ...runs] : runs };
  });
}
