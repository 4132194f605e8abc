/**
 * The text layouts: a content slide's title, the title page, section and closing slides, talking
 * points and the two columns of a comparison. Sizes are fitted to the layout's boxes here.
 */
import type { DeckModel, PointModel, SlideModel } from '../../../model/types.js';
import type { Box, Paragraph, PlaceholderRef, Shape } from '../presentation.js';
import { PH } from './layouts.js';
import { runs, type DecideContext } from './context.js';
import { fitScale, linesOf, pointsHeight } from './fit.js';
import { BASE_PX, MARGIN, SMALL_PX, TITLE_PX } from './geometry.js';
import { placeholder, textBox } from './shapes.js';

/** Talking points as paragraphs: one per point, sub-points a level deeper at 85 % of their parent's size. */
export function pointParagraphs(points: PointModel[], px: number, ctx: DecideContext, level = 0): Paragraph[] {
  return points.flatMap((p) => [
    // The top level is the body style's first: no level written.
    { runs: runs(p.html, ctx), ...(level ? { level } : {}), style: { sizePx: px } },
    ...pointParagraphs(p.points, px * 0.85, ctx, level + 1),
  ]);
}

/** A content slide's title, shrunk to stay on the title's line where it is long. */
export function title(html: string, ctx: DecideContext): Shape {
  const { title } = ctx.g;
  const scale = fitScale((s) => linesOf(html, TITLE_PX * s, title.w, 'bold') * TITLE_PX * s * 1.1, title.h + 4);
  return placeholder(PH.title, 'Title', [{ runs: runs(html, ctx), style: scale < 1 ? { sizePx: TITLE_PX * scale } : {} }]);
}

export function titlePage(slide: SlideModel, deck: DeckModel, ctx: DecideContext): Shape[] {
  const px = BASE_PX * 1.9;
  const html = slide.titleHtml ?? deck.titleHtml;
  const { title } = ctx.g.titlePage;
  const scale = fitScale((s) => linesOf(html, px * s, title.w, 'bold') * px * s * 1.1, title.h);
  const shapes: Shape[] = [placeholder(PH.ctrTitle, 'Title', [{ runs: runs(html, ctx), style: scale < 1 ? { sizePx: px * scale } : {} }])];
  if (slide.subtitleHtml) shapes.push(placeholder(PH.subTitle, 'Subtitle', [{ runs: runs(slide.subtitleHtml, ctx) }]));
  const byline: Paragraph[] = [];
  if (deck.author) byline.push({ runs: [{ text: deck.author, bold: true }] });
  if (deck.institution) byline.push({ runs: [{ text: deck.institution }] });
  if (deck.date) byline.push({ runs: [{ text: deck.date }] });
  if (byline.length) shapes.push(placeholder(PH.byline, 'Byline', byline));
  return shapes;
}

export function section(slide: SlideModel, ctx: DecideContext): Shape[] {
  const shapes = [placeholder(PH.title, 'Title', [{ runs: runs(slide.titleHtml ?? '', ctx) }])];
  if (slide.subtitleHtml) shapes.push(placeholder(PH.sectionText, 'Subtitle', [{ runs: runs(slide.subtitleHtml, ctx) }]));
  return shapes;
}

/** The closing slide centres title, subtitle and points together, as the HTML does. */
export function closing(slide: SlideModel, ctx: DecideContext): Shape[] {
  const points = slide.points ?? [];
  const top = 36;
  const { g } = ctx;
  const room = g.contentBottom - top;
  const titleH = Math.min(linesOf(slide.titleHtml ?? '', TITLE_PX, g.contentW, 'bold'), 2) * TITLE_PX * 1.15;
  const subtitleH = slide.subtitleHtml ? linesOf(slide.subtitleHtml, BASE_PX, g.contentW) * BASE_PX * 1.25 + 16 : 0;
  const scale = fitScale((s) => pointsHeight(points, BASE_PX * s, g.contentW), room - titleH - subtitleH - 24);
  const pointsH = points.length ? pointsHeight(points, BASE_PX * scale, g.contentW) : 0;
  let y = top + Math.max(0, (room - titleH - 24 - subtitleH - pointsH) / 2);
  const shapes: Shape[] = [placeholder(PH.title, 'Title', [{ runs: runs(slide.titleHtml ?? '', ctx) }], { box: { ...g.closing.title, y, h: titleH }, anchor: 'b' })];
  y += titleH + 24;
  if (slide.subtitleHtml) {
    shapes.push(placeholder(PH.closingSubtitle, 'Subtitle', [{ runs: runs(slide.subtitleHtml, ctx) }], { box: { ...g.closing.subtitle, y, h: subtitleH } }));
    y += subtitleH;
  }
  if (points.length) {
    shapes.push(placeholder(PH.closingBody, 'Content', pointParagraphs(points, BASE_PX * scale, ctx), { box: { ...g.closing.body, y, h: g.contentBottom - y } }));
  }
  if (slide.backupLink) {
    const link = ctx.link(`#/${slide.backupLink.id}`);
    shapes.push(
      textBox('Backup Link', { x: g.slide.w - MARGIN - 400, y: g.cite.y, w: 400, h: g.cite.h }, [
        { runs: [{ text: `${ctx.deck.labels.backup} →`, ...(link ? { link } : {}) }], style: { sizePx: SMALL_PX }, align: 'r' },
      ], { anchor: 'b' }),
    );
  }
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
  return sides.flatMap((side, i) => [
    placeholder(headings[i]!, i ? 'Right Heading' : 'Left Heading', [{ runs: runs(side.headingHtml, ctx) }]),
    placeholder(bodies[i]!, i ? 'Right Content' : 'Left Content', pointParagraphs(side.points, px, ctx), {
      box: { x: MARGIN + i * (columnW + 40), y: bodyY, w: columnW, h: available },
    }),
  ]);
}
