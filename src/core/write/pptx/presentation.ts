/**
 * The presentation model: a PowerPoint deck as plain objects — slides of shapes with their
 * places, paragraphs and runs with their fitted sizes, the speaker notes — the hand-over between
 * the writer's two stages. decide/ makes it from the render model (every measure, every fitted
 * size, every colour is chosen there); ooxml/ prints it as the parts of a .pptx and chooses
 * nothing. pandoc's PowerPoint writer has the same seam (Presentation.hs decides, Output.hs
 * writes): layout can be tested without XML, and the XML without layout.
 *
 * Lengths are px of the slide the HTML deck is drawn on (1280×720 at 16:9; converted to EMU only
 * when printed, 1 px = 9525 EMU); font sizes are px too. Types only: nothing here runs.
 */
import type { ChartModel } from '../../model/types.js';

/** A rectangle on the slide, in px from its top left corner. */
export interface Box {
  x: number;
  y: number;
  w: number;
  h: number;
}

/** Colours of the theme by their role, so that a colour variant chosen in PowerPoint recolours the slides. */
export type SchemeColor =
  | 'tx1' | 'tx2' | 'bg1' | 'bg2' | 'dk1' | 'lt1' | 'dk2' | 'lt2'
  | 'accent1' | 'accent2' | 'accent3' | 'accent4' | 'accent5' | 'accent6' | 'hlink' | 'folHlink';

export type Fill =
  /** A theme colour; `tintPct` mixes it with white (14 = 14 % colour, 86 % white). */
  | { theme: SchemeColor; tintPct?: number }
  /** A fixed colour, six hex digits. */
  | { rgb: string }
  /** Black at an opacity from 0 to 1 (dims a background picture). */
  | { black: number };

/** An outline or rule: its width and colour; `round` joins a freeform's corners round. */
export interface Line {
  px: number;
  color: SchemeColor;
  round?: boolean;
}

/** Space between a text frame's edges and its text, in px. */
export interface Insets {
  l: number;
  t: number;
  r: number;
  b: number;
}

/** Where text sits in its frame when it does not fill it. */
export type Anchor = 't' | 'ctr' | 'b';
export type Align = 'l' | 'ctr' | 'r';

/** A font as PowerPoint names it; panose, pitch family and charset help a viewer substitute it. */
export interface Typeface {
  typeface: string;
  panose?: string;
  pitchFamily?: number;
  charset?: number;
}

/** Where a link goes: a web or mail address, or another slide of the deck (by its number). */
export type Link = { url: string } | { slide: number };

/** How a paragraph's runs look where the run does not say (size in px). */
export interface RunStyle {
  sizePx?: number;
  bold?: boolean;
  italic?: boolean;
  /** A theme colour; a linked run keeps the theme's link colour instead. */
  color?: SchemeColor;
  /** A typeface, or a theme font such as `+mn-lt` (the body font). */
  font?: string;
}

export interface Run {
  text: string;
  bold?: boolean;
  italic?: boolean;
  /** Set in the presentation's code font. */
  code?: boolean;
  link?: Link;
  /** A line break inside the paragraph instead of text. */
  br?: boolean;
  /** Overrides the paragraph's run style for this run. */
  style?: RunStyle;
}

/** A paragraph's bullet: none, a character, or a number that counts the paragraphs. */
export type Bullet =
  | { kind: 'none' }
  | { kind: 'char'; char: string; font: Typeface; color: SchemeColor }
  | { kind: 'number'; scheme: 'arabicPeriod'; startAt?: number; font: Typeface; color: SchemeColor };

/** How a paragraph is set, apart from its runs. What is left out is inherited from the layout. */
export interface ParagraphProps {
  /** Outline level, 0 = top; written only where given (a top-level paragraph usually leaves it out). */
  level?: number;
  /** Left margin of the text, and how far the first line (with its bullet) hangs left of it. */
  marginPx?: number;
  hangPx?: number;
  align?: Align;
  /** Line height in % of single spacing. */
  lineSpacingPct?: number;
  spaceBeforePx?: number;
  spaceAfterPx?: number;
  bullet?: Bullet;
  /** Tab stops, from the left edge of the frame. */
  tabs?: { px: number; align: 'r' }[];
}

export interface Paragraph extends ParagraphProps {
  runs: Run[];
  /** The paragraph's run style; its `sizePx` is the size fitting chose. */
  style?: RunStyle;
  /** Appears on a click: paragraphs with the same number appear together, in the order given. */
  step?: number;
}

