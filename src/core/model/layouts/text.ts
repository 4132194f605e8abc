/**
 * The layouts that place the author's own words (and one picture) on a slide: title, section,
 * closing, agenda, points, compare, timeline, figures, quote and image. Beyond rendering their
 * Markdown there is little to decide: the agenda reads the sections' timing, steps mark the items
 * that appear one by one, and the image goes through the resource rule.
 */
import { plainText } from '../../base/markdown.js';
import type { NormalSlide } from '../../deck/layouts.js';
import type { DeckTiming } from '../timing.js';
import type { SlideModel } from '../types.js';
import type { LayoutContext } from './context.js';

type TextSlide = Extract<
  NormalSlide,
  { layout: 'title' | 'section' | 'closing' | 'agenda' | 'points' | 'compare' | 'timeline' | 'figures' | 'quote' | 'image' }
>;

export function textModel(base: SlideModel, slide: TextSlide, ctx: LayoutContext): SlideModel {
  const { path, inline, maybe, points } = ctx;
  switch (slide.layout) {
    case 'title':
      return { ...base, subtitleHtml: maybe(slide.subtitle ?? ctx.meta.subtitle, [...path, 'subtitle']) };
    case 'section':
      return { ...base, subtitleHtml: maybe(slide.subtitle, [...path, 'subtitle']) };
    case 'closing':
      return {
        ...base,
        subtitleHtml: maybe(slide.subtitle, [...path, 'subtitle']),
        points: points(slide.points ?? [], [...path, 'points']),
        backupLink: ctx.appendix && !base.backup ? { id: ctx.appendix.id } : undefined,
      };
    case 'agenda':
      return {
        ...base,
        agenda: ctx.sections.map(({ id, position, titleHtml }, n) => ({
          id,
          number: n + 1,
          titleHtml,
          minutes: slide.times ? sectionMinutes(ctx.timing, position) : undefined,
        })),
      };
    case 'points':
      return { ...base, points: stepped(points(slide.points, [...path, 'points']), base.steps) };
    case 'compare':
      return {
        ...base,
        left: { headingHtml: inline(slide.left.heading, [...path, 'left', 'heading']), points: points(slide.left.points, [...path, 'left', 'points']) },
        right: { headingHtml: inline(slide.right.heading, [...path, 'right', 'heading']), points: points(slide.right.points, [...path, 'right', 'points']) },
      };
    case 'timeline':
      return {
        ...base,
        events: stepped(
          slide.events.map((e, i) => ({ date: String(e.date), html: inline(e.text, [...path, 'events', i, 'text']) })),
          base.steps,
        ),
      };
    case 'figures':
      return {
        ...base,
        figures: slide.figures.map((f, i) => ({
          value: String(f.value),
          labelHtml: inline(f.label, [...path, 'figures', i, 'label']),
          noteHtml: maybe(f.note, [...path, 'figures', i, 'note']),
        })),
      };
    case 'quote':
      return {
        ...base,
        quote: {
          html: inline(slide.text, [...path, 'text']),
          speaker: slide.speaker,
          contextHtml: maybe(slide.context, [...path, 'context']),
        },
      };
    case 'image': {
      const src = ctx.resource(slide.src, [...path, 'src'], 'Image');
      return {
        ...base,
        image: {
          src: src ?? '',
          alt: plainText(slide.alt),
          captionHtml: maybe(slide.caption, [...path, 'caption']),
          creditHtml: maybe(slide.credit, [...path, 'credit']),
        },
      };
    }
  }
}

/** Whole minutes, at least one: an agenda promising "0 min" for a part of the talk reads as a mistake. */
function sectionMinutes(timing: DeckTiming, position: number): number {
  const seconds = timing.sections.find((s) => s.first === position)?.seconds ?? 0;
  return Math.max(1, Math.round(seconds / 60));
}

function stepped<T extends object>(items: T[], steps: boolean): (T & { step?: boolean })[] {
  return steps ? items.map((item) => ({ ...item, step: true })) : items;
}
