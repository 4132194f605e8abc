/**
 * Each kind of shape of the presentation model as PresentationML: placeholders, text boxes,
 * preset and freeform shapes, rules, groups, pictures, tables and chart frames. Ids are given
 * here, in drawing order with a group's children before the group (as the shapes are printed);
 * relationships (links, media, charts) are asked of the part being printed.
 */
import type { ChartShape, LayoutShape, Paragraph, PlaceholderRef, PresetShape, RuleShape, Shape, ShapeName, TableCell, TableShape } from '../presentation.js';
import { levelStylesXml, paragraphXml, type TextContext } from './text.js';
import { emu, escapeXml, fillXml, insetsAttrs, lineXml, offExt, sizeOf, solid, xfrm } from './xml.js';

export const REL = {
  slideLayout: 'http://schemas.openxmlformats.org/officeDocument/2006/relationships/slideLayout',
  slide: 'http://schemas.openxmlformats.org/officeDocument/2006/relationships/slide',
  hyperlink: 'http://schemas.openxmlformats.org/officeDocument/2006/relationships/hyperlink',
  image: 'http://schemas.openxmlformats.org/officeDocument/2006/relationships/image',
  notesSlide: 'http://schemas.openxmlformats.org/officeDocument/2006/relationships/notesSlide',
  notesMaster: 'http://schemas.openxmlformats.org/officeDocument/2006/relationships/notesMaster',
  chart: 'http://schemas.openxmlformats.org/officeDocument/2006/relationships/chart',
} as const;

/** What printing shapes needs from the part they go into and from the package. */
export interface ShapeContext extends TextContext {
  nextId(): number;
  rel(type: string, target: string): string;
  /** Stores a media file once per content; returns its name under ppt/media/. */
  media(bytes: Uint8Array, ext: string): string;
  /** Stores a chart's part and workbook; returns the part's name under ppt/charts/. */
  chartPart(shape: ChartShape): string;
}

function phXml(ph: PlaceholderRef): string {
  return `<p:ph${ph.type ? ` type="${ph.type}"` : ''}${ph.idx !== undefined ? ` idx="${ph.idx}"` : ''}${ph.size ? ` sz="${ph.size}"` : ''}/>`;
}

const nameOf = (name: ShapeName, id: number): string => (typeof name === 'string' ? name : `${name.numbered} ${id}`);
const cNvPr = (id: number, name: ShapeName, descr?: string): string =>
  `<p:cNvPr id="${id}" name="${escapeXml(nameOf(name, id))}"${descr !== undefined ? ` descr="${escapeXml(descr)}"` : ''}/>`;
const paragraphsXml = (paragraphs: Paragraph[], c: TextContext): string => paragraphs.map((p) => paragraphXml(p, c)).join('');

/** A shape and the id it was given. */
export function shapeXml(shape: Shape, c: ShapeContext): { xml: string; id: number } {
  if (shape.kind === 'group') {
    const children = shape.children.map((child) => shapeXml(child, c).xml).join('');
    const id = c.nextId();
    const b = shape.box;
    const xml =
      `<p:grpSp><p:nvGrpSpPr>${cNvPr(id, shape.name, shape.descr)}<p:cNvGrpSpPr/><p:nvPr/></p:nvGrpSpPr>` +
      `<p:grpSpPr><a:xfrm>${offExt(b)}<a:chOff x="${emu(b.x)}" y="${emu(b.y)}"/><a:chExt cx="${emu(b.w)}" cy="${emu(b.h)}"/></a:xfrm></p:grpSpPr>` +
      children +
      `</p:grpSp>`;
    return { xml, id };
  }
  if (shape.kind === 'table') return tableXml(shape, c);
  if (shape.kind === 'picture') {
    const raster = c.rel(REL.image, `../media/${c.media(shape.image.raster, shape.image.rasterExt)}`);
    const svg = shape.image.svg ? c.rel(REL.image, `../media/${c.media(shape.image.svg, 'svg')}`) : undefined;
    const id = c.nextId();
    const xml =
      `<p:pic><p:nvPicPr>${cNvPr(id, shape.name, shape.descr)}<p:cNvPicPr><a:picLocks noChangeAspect="1"/></p:cNvPicPr><p:nvPr/></p:nvPicPr>` +
      `<p:blipFill><a:blip r:embed="${raster}">` +
      // PowerPoint 2016 and later show the SVG; older viewers the raster beside it.
      (svg ? `<a:extLst><a:ext uri="{96DAC541-7B7A-43D3-8B79-37D633B846F1}"><asvg:svgBlip xmlns:asvg="http://schemas.microsoft.com/office/drawing/2016/SVG/main" r:embed="${svg}"/></a:ext></a:extLst>` : '') +
      `</a:blip><a:stretch><a:fillRect/></a:stretch></p:blipFill>` +
      `<p:spPr>${xfrm(shape.box)}<a:prstGeom prst="rect"><a:avLst/></a:prstGeom></p:spPr></p:pic>`;
    return { xml, id };
  }
  if (shape.kind === 'chart') {
    const rId = c.rel(REL.chart, `../charts/${c.chartPart(shape)}`);
    const id = c.nextId();
    const xml =
      `<p:graphicFrame><p:nvGraphicFramePr>${cNvPr(id, shape.name, shape.descr)}<p:cNvGraphicFramePr/><p:nvPr/></p:nvGraphicFramePr>` +
      `<p:xfrm>${offExt(shape.box)}</p:xfrm>` +
      `<a:graphic><a:graphicData uri="http://schemas.openxmlformats.org/drawingml/2006/chart"><c:chart xmlns:c="http://schemas.openxmlformats.org/drawingml/2006/chart" r:id="${rId}"/></a:graphicData></a:graphic></p:graphicFrame>`;
    return { xml, id };
  }
  const id = c.nextId();
  return { xml: leafXml(shape, id, c), id };
}