/** How a placeholder refers to the layout's: type and index must match for the layout to apply. */
export interface PlaceholderRef {
  type?: string;
  idx?: number;
  /** PowerPoint's size hint for small placeholders (footer, slide number). */
  size?: 'quarter';
}

/** A shape's name as PowerPoint shows it in the selection pane; `numbered` is followed by the shape's id ("Picture 7"). */
export type ShapeName = string | { numbered: string };

/** A layout's placeholder filled with the slide's paragraphs; its look comes from the layout. */
export interface PlaceholderShape {
  kind: 'placeholder';
  name: string;
  ph: PlaceholderRef;
  /** Set where the slide moves or resizes it; otherwise the layout's place. */
  box?: Box;
  anchor?: Anchor;
  paragraphs: Paragraph[];
}

/** The slide number: the layout's placeholder with a number field, or plain text where no field can show it. */
export interface SlideNumberShape {
  kind: 'slideNumber';
  name: string;
  ph: PlaceholderRef;
  align: Align;
  style: RunStyle;
  runs: { text: string; field?: 'slidenum' }[];
}

/** Text that belongs to a drawing (dates, figures, legend, summary): a frame that never autofits. */
export interface TextBoxShape {
  kind: 'textBox';
  name: string;
  box: Box;
  paragraphs: Paragraph[];
  anchor: Anchor;
  fill?: SchemeColor;
  insets: Insets;
}

/** A rectangle or ellipse, filled and/or outlined. */
export interface PresetShape {
  kind: 'preset';
  geometry: 'rect' | 'ellipse';
  name: ShapeName;
  box: Box;
  fill?: Fill;
  line?: Line;
  /** Cannot be selected on the slide (a dimming layer over the background). */
  noSelect?: boolean;
  /** Marked as drawn by hand rather than a placeholder: layout decorations, the dimming layer. */
  userDrawn?: boolean;
}

/** A freeform (a country of the map): closed rings of points in the path's own units (w × h), stretched over `box`. */
export interface FreeformShape {
  kind: 'freeform';
  name: ShapeName;
  descr?: string;
  box: Box;
  path: { w: number; h: number; rings: [number, number][][] };
  fill: SchemeColor;
  line: Line;
}

/** A horizontal rule of a layout: from (x, y), `w` long. */
export interface RuleShape {
  kind: 'rule';
  name: string;
  x: number;
  y: number;
  w: number;
  line: Line;
  userDrawn?: boolean;
}

/** Shapes that move together; a group can appear on a click as one. */
export interface GroupShape {
  kind: 'group';
  name: string;
  descr?: string;
  box: Box;
  children: Shape[];
  step?: boolean;
}

/** An image the deck shows: the raster every viewer draws and, for an SVG, the SVG itself. */
export interface Image {
  raster: Uint8Array;
  rasterExt: 'png' | 'jpeg' | 'gif';
  svg?: Uint8Array | undefined;
  /** Pixel size of the raster. */
  width: number;
  height: number;
}

export interface PictureShape {
  kind: 'picture';
  name: ShapeName;
  descr: string;
  box: Box;
  image: Image;
}

export interface TableCell {
  paragraphs: Paragraph[];
  /** Space between the cell's edges and its text, left/right and top/bottom. */
  margin: { x: number; y: number };
  /** The rule below the cell; the other edges have none. */
  bottom: Line;
  fill?: Fill;
}

export interface TableShape {
  kind: 'table';
  name: string;
  box: Box;
  /** Column widths; they add up to the table's width. */
  columns: number[];
  /** The first row is the header row. */
  rows: { h: number; cells: TableCell[] }[];
  /** Table style flags: a header row, banded rows. */
  firstRow: boolean;
  bandRow: boolean;
}

/** A native chart: the data and its look go to a chart part with an embedded workbook. */
export interface ChartShape {
  kind: 'chart';
  name: string;
  descr: string;
  box: Box;
  chart: ChartModel;
  /** The workbook's header over the categories. */
  categoryLabel: string;
  fontPx: number;
}

export type Shape =
  | PlaceholderShape
  | SlideNumberShape
  | TextBoxShape
  | PresetShape
  | FreeformShape
  | RuleShape
  | GroupShape
  | PictureShape
  | TableShape
  | ChartShape;

/** The layouts of the master, by what the slide needs. */
export type LayoutKey = 'title' | 'content' | 'section' | 'compare' | 'titleOnly' | 'closing';

/** Which theme colour stands for which role (`bg1="lt1" …`), written out in order. */
export type ColorMap = Readonly<Record<string, string>>;

export type Background = { image: Image } | { rgb: string };

