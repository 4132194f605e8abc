/**
 * `DeckModel` → a PowerPoint file (.pptx), written part by part: a theme made of the deck's
 * colours and fonts, one master with real layouts and placeholders, one slide per HTML slide,
 * speaker notes on notes pages, every run tagged with the deck's language. Pure: the caller
 * hands in the image bytes (and an SVG rasteriser); the result is the file's bytes, identical
 * for identical input (fixed zip dates, fixed part order, dates only from `date`).
 *
 * Why not pptxgenjs: it writes non-deterministic zips, has no theme colours, tags notes en-US
 * as one paragraph, fakes SVG fallbacks in Node and mutates its inputs; patching all that costs
 * more than writing the few dozen parts of a fixed set of layouts ourselves.
 */
import type { DeckModel } from '../../model/types.js';
import { deckContext } from './decide/context.js';
import { SLIDE } from './decide/geometry.js';
import { imageLoader, type ImageSource } from './decide/images.js';
import { cultureName } from './decide/runs.js';
import { decideSlide } from './decide/slide.js';
import { DEFAULT_TEXT_STYLE, LAYOUTS, NOTES_SIZE, layoutXml, masterXml, notesMasterXml } from './masters.js';
import { chartWorkbook, chartXml } from './ooxml/chart.js';
import { REL } from './ooxml/shapes.js';
import { notesSlideXml, slideXml, type Relationship } from './ooxml/slide.js';
import { emu, escapeXml, NS, XML_HEAD } from './ooxml/xml.js';
import { zip, type ZipEntry } from './ooxml/zip.js';
import type { ChartShape, LayoutKey, Typeface } from './presentation.js';
import { paletteFor, themeXml } from './theme.js';

export const PPTX_APPLICATION = 'talkdeck';

export interface PptxInput extends ImageSource {
  model: DeckModel;
  /** Creation date for docProps/core.xml; left out when undefined (then the file is the same every run). */
  date?: Date | undefined;
}

/** Code in the deck's text: a monospace font that LibreOffice ships. */
const CODE_FONT: Typeface = { typeface: 'DejaVu Sans Mono', pitchFamily: 49 };

const CT = {
  presentation: 'application/vnd.openxmlformats-officedocument.presentationml.presentation.main+xml',
  slide: 'application/vnd.openxmlformats-officedocument.presentationml.slide+xml',
  layout: 'application/vnd.openxmlformats-officedocument.presentationml.slideLayout+xml',
  master: 'application/vnd.openxmlformats-officedocument.presentationml.slideMaster+xml',
  notesMaster: 'application/vnd.openxmlformats-officedocument.presentationml.notesMaster+xml',
  notesSlide: 'application/vnd.openxmlformats-officedocument.presentationml.notesSlide+xml',
  theme: 'application/vnd.openxmlformats-officedocument.theme+xml',
  presProps: 'application/vnd.openxmlformats-officedocument.presentationml.presProps+xml',
  viewProps: 'application/vnd.openxmlformats-officedocument.presentationml.viewProps+xml',
  tableStyles: 'application/vnd.openxmlformats-officedocument.presentationml.tableStyles+xml',
  core: 'application/vnd.openxmlformats-package.core-properties+xml',
  app: 'application/vnd.openxmlformats-officedocument.extended-properties+xml',
  chart: 'application/vnd.openxmlformats-officedocument.drawingml.chart+xml',
} as const;

const R = 'http://schemas.openxmlformats.org/officeDocument/2006/relationships';

function relsXml(rels: readonly Relationship[]): string {
  return (
    XML_HEAD +
    `<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">` +
    rels
      .map((r) => `<Relationship Id="${r.id}" Type="${r.type}" Target="${escapeXml(r.target)}"${r.external ? ' TargetMode="External"' : ''}/>`)
      .join('') +
    `</Relationships>`
  );
}

