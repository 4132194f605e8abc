/**
 * `DeckModel` → a PowerPoint file (.pptx), in two stages as pandoc's PowerPoint writer: decide/
 * turns the render model into a presentation model (presentation.ts: slides, shapes with their
 * places, paragraphs and runs with fitted sizes, the theme, master and layouts), and ooxml/
 * prints that model as the file's parts, deciding nothing. Pure: the caller hands in the image
 * bytes (and an SVG rasteriser); the result is the file's bytes, identical for identical input
 * (fixed zip dates, fixed part order, dates only from `date`).
 *
 * Why not pptxgenjs: it writes non-deterministic zips, has no theme colours, tags notes en-US
 * as one paragraph, fakes SVG fallbacks in Node and mutates its inputs; patching all that costs
 * more than writing the few dozen parts of a fixed set of layouts ourselves.
 */
import type { TalkdeckError } from '../../base/errors.js';
import { decidePresentation, type PresentationInput } from './decide/presentation.js';
import { printPresentation } from './ooxml/package.js';

/** The file's bytes, and warnings about what it could not carry over from the deck. */
export function writePptx(input: PresentationInput): { bytes: Uint8Array; warnings: TalkdeckError[] } {
  const { presentation, warnings } = decidePresentation(input);
  return { bytes: printPresentation(presentation), warnings };
}
