/**
 * reveal.js's attribute comments, `<!-- .slide: data-background="#000" -->` and
 * `<!-- .element: class="fragment" -->`, read exactly as its Markdown plugin reads them. The
 * reveal-md reader takes a slide's attributes from them; the free-Markdown renderer applies
 * both kinds to the HTML it makes.
 */

/** reveal.js's patterns for attribute comments and the attributes inside them. */
export const SLIDE_ATTRIBUTES = /\.slide:\s*?(\S.+?)$/m;
export const ELEMENT_ATTRIBUTES = /\.element\s*?(.+?)$/m;
const ATTRIBUTE = /([^"= ]+?)="([^"]+?)"|(data-[^"= ]+?)(?=[" ])/g;

/** `class="a" data-x="1" data-state` → an attribute map, read as reveal.js reads it. */
export function parseAttributes(text: string): Record<string, string> {
  const out: Record<string, string> = {};
  for (const m of text.matchAll(ATTRIBUTE)) {
    if (m[2] !== undefined) out[m[1]!] = m[2];
    else out[m[3]!] = '';
  }
  return out;
}

/** The attributes of every `<!-- .slide: … -->` comment in a slide's Markdown. */
export function slideAttributes(markdown: string): Record<string, string> {
  const out: Record<string, string> = {};
  for (const comment of markdown.matchAll(/<!--([\s\S]*?)-->/g)) {
    const m = SLIDE_ATTRIBUTES.exec(comment[1]!);
    if (m) Object.assign(out, parseAttributes(m[1]!));
  }
  return out;
}
