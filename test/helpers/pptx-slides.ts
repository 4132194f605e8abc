/**
 * What a .pptx says, slide by slide, for the layout checks (layout-defects.ts): each visible
 * slide's paragraphs (the words the split-word check knows) and its filled text frames with their
 * places (the outside-frame check), in show order. Regular expressions over the parts suffice:
 * talkdeck writes them, in a fixed, simple shape.
 */
import { readFile } from 'node:fs/promises';
import { readZip } from '../../src/core/write/pptx/ooxml/zip.js';

type Parts = Map<string, Uint8Array>;

const text = (parts: Parts, path: string): string | undefined => {
  const bytes = parts.get(path);
  return bytes && Buffer.from(bytes).toString('utf8');
};

async function partsOf(pptxPath: string): Promise<Parts> {
  const parts = readZip(await readFile(pptxPath));
  if (!parts) throw new Error(`${pptxPath}: not a zip file`);
  return parts;
}

export const decodeXml = (s: string): string =>
  s
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&quot;/g, '"')
    .replace(/&apos;/g, "'")
    .replace(/&#x([0-9a-f]+);/gi, (_, h: string) => String.fromCodePoint(parseInt(h, 16)))
    .replace(/&#(\d+);/g, (_, d: string) => String.fromCodePoint(Number(d)))
    .replace(/&amp;/g, '&');

/** Slide part paths in show order, without hidden slides (`show="0"`, not exported to PDF). */
function slideOrder(parts: Parts): string[] {
  const pres = text(parts, 'ppt/presentation.xml');
  const rels = text(parts, 'ppt/_rels/presentation.xml.rels');
  if (!pres || !rels) throw new Error('not a presentation');
  const target = new Map([...rels.matchAll(/<Relationship\b[^>]*>/g)].map((m) => [/Id="([^"]+)"/.exec(m[0])![1]!, /Target="([^"]+)"/.exec(m[0])![1]!]));
  return [...pres.matchAll(/<p:sldId\b[^>]*r:id="([^"]+)"/g)]
    .map((m) => `ppt/${target.get(m[1]!)!.replace(/^\/?ppt\//, '').replace(/^\.\//, '')}`)
    .filter((path) => !/<p:sld\b[^>]*\sshow="0"/.test(text(parts, path) ?? ''));
}

export async function visibleSlideCount(pptxPath: string): Promise<number> {
  return slideOrder(await partsOf(pptxPath)).length;
}

/** A filled text frame on a slide (a box with a visible edge: summary bar, figure card), in pt. */
export interface Frame {
  name: string;
  xMin: number;
  yMin: number;
  xMax: number;
  yMax: number;
  /** Its paragraphs' text. */
  text: string;
}

export interface SlideContent {
  /** One string per paragraph (`<a:p>`), from the slide and from the charts it shows. */
  texts: string[];
  /** Text frames with a fill and their own position (placeholders inherit theirs and are left out). */
  frames: Frame[];
}

const EMU_PER_PT = 12_700;

function paragraphsOf(xml: string): string[] {
  return [...xml.matchAll(/<a:p>([\s\S]*?)<\/a:p>|<c:v>([^<]*)<\/c:v>/g)].map((m) =>
    m[2] !== undefined
      ? decodeXml(m[2])
      : [...m[1]!.matchAll(/<a:t>([^<]*)<\/a:t>|<a:br\b/g)].map((t) => (t[1] !== undefined ? decodeXml(t[1]) : ' ')).join(''),
  );
}

/**
 * What each visible slide says and where its filled text frames are, in show order. Shapes in
 * groups are taken at their child coordinates (talkdeck's groups have chOff = off, chExt = ext).
 */
export async function pptxSlides(pptxPath: string): Promise<SlideContent[]> {
  const parts = await partsOf(pptxPath);
  return slideOrder(parts).map((path) => {
    const xml = text(parts, path)!;
    const rels = text(parts, path.replace(/slides\/(slide\d+\.xml)$/, 'slides/_rels/$1.rels')) ?? '';
    const charts = [...rels.matchAll(/Target="\.\.\/charts\/([^"]+)"/g)].map((m) => text(parts, `ppt/charts/${m[1]}`) ?? '');
    const frames: Frame[] = [];
    for (const m of xml.matchAll(/<p:sp>([\s\S]*?)<\/p:sp>/g)) {
      const sp = m[1]!;
      const spPr = /<p:spPr>([\s\S]*?)<\/p:spPr>/.exec(sp)?.[1] ?? '';
      const off = /<a:off x="(-?\d+)" y="(-?\d+)"\/>/.exec(spPr);
      const ext = /<a:ext cx="(\d+)" cy="(\d+)"\/>/.exec(spPr);
      // The shape's own fill: a solidFill before any line (<a:ln>) in spPr.
      const filled = /^(?:(?!<a:ln\b)[\s\S])*<a:(?:solidFill|gradFill|pattFill)>/.test(spPr.replace(/<a:xfrm>[\s\S]*?<\/a:xfrm>/, ''));
      const body = /<p:txBody>([\s\S]*?)<\/p:txBody>/.exec(sp)?.[1];
      if (!off || !ext || !filled || !body) continue;
      const said = paragraphsOf(body).join(' ').trim();
      if (!said) continue;
      const x = Number(off[1]) / EMU_PER_PT;
      const y = Number(off[2]) / EMU_PER_PT;
      frames.push({ name: decodeXml(/<p:cNvPr [^>]*name="([^"]*)"/.exec(sp)?.[1] ?? ''), xMin: x, yMin: y, xMax: x + Number(ext[1]) / EMU_PER_PT, yMax: y + Number(ext[2]) / EMU_PER_PT, text: said });
    }
    return { texts: [...paragraphsOf(xml), ...charts.flatMap(paragraphsOf)].filter((t) => t.trim()), frames };
  });
}
