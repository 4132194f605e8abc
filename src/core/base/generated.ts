/**
 * How talkdeck recognises the single files it wrote (a deck as one HTML file, a handout), so
 * that it replaces them on the next run and never anything else a user keeps in the output folder.
 */
import { parse, type DefaultTreeAdapterMap } from 'parse5';

type ParentNode = DefaultTreeAdapterMap['parentNode'];

export const GENERATOR = 'talkdeck';

/** The first line of a Markdown file talkdeck writes (an HTML comment, invisible when rendered). */
export const MARKDOWN_STAMP = `<!-- generator: ${GENERATOR} -->`;

/** Whether an HTML text carries `<meta name="generator" content="talkdeck">` in its head. */
export function isTalkdeckHtml(text: string): boolean {
  // The head is at the top: parsing its first kilobytes spares parsing a whole 3 MB deck.
  const doc = parse(text.slice(0, 16_384));
  const find = (node: ParentNode): boolean =>
    node.childNodes.some((child) => {
      if (!('tagName' in child)) return false;
      if (child.tagName === 'body') return false;
      if (child.tagName === 'meta') {
        const attr = (name: string) => child.attrs.find((a) => a.name === name)?.value;
        if (attr('name')?.toLowerCase() === 'generator' && attr('content')?.split(/\s/)[0] === GENERATOR) return true;
      }
      return find(child);
    });
  return find(doc);
}

export function isTalkdeckMarkdown(text: string): boolean {
  return text.startsWith(MARKDOWN_STAMP);
}
