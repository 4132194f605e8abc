/**
 * Where things sit on a slide: the briefing theme's measures (see templates/themes/layouts.css)
 * at the deck's size in reveal.js px — 1280×720 for 16:9, 1280×800 for 16:10, 960×720 for 4:3 —
 * so the PowerPoint deck reads like the HTML one. Margins and type sizes are the same at every
 * size, as in the HTML; what spans the slide follows its width and height. In px.
 */
import type { Box } from '../presentation.js';

export const BASE_PX = 32;
export const TITLE_PX = BASE_PX * 1.45;
export const SUMMARY_PX = BASE_PX * 0.9;
export const SMALL_PX = 22;
export const MARGIN = 56;

export interface Geometry {
  slide: { w: number; h: number };
  contentW: number;
  /** The title of a content slide: one line of 46.4 px bold, its rule below. */
  title: Box;
  titleRuleY: number;
  /** Below the title: where the body starts; it ends above the summary or at contentBottom. */
  bodyTop: number;
  contentBottom: number;
  summaryBottom: number;
  cite: Box;
  footer: Box;
  slideNumber: Box;
  /** Title page: title, subtitle, the rule and the byline under it, centred in the slide's height. */
  titlePage: { title: Box; subtitle: Box; ruleY: number; byline: Box };
  section: { title: Box; subtitle: Box };
  /** The closing layout's places; a slide moves them to centre its own content. */
  closing: { title: Box; subtitle: Box; body: Box };
  compare: { columnW: number; headingY: number; headingH: number; bodyY: number };
}

export function geometryFor(size: { w: number; h: number }): Geometry {
  const { w, h } = size;
  const contentW = w - 2 * MARGIN;
  const bodyTop = 126;
  const slideNumber = { x: w - 96 - 140, y: h - 12 - 26, w: 140, h: 26 };
  // The title page and section slide were drawn for 720 px; taller slides centre them (the HTML's flex column does).
  const down = (h - 720) / 2;
  return {
    slide: { w, h },
    contentW,
    title: { x: MARGIN, y: 30, w: contentW, h: 66 },
    titleRuleY: 100,
    bodyTop,
    contentBottom: h - 64,
    summaryBottom: h - 78,
    cite: { x: MARGIN, y: h - 34 - 30, w: w - MARGIN - 160, h: 30 },
    // The marking runs up to the slide number.
    footer: { x: 24, y: h - 12 - 24, w: Math.min(900, slideNumber.x - 24 - 20), h: 24 },
    slideNumber,
    titlePage: {
      title: { x: MARGIN, y: 150 + down, w: contentW, h: 150 },
      subtitle: { x: MARGIN, y: 312 + down, w: contentW, h: 48 },
      ruleY: 394 + down,
      byline: { x: MARGIN, y: 414 + down, w: contentW * 0.6, h: 110 },
    },
    section: {
      title: { x: MARGIN + 48, y: 236 + down, w: contentW - 48, h: 140 },
      subtitle: { x: MARGIN + 48, y: 384 + down, w: contentW - 48, h: 48 },
    },
    closing: {
      title: { x: MARGIN, y: 150 + down, w: contentW, h: 120 },
      subtitle: { x: MARGIN, y: 286 + down, w: contentW, h: 48 },
      body: { x: MARGIN, y: 350 + down, w: contentW, h: h - 64 - 350 - down },
    },
    compare: { columnW: (contentW - 40) / 2, headingY: bodyTop, headingH: 44, bodyY: bodyTop + 60 },
  };
}
