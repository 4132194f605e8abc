/**
 * The first stage of the PowerPoint writer: the render model as a presentation model. Every
 * decision about the file is taken here — the theme, the master and layouts, each slide's shapes
 * with their places and fitted sizes, the notes, what the file says about itself — and the
 * printing stage (ooxml/) only writes it down.
 */
import type { DeckModel } from '../../../model/types.js';
import type { Presentation } from '../presentation.js';
import { deckContext } from './context.js';
import { BASE_PX, geometryFor } from './geometry.js';
import { imageLoader, type ImageSource } from './images.js';
import { layoutsFor, masterFor, plainLevels } from './layouts.js';
import { cultureName } from './runs.js';
import { decideSlide } from './slide.js';
import { CODE_FONT, themeFor } from './theme.js';

/** The application a talkdeck .pptx names in docProps/app.xml, by which talkdeck knows its own files. */
export const PPTX_APPLICATION = 'talkdeck';

export interface PresentationInput extends ImageSource {
  model: DeckModel;
  /** Creation date for docProps/core.xml; left out when undefined (then the file is the same every run). */
  date?: Date | undefined;
}

export function decidePresentation(input: PresentationInput): Presentation {
  const { model } = input;
  const lang = cultureName(model.lang);
  const g = geometryFor({ w: 1280, h: 720 });
  const ctx = deckContext(model, g, lang, imageLoader(input, g.slide.w));
  const theme = themeFor(model.theme);
  return {
    size: g.slide,
    lang,
    theme,
    notesTheme: { ...theme, name: `${theme.colors.name} notes` },
    codeFont: CODE_FONT,
    master: masterFor(g),
    layouts: layoutsFor(g),
    defaultTextStyle: plainLevels(BASE_PX),
    slides: model.slides.map((slide) => decideSlide(slide, ctx)),
    properties: {
      title: model.title,
      author: model.author,
      created: input.date,
      application: PPTX_APPLICATION,
      // The layouts are drawn for 16:9 (the command warns when the deck is another size).
      format: 'On-screen Show (16:9)',
    },
  };
}