/** How a slide comes in: PowerPoint's fade, push (the new slide from the right) or zoom, at a speed. */
export interface Transition {
  effect: 'fade' | 'push' | 'zoom';
  speed: 'fast' | 'med' | 'slow';
}

export interface Slide {
  /** The deck's slide number: the part is slide<number>.xml, and links to the slide use it. */
  number: number;
  layout: LayoutKey;
  /** None: the slide simply replaces the one before. */
  transition?: Transition;
  background?: Background;
  /** A colour map of its own (light text on a dark background); the master's otherwise. */
  colorMap?: ColorMap;
  /** In drawing order, back to front. */
  shapes: Shape[];
  /** The speaker notes, one paragraph per block; left out when the slide has none. */
  notes?: Paragraph[];
}

/** The look of one outline level of a list style (`<a:lvlNpPr>`): the paragraph, and the run's defaults. */
export interface LevelStyle extends Omit<ParagraphProps, 'level' | 'tabs'> {
  text: {
    sizePx: number;
    bold?: boolean;
    /** Kerning from this size in hundredths of a point (0: at every size). */
    kern?: number;
    color?: SchemeColor;
    /** The theme's heading (major) or body (minor) font, for every script. */
    themeFont?: 'major' | 'minor';
  };
}

/** A placeholder of the master or a layout: where it sits, how its text looks, what it prompts while empty. */
export interface LayoutPlaceholder {
  kind: 'layoutPlaceholder';
  name: string;
  ph: PlaceholderRef;
  box: Box;
  insets: Insets;
  anchor?: Anchor;
  /** The first level's look where it differs from the master's text styles. */
  listStyle?: LevelStyle;
  /** PowerPoint's prompt text in the empty placeholder. */
  prompt: string;
}

export type LayoutShape = LayoutPlaceholder | PresetShape | RuleShape;

export interface Layout {
  key: LayoutKey;
  name: string;
  /** PowerPoint's layout type (`obj`, `secHead`, …), which "Reset slide" and the layout gallery use. */
  type?: string;
  shapes: LayoutShape[];
}

export interface Master {
  shapes: LayoutShape[];
  /** Which theme colour is text and which background (`bg1="lt1" tx1="dk1" …`). */
  colorMap: ColorMap;
  titleStyle: LevelStyle[];
  /** Levels 1–9 of body text: talking points and their sub-points. */
  bodyStyle: LevelStyle[];
  /** Text in shapes that are not placeholders. */
  otherStyle: LevelStyle[];
}

/** Six hex digits each; dk/lt are text and background, accent1 the deck's accent. */
export interface ColorScheme {
  name: string;
  dk1: string;
  lt1: string;
  dk2: string;
  lt2: string;
  accents: [string, string, string, string, string, string];
  hlink: string;
  folHlink: string;
}

export interface Theme {
  name: string;
  colors: ColorScheme;
  /** Heading and body font alike. */
  font: Typeface;
}

/** docProps: what the file says about itself. */
export interface DocumentProperties {
  title: string;
  author?: string | undefined;
  /** Left out for a file that is the same on every run. */
  created?: Date | undefined;
  application: string;
  /** PowerPoint's name for the slide size ("On-screen Show (16:9)"). */
  format: string;
}

/** How a face of a typeface is used: PowerPoint embeds up to four. */
export type FontFace = 'regular' | 'bold' | 'italic' | 'boldItalic';

/**
 * A font carried in the file for viewers that lack it: the faces the deck uses, each as the WOFF
 * files (TrueType outlines) of the subsets its text needs, the first kept whole, joined when printed.
 */
export interface EmbeddedFont {
  font: Typeface;
  faces: { face: FontFace; woffs: Uint8Array[] }[];
}

export interface Presentation {
  /** The slide's size in px. */
  size: { w: number; h: number };
  /** PowerPoint's name for that size where it has one (`screen4x3`); otherwise it is custom. */
  sizeType?: 'screen4x3' | undefined;
  /** Where the notes page shows the slide: px of the portrait notes page (720×960), at the slide's aspect. */
  notesSlideImage: Box;
  /** The culture name every run is tagged with (de-DE). */
  lang: string;
  theme: Theme;
  /** The notes pages' theme: the same colours and font under a name of its own. */
  notesTheme: Theme;
  /** Runs marked `code` are set in it. */
  codeFont: Typeface;
  /** The theme's font where the file carries it (PowerPoint shows it without it installed). */
  embeddedFonts: EmbeddedFont[];
  master: Master;
  layouts: Layout[];
  /** Text outside any placeholder or shape style (levels 1–9). */
  defaultTextStyle: LevelStyle[];
  slides: Slide[];
  properties: DocumentProperties;
}
