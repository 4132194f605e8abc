/**
 * The PowerPoint writer's deciding stage, without XML: real decks through the real pipeline to
 * the presentation model (decide/), whose shapes are held to geometric properties — inside the
 * slide, no text box over another, titles above what they head, a table's columns filling it.
 * The crowded fixture is there because fitting is what keeps these true when text is long.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { decidePresentation } from '../src/core/write/pptx/decide/presentation.js';
import type { SlideModel } from '../src/core/model/types.js';
import type { Box, LayoutPlaceholder, PlaceholderShape, Presentation, PresetShape, Shape, Slide, TextBoxShape } from '../src/core/write/pptx/presentation.js';
import { longestWord } from '../src/core/model/text-width.js';
import { BASE_PX } from '../src/core/write/pptx/decide/geometry.js';
import { fontsRoot } from '../src/shell/paths.js';
import { rasterizeSvg } from '../src/shell/rasterize-svg.js';
import { buildFolder, fixture, ROOT } from './helpers/build.js';

/** A deck's presentation model, and which layout of the deck each slide has. */
async function presentationOf(dir: string): Promise<{ p: Presentation; layoutOf: Map<number, string>; models: Map<number, SlideModel> }> {
  const build = await buildFolder(dir);
  expect(build.errors).toEqual([]);
  const layoutOf = new Map(build.model!.slides.map((s) => [s.number, s.layout as string]));
  const models = new Map(build.model!.slides.map((s) => [s.number, s]));
  const { presentation: p } = decidePresentation({
    model: build.model!,
    readAsset: (src) => {
      const entry = build.files.get(src)!;
      return 'copyFrom' in entry ? readFileSync(entry.copyFrom) : Buffer.from(entry.content, 'utf8');
    },
    rasterizeSvg,
    readFont: (file) => readFileSync(join(fontsRoot(), file)),
  });
  return { p, layoutOf, models };
}

const DECKS = {
  example: `${ROOT}/content/example`,
  briefing: `${ROOT}/content/kolumbien-nato`,
  crowded: fixture('lint/overflow-estimate-over'),
  fourThree: fixture('pdf-size'),
  stress: fixture('pptx-stress'),
  // Hostile text in every field: nothing may come out unplaced or of infinite size.
  hostile: `${ROOT}/test/safety/hostile/deck`,
};
const built = await Promise.all(Object.entries(DECKS).map(async ([name, dir]) => ({ name, ...(await presentationOf(dir)) })));
const decks = Object.fromEntries(built.map((d) => [d.name, d.p]));
/** The slides of one deck layout in all decks, with their deck. */
const slidesWith = (layout: string) =>
  built.flatMap(({ name, p, layoutOf, models }) =>
    p.slides.filter((s) => layoutOf.get(s.number) === layout).map((slide) => ({ deck: name, p, slide, model: models.get(slide.number)! })),
  );

/** Every shape with a box of its own, group members included. */
function placed(shapes: Shape[]): (Shape & { box: Box })[] {
  return shapes.flatMap((s) => [...('box' in s && s.box ? [s as Shape & { box: Box }] : []), ...(s.kind === 'group' ? placed(s.children) : [])]);
}

const bottom = (b: Box): number => b.y + b.h;
const right = (b: Box): number => b.x + b.w;
/** Area two boxes share, in px² (a hair of rounding is not an overlap). */
const overlap = (a: Box, b: Box): number => Math.max(0, Math.min(right(a), right(b)) - Math.max(a.x, b.x)) * Math.max(0, Math.min(bottom(a), bottom(b)) - Math.max(a.y, b.y));
const EPS = 1e-6;

/** A placeholder's box: the slide's own where it moves it, otherwise the layout's. */
function boxOf(p: Presentation, slide: Slide, shape: PlaceholderShape): Box {
  if (shape.box) return shape.box;
  const layout = p.layouts.find((l) => l.key === slide.layout)!;
  const same = (l: LayoutPlaceholder) => l.ph.type === shape.ph.type && l.ph.idx === shape.ph.idx;
  const own = layout.shapes.find((l): l is LayoutPlaceholder => l.kind === 'layoutPlaceholder' && same(l));
  return own!.box;
}

