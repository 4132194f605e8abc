/**
 * The handout's structure, shared by its Markdown and HTML forms: the deck's slides grouped
 * into parts at its section slides, each slide with a heading even where the slide shows none.
 * The title slide becomes the document's head; the numbered sources close the document.
 */
import { escapeHtml } from '../../base/markdown.js';
import type { ChangedDeck } from '../../model/change-labels.js';
import type { DeckModel, ReferenceModel, SlideModel } from '../../model/types.js';
import { changesHtml, CHANGES_CSS } from '../html/changes.js';

export interface HandoutSlide extends SlideModel {
  /** Shown as the slide's heading: its title, or "Slide n" for an untitled slide. */
  headingHtml: string;
  /** The title slide's heading is the document title; its notes still belong in the handout. */
  showHeading: boolean;
}

export interface HandoutPart {
  /** The section slide that opens this part; the slides before the first section have none. */
  section?: HandoutSlide;
  slides: HandoutSlide[];
}

export interface Handout {
  deck: DeckModel;
  /** With `--since`: the changes page (already escaped HTML) and its style. */
  changesHtml?: string | undefined;
  changesCss?: string | undefined;
  parts: HandoutPart[];
  /** The deck's references when no sources slide lists them, so the handout always has them. */
  trailingReferences: ReferenceModel[];
}

export function handoutOutline(deck: DeckModel): Handout {
  const parts: HandoutPart[] = [{ slides: [] }];
  for (const slide of deck.slides) {
    const entry: HandoutSlide = {
      ...slide,
      // A free-Markdown slide is named by its body's first heading (plain text).
      headingHtml: slide.titleHtml ?? (slide.title ? escapeHtml(slide.title) : `${deck.labels.slide} ${slide.label}`),
      showHeading: slide.layout !== 'title',
    };
    if (slide.layout === 'section') parts.push({ section: entry, slides: [] });
    else parts.at(-1)!.slides.push(entry);
  }
  const listed = deck.slides.some((s) => s.layout === 'sources');
  return {
    deck,
    changesHtml: deck.changes ? changesHtml(deck as ChangedDeck, 2) : undefined,
    changesCss: deck.changes ? CHANGES_CSS : undefined,
    parts: parts.filter((p) => p.section || p.slides.length),
    trailingReferences: listed ? [] : deck.references,
  };
}
