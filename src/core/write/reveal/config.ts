/** The reveal.js configuration a built deck starts with (Reveal.initialize's options). */
import type { ChangedDeck } from '../../model/change-labels.js';
import type { DeckModel } from '../../model/types.js';
import { speakerChanges } from './speaker-changes.js';
import { rehearsalConfig } from './rehearsal-config.js';

/**
 * reveal.js options. Precedence (lowest first): these defaults < the deck's metadata (`size`,
 * `transition`, `duration`, the `reveal` block) < URL query parameters, which reveal.js applies
 * itself at run time. `speakerView` is the option block of talkdeck's speaker-view plugin
 * (reveal.js keeps unknown keys for plugins); `talkdeck` tells its plugin how to number slides.
 */
export function revealConfig(model: DeckModel, opts: { talkdeckVersion?: string | undefined } = {}): Record<string, unknown> {
  // The change marks' labels travel only in a build that has changes to mark (`--since`).
  const { changes: changeLabels, ...speaker } = model.labels.speaker;
  return {
    hash: true,
    respondToHashChanges: true,
    margin: 0.04,
    center: false,
    controls: true,
    progress: true,
    slideNumber: 'c/t',
    transitionSpeed: 'fast',
    pdfSeparateFragments: false,
    width: model.size.width,
    height: model.size.height,
    transition: model.transition,
    // reveal.js's postMessage API would let any page that frames the deck call its methods
    // and read the answers (speaker notes included). The speaker view's own previews switch
    // it on in their URL (`?receiver&postMessage=true…`), and talkdeck serve lets only the
    // same origin frame those.
    postMessage: false,
    postMessageEvents: false,
    ...(model.duration ? { totalTime: Math.round(model.duration * 60) } : {}),
    ...model.reveal,
    speakerView: {
      labels: { ...speaker, slide: model.labels.slide, ...(model.changes ? { changes: changeLabels } : {}) },
      rehearsal: rehearsalConfig(model, opts.talkdeckVersion),
      ...(model.changes ? { changes: speakerChanges(model as ChangedDeck) } : {}),
    },
    talkdeck: { mainSlides: model.mainSlideCount, appendix: model.appendix?.id ?? null },
  };
}
