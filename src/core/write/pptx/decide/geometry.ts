/**
 * Where things sit on a slide: the briefing theme's measures at reveal.js's 1280×720 (see
 * templates/themes/layouts.css), so the PowerPoint deck reads like the HTML one. In px.
 */
import type { Box } from '../presentation.js';

export const SLIDE = { w: 1280, h: 720 } as const;

export const MARGIN = 56;
export const CONTENT_W = SLIDE.w - 2 * MARGIN;
export const BASE_PX = 32;

/** The title of a content slide: one line of 46.4 px bold, its rule below. */
export const TITLE: Box = { x: MARGIN, y: 30, w: CONTENT_W, h: 66 };
export const TITLE_PX = BASE_PX * 1.45;
export const TITLE_RULE_Y = 100;
/** Below the title: where the body starts; it ends above the summary or at CONTENT_BOTTOM. */
export const BODY_TOP = 126;
export const CONTENT_BOTTOM = SLIDE.h - 64;
export const SUMMARY_BOTTOM = SLIDE.h - 78;
export const SUMMARY_PX = BASE_PX * 0.9;
export const SMALL_PX = 22;
export const CITE: Box = { x: MARGIN, y: SLIDE.h - 34 - 30, w: SLIDE.w - MARGIN - 160, h: 30 };
export const FOOTER: Box = { x: 24, y: SLIDE.h - 12 - 24, w: 900, h: 24 };
export const SLIDE_NUMBER: Box = { x: SLIDE.w - 96 - 140, y: SLIDE.h - 12 - 26, w: 140, h: 26 };