/** The content area as the layouts define it: below the title rule, above the footer. */
const contentArea = (p: Presentation): Box =>
  p.layouts.find((l) => l.key === 'content')!.shapes.find((l): l is LayoutPlaceholder => l.kind === 'layoutPlaceholder' && l.name === 'Content')!.box;
const where = (deck: string, slide: Slide) => `${deck}, slide ${slide.number}`;

describe('the PowerPoint presentation model (decided, not yet XML)', () => {
  it('puts every shape inside the slide, also where text is crowded', () => {
    for (const [deck, p] of Object.entries(decks)) {
      for (const slide of p.slides) {
        for (const { box, name } of placed(slide.shapes)) {
          const at = `${where(deck, slide)}, ${typeof name === 'string' ? name : name.numbered}`;
          expect(box.x, at).toBeGreaterThanOrEqual(-EPS);
          expect(box.y, at).toBeGreaterThanOrEqual(-EPS);
          expect(right(box), at).toBeLessThanOrEqual(p.size.w + EPS);
          expect(bottom(box), at).toBeLessThanOrEqual(p.size.h + EPS);
          expect(box.w * box.h, at).toBeGreaterThan(0);
        }
      }
    }
  });

  it("is drawn at the deck's own size, the layouts with it", () => {
    expect(decks.example!.size).toEqual({ w: 1280, h: 720 });
    const p = decks.fourThree!;
    expect(p.size).toEqual({ w: 960, h: 720 });
    expect(p.sizeType).toBe('screen4x3');
    // The content area spans the 4:3 slide less its margins, and the notes page shows the slide at its aspect.
    expect(right(contentArea(p))).toBe(960 - 56);
    expect(p.notesSlideImage.w / p.notesSlideImage.h).toBeCloseTo(4 / 3, 6);
    for (const layout of p.layouts) {
      for (const shape of layout.shapes) {
        const box = 'box' in shape ? shape.box : { x: shape.x, y: shape.y, w: shape.w, h: 0 };
        expect(right(box), `${layout.name}: ${shape.name}`).toBeLessThanOrEqual(960);
      }
    }
  });

  it('never lays a text box over another', () => {
    for (const [deck, p] of Object.entries(decks)) {
      for (const slide of p.slides) {
        const texts = placed(slide.shapes).filter((s) => s.kind === 'textBox');
        texts.forEach((a, i) =>
          texts.slice(i + 1).forEach((b) => {
            expect(overlap(a.box, b.box), `${where(deck, slide)}: ${a.name} / ${b.name}`).toBeLessThan(1);
          }),
        );
      }
    }
  });

  it("writes a timeline as one text frame: per event a paragraph of marker, date, tab and text, the axis beside", () => {
    const timelines = slidesWith('timeline');
    expect(timelines.length).toBeGreaterThanOrEqual(4);
    for (const { deck, p, slide, model } of timelines) {
      const at = where(deck, slide);
      const area = contentArea(p);
      const frames = slide.shapes.filter((s): s is TextBoxShape => s.kind === 'textBox' && s.name === 'Timeline');
      expect(frames.length, at).toBe(1);
      const frame = frames[0]!;
      // The markers sit on the axis, just left of the content area's edge; the rest within it.
      expect(frame.box.x, at).toBeGreaterThan(area.x - 12);
      expect(bottom(frame.box), at).toBeLessThanOrEqual(bottom(area) + EPS);
      const events = model.events!;
      expect(frame.paragraphs.map((para) => para.runs[1]!.text), at).toEqual(events.map((e) => e.date));
      for (const [i, para] of frame.paragraphs.entries()) {
        expect(para.runs[0]!.text, at).toMatch(/^●/);
        // A tab to the hanging indent, or (a date too wide for its column) a line of its own.
        expect(para.runs[2]!.text === '\t' || para.runs[2]!.br === true, at).toBe(true);
        expect(para.hangPx, at).toBe(para.marginPx);
        expect(para.step, at).toBe(events[i]!.step ? i : undefined);
      }
      const axis = slide.shapes.find((s): s is PresetShape => s.kind === 'preset' && s.name === 'Timeline Axis')!;
      expect(axis.box.x, at).toBeGreaterThan(frame.box.x);
      expect(right(axis.box), at).toBeLessThan(frame.box.x + frame.paragraphs[0]!.marginPx!);
      expect(axis.box.h, at).toBeCloseTo(frame.box.h, 6);
    }
  });

  it("keeps a comparison's title above the column headings, and the headings above their columns", () => {
    const compares = slidesWith('compare');
    expect(compares.length).toBeGreaterThanOrEqual(2);
    for (const { deck, p, slide } of compares) {
      const box = (name: string) => boxOf(p, slide, slide.shapes.find((s): s is PlaceholderShape => s.kind === 'placeholder' && s.name === name)!);
      const title = box('Title');
      const [leftHeading, rightHeading, left, rightColumn] = ['Left Heading', 'Right Heading', 'Left Content', 'Right Content'].map(box) as [Box, Box, Box, Box];
      const at = where(deck, slide);
      expect(bottom(title), at).toBeLessThanOrEqual(Math.min(leftHeading.y, rightHeading.y));
      expect(bottom(leftHeading), at).toBeLessThanOrEqual(left.y);
      expect(bottom(rightHeading), at).toBeLessThanOrEqual(rightColumn.y);
      expect(right(left), at).toBeLessThanOrEqual(rightColumn.x);
      expect(overlap(leftHeading, rightHeading), at).toBe(0);
    }
  });

  it('gives a table columns that fill its width, each wider than its longest word, and rows that fill its height', () => {
    const tables = Object.entries(decks).flatMap(([deck, p]) =>
      p.slides.flatMap((s) => s.shapes.filter((shape) => shape.kind === 'table').map((t) => [deck, s, t] as const)),
    );
    expect(tables.length).toBeGreaterThanOrEqual(5);
    for (const [deck, slide, table] of tables) {
      if (table.kind !== 'table') continue;
      const at = where(deck, slide);
      const sum = (xs: number[]) => xs.reduce((a, b) => a + b, 0);
      expect(sum(table.columns), at).toBeCloseTo(table.box.w, 6);
      expect(sum(table.rows.map((r) => r.h)), at).toBeCloseTo(table.box.h, 6);
      for (const row of table.rows) expect(row.cells.length, at).toBe(table.columns.length);
      // No word is wider than its column, in the widest font a viewer may draw it with.
      for (const row of table.rows) {
        row.cells.forEach((cell, i) => {
          const para = cell.paragraphs[0]!;
          const words = para.runs.map((r) => ({ text: r.text, bold: para.style?.bold || r.bold }));
          expect(longestWord(words, para.style!.sizePx!) + 2 * cell.margin.x, `${at}, column ${i + 1}: ${words.map((w) => w.text).join('')}`).toBeLessThanOrEqual(table.columns[i]! + EPS);
        });
      }
    }
    // Columns go to the words that need them: the briefing's abbreviations keep the full size
    // (a column as wide as "Kürzel" leaves room for the rest), the stress deck's 67-letter word
    // gets its column by shrinking the table's text, not by breaking the word.
    const sizeIn = (p: Presentation) => {
      const t = p.slides.flatMap((s) => s.shapes).find((s) => s.kind === 'table')!;
      return t.kind === 'table' ? t.rows[1]!.cells[0]!.paragraphs[0]!.style!.sizePx! : 0;
    };
    expect(sizeIn(decks.briefing!)).toBe(BASE_PX * 0.78);
    expect(sizeIn(decks.stress!)).toBeLessThan(BASE_PX * 0.78);
    expect(sizeIn(decks.stress!)).toBeGreaterThan(BASE_PX * 0.78 * 0.6);
  });

  it('shrinks crowded text to fit rather than letting it run off the slide', () => {
    const [points] = decks.crowded!.slides;
    const body = points!.shapes.find((s): s is PlaceholderShape => s.kind === 'placeholder' && s.name === 'Content')!;
    const sizes = body.paragraphs.map((para) => para.style?.sizePx ?? 0);
    expect(Math.max(...sizes)).toBeLessThan(32);
    expect(Math.min(...sizes)).toBeGreaterThanOrEqual(16);
    // The body ends above the summary box.
    const summary = placed(points!.shapes).find((s) => s.name === 'Summary')!;
    expect(bottom(body.box!)).toBeLessThanOrEqual(summary.box.y);
  });
});
