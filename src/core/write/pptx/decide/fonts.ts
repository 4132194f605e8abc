/**
 * Which fonts the file carries: Source Sans 3 (SIL Open Font License, which allows embedding), in
 * the faces the deck's text uses, the way PowerPoint's "Embed fonts in the file" does, so that
 * PowerPoint shows the deck's font where it is not installed. The files are fontsource's
 * (talkdeck's dependency), cut by script: the subsets the text needs (Latin always, Latin
 * Extended for ă or ő, …), which the printing stage joins into one font per face. The layouts
 * never depend on it: they are fitted to the widest common substitute (fit.ts).
 */
import { fontFile, subsetsFor } from '../../../base/font-subsets.js';
import type { ChartModel } from '../../../model/types.js';
import type { EmbeddedFont, FontFace, Layout, Master, Paragraph, Shape, Slide, Typeface } from '../presentation.js';

const EMBEDDABLE = 'Source Sans 3';
const FILES: Record<FontFace, { style: 'normal' | 'italic'; weight: number }> = {
  regular: { style: 'normal', weight: 400 },
  bold: { style: 'normal', weight: 700 },
  italic: { style: 'italic', weight: 400 },
  boldItalic: { style: 'italic', weight: 700 },
};

/** A run of text as the theme's font draws it (code is in the code font, and left out). */
interface Drawn {
  text: string;
  bold: boolean;
  italic: boolean;
}

export interface FontInput {
  font: Typeface;
  master: Master;
  layouts: Layout[];
  slides: Slide[];
  /** The bytes of one of fontsource's files (e.g. `source-sans-3-latin-700-normal.woff`). */
  readFont(file: string): Uint8Array;
}

export function embeddedFonts(input: FontInput): EmbeddedFont[] {
  if (input.font.typeface !== EMBEDDABLE) return [];
  const drawn = input.slides.flatMap((slide) => [...slideText(slide, input), ...(slide.notes ?? []).flatMap((p) => paragraphText(p, false))]);
  const faces = new Set<FontFace>(['regular']); // the layouts' prompts, at least
  for (const d of drawn) if (d.text.trim()) faces.add(d.bold ? (d.italic ? 'boldItalic' : 'bold') : d.italic ? 'italic' : 'regular');
  const subsets = subsetsFor(drawn.map((d) => d.text).join(' '));
  const order: FontFace[] = ['regular', 'bold', 'italic', 'boldItalic'];
  return [
    {
      font: input.font,
      faces: order.filter((f) => faces.has(f)).map((face) => ({ face, woffs: subsets.map((subset) => input.readFont(fontFile(subset, FILES[face], 'woff'))) })),
    },
  ];
}

function paragraphText(p: Paragraph, bold: boolean): Drawn[] {
  return p.runs
    .filter((r) => !r.code && !r.br)
    .map((r) => ({ text: r.text, bold: Boolean(r.bold || r.style?.bold || p.style?.bold || bold), italic: Boolean(r.italic || r.style?.italic || p.style?.italic) }));
}

/** The text a slide's shapes draw in the theme's font, bold where their placeholder's style makes it so. */
function slideText(slide: Slide, input: FontInput): Drawn[] {
  const layout = input.layouts.find((l) => l.key === slide.layout);
  const boldByStyle = (shape: Extract<Shape, { kind: 'placeholder' }>): boolean => {
    const own = layout?.shapes.find((l) => l.kind === 'layoutPlaceholder' && l.ph.type === shape.ph.type && l.ph.idx === shape.ph.idx);
    const style = own?.kind === 'layoutPlaceholder' ? own.listStyle?.text.bold : undefined;
    return style ?? (shape.ph.type === 'title' || shape.ph.type === 'ctrTitle' ? Boolean(input.master.titleStyle[0]?.text.bold) : false);
  };
  const walk = (shape: Shape): Drawn[] => {
    switch (shape.kind) {
      case 'placeholder':
        return shape.paragraphs.flatMap((p) => paragraphText(p, boldByStyle(shape)));
      case 'textBox':
        return shape.paragraphs.flatMap((p) => paragraphText(p, false));
      case 'slideNumber':
        return shape.runs.map((r) => ({ text: r.text, bold: false, italic: false }));
      case 'table':
        return shape.rows.flatMap((row) => row.cells.flatMap((cell) => cell.paragraphs.flatMap((p) => paragraphText(p, false))));
      case 'chart':
        return chartText(shape.chart, shape.categoryLabel);
      case 'group':
        return shape.children.flatMap(walk);
      default:
        return [];
    }
  };
  return slide.shapes.flatMap(walk);
}

/** A chart's labels; a stacked chart's values are bold on their bars (ooxml/chart.ts). */
function chartText(chart: ChartModel, categoryLabel: string): Drawn[] {
  const plain = (text: string): Drawn => ({ text, bold: false, italic: false });
  return [
    ...[...chart.categories, ...chart.series.map((s) => s.name), chart.unit ?? '', categoryLabel].map(plain),
    ...chart.series.flatMap((s) => s.formatted.map((text) => ({ ...plain(text), bold: chart.kind === 'stacked' }))),
  ];
}
