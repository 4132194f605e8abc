/**
 * What deciding a slide may ask of the deck beyond the slide itself: the deck, its language, where
 * a link goes, and the deck's images with their sizes.
 */
import { TalkdeckError } from '../../../base/errors.js';
import { errorAt, formatPath, type KeyPath, type SourceFile } from '../../../base/source.js';
import type { DeckModel } from '../../../model/types.js';
import type { Image, Link, Run } from '../presentation.js';
import type { Geometry } from './geometry.js';
import { runsOf } from './runs.js';

/** Says, at a field of the deck file, what the .pptx cannot carry over and what it does instead. */
export type Warn = (path: KeyPath, what: { message: string; hint: string }) => void;

/** A warning maker and the warnings it made, placed in the deck file when its source is known. */
export function warnings(source: SourceFile | undefined, file: string | undefined): { warn: Warn; warnings: TalkdeckError[] } {
  const made: TalkdeckError[] = [];
  const warn: Warn = (path, what) => {
    const init = { code: 'pptx-unsupported' as const, severity: 'warning' as const, ...what };
    made.push(source ? errorAt(source, path, init) : new TalkdeckError({ ...init, ...(file ? { file } : {}), path: formatPath(path) }));
  };
  return { warn, warnings: made };
}

export interface DecideContext {
  deck: DeckModel;
  /** Where things sit on the deck's slide size. */
  g: Geometry;
  /** The culture name of the deck's language (de-DE), for runs and quotation marks. */
  lang: string;
  /** Where an href of the deck's HTML goes in the .pptx, if anywhere. */
  link(href: string): Link | undefined;
  /** The id of the sources slide, which citations link to. */
  sourcesId: string | undefined;
  /** An image of the deck, read once; `where` names the place that asks for it in errors. */
  image(src: string, where: string): Image;
  warn: Warn;
}

export function deckContext(deck: DeckModel, g: Geometry, lang: string, image: DecideContext['image'], warn: Warn): DecideContext {
  const slideNumberById = new Map(deck.slides.map((s) => [s.id, s.number]));
  return {
    deck,
    g,
    lang,
    link(href) {
      const inDeck = /^#\/?(.+)$/.exec(href);
      if (inDeck) {
        // A slide id as the address says it; a broken escape (`%zz`, from raw HTML) names no slide: plain text.
        const id = decoded(inDeck[1]!);
        const n = id === undefined ? undefined : slideNumberById.get(id);
        return n === undefined ? undefined : { slide: n };
      }
      if (/^(https?:|mailto:)/i.test(href)) return { url: href };
      return undefined; // a relative file link means nothing inside a .pptx
    },
    sourcesId: deck.slides.find((s) => s.layout === 'sources')?.id,
    image,
    warn,
  };
}

function decoded(id: string): string | undefined {
  try {
    return decodeURIComponent(id);
  } catch {
    return undefined;
  }
}

/** Runs of the deck's inline HTML with their links resolved. */
export function runs(html: string, ctx: DecideContext): Run[] {
  return runsOf(html, ctx.link);
}
