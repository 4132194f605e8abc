/**
 * The numbered lists: the agenda (titles with their minutes at a right tab stop) and the sources
 * (references numbered as they are cited). Both fill the body placeholder, fitted to it.
 */
import type { SlideModel } from '../../../model/types.js';
import type { Box, Bullet, Run, Shape } from '../presentation.js';
import { PH } from './layouts.js';
import { runs, type DecideContext } from './context.js';
import { fitScale, linesOf, runLines } from './fit.js';
import { BASE_PX, SMALL_PX } from './geometry.js';
import { placeholder } from './shapes.js';

/** Numbers set in the heading font, in the text colour, as the HTML's ordered lists. */
const numbered = (startAt?: number): Bullet => ({
  kind: 'number',
  scheme: 'arabicPeriod',
  ...(startAt !== undefined ? { startAt } : {}),
  font: { typeface: '+mj-lt' },
  color: 'tx1',
});

export function agenda(slide: SlideModel, body: Box, ctx: DecideContext): Shape[] {
  const items = slide.agenda ?? [];
  const labels = ctx.deck.labels;
  const px0 = BASE_PX * 1.05;
  const timeW = 150;
  const scale = fitScale((s) => items.reduce((h, a) => h + linesOf(a.titleHtml, px0 * s, body.w - 42 - timeW) * px0 * s * 1.2 + 0.5 * px0 * s, 0), body.h);
  const px = px0 * scale;
  return [
    placeholder(
      PH.body,
      'Agenda',
      items.map((a) => {
        const time: Run[] = a.minutes ? [{ text: `\t${labels.about} ${a.minutes} ${labels.minutesShort}`, style: { sizePx: px * 0.8, color: 'accent5' } }] : [];
        return {
          runs: [...runs(a.titleHtml, ctx), ...time],
          marginPx: 42,
          hangPx: 42,
          spaceAfterPx: px * 0.5,
          bullet: numbered(),
          // Right-aligned minutes: a tab stop just inside the box (LibreOffice counts from the indent, PowerPoint from the box).
          tabs: [{ px: body.w - 42 - 4, align: 'r' }],
          style: { sizePx: px },
        };
      }),
      { box: body },
    ),
  ];
}

function referenceRuns(r: NonNullable<SlideModel['references']>[number], ctx: DecideContext): Run[] {
  const out: Run[] = [];
  if (r.author) out.push({ text: `${r.author}: ` });
  out.push(...runs(r.titleHtml, ctx));
  let tail = '';
  if (r.publication) tail += `. ${r.publication}`;
  if (r.date) tail += `, ${r.date}`;
  out.push({ text: `${tail}.` });
  if (r.url) {
    const link = ctx.link(r.url);
    out.push({ text: ' ' }, { text: r.url, ...(link ? { link } : {}) });
  }
  if (r.noteHtml) out.push({ text: ' ' }, ...runs(r.noteHtml, ctx));
  return out;
}

export function sources(slide: SlideModel, body: Box, ctx: DecideContext): Shape[] {
  const refs = slide.references ?? [];
  const scale = fitScale(
    (s) => refs.reduce((h, r) => h + runLines(referenceRuns(r, ctx), SMALL_PX * s, body.w - 31) * SMALL_PX * s * 1.35 + 10 * s, 0),
    body.h,
  );
  const px = SMALL_PX * scale;
  return [
    placeholder(
      PH.body,
      'Sources',
      refs.map((r) => ({
        runs: referenceRuns(r, ctx),
        marginPx: 31,
        hangPx: 31,
        lineSpacingPct: 112,
        spaceAfterPx: 10 * scale,
        bullet: numbered(r.number),
        style: { sizePx: px },
      })),
      { box: body },
    ),
  ];
}
