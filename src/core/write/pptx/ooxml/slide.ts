/**
 * A slide of the presentation model as its part (`ppt/slides/slideN.xml`) with the part's
 * relationships, and its speaker notes as a notes slide. Click steps become PowerPoint's appear
 * effects, the counterpart of reveal.js fragments.
 */
import type { ChartShape, Image, Link, Paragraph, Shape, Slide, Transition, Typeface } from '../presentation.js';
import { REL, shapeXml, type ShapeContext } from './shapes.js';
import { paragraphXml, type TextContext } from './text.js';
import { colorMapAttrs, NS, XML_HEAD } from './xml.js';

export interface Relationship {
  id: string;
  type: string;
  target: string;
  external?: boolean;
}

/** What a slide part needs from the package: its layout's part, and where media and charts go. */
export interface SlidePackage {
  lang: string;
  codeFont: Typeface;
  layoutTarget: string;
  media(bytes: Uint8Array, ext: string): string;
  chartPart(shape: ChartShape): string;
}

/** The shape a click shows, and for text the range of paragraphs. */
interface Step {
  spid: number;
  paragraphs?: [number, number];
}

export function slideXml(slide: Slide, pkg: SlidePackage): { xml: string; rels: Relationship[] } {
  const rels: Relationship[] = [];
  const rel = (type: string, target: string, external = false): string => {
    const existing = rels.find((r) => r.type === type && r.target === target && Boolean(r.external) === external);
    if (existing) return existing.id;
    const id = `rId${rels.length + 1}`;
    rels.push({ id, type, target, ...(external ? { external: true } : {}) });
    return id;
  };
  rel(REL.slideLayout, pkg.layoutTarget);
  let nextId = 2;
  const c: ShapeContext = {
    lang: pkg.lang,
    codeFont: pkg.codeFont,
    link: (link: Link) =>
      'slide' in link ? { rId: rel(REL.slide, `slide${link.slide}.xml`), action: 'ppaction://hlinksldjump' } : { rId: rel(REL.hyperlink, link.url, true) },
    nextId: () => nextId++,
    rel: (type, target) => rel(type, target),
    media: pkg.media,
    chartPart: pkg.chartPart,
  };
  const background = slide.background ? backgroundXml(slide.background, (image) => rel(REL.image, `../media/${pkg.media(image.raster, image.rasterExt)}`)) : '';
  const steps: Step[] = [];
  const shapes = slide.shapes
    .map((shape) => {
      const { xml, id } = shapeXml(shape, c);
      steps.push(...stepsOf(shape, id));
      return xml;
    })
    .join('');
  const colorMap = slide.colorMap ? `<a:overrideClrMapping ${colorMapAttrs(slide.colorMap)}/>` : '<a:masterClrMapping/>';
  const xml =
    XML_HEAD +
    `<p:sld ${NS}><p:cSld>${background}<p:spTree><p:nvGrpSpPr><p:cNvPr id="1" name=""/><p:cNvGrpSpPr/><p:nvPr/></p:nvGrpSpPr><p:grpSpPr/>` +
    shapes +
    `</p:spTree></p:cSld><p:clrMapOvr>${colorMap}</p:clrMapOvr>${transitionXml(slide.transition)}${timingXml(steps)}</p:sld>`;
  return { xml, rels };
}

/** The slide's transition (CT_SlideTransition: after the colour map, before the timing). */
function transitionXml(t: Transition | undefined): string {
  if (!t) return '';
  const effect = t.effect === 'push' ? '<p:push dir="l"/>' : t.effect === 'zoom' ? '<p:zoom dir="in"/>' : '<p:fade/>';
  return `<p:transition spd="${t.speed}">${effect}</p:transition>`;
}

function backgroundXml(bg: NonNullable<Slide['background']>, embed: (image: Image) => string): string {
  if ('image' in bg) {
    return `<p:bg><p:bgPr><a:blipFill dpi="0" rotWithShape="1"><a:blip r:embed="${embed(bg.image)}"/><a:srcRect/><a:stretch><a:fillRect/></a:stretch></a:blipFill><a:effectLst/></p:bgPr></p:bg>`;
  }
  return `<p:bg><p:bgPr><a:solidFill><a:srgbClr val="${bg.rgb}"/></a:solidFill><a:effectLst/></p:bgPr></p:bg>`;
}

/** A stepped group is one click; a text's stepped paragraphs one click per run of the same step. */
function stepsOf(shape: Shape, id: number): Step[] {
  if (shape.kind === 'group') return shape.step ? [{ spid: id }] : [];
  if (!('paragraphs' in shape)) return [];
  const steps: Step[] = [];
  shape.paragraphs.forEach((p, i) => {
    if (p.step === undefined) return;
    const last = steps[steps.length - 1];
    if (last?.paragraphs && shape.paragraphs[i - 1]?.step === p.step) last.paragraphs[1] = i;
    else steps.push({ spid: id, paragraphs: [i, i] });
  });
  return steps;
}

