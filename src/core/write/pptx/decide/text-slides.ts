/**
 * The text layouts: a content slide's title, the title page, section and closing slides, talking
 * points and the two columns of a comparison. Sizes are fitted to the layout's boxes here.
 */
import type { DeckModel, PointModel, SlideModel } from '../../../model/types.js';
import type { Box, Paragraph, PlaceholderRef, Run, Shape } from '../presentation.js';
import { PH } from './layouts.js';
import { runs, type DecideContext } from './context.js';
import { fitPx, fitScale, pointsHeight, runLines } from './fit.js';
import { BASE_PX, MARGIN, SMALL_PX, TITLE_PX } from './geometry.js';
import { placeholder } from './shapes.js';

/** Talking points as paragraphs: one per point, sub-points a level deeper at 85 % of their parent's size. */
function pointParagraphs(points: PointModel[], px: number, ctx: DecideContext, level = 0): Paragraph[] {
  return points.flatMap((p) => [
    // The top level is the body style's first: no level written.
    { runs: runs(p.html, ctx), ...(level ? { level } : {}), style: { sizePx: px } },
    ...pointParagraphs(p.points, px * 0.85, ctx, level + 1),
  ]);
}

/** A size set on a paragraph only where fitting changed it, so that the layout's size applies otherwise. */
const sized = (px: number, px0: number): { sizePx?: number } => (px < px0 ? { sizePx: px } : {});

/**
 * A content slide's title: one line, shrunk where it is long (two lines where even half the size
 * is too wide). The title placeholder hangs from its top, so a title that does wrap in some viewer
 * grows towards the body, never off the slide.
 */
export function title(html: string, ctx: DecideContext): Shape {
  const { title } = ctx.g;
  const content = runs(html, ctx);
  const px = fitPx(content, TITLE_PX, title.w, title.h + 4, { bold: true });
  return placeholder(PH.title, 'Title', [{ runs: content, style: sized(px, TITLE_PX) }]);
}

export function titlePage(slide: SlideModel, deck: DeckModel, ctx: DecideContext): Shape[] {
  const { title, subtitle, ruleY, byline: bylineBox } = ctx.g.titlePage;
  const titlePx0 = BASE_PX * 1.9;
  const content = runs(slide.titleHtml ?? deck.titleHtml, ctx);
  const titlePx = fitPx(content, titlePx0, title.w, title.h, { bold: true });
  const shapes: Shape[] = [placeholder(PH.ctrTitle, 'Title', [{ runs: content, style: sized(titlePx, titlePx0) }])];
  if (slide.subtitleHtml) {
    // The subtitle may take the room down to the byline's rule.
    const sub = runs(slide.subtitleHtml, ctx);
    const px0 = BASE_PX * 1.05;
    const px = fitPx(sub, px0, subtitle.w, ruleY - subtitle.y - 8);
    shapes.push(placeholder(PH.subTitle, 'Subtitle', [{ runs: sub, style: sized(px, px0) }]));
  }
  const byline: Run[][] = [];
  if (deck.author) byline.push([{ text: deck.author, bold: true }]);
  if (deck.institution) byline.push([{ text: deck.institution }]);
  if (deck.date) byline.push([{ text: deck.date }]);
  if (byline.length) {
    // Down to the content area's end, each line 1.2 × the size plus 4 px between the lines.
    const px0 = BASE_PX * 0.8;
    const room = ctx.g.contentBottom - bylineBox.y;
    const px = px0 * fitScale((s) => byline.reduce((h, line) => h + runLines(line, px0 * s, bylineBox.w) * px0 * s * 1.2 + 4, 0), room);
    const box = { ...bylineBox, h: room };
    shapes.push(placeholder(PH.byline, 'Byline', byline.map((line) => ({ runs: line, style: sized(px, px0) })), { box }));
  }
  return shapes;
}

export function section(slide: SlideModel, ctx: DecideContext): Shape[] {
  const { title, subtitle } = ctx.g.section;
  const content = runs(slide.titleHtml ?? '', ctx);
  const titlePx0 = BASE_PX * 1.8;
  const titlePx = fitPx(content, titlePx0, title.w, title.h, { bold: true });
  const shapes = [placeholder(PH.title, 'Title', [{ runs: content, style: sized(titlePx, titlePx0) }])];
  if (slide.subtitleHtml) {
    const sub = runs(slide.subtitleHtml, ctx);
    const px = fitPx(sub, BASE_PX, subtitle.w, subtitle.h);
    shapes.push(placeholder(PH.sectionText, 'Subtitle', [{ runs: sub, style: sized(px, BASE_PX) }]));
  }
  return shapes;
}

/**
 * The closing slide centres title, subtitle and points together, as the HTML does; the way to the
 * backup slides is the last paragraph of the points, so that it moves with them.
 */
