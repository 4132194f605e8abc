/**
 * The second stage of the PowerPoint writer: a presentation model printed as the parts of a .pptx
 * and zipped. Parts, relationships, media and charts are numbered here, in a fixed order, so the
 * same model gives the same bytes; what the parts say comes from the model alone.
 */
import type { ChartShape, Presentation } from '../presentation.js';
import { chartWorkbook, chartXml } from './chart.js';
import { layoutXml, masterXml, NOTES_SIZE, notesMasterXml } from './masters.js';
import { REL } from './shapes.js';
import { notesSlideXml, slideXml, type Relationship } from './slide.js';
import { levelStylesXml } from './text.js';
import { themeXml } from './theme.js';
import { eot, woffToSfnt } from './font-data.js';
import { mergeFonts } from './font-merge.js';
import { emu, escapeXml, NS, typefaceAttrs, XML_HEAD } from './xml.js';
import { zip, type ZipEntry } from './zip.js';

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

export function printPresentation(p: Presentation): Uint8Array {
  const { lang, codeFont } = p;
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
  const layoutTarget = (key: string): string => `../slideLayouts/slideLayout${p.layouts.findIndex((l) => l.key === key) + 1}.xml`;
  const slideParts = p.slides.map((slide) => {
    const part = slideXml(slide, { lang, codeFont, layoutTarget: layoutTarget(slide.layout), media: addMedia, chartPart: addChart });
    const rels = [...part.rels];
    if (slide.notes) rels.push({ id: `rId${rels.length + 1}`, type: REL.notesSlide, target: `../notesSlides/notesSlide${slide.number}.xml` });
    return { ...part, rels };
  });

  // Package, in a fixed order.
  const presentationRels: Relationship[] = [
    { id: 'rId1', type: `${R}/slideMaster`, target: 'slideMasters/slideMaster1.xml' },
    { id: 'rId2', type: REL.notesMaster, target: 'notesMasters/notesMaster1.xml' },
    { id: 'rId3', type: `${R}/theme`, target: 'theme/theme1.xml' },
    { id: 'rId4', type: `${R}/presProps`, target: 'presProps.xml' },
    { id: 'rId5', type: `${R}/viewProps`, target: 'viewProps.xml' },
    { id: 'rId6', type: `${R}/tableStyles`, target: 'tableStyles.xml' },
    ...p.slides.map((s, i) => ({ id: `rId${7 + i}`, type: REL.slide, target: `slides/slide${s.number}.xml` })),
  ];
  // Embedded fonts: a part per face (ppt/fonts/fontN.fntdata, as PowerPoint names them), after the slides' relationships.
  const fontParts: ZipEntry[] = [];
  const fontList = p.embeddedFonts.map((f) => {
    const faces = f.faces.map(({ face, woffs }) => {
      const id = `rId${presentationRels.length + 1}`;
      const target = `fonts/font${fontParts.length + 1}.fntdata`;
      presentationRels.push({ id, type: `${R}/font`, target });
      fontParts.push({ path: `ppt/${target}`, data: eot(mergeFonts(woffs.map(woffToSfnt))) });
      return `<p:${face} r:id="${id}"/>`;
    });
    return `<p:embeddedFont><p:font ${typefaceAttrs(f.font)}/>${faces.join('')}</p:embeddedFont>`;
  });
  put(
    'ppt/presentation.xml',
    XML_HEAD +
      `<p:presentation ${NS} saveSubsetFonts="1"${fontList.length ? ' embedTrueTypeFonts="1"' : ''}><p:sldMasterIdLst><p:sldMasterId id="2147483648" r:id="rId1"/></p:sldMasterIdLst>` +
      `<p:notesMasterIdLst><p:notesMasterId r:id="rId2"/></p:notesMasterIdLst>` +
      (p.slides.length ? `<p:sldIdLst>${p.slides.map((_, i) => `<p:sldId id="${256 + i}" r:id="rId${7 + i}"/>`).join('')}</p:sldIdLst>` : '') +
      `<p:sldSz cx="${emu(p.size.w)}" cy="${emu(p.size.h)}"${p.sizeType ? ` type="${p.sizeType}"` : ''}/><p:notesSz cx="${NOTES_SIZE.cx}" cy="${NOTES_SIZE.cy}"/>` +
      // CT_Presentation's sequence: the embedded fonts after the notes size, before the default text style.
      (fontList.length ? `<p:embeddedFontLst>${fontList.join('')}</p:embeddedFontLst>` : '') +
      `<p:defaultTextStyle>${levelStylesXml(p.defaultTextStyle)}</p:defaultTextStyle></p:presentation>`,
    CT.presentation,
  );
  put('ppt/_rels/presentation.xml.rels', relsXml(presentationRels));
  put('ppt/slideMasters/slideMaster1.xml', masterXml(p.master, p.layouts.length), CT.master);
  put(
    'ppt/slideMasters/_rels/slideMaster1.xml.rels',
    relsXml([
      ...p.layouts.map((_, i) => ({ id: `rId${i + 1}`, type: REL.slideLayout, target: `../slideLayouts/slideLayout${i + 1}.xml` })),
      { id: `rId${p.layouts.length + 1}`, type: `${R}/theme`, target: '../theme/theme1.xml' },
    ]),
  );
  p.layouts.forEach((layout, i) => {
    put(`ppt/slideLayouts/slideLayout${i + 1}.xml`, layoutXml(layout), CT.layout);
    put(`ppt/slideLayouts/_rels/slideLayout${i + 1}.xml.rels`, relsXml([{ id: 'rId1', type: `${R}/slideMaster`, target: '../slideMasters/slideMaster1.xml' }]));
  });
  put('ppt/theme/theme1.xml', themeXml(p.theme), CT.theme);
  put('ppt/theme/theme2.xml', themeXml(p.notesTheme), CT.theme);
  put('ppt/notesMasters/notesMaster1.xml', notesMasterXml(p.master.colorMap, p.notesSlideImage), CT.notesMaster);
  put('ppt/notesMasters/_rels/notesMaster1.xml.rels', relsXml([{ id: 'rId1', type: `${R}/theme`, target: '../theme/theme2.xml' }]));
  slideParts.forEach((part, i) => {
    const slide = p.slides[i]!;
    put(`ppt/slides/slide${slide.number}.xml`, part.xml, CT.slide);
    put(`ppt/slides/_rels/slide${slide.number}.xml.rels`, relsXml(part.rels));
    if (slide.notes) {
      put(`ppt/notesSlides/notesSlide${slide.number}.xml`, notesSlideXml(slide.notes, lang, codeFont), CT.notesSlide);
      put(
        `ppt/notesSlides/_rels/notesSlide${slide.number}.xml.rels`,
        relsXml([
          { id: 'rId1', type: REL.notesMaster, target: '../notesMasters/notesMaster1.xml' },
          { id: 'rId2', type: REL.slide, target: `../slides/slide${slide.number}.xml` },
        ]),
      );
    }
  });
  put('ppt/presProps.xml', XML_HEAD + `<p:presentationPr ${NS}/>`, CT.presProps);
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
  const props = p.properties;
  const when = props.created?.toISOString().replace(/\.\d{3}Z$/, 'Z');
  put(
    'docProps/core.xml',
    XML_HEAD +
      `<cp:coreProperties xmlns:cp="http://schemas.openxmlformats.org/package/2006/metadata/core-properties" xmlns:dc="http://purl.org/dc/elements/1.1/" xmlns:dcterms="http://purl.org/dc/terms/" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance">` +
      `<dc:title>${escapeXml(props.title)}</dc:title>` +
      (props.author ? `<dc:creator>${escapeXml(props.author)}</dc:creator>` : '') +
      `<dc:language>${lang}</dc:language>` +
      (when ? `<dcterms:created xsi:type="dcterms:W3CDTF">${when}</dcterms:created><dcterms:modified xsi:type="dcterms:W3CDTF">${when}</dcterms:modified>` : '') +
      `</cp:coreProperties>`,
    CT.core,
  );
  put(
    'docProps/app.xml',
    XML_HEAD +
      `<Properties xmlns="http://schemas.openxmlformats.org/officeDocument/2006/extended-properties"><Application>${escapeXml(props.application)}</Application>` +
      `<PresentationFormat>${escapeXml(props.format)}</PresentationFormat><Slides>${p.slides.length}</Slides>` +
      `<Notes>${p.slides.filter((s) => s.notes).length}</Notes></Properties>`,
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
    (fontParts.length ? `<Default Extension="fntdata" ContentType="application/x-fontdata"/>` : '') +
    overrides.map(([part, type]) => `<Override PartName="${part}" ContentType="${type}"/>`).join('') +
    `</Types>`;
  // [Content_Types].xml first, as Office writes it; then the parts in the order made.
  return zip([{ path: '[Content_Types].xml', data: Buffer.from(types, 'utf8') }, ...parts, ...chartParts, ...mediaParts, ...fontParts]);
}