function timingXml(steps: Step[]): string {
  if (!steps.length) return '';
  let n = 2;
  const clicks = steps
    .map((s) => {
      const target = s.paragraphs
        ? `<p:spTgt spid="${s.spid}"><p:txEl><p:pRg st="${s.paragraphs[0]}" end="${s.paragraphs[1]}"/></p:txEl></p:spTgt>`
        : `<p:spTgt spid="${s.spid}"/>`;
      const [a, b, c, d] = [++n, ++n, ++n, ++n];
      return (
        `<p:par><p:cTn id="${a}" fill="hold"><p:stCondLst><p:cond delay="indefinite"/></p:stCondLst><p:childTnLst>` +
        `<p:par><p:cTn id="${b}" fill="hold"><p:stCondLst><p:cond delay="0"/></p:stCondLst><p:childTnLst>` +
        `<p:par><p:cTn id="${c}" presetID="1" presetClass="entr" presetSubtype="0" fill="hold"${s.paragraphs ? ' grpId="0"' : ''} nodeType="clickEffect"><p:stCondLst><p:cond delay="0"/></p:stCondLst><p:childTnLst>` +
        `<p:set><p:cBhvr><p:cTn id="${d}" dur="1" fill="hold"><p:stCondLst><p:cond delay="0"/></p:stCondLst></p:cTn><p:tgtEl>${target}</p:tgtEl>` +
        `<p:attrNameLst><p:attrName>style.visibility</p:attrName></p:attrNameLst></p:cBhvr><p:to><p:strVal val="visible"/></p:to></p:set>` +
        `</p:childTnLst></p:cTn></p:par></p:childTnLst></p:cTn></p:par></p:childTnLst></p:cTn></p:par>`
      );
    })
    .join('');
  const textShapes = [...new Set(steps.filter((s) => s.paragraphs).map((s) => s.spid))];
  return (
    `<p:timing><p:tnLst><p:par><p:cTn id="1" dur="indefinite" restart="never" nodeType="tmRoot"><p:childTnLst>` +
    `<p:seq concurrent="1" nextAc="seek"><p:cTn id="2" dur="indefinite" nodeType="mainSeq"><p:childTnLst>${clicks}</p:childTnLst></p:cTn>` +
    `<p:prevCondLst><p:cond evt="onPrev" delay="0"><p:tgtEl><p:sldTgt/></p:tgtEl></p:cond></p:prevCondLst>` +
    `<p:nextCondLst><p:cond evt="onNext" delay="0"><p:tgtEl><p:sldTgt/></p:tgtEl></p:cond></p:nextCondLst></p:seq>` +
    `</p:childTnLst></p:cTn></p:par></p:tnLst>` +
    (textShapes.length ? `<p:bldLst>${textShapes.map((id) => `<p:bldP spid="${id}" grpId="0" build="p"/>`).join('')}</p:bldLst>` : '') +
    `</p:timing>`
  );
}

/** The notes page: the slide's picture and the notes as paragraphs (notes carry no links: the part has no relationships for them). */
export function notesSlideXml(paragraphs: Paragraph[], lang: string, codeFont: Typeface): string {
  const ctx: TextContext = {
    lang,
    codeFont,
    link: () => {
      throw new Error('pptx: a link in speaker notes; notes pages are written without link relationships');
    },
  };
  return (
    XML_HEAD +
    `<p:notes ${NS}><p:cSld><p:spTree><p:nvGrpSpPr><p:cNvPr id="1" name=""/><p:cNvGrpSpPr/><p:nvPr/></p:nvGrpSpPr><p:grpSpPr/>` +
    `<p:sp><p:nvSpPr><p:cNvPr id="2" name="Slide Image"/><p:cNvSpPr><a:spLocks noGrp="1" noRot="1" noChangeAspect="1"/></p:cNvSpPr><p:nvPr><p:ph type="sldImg"/></p:nvPr></p:nvSpPr><p:spPr/></p:sp>` +
    `<p:sp><p:nvSpPr><p:cNvPr id="3" name="Notes"/><p:cNvSpPr><a:spLocks noGrp="1"/></p:cNvSpPr><p:nvPr><p:ph type="body" idx="1"/></p:nvPr></p:nvSpPr><p:spPr/>` +
    `<p:txBody><a:bodyPr/><a:lstStyle/>${paragraphs.map((p) => paragraphXml(p, ctx)).join('')}</p:txBody></p:sp>` +
    `</p:spTree></p:cSld><p:clrMapOvr><a:masterClrMapping/></p:clrMapOvr></p:notes>`
  );
}
