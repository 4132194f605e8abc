/**
 * The slide master, its layouts and the notes master as parts. Shape ids run from 2 in the
 * order given (1 is the shape tree itself); layouts are numbered in the order given.
 */
import type { Box, ColorMap, Layout, LayoutShape, Master } from '../presentation.js';
import { layoutShapeXml } from './shapes.js';
import { levelStylesXml } from './text.js';
import { colorMapAttrs, NS, xfrm, XML_HEAD } from './xml.js';

const TREE_HEAD = `<p:nvGrpSpPr><p:cNvPr id="1" name=""/><p:cNvGrpSpPr/><p:nvPr/></p:nvGrpSpPr><p:grpSpPr/>`;
/** The theme's background colour (bg1) behind every slide. */
const BACKGROUND = `<p:bg><p:bgRef idx="1001"><a:schemeClr val="bg1"/></p:bgRef></p:bg>`;

const shapesXml = (shapes: readonly LayoutShape[]): string => shapes.map((s, i) => layoutShapeXml(s, i + 2)).join('');

export function layoutXml(layout: Layout): string {
  return (
    XML_HEAD +
    `<p:sldLayout ${NS}${layout.type ? ` type="${layout.type}"` : ''} preserve="1"><p:cSld name="${layout.name}"><p:spTree>` +
    TREE_HEAD +
    shapesXml(layout.shapes) +
    `</p:spTree></p:cSld><p:clrMapOvr><a:masterClrMapping/></p:clrMapOvr></p:sldLayout>`
  );
}

/** The master; its layouts are its relationships rId1 … rId<layoutCount>. Header and date placeholders are off. */
export function masterXml(master: Master, layoutCount: number): string {
  return (
    XML_HEAD +
    `<p:sldMaster ${NS}><p:cSld>${BACKGROUND}<p:spTree>` +
    TREE_HEAD +
    shapesXml(master.shapes) +
    `</p:spTree></p:cSld><p:clrMap ${colorMapAttrs(master.colorMap)}/><p:sldLayoutIdLst>` +
    Array.from({ length: layoutCount }, (_, i) => `<p:sldLayoutId id="${2147483649 + i}" r:id="rId${i + 1}"/>`).join('') +
    `</p:sldLayoutIdLst><p:hf hdr="0" dt="0"/><p:txStyles>` +
    `<p:titleStyle>${levelStylesXml(master.titleStyle)}</p:titleStyle>` +
    `<p:bodyStyle>${levelStylesXml(master.bodyStyle)}</p:bodyStyle>` +
    `<p:otherStyle>${levelStylesXml(master.otherStyle)}</p:otherStyle>` +
    `</p:txStyles></p:sldMaster>`
  );
}

/** The notes page's size in EMU: portrait, as PowerPoint's default. */
export const NOTES_SIZE = { cx: 6858000, cy: 9144000 };

/**
 * The notes master: PowerPoint's default portrait notes page (the slide's picture above, the notes
 * in 14 pt below). Nothing in it depends on the deck but the colour map and the picture's place.
 */
export function notesMasterXml(colorMap: ColorMap, slideImage: Box): string {
  return (
    XML_HEAD +
    `<p:notesMaster ${NS}><p:cSld>${BACKGROUND}<p:spTree>` +
    TREE_HEAD +
    `<p:sp><p:nvSpPr><p:cNvPr id="2" name="Slide Image Placeholder"/><p:cNvSpPr><a:spLocks noGrp="1" noRot="1" noChangeAspect="1"/></p:cNvSpPr><p:nvPr><p:ph type="sldImg" idx="2"/></p:nvPr></p:nvSpPr>` +
    `<p:spPr>${xfrm(slideImage)}<a:prstGeom prst="rect"><a:avLst/></a:prstGeom><a:noFill/><a:ln w="12700"><a:solidFill><a:prstClr val="black"/></a:solidFill></a:ln></p:spPr></p:sp>` +
    `<p:sp><p:nvSpPr><p:cNvPr id="3" name="Notes Placeholder"/><p:cNvSpPr><a:spLocks noGrp="1"/></p:cNvSpPr><p:nvPr><p:ph type="body" sz="quarter" idx="1"/></p:nvPr></p:nvSpPr>` +
    `<p:spPr><a:xfrm><a:off x="685800" y="4343400"/><a:ext cx="5486400" cy="4114800"/></a:xfrm><a:prstGeom prst="rect"><a:avLst/></a:prstGeom></p:spPr>` +
    `<p:txBody><a:bodyPr/><a:lstStyle/><a:p><a:r><a:rPr lang="en-US"/><a:t>Notes</a:t></a:r></a:p></p:txBody></p:sp>` +
    `</p:spTree></p:cSld><p:clrMap ${colorMapAttrs(colorMap)}/>` +
    `<p:notesStyle>${Array.from({ length: 9 }, (_, i) => `<a:lvl${i + 1}pPr marL="${i * 457200}" algn="l"><a:spcAft><a:spcPts val="600"/></a:spcAft><a:defRPr sz="1400" kern="0"><a:solidFill><a:schemeClr val="tx1"/></a:solidFill><a:latin typeface="+mn-lt"/><a:ea typeface="+mn-ea"/><a:cs typeface="+mn-cs"/></a:defRPr></a:lvl${i + 1}pPr>`).join('')}</p:notesStyle>` +
    `</p:notesMaster>`
  );
}
