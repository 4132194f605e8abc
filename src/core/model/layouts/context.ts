/**
 * What a layout may use while it models one slide: the deck-wide decisions buildModel has already
 * made (titles, references, sections, timing) and its helpers that render text and report
 * problems at the right place. A type of its own so that each layout family can take it without
 * importing the assembly that builds it.
 */
import type { TalkdeckError } from '../../base/errors.js';
import type { Labels } from '../../base/i18n.js';
import type { KeyPath, SourceFile } from '../../base/source.js';
import type { Point } from '../../deck/fields.js';
import type { NormalSlide } from '../../deck/layouts.js';
import type { Deck } from '../../deck/schema.js';
import type * as WorldMapModule from '../map/world-map.js';
import type * as ChartModule from '../chart-svg.js';
import type { DeckTiming } from '../timing.js';
import type { PointModel, ReferenceModel } from '../types.js';

/** The map renderer is heavy (d3-geo, atlas data): loaded only for decks with a map slide. */
export type MapRenderer = Pick<typeof WorldMapModule, 'renderWorldMap' | 'unknownCountryCodes'>;
/** The chart renderer (d3-scale, d3-shape): loaded only for decks with a chart slide. */
export type ChartRenderer = Pick<typeof ChartModule, 'renderChart'>;

export interface LayoutContext {
  path: KeyPath;
  inline: (text: string | number, path: KeyPath) => string;
  maybe: (text: string | number | undefined, path: KeyPath) => string | undefined;
  points: (list: readonly Point[], path: KeyPath) => PointModel[];
  meta: Omit<Deck, 'slides'>;
  refModels: ReferenceModel[];
  sections: { id: string; slide: NormalSlide; position: number; titleHtml: string }[];
  timing: DeckTiming;
  source: SourceFile;
  errors: TalkdeckError[];
  resource: (ref: string, path: KeyPath, what: string) => string | undefined;
  lang: string;
  maps: MapRenderer | undefined;
  charts: ChartRenderer | undefined;
  appendix: { id: string } | undefined;
  size: { width: number; height: number };
  labels: Labels;
}