type Leaf = Exclude<Shape, { kind: 'group' | 'table' | 'picture' | 'chart' }>;

function leafXml(shape: Leaf, id: number, c: TextContext): string {
  switch (shape.kind) {
    case 'placeholder':
      return (
        `<p:sp><p:nvSpPr>${cNvPr(id, shape.name)}<p:cNvSpPr><a:spLocks noGrp="1"/></p:cNvSpPr><p:nvPr>${phXml(shape.ph)}</p:nvPr></p:nvSpPr>` +
        `<p:spPr>${shape.box ? xfrm(shape.box) : ''}</p:spPr>` +
        `<p:txBody><a:bodyPr${shape.anchor ? ` anchor="${shape.anchor}"` : ''}/><a:lstStyle/>${paragraphsXml(shape.paragraphs, c)}</p:txBody></p:sp>`
      );
    case 'slideNumber': {
      const s = shape.style;
      const rPr = `<a:rPr lang="${c.lang}"${s.sizePx ? ` sz="${sizeOf(s.sizePx)}"` : ''}>${s.color ? solid(s.color) : ''}${s.font ? `<a:latin typeface="${escapeXml(s.font)}"/>` : ''}</a:rPr>`;
      const runs = shape.runs
        .map((r) =>
          r.field
            ? `<a:fld id="{5C4A8F0E-7D2B-4E1A-9C3F-2B6D8E1A4F70}" type="${r.field}">${rPr}<a:t>${escapeXml(r.text)}</a:t></a:fld>`
            : `<a:r>${rPr}<a:t>${escapeXml(r.text)}</a:t></a:r>`,
        )
        .join('');
      return (
        `<p:sp><p:nvSpPr>${cNvPr(id, shape.name)}<p:cNvSpPr><a:spLocks noGrp="1"/></p:cNvSpPr><p:nvPr>${phXml(shape.ph)}</p:nvPr></p:nvSpPr><p:spPr/>` +
        `<p:txBody><a:bodyPr/><a:lstStyle/><a:p><a:pPr algn="${shape.align}"/>${runs}<a:endParaRPr lang="${c.lang}"/></a:p></p:txBody></p:sp>`
      );
    }
    case 'textBox': {
      return (
        `<p:sp><p:nvSpPr>${cNvPr(id, shape.name)}<p:cNvSpPr txBox="1"/><p:nvPr/></p:nvSpPr>` +
        `<p:spPr>${xfrm(shape.box)}<a:prstGeom prst="rect"><a:avLst/></a:prstGeom>${shape.fill ? solid(shape.fill) : '<a:noFill/>'}</p:spPr>` +
        `<p:txBody><a:bodyPr wrap="square" ${insetsAttrs(shape.insets)} anchor="${shape.anchor}"><a:noAutofit/></a:bodyPr><a:lstStyle/>` +
        `${paragraphsXml(shape.paragraphs, c)}</p:txBody></p:sp>`
      );
    }
    case 'preset':
      return presetXml(shape, id);
    case 'freeform': {
      const { w, h, rings } = shape.path;
      const path = rings
        .map((ring) => ring.map(([x, y], i) => `<a:${i ? 'lnTo' : 'moveTo'}><a:pt x="${x}" y="${y}"/></a:${i ? 'lnTo' : 'moveTo'}>`).join('') + '<a:close/>')
        .join('');
      return (
        `<p:sp><p:nvSpPr>${cNvPr(id, shape.name, shape.descr)}<p:cNvSpPr/><p:nvPr/></p:nvSpPr>` +
        `<p:spPr>${xfrm(shape.box)}<a:custGeom><a:avLst/><a:gdLst/><a:ahLst/><a:cxnLst/><a:rect l="0" t="0" r="r" b="b"/><a:pathLst><a:path w="${w}" h="${h}">${path}</a:path></a:pathLst></a:custGeom>` +
        `${solid(shape.fill)}${lineXml(shape.line)}</p:spPr></p:sp>`
      );
    }
    case 'rule':
      return ruleXml(shape, id);
  }
}

