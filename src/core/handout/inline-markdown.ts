/**
 * Back from the HTML our Markdown renderer made for one line of deck text (strong, em, code,
 * links) to Markdown, for the Markdown handout. The model keeps rendered text only, and this
 * small, closed set of elements is all inline Markdown produces.
 */
import { parseFragment, type DefaultTreeAdapterMap } from 'parse5';

type Node = DefaultTreeAdapterMap['childNode'];

export function inlineMarkdown(html: string): string {
  return parseFragment(html).childNodes.map(toMarkdown).join('');
}

function toMarkdown(node: Node): string {
  if (node.nodeName === '#text') return escapeMarkdown((node as DefaultTreeAdapterMap['textNode']).value);
  if (!('tagName' in node)) return '';
  const inner = node.childNodes.map(toMarkdown).join('');
  switch (node.tagName) {
    case 'strong':
    case 'b':
      return `**${inner}**`;
    case 'em':
    case 'i':
      return `*${inner}*`;
    case 'code': {
      const text = node.childNodes.map((c) => ('value' in c ? c.value : '')).join('');
      const fence = text.includes('`') ? '``' : '`';
      return `${fence}${text}${fence}`;
    }
    case 'a': {
      const href = node.attrs.find((a) => a.name === 'href')?.value ?? '';
      // An in-deck link (#/slide-id) points at the slide's heading in the handout.
      return `[${inner}](${href.replace(/^#\//, '#').replace(/[()\s]/g, encodeURIComponent)})`;
    }
    case 'br':
      return '\\\n';
    default:
      return inner;
  }
}

/** Characters that would start Markdown syntax inside a line of text. */
export function escapeMarkdown(text: string): string {
  return text.replace(/[\\`*_[\]<>]/g, '\\$&');
}