export function writePptx(input: PptxInput): Uint8Array {
  const { model } = input;
  const lang = cultureName(model.lang);
  const parts: ZipEntry[] = [];
  const overrides: [string, string][] = [];
  const put = (path: string, content: string | Uint8Array, type?: string): void => {
    parts.push({ path, data: typeof content === 'string' ? Buffer.from(content, 'utf8') : content });
    if (type) overrides.push([`/${path}`, type]);
  };

  // Media: stored once per content, numbered in order of first use.
  const media = new Map<string, string>();
  const mediaParts: ZipEntry[] = [];
  const addMedia = (bytes: Uint8Array, ext: string): string => {
    const key = `${ext}:${Buffer.from(bytes).toString('base64')}`;
    let name = media.get(key);
    if (!name) {
      name = `image${media.size + 1}.${ext}`;
      media.set(key, name);
      mediaParts.push({ path: `ppt/media/${name}`, data: bytes });
    }
    return name;
  };
  // Charts: the chart part and its workbook, numbered in order.
  const chartParts: ZipEntry[] = [];
  const addChart = ({ chart, categoryLabel, fontPx }: ChartShape): string => {
    const n = chartParts.length / 3 + 1;
    chartParts.push(
      { path: `ppt/charts/chart${n}.xml`, data: Buffer.from(chartXml(chart, lang, fontPx), 'utf8') },
      {
        path: `ppt/charts/_rels/chart${n}.xml.rels`,
        data: Buffer.from(relsXml([{ id: 'rId1', type: `${R}/package`, target: `../embeddings/Microsoft_Excel_Worksheet${n}.xlsx` }]), 'utf8'),
      },
      { path: `ppt/embeddings/Microsoft_Excel_Worksheet${n}.xlsx`, data: chartWorkbook(chart, categoryLabel) },
    );
    overrides.push([`/ppt/charts/chart${n}.xml`, CT.chart]);
    return `chart${n}.xml`;
  };
  const layoutTargets = Object.fromEntries(LAYOUTS.map((l, i) => [l.key, `../slideLayouts/slideLayout${i + 1}.xml`])) as Record<LayoutKey, string>;
  const ctx = deckContext(model, lang, imageLoader(input));
  const slideParts = model.slides.map((s) => {
    const slide = decideSlide(s, ctx);
    const part = slideXml(slide, { lang, codeFont: CODE_FONT, layoutTarget: layoutTargets[slide.layout], media: addMedia, chartPart: addChart });
    const rels = [...part.rels];
    if (slide.notes) rels.push({ id: `rId${rels.length + 1}`, type: REL.notesSlide, target: `../notesSlides/notesSlide${slide.number}.xml` });
    return { ...part, rels, notes: slide.notes };
  });

  // Package, in a fixed order.
  const presentationRels: Relationship[] = [
    { id: 'rId1', type: `${R}/slideMaster`, target: 'slideMasters/slideMaster1.xml' },
    { id: 'rId2', type: REL.notesMaster, target: 'notesMasters/notesMaster1.xml' },
    { id: 'rId3', type: `${R}/theme`, target: 'theme/theme1.xml' },
    { id: 'rId4', type: `${R}/presProps`, target: 'presProps.xml' },
    { id: 'rId5', type: `${R}/viewProps`, target: 'viewProps.xml' },
    { id: 'rId6', type: `${R}/tableStyles`, target: 'tableStyles.xml' },
    ...model.slides.map((s, i) => ({ id: `rId${7 + i}`, type: REL.slide, target: `slides/slide${s.number}.xml` })),
  ];
  put(
    'ppt/presentation.xml',
    XML_HEAD +
      `<p:presentation ${NS} saveSubsetFonts="1"><p:sldMasterIdLst><p:sldMasterId id="2147483648" r:id="rId1"/></p:sldMasterIdLst>` +
      `<p:notesMasterIdLst><p:notesMasterId r:id="rId2"/></p:notesMasterIdLst>` +
      (model.slides.length ? `<p:sldIdLst>${model.slides.map((_, i) => `<p:sldId id="${256 + i}" r:id="rId${7 + i}"/>`).join('')}</p:sldIdLst>` : '') +
      `<p:sldSz cx="${emu(SLIDE.w)}" cy="${emu(SLIDE.h)}"/><p:notesSz cx="${NOTES_SIZE.cx}" cy="${NOTES_SIZE.cy}"/>${DEFAULT_TEXT_STYLE}</p:presentation>`,
    CT.presentation,
  );
  put('ppt/_rels/presentation.xml.rels', relsXml(presentationRels));
  put('ppt/slideMasters/slideMaster1.xml', masterXml(LAYOUTS.length), CT.master);
  put(
    'ppt/slideMasters/_rels/slideMaster1.xml.rels',
    relsXml([
      ...LAYOUTS.map((_, i) => ({ id: `rId${i + 1}`, type: REL.slideLayout, target: `../slideLayouts/slideLayout${i + 1}.xml` })),
      { id: `rId${LAYOUTS.length + 1}`, type: `${R}/theme`, target: '../theme/theme1.xml' },
    ]),
  );
  LAYOUTS.forEach((layout, i) => {
    put(`ppt/slideLayouts/slideLayout${i + 1}.xml`, layoutXml(layout), CT.layout);
    put(`ppt/slideLayouts/_rels/slideLayout${i + 1}.xml.rels`, relsXml([{ id: 'rId1', type: `${R}/slideMaster`, target: '../slideMasters/slideMaster1.xml' }]));
  });
  const palette = paletteFor(model.theme);
  put('ppt/theme/theme1.xml', themeXml(palette), CT.theme);
  put('ppt/theme/theme2.xml', themeXml(palette, `${palette.name} notes`), CT.theme);
  put('ppt/notesMasters/notesMaster1.xml', notesMasterXml(), CT.notesMaster);
  put('ppt/notesMasters/_rels/notesMaster1.xml.rels', relsXml([{ id: 'rId1', type: `${R}/theme`, target: '../theme/theme2.xml' }]));
  slideParts.forEach((part, i) => {
    const slide = model.slides[i]!;
    put(`ppt/slides/slide${slide.number}.xml`, part.xml, CT.slide);
    put(`ppt/slides/_rels/slide${slide.number}.xml.rels`, relsXml(part.rels));
    if (part.notes) {
      put(`ppt/notesSlides/notesSlide${slide.number}.xml`, notesSlideXml(part.notes, lang, CODE_FONT), CT.notesSlide);
      put(
        `ppt/notesSlides/_rels/notesSlide${slide.number}.xml.rels`,
        relsXml([
          { id: 'rId1', type: REL.notesMaster, target: '../notesMasters/notesMaster1.xml' },
          { id: 'rId2', type: REL.slide, target: `../slides/slide${slide.number}.xml` },
        ]),
      );
    }
  });
  put(
    'ppt/presProps.xml',
    XML_HEAD + `<p:presentationPr ${NS}/>`,
    CT.presProps,
  );
  put(
    'ppt/viewProps.xml',
    XML_HEAD + `<p:viewPr ${NS}><p:normalViewPr><p:restoredLeft sz="15620"/><p:restoredTop sz="80000"/></p:normalViewPr><p:gridSpacing cx="76200" cy="76200"/></p:viewPr>`,
    CT.viewProps,
  );
  put(
    'ppt/tableStyles.xml',
    XML_HEAD + `<a:tblStyleLst xmlns:a="http://schemas.openxmlformats.org/drawingml/2006/main" def="{5C22544A-7EE6-4342-B048-85BDC9FD1C3A}"/>`,
    CT.tableStyles,
  );
  const when = input.date?.toISOString().replace(/\.\d{3}Z$/, 'Z');
  put(
    'docProps/core.xml',
    XML_HEAD +
      `<cp:coreProperties xmlns:cp="http://schemas.openxmlformats.org/package/2006/metadata/core-properties" xmlns:dc="http://purl.org/dc/elements/1.1/" xmlns:dcterms="http://purl.org/dc/terms/" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance">` +
      `<dc:title>${escapeXml(model.title)}</dc:title>` +
      (model.author ? `<dc:creator>${escapeXml(model.author)}</dc:creator>` : '') +
      `<dc:language>${lang}</dc:language>` +
      (when ? `<dcterms:created xsi:type="dcterms:W3CDTF">${when}</dcterms:created><dcterms:modified xsi:type="dcterms:W3CDTF">${when}</dcterms:modified>` : '') +
      `</cp:coreProperties>`,
    CT.core,
  );
  put(
    'docProps/app.xml',
    XML_HEAD +
      `<Properties xmlns="http://schemas.openxmlformats.org/officeDocument/2006/extended-properties"><Application>${PPTX_APPLICATION}</Application>` +
      `<PresentationFormat>On-screen Show (16:9)</PresentationFormat><Slides>${model.slides.length}</Slides>` +
      `<Notes>${slideParts.filter((p) => p.notes).length}</Notes></Properties>`,
    CT.app,
  );
  put(
    '_rels/.rels',
    relsXml([
      { id: 'rId1', type: `${R}/officeDocument`, target: 'ppt/presentation.xml' },
      { id: 'rId2', type: 'http://schemas.openxmlformats.org/package/2006/relationships/metadata/core-properties', target: 'docProps/core.xml' },
      { id: 'rId3', type: `${R}/extended-properties`, target: 'docProps/app.xml' },
    ]),
  );
  const types =
    XML_HEAD +
    `<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">` +
    `<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/>` +
    `<Default Extension="png" ContentType="image/png"/><Default Extension="jpeg" ContentType="image/jpeg"/><Default Extension="gif" ContentType="image/gif"/><Default Extension="svg" ContentType="image/svg+xml"/>` +
    `<Default Extension="xlsx" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"/>` +
    overrides.map(([part, type]) => `<Override PartName="${part}" ContentType="${type}"/>`).join('') +
    `</Types>`;
  // [Content_Types].xml first, as Office writes it; then the parts in the order made.
  return zip([{ path: '[Content_Types].xml', data: Buffer.from(types, 'utf8') }, ...parts, ...chartParts, ...mediaParts]);
}