/** A shape of the master or a layout: placeholders there carry their look and a prompt instead of text. */
export function layoutShapeXml(shape: LayoutShape, id: number): string {
  if (shape.kind === 'preset') return presetXml(shape, id);
  if (shape.kind === 'rule') return ruleXml(shape, id);
  const lst = shape.listStyle ? `<a:lstStyle>${levelStylesXml([shape.listStyle])}</a:lstStyle>` : '<a:lstStyle/>';
  return (
    `<p:sp><p:nvSpPr>${cNvPr(id, shape.name)}<p:cNvSpPr><a:spLocks noGrp="1"/></p:cNvSpPr><p:nvPr>${phXml(shape.ph)}</p:nvPr></p:nvSpPr>` +
    `<p:spPr>${xfrm(shape.box)}</p:spPr>` +
    `<p:txBody><a:bodyPr ${insetsAttrs(shape.insets)}${shape.anchor ? ` anchor="${shape.anchor}"` : ''}/>${lst}` +
    // The prompt is in PowerPoint's own (English) words.
    `<a:p><a:r><a:rPr lang="en-US"/><a:t>${escapeXml(shape.prompt)}</a:t></a:r></a:p></p:txBody></p:sp>`
  );
}

function presetXml(shape: PresetShape, id: number): string {
  return (
    `<p:sp><p:nvSpPr>${cNvPr(id, shape.name)}${shape.noSelect ? '<p:cNvSpPr><a:spLocks noSelect="1"/></p:cNvSpPr>' : '<p:cNvSpPr/>'}<p:nvPr${shape.userDrawn ? ' userDrawn="1"' : ''}/></p:nvSpPr>` +
    `<p:spPr>${xfrm(shape.box)}<a:prstGeom prst="${shape.geometry}"><a:avLst/></a:prstGeom>${fillXml(shape.fill)}${lineXml(shape.line)}</p:spPr></p:sp>`
  );
}

function ruleXml(shape: RuleShape, id: number): string {
  return (
    `<p:cxnSp><p:nvCxnSpPr>${cNvPr(id, shape.name)}<p:cNvCxnSpPr/><p:nvPr${shape.userDrawn ? ' userDrawn="1"' : ''}/></p:nvCxnSpPr>` +
    `<p:spPr><a:xfrm><a:off x="${emu(shape.x)}" y="${emu(shape.y)}"/><a:ext cx="${emu(shape.w)}" cy="0"/></a:xfrm><a:prstGeom prst="line"><a:avLst/></a:prstGeom>` +
    `${lineXml(shape.line)}</p:spPr></p:cxnSp>`
  );
}

function tableXml(t: TableShape, c: ShapeContext): { xml: string; id: number } {
  const rows = t.rows.map((r) => `<a:tr h="${emu(r.h)}">${r.cells.map((cell) => cellXml(cell, c)).join('')}</a:tr>`).join('');
  const id = c.nextId();
  const xml =
    `<p:graphicFrame><p:nvGraphicFramePr>${cNvPr(id, t.name)}<p:cNvGraphicFramePr><a:graphicFrameLocks noGrp="1"/></p:cNvGraphicFramePr><p:nvPr/></p:nvGraphicFramePr>` +
    `<p:xfrm>${offExt(t.box)}</p:xfrm>` +
    `<a:graphic><a:graphicData uri="http://schemas.openxmlformats.org/drawingml/2006/table"><a:tbl><a:tblPr${t.firstRow ? ' firstRow="1"' : ''}${t.bandRow ? ' bandRow="1"' : ''}/>` +
    `<a:tblGrid>${t.columns.map((w) => `<a:gridCol w="${emu(w)}"/>`).join('')}</a:tblGrid>${rows}</a:tbl></a:graphicData></a:graphic></p:graphicFrame>`;
  return { xml, id };
}

function cellXml(cell: TableCell, c: TextContext): string {
  const { x, y } = cell.margin;
  // A cell without a rule on an edge says so (w="0"), or the table style would draw one.
  const none = (tag: string) => `<a:${tag} w="0"><a:noFill/></a:${tag}>`;
  return (
    `<a:tc><a:txBody><a:bodyPr/><a:lstStyle/>${paragraphsXml(cell.paragraphs, c)}</a:txBody>` +
    `<a:tcPr marL="${emu(x)}" marR="${emu(x)}" marT="${emu(y)}" marB="${emu(y)}">` +
    none('lnL') + none('lnR') + none('lnT') + lineXml(cell.bottom, 'lnB') + fillXml(cell.fill) +
    `</a:tcPr></a:tc>`
  );
}
