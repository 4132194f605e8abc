/** Constructors for the shapes every layout family uses, with the defaults they share. */
import type { Anchor, Box, Insets, Paragraph, PlaceholderRef, PlaceholderShape, PresetShape, SchemeColor, TextBoxShape } from '../presentation.js';

export const NO_INSETS: Insets = { l: 0, t: 0, r: 0, b: 0 };

/** A placeholder of the slide's layout filled with paragraphs; its place and look come from the layout unless `box` moves it. */
export function placeholder(ph: PlaceholderRef, name: string, paragraphs: Paragraph[], opts: { box?: Box; anchor?: Anchor } = {}): PlaceholderShape {
  return { kind: 'placeholder', name, ph, paragraphs, ...(opts.box ? { box: opts.box } : {}), ...(opts.anchor ? { anchor: opts.anchor } : {}) };
}

/** A text box (not a placeholder) for text that belongs to a drawing: dates, figures, legend. Text starts at the top, flush with the box. */
export function textBox(name: string, box: Box, paragraphs: Paragraph[], opts: { anchor?: Anchor; fill?: SchemeColor; insets?: Insets } = {}): TextBoxShape {
  return { kind: 'textBox', name, box, paragraphs, anchor: opts.anchor ?? 't', insets: opts.insets ?? NO_INSETS, ...(opts.fill ? { fill: opts.fill } : {}) };
}

/** A filled shape without outline: bars, markers, swatches. */
export function filled(name: string, box: Box, color: SchemeColor, geometry: PresetShape['geometry'] = 'rect'): PresetShape {
  return { kind: 'preset', geometry, name, box, fill: { theme: color } };
}
