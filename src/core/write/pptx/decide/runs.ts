/**
 * The model's inline HTML (our own Markdown renderer's output: strong, em, code, a, br) as the
 * presentation model's runs, and the deck's language as the culture name runs are tagged with.
 */
import { parseFragment, type DefaultTreeAdapterMap } from 'parse5';
import type { Link, Run } from '../presentation.js';

type Node = DefaultTreeAdapterMap['node'];
/** A run as the HTML says it, before its link is resolved. */
type HtmlRun = Omit<Run, 'link'> & { href?: string };

/** `link` resolves an href to a link target, or to nothing where a .pptx cannot link (the run stays as text). */
export function runsOf(html: string, link: (href: string) => Link | undefined = () => undefined): Run[] {
  const runs: HtmlRun[] = [];
  const walk = (node: Node, style: Omit<HtmlRun, 'text'>): void => {
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
  // Merged by href, not by the resolved link: two unlinkable hrefs stay two runs.
  const merged = runs.reduce<HtmlRun[]>((out, run) => {
    const last = out[out.length - 1];
    if (last && !last.br && !run.br && same(last, run)) last.text += run.text;
    else out.push({ ...run });
    return out;
  }, []);
  return merged.map(({ href, ...run }) => {
    const target = href ? link(href) : undefined;
    return target ? { ...run, link: target } : run;
  });
}

function same(a: HtmlRun, b: HtmlRun): boolean {
  return a.bold === b.bold && a.italic === b.italic && a.code === b.code && a.href === b.href;
}

export function plainOf(html: string): string {
  return runsOf(html)
    .map((r) => (r.br ? ' ' : r.text))
    .join('');
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
