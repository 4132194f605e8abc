/**
 * Paragraphs and runs as DrawingML (`<a:p>`, `<a:r>`), every run tagged with the deck's language
 * so that PowerPoint spell-checks in it. Also the paragraph properties (`<a:pPr>`), which a
 * layout's list styles write with the same attributes and children.
 */
import type { Bullet, LevelStyle, Link, Paragraph, ParagraphProps, Run, RunStyle, Typeface } from '../presentation.js';
import { emu, escapeXml, schemeClr, sizeOf, solid, typefaceAttrs } from './xml.js';

/** What printing text needs from the part it goes into. */
export interface TextContext {
  /** The culture name every run is tagged with (de-DE). */
  lang: string;
  codeFont: Typeface;
  /** The relationship of a link from this part (made on first use). */
  link(link: Link): { rId: string; action?: string };
}

export function runXml(run: Run, paragraphStyle: RunStyle, ctx: TextContext): string {
  const style = run.style ? { ...paragraphStyle, ...run.style } : paragraphStyle;
  if (run.br) return `<a:br><a:rPr lang="${ctx.lang}"/></a:br>`;
  const attrs = [`lang="${ctx.lang}"`];
  if (style.sizePx) attrs.push(`sz="${sizeOf(style.sizePx)}"`);
  if (run.bold || style.bold) attrs.push('b="1"');
  if (run.italic || style.italic) attrs.push('i="1"');
  attrs.push('dirty="0"');
  const link = run.link ? ctx.link(run.link) : undefined;
  let inner = '';
  // A link keeps the theme's hyperlink colour.
  if (style.color && !link) inner += solid(style.color);
  if (run.code) inner += `<a:latin ${typefaceAttrs(ctx.codeFont)}/><a:cs typeface="${escapeXml(ctx.codeFont.typeface)}"/>`;
  else if (style.font) inner += `<a:latin typeface="${escapeXml(style.font)}"/>`;
  if (link) inner += `<a:hlinkClick r:id="${link.rId}"${link.action ? ` action="${link.action}"` : ''}/>`;
  return `<a:r><a:rPr ${attrs.join(' ')}>${inner}</a:rPr><a:t>${escapeXml(run.text)}</a:t></a:r>`;
}

export function paragraphXml(p: Paragraph, ctx: TextContext): string {
  const style = p.style ?? {};
  const runs = p.runs.filter((r) => r.br || r.text !== '');
  const end = `<a:endParaRPr lang="${ctx.lang}"${style.sizePx ? ` sz="${sizeOf(style.sizePx)}"` : ''} dirty="0"/>`;
  const { attrs, children } = paragraphProps(p);
  const pPr = children ? `<a:pPr${attrs}>${children}</a:pPr>` : attrs ? `<a:pPr${attrs}/>` : '';
  return `<a:p>${pPr}${runs.map((r) => runXml(r, style, ctx)).join('')}${end}</a:p>`;
}

/** The attributes and children of a `<a:pPr>` or a list style's `<a:lvlNpPr>`, in the schema's order. */
function paragraphProps(p: ParagraphProps): { attrs: string; children: string } {
  let attrs = '';
  if (p.level !== undefined) attrs += ` lvl="${p.level}"`;
  if (p.marginPx !== undefined) attrs += ` marL="${emu(p.marginPx)}"`;
  if (p.hangPx !== undefined) attrs += ` indent="${-emu(p.hangPx)}"`;
  if (p.align) attrs += ` algn="${p.align}"`;
  let children = '';
  if (p.lineSpacingPct !== undefined) children += `<a:lnSpc><a:spcPct val="${p.lineSpacingPct * 1000}"/></a:lnSpc>`;
  if (p.spaceBeforePx !== undefined) children += `<a:spcBef><a:spcPts val="${sizeOf(p.spaceBeforePx)}"/></a:spcBef>`;
  if (p.spaceAfterPx !== undefined) children += `<a:spcAft><a:spcPts val="${sizeOf(p.spaceAfterPx)}"/></a:spcAft>`;
  if (p.bullet) children += bulletXml(p.bullet);
  if (p.tabs?.length) children += `<a:tabLst>${p.tabs.map((t) => `<a:tab pos="${emu(t.px)}" algn="${t.align}"/>`).join('')}</a:tabLst>`;
  return { attrs, children };
}

function bulletXml(b: Bullet): string {
  if (b.kind === 'none') return '<a:buNone/>';
  const look = `<a:buClr>${schemeClr(b.color)}</a:buClr><a:buFont ${typefaceAttrs(b.font)}/>`;
  if (b.kind === 'char') return `${look}<a:buChar char="${escapeXml(b.char)}"/>`;
  return `${look}<a:buAutoNum type="${b.scheme}"${b.startAt !== undefined ? ` startAt="${b.startAt}"` : ''}/>`;
}

/** A list style's levels (`<a:lvl1pPr>` …), each with its run defaults. */
export function levelStylesXml(levels: readonly LevelStyle[]): string {
  return levels.map((style, i) => levelStyleXml(style, i + 1)).join('');
}

function levelStyleXml(style: LevelStyle, level: number): string {
  const { attrs, children } = paragraphProps(style);
  const t = style.text;
  const f = t.themeFont === 'major' ? 'mj' : 'mn';
  const fonts = t.themeFont ? `<a:latin typeface="+${f}-lt"/><a:ea typeface="+${f}-ea"/><a:cs typeface="+${f}-cs"/>` : '';
  const defRPr =
    `<a:defRPr sz="${sizeOf(t.sizePx)}"${t.bold !== undefined ? ` b="${t.bold ? 1 : 0}"` : ''}${t.kern !== undefined ? ` kern="${t.kern}"` : ''}>` +
    `${t.color ? solid(t.color) : ''}${fonts}</a:defRPr>`;
  return `<a:lvl${level}pPr${attrs}>${children}${defRPr}</a:lvl${level}pPr>`;
}