export function closing(slide: SlideModel, ctx: DecideContext): Shape[] {
  const points = slide.points ?? [];
  const top = 36;
  const { g } = ctx;
  const room = g.contentBottom - top;
  const titleRuns = runs(slide.titleHtml ?? '', ctx);
  const titlePx = fitPx(titleRuns, TITLE_PX, g.contentW, 2 * TITLE_PX * 1.2, { bold: true });
  const titleH = runLines(titleRuns, titlePx, g.contentW, true) * titlePx * 1.2;
  const subtitleRuns = slide.subtitleHtml ? runs(slide.subtitleHtml, ctx) : [];
  const subtitlePx = fitPx(subtitleRuns, BASE_PX, g.contentW, 2 * BASE_PX * 1.2);
  const subtitleH = subtitleRuns.length ? runLines(subtitleRuns, subtitlePx, g.contentW) * subtitlePx * 1.2 + 16 : 0;
  const link = slide.backupLink ? ctx.link(`#/${slide.backupLink.id}`) : undefined;
  const linkRuns: Run[] = slide.backupLink ? [{ text: `${ctx.deck.labels.backup} →`, ...(link ? { link } : {}) }] : [];
  const linkH = linkRuns.length ? 12 + SMALL_PX * 1.2 : 0;
  const scale = fitScale((s) => pointsHeight(points, BASE_PX * s, g.contentW) + linkH, room - titleH - subtitleH - 24);
  const bodyH = (points.length ? pointsHeight(points, BASE_PX * scale, g.contentW) : 0) + linkH;
  let y = top + Math.max(0, (room - titleH - 24 - subtitleH - bodyH) / 2);
  const shapes: Shape[] = [
    placeholder(PH.title, 'Title', [{ runs: titleRuns, style: sized(titlePx, TITLE_PX) }], { box: { ...g.closing.title, y, h: titleH }, anchor: 'b' }),
  ];
  y += titleH + 24;
  if (subtitleRuns.length) {
    shapes.push(placeholder(PH.closingSubtitle, 'Subtitle', [{ runs: subtitleRuns, style: sized(subtitlePx, BASE_PX) }], { box: { ...g.closing.subtitle, y, h: subtitleH } }));
    y += subtitleH;
  }
  const body: Paragraph[] = pointParagraphs(points, BASE_PX * scale, ctx);
  if (linkRuns.length) {
    body.push({ runs: linkRuns, marginPx: 0, hangPx: 0, bullet: { kind: 'none' }, spaceBeforePx: points.length ? 12 : 0, style: { sizePx: SMALL_PX } });
  }
  if (body.length) shapes.push(placeholder(PH.closingBody, 'Content', body, { box: { ...g.closing.body, y, h: g.contentBottom - y } }));
  return shapes;
}

/** Talking points in the body; with steps, each top-level point (and its sub-points) appears on its own click. */
export function points(slide: SlideModel, body: Box, ctx: DecideContext): Shape[] {
  const points = slide.points ?? [];
  const scale = fitScale((s) => pointsHeight(points, BASE_PX * s, body.w), body.h);
  const paragraphs = points.flatMap((p, step) => pointParagraphs([p], BASE_PX * scale, ctx).map((para) => (slide.steps ? { ...para, step } : para)));
  return [placeholder(PH.body, 'Content', paragraphs, { box: body })];
}

/** Two columns, each a heading and points, fitted to the same size so they read as a pair. */
export function compare(slide: SlideModel, bottom: number, ctx: DecideContext): Shape[] {
  const { columnW, bodyY } = ctx.g.compare;
  const available = bottom - bodyY;
  const sides = [slide.left!, slide.right!];
  const px0 = BASE_PX * 0.8;
  const scale = fitScale((s) => Math.max(...sides.map((c) => pointsHeight(c.points, px0 * s, columnW))), available);
  const px = px0 * scale;
  const headings: PlaceholderRef[] = [PH.leftHeading, PH.rightHeading];
  const bodies: PlaceholderRef[] = [PH.leftBody, PH.rightBody];
  // Both headings at one size, fitted to their box above the rule: a pair.
  const headingRuns = sides.map((side) => runs(side.headingHtml, ctx));
  const headingPx0 = BASE_PX * 1.05;
  const headingPx = Math.min(...headingRuns.map((r) => fitPx(r, headingPx0, columnW, ctx.g.compare.headingH, { bold: true })));
  return sides.flatMap((side, i) => [
    placeholder(headings[i]!, i ? 'Right Heading' : 'Left Heading', [{ runs: headingRuns[i]!, style: sized(headingPx, headingPx0) }]),
    placeholder(bodies[i]!, i ? 'Right Content' : 'Left Content', pointParagraphs(side.points, px, ctx), {
      box: { x: MARGIN + i * (columnW + 40), y: bodyY, w: columnW, h: available },
    }),
  ]);
}
