/**
 * Text for DrawingML: the model's inline HTML (our own Markdown renderer's output: strong, em,
 * code, a, br) turned into runs, and runs and paragraphs into `<a:p>` XML with the deck's
 * language on every run, so PowerPoint spell-checks in the right language.
 */
import { parseFragment, type DefaultTreeAdapterMap } from 'parse5';

type Node = DefaultTreeAdapterMap['node'];

export interface Run {
  text: string;
  bold?: boolean;
  italic?: boolean;
  code?: boolean;
  href?: string;
  /** A line break inside the paragraph (`<a:br/>`) instead of text. */
  br?: boolean;
  /** Overrides the paragraph's run style for this run. */
  style?: RunStyle;
}

/** How a paragraph's runs look where the HTML has no say (size in px at 1280×720). */
export interface RunStyle {
  sizePx?: number;
  bold?: boolean;
  italic?: boolean;
  /** A theme colour name (`tx1`, `accent1`, …). */
  color?: string;
  /** A typeface, e.g. `+mn-lt` (the theme's body font). */
  font?: string;
}

export function runsOf(html: string): Run[] {
  const runs: Run[] = [];
  const walk = (node: Node, style: Omit<Run, 'text'>): void => {
    if (node.nodeName === '#text') {
      const text = (node as DefaultTreeAdapterMap['textNode']).value;
      if (text) runs.push({ ...style, text });
      return;
    }
    if (!('childNodes' in node)) return;
    const element = node as DefaultTreeAdapterMap['element'];
    const next = { ...style };
    switch (element.tagName) {
      case 'strong':
      case 'b':
        next.bold = true;
        break;
      case 'em':
      case 'i':
        next.italic = true;
        break;
      case 'code':
        next.code = true;
        break;
      case 'a': {
        const href = element.attrs?.find((a) => a.name === 'href')?.value;
        if (href) next.href = href;
        break;
      }
      case 'br':
        runs.push({ text: '', br: true });
        return;
    }
    for (const child of element.childNodes) walk(child, next);
  };
  for (const child of parseFragment(html).childNodes) walk(child as Node, {});
  // Neighbours that look alike are one run: fewer, longer runs are what PowerPoint writes too.
  return runs.reduce<Run[]>((out, run) => {
    const last = out[out.length - 1];
    if (last && !last.br && !run.br && same(last, run)) last.text += run.text;
    else out.push({ ...run });
    return out;
  }, []);
}

function same(a: Run, b: Run): boolean {
  return a.bold === b.bold && a.italic === b.italic && a.code === b.code && a.href === b.href;
}

export function plainOf(html: string): string {
  return runsOf(html)
    .map((r) => (r.br ? ' ' : r.text))
    .join('');
}

export function escapeXml(text: string): string {
  return text
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/"/g, '&quot;')
    // Control characters are not allowed in XML 1.0; a stray one would make the part unreadable.
    .replace(/[\u0000-\u0008\u000b\u000c\u000e-\u001f\ufffe\uffff]/g, '');
}

/** Spell-check needs a culture name (de-DE), not a bare language: a region for the common ones. */
const REGION: Readonly<Record<string, string>> = {
  de: 'DE', en: 'US', fr: 'FR', es: 'ES', it: 'IT', nl: 'NL', pl: 'PL', pt: 'PT', da: 'DK', sv: 'SE',
  nb: 'NO', fi: 'FI', cs: 'CZ', sk: 'SK', hu: 'HU', ro: 'RO', el: 'GR', tr: 'TR', ru: 'RU', uk: 'UA',
  ja: 'JP', zh: 'CN', ko: 'KR', ar: 'SA', he: 'IL', et: 'EE', lv: 'LV', lt: 'LT', sl: 'SI', hr: 'HR',
  bg: 'BG', ca: 'ES',
};

export function cultureName(lang: string): string {
  const [primary = 'en', ...rest] = lang.split(/[-_]/);
  const region = rest.find((s) => /^[a-z]{2}$/i.test(s));
  const base = primary.toLowerCase();
  if (region) return `${base}-${region.toUpperCase()}`;
  return REGION[base] ? `${base}-${REGION[base]}` : base;
}

/** What a slide gives the text writer: the language and a place to register hyperlinks. */
export interface TextContext {
  lang: string;
  /** Returns the relationship id of a hyperlink target, or undefined when it cannot be linked. */
  link(href: string): { rId: string; action?: string } | undefined;
}

/** Hundredths of a point from px at 96 dpi. */
export function sizeOf(px: number): number {
  return Math.round(px * 75);
}

export function runXml(run: Run, paragraphStyle: RunStyle, ctx: TextContext): string {
  const style = run.style ? { ...paragraphStyle, ...run.style } : paragraphStyle;
  if (run.br) return `<a:br><a:rPr lang="${ctx.lang}"/></a:br>`;
  const attrs = [`lang="${ctx.lang}"`];
  if (style.sizePx) attrs.push(`sz="${sizeOf(style.sizePx)}"`);
  if (run.bold || style.bold) attrs.push('b="1"');
  if (run.italic || style.italic) attrs.push('i="1"');
  attrs.push('dirty="0"');
  const link = run.href ? ctx.link(run.href) : undefined;
  let inner = '';
  if (style.color && !link) inner += `<a:solidFill><a:schemeClr val="${style.color}"/></a:solidFill>`;
  if (run.code) inner += '<a:latin typeface="DejaVu Sans Mono" pitchFamily="49"/><a:cs typeface="DejaVu Sans Mono"/>';
  else if (style.font) inner += `<a:latin typeface="${style.font}"/>`;
  if (link) {
    inner += `<a:hlinkClick r:id="${link.rId}"${link.action ? ` action="${link.action}"` : ''}/>`;
  }
  return `<a:r><a:rPr ${attrs.join(' ')}>${inner}</a:rPr><a:t>${escapeXml(run.text)}</a:t></a:r>`;
}

export interface Paragraph {
  runs: Run[];
  /** Outline level, 0 = top. */
  level?: number;
  /** Paragraph properties written as they are (`<a:pPr …>`), for bullets, spacing, alignment. */
  pPr?: string;
  style?: RunStyle;
}

export function paragraphXml(p: Paragraph, ctx: TextContext): string {
  const style = p.style ?? {};
  const runs = p.runs.filter((r) => r.br || r.text !== '');
  const end = `<a:endParaRPr lang="${ctx.lang}"${style.sizePx ? ` sz="${sizeOf(style.sizePx)}"` : ''} dirty="0"/>`;
  return `<a:p>${p.pPr ?? (p.level ? `<a:pPr lvl="${p.level}"/>` : '')}${runs.map((r) => runXml(r, style, ctx)).join('')}${end}</a:p>`;
}
