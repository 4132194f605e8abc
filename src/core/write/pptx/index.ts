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
import { TalkdeckError } from '../../base/errors.js';
import type { DeckModel, SlideModel } from '../../model/types.js';
import { chartWorkbook, chartXml } from './ooxml/chart.js';
import { rasterSize } from './image-size.js';
import { DEFAULT_TEXT_STYLE, LAYOUTS, NOTES_SIZE, NS, XML_HEAD, layoutXml, masterXml, notesMasterXml, type LayoutKey } from './masters.js';
import { REL, notesSlideXml, writeSlide, type Picture, type Relationship } from './slides.js';
import { cultureName, escapeXml } from './text.js';
import { paletteFor, themeXml } from './theme.js';
import { zip, type ZipEntry } from './ooxml/zip.js';
import { emu, SLIDE } from './geometry.js';

export const PPTX_APPLICATION = 'talkdeck';

export interface PptxInput {
  model: DeckModel;
  /** Creation date for docProps/core.xml; left out when undefined (then the file is the same every run). */
  date?: Date | undefined;
  /** The bytes of an image the model names (`slide.image.src`, e.g. `assets/images/x.png`). */
  readAsset(src: string): Uint8Array;
  /** Renders an SVG to PNG at about `widthPx` wide: PowerPoint needs a raster fallback next to an SVG. */
  rasterizeSvg(svg: Uint8Array, widthPx: number): { png: Uint8Array; width: number; height: number };
  /** The deck file, named in errors. */
  file?: string | undefined;
}

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
  const pictures = new Map<string, Picture>();
  const svgPicture = (bytes: Uint8Array): Picture => {
    const png = input.rasterizeSvg(bytes, 2 * SLIDE.w);
    return { raster: png.png, rasterExt: 'png', svg: bytes, width: png.width, height: png.height };
  };
  const rasterPicture = (bytes: Uint8Array, src: string, where: string): Picture => {
    const size = rasterSize(bytes);
    if (!size) {
      throw new TalkdeckError({
        code: 'unsupported-image',
        ...(input.file ? { file: input.file } : {}),
        message: `${where}: ${src.replace(/^assets\//, '')} is not a PNG, JPEG, GIF or SVG image, which PowerPoint needs`,
        hint: 'save the image as PNG, JPEG or SVG and point the slide at that file',
      });
    }
    return { raster: bytes, rasterExt: size.ext, width: size.width, height: size.height };
  };
  const picture = (slide: SlideModel): Picture => {
    const src = slide.image!.src;
    const cached = pictures.get(src);
    if (cached) return cached;
    const bytes = input.readAsset(src);
    const result = /\.svg$/i.test(src) ? svgPicture(bytes) : rasterPicture(bytes, src, `Slide ${slide.number} (\`layout: image\`)`);
    pictures.set(src, result);
    return result;
  };

  // Charts: the chart part and its workbook, numbered in order.
  const chartParts: ZipEntry[] = [];
  const addChart = (chart: NonNullable<SlideModel['chart']>): string => {
    const n = chartParts.length / 3 + 1;
    chartParts.push(
      { path: `ppt/charts/chart${n}.xml`, data: Buffer.from(chartXml(chart, lang, 20), 'utf8') },
      {
        path: `ppt/charts/_rels/chart${n}.xml.rels`,
        data: Buffer.from(relsXml([{ id: 'rId1', type: `${R}/package`, target: `../embeddings/Microsoft_Excel_Worksheet${n}.xlsx` }]), 'utf8'),
      },
      { path: `ppt/embeddings/Microsoft_Excel_Worksheet${n}.xlsx`, data: chartWorkbook(chart, model.labels.category) },
    );
    overrides.push([`/ppt/charts/chart${n}.xml`, CT.chart]);
    return `chart${n}.xml`;
  };
  const readImage = (src: string): Picture => {
    const cached = pictures.get(src);
    if (cached) return cached;
    const bytes = input.readAsset(src);
    const result = /\.svg$/i.test(src) ? svgPicture(bytes) : rasterPicture(bytes, src, 'a background');
    pictures.set(src, result);
    return result;
  };
  const slideNumberById = new Map(model.slides.map((s) => [s.id, s.number]));
  const sourcesId = model.slides.find((s) => s.layout === 'sources')?.id;
  const layoutTargets = Object.fromEntries(LAYOUTS.map((l, i) => [l.key, `../slideLayouts/slideLayout${i + 1}.xml`])) as Record<LayoutKey, string>;
  const env = {
    deck: model,
    lang,
    slideNumberOf: (id: string) => slideNumberById.get(id),
    sourcesId,
    picture,
    addMedia,
    addChart,
    readImage,
  };

  const slideParts = model.slides.map((slide) => {
    const part = writeSlide(slide, env, layoutTargets);
    const rels = [...part.rels];
    const notes = Boolean(slide.notesHtml?.trim());
    if (notes) rels.push({ id: `rId${rels.length + 1}`, type: REL.notesSlide, target: `../notesSlides/notesSlide${slide.number}.xml` });
    return { ...part, rels, notes };
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
      put(`ppt/notesSlides/notesSlide${slide.number}.xml`, notesSlideXml(slide, lang), CT.notesSlide);
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
