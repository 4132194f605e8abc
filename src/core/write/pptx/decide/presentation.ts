/**
 * The first stage of the PowerPoint writer: the render model as a presentation model. Every
 * decision about the file is taken here — the theme, the master and layouts, each slide's shapes
 * with their places and fitted sizes, the notes, what the file says about itself — and the
 * printing stage (ooxml/) only writes it down.
 */
import type { TalkdeckError } from '../../../base/errors.js';
import type { SourceFile } from '../../../base/source.js';
import type { DeckModel } from '../../../model/types.js';
import type { Box, Presentation } from '../presentation.js';
import { deckContext, warnings } from './context.js';
import { embeddedFonts } from './fonts.js';
import { BASE_PX, geometryFor } from './geometry.js';
import { imageLoader, type ImageSource } from './images.js';
import { layoutsFor, masterFor, plainLevels } from './layouts.js';
import { cultureName } from './runs.js';
import { decideSlide } from './slide.js';
import { CODE_FONT, themeFor } from './theme.js';
import { transitions } from './transition.js';

/** The application a talkdeck .pptx names in docProps/app.xml, by which talkdeck knows its own files. */
export const PPTX_APPLICATION = 'talkdeck';

export interface PresentationInput extends ImageSource {
  model: DeckModel;
  /** Creation date for docProps/core.xml; left out when undefined (then the file is the same every run). */
  date?: Date | undefined;
  /** The deck file as read, to place warnings about what the .pptx cannot carry over. */
  source?: SourceFile | undefined;
  /** The bytes of a file of @fontsource/source-sans-3 (`files/…`), for the fonts the file embeds. */
  readFont(file: string): Uint8Array;
}

/** The presentation, and what it could not carry over from the deck (warnings at the deck's fields). */
export function decidePresentation(input: PresentationInput): { presentation: Presentation; warnings: TalkdeckError[] } {
  const { model } = input;
  const lang = cultureName(model.lang);
  const g = geometryFor({ w: model.size.width, h: model.size.height });
  const said = warnings(input.source, input.file);
  const ctx = deckContext(model, g, lang, imageLoader(input, g.slide.w), said.warn);
  const theme = themeFor(model.theme);
  const transitionOf = transitions(model, said.warn);
  const master = masterFor(g);
  const layouts = layoutsFor(g);
  const slides = model.slides.map((slide) => {
    const transition = transitionOf(slide);
    return { ...decideSlide(slide, ctx), ...(transition ? { transition } : {}) };
  });
  const presentation: Presentation = {
    size: g.slide,
    // 960×720 px is exactly PowerPoint's 4:3 (10 × 7.5 in); 16:9 and 16:10 at 13.33 in wide are its custom sizes.
    ...(model.size.name === '4:3' ? { sizeType: 'screen4x3' as const } : {}),
    notesSlideImage: notesSlideImage(g.slide),
    lang,
    theme,
    notesTheme: { ...theme, name: `${theme.colors.name} notes` },
    codeFont: CODE_FONT,
    embeddedFonts: embeddedFonts({ font: theme.font, master, layouts, slides, readFont: input.readFont }),
    master,
    layouts,
    defaultTextStyle: plainLevels(BASE_PX),
    slides,
    properties: {
      title: model.title,
      author: model.author,
      created: input.date,
      application: PPTX_APPLICATION,
      format: `On-screen Show (${model.size.name})`,
    },
  };
  return { presentation, warnings: said.warnings };
}

/** The slide's picture on the notes page: within 640×360 px below the top margin, centred, at the slide's aspect. */
function notesSlideImage(slide: { w: number; h: number }): Box {
  const scale = Math.min(640 / slide.w, 360 / slide.h);
  const w = slide.w * scale;
  return { x: 40 + (640 - w) / 2, y: 72, w, h: slide.h * scale };
}
