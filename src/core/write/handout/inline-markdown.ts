/**
 * Back from the HTML our Markdown renderer made for one line of deck text (strong, em, code,
 * links) to Markdown, for the Markdown handout. The model keeps rendered text only, and this
 * small, closed set of elements is all inline Markdown produces.
 */
import { parseFragment, type DefaultTreeAdapterMap } from 'parse5';

type Node = DefaultTreeAdapterMap['childNode'];

/**
 * Where an image goes in the Markdown: `image(src)` gives the URL to write for the model's
 * `src` (a path next to the handout for a file of the deck), or undefined to leave the image as
 * its alt text.
 */
export type HandoutImages = (src: string) => string | undefined;

export function inlineMarkdown(html: string, image?: HandoutImages): string {
  const toMarkdown = (node: Node): string => {
    if (node.nodeName === '#text') return escapeMarkdown((node as DefaultTreeAdapterMap['textNode']).value);
    if (!('tagName' in node)) return '';
    if (node.tagName === 'img') {
      const alt = escapeMarkdown(node.attrs.find((a) => a.name === 'alt')?.value ?? '');
      const url = image?.(node.attrs.find((a) => a.name === 'src')?.value ?? '');
      return url === undefined ? alt : `![${alt}](${markdownUrl(url)})`;
    }
    return element(node, node.childNodes.map(toMarkdown).join(''));
  };
  return parseFragment(html).childNodes.map(toMarkdown).join('');
}

function element(node: Extract<Node, { tagName: string }>, inner: string): string {
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
      return `[${inner}](${markdownUrl(href.replace(/^#\//, '#'))})`;
    }
    case 'br':
      return '\\\n';
    default:
      return inner;
  }
}

/** Characters that would start Markdown syntax (or raw HTML, or an entity) inside a line of text. */
export function escapeMarkdown(text: string): string {
  return text.replace(/[\\`*_[\]<>&]/g, '\\$&');
}

/**
 * A URL for a Markdown link destination or autolink (`<…>`): characters that could end it early
 * or start HTML (`<`, `>`, quotes, brackets, spaces, control characters) percent-encoded, so a
 * URL such as `https://x/"><svg onload=…>` stays one inert link in every Markdown viewer.
 */
export function markdownUrl(url: string): string {
  return url.replace(/[\u0000-\u0020\u007f<>"'()\\`]/g, (c) => '%' + c.charCodeAt(0).toString(16).toUpperCase().padStart(2, '0'));
}

/**
 * Markdown written by the deck's author (speaker notes), kept as written except that it cannot
 * become raw HTML in a viewer that renders HTML: every `<` outside code is backslash-escaped, so
 * `<svg onload=…>` or `<script>` shows as text — as it does in the deck, whose Markdown renderer
 * has HTML turned off. Autolinks to http(s) and mailto stay links. When unsure whether text is
 * code (a code span over two lines, code inside a list), it is escaped: a stray `\` in code is
 * a blemish, a live tag is not.
 */
export function inertMarkdown(markdown: string): string {
  const out: string[] = [];
  let fence: string | undefined;
  for (const line of markdown.split('\n')) {
    // A fence opens at most three spaces in; a backtick fence's info string has no backtick.
    const opener = /^ {0,3}(`{3,}(?!.*`)|~{3,})/.exec(line)?.[1];
    if (fence !== undefined) {
      const closer = /^ {0,3}(`{3,}|~{3,})\s*$/.exec(line)?.[1];
      if (closer && closer[0] === fence[0] && closer.length >= fence.length) fence = undefined;
      out.push(line);
    } else if (opener) {
      fence = opener;
      out.push(line);
    } else out.push(inertLine(line));
  }
  return out.join('\n');
}

const AUTOLINK = /^<(https?|mailto):[^\s<>]*>/i;

function inertLine(line: string): string {
  let out = '';
  for (let i = 0; i < line.length; ) {
    const c = line[i]!;
    const autolink = c === '<' ? AUTOLINK.exec(line.slice(i))?.[0] : undefined;
    if (autolink) {
      out += autolink;
      i += autolink.length;
    } else if (c === '\\') {
      out += line.slice(i, i + 2);
      i += 2;
    } else if (c === '`') {
      // A code span: a run of n backticks up to the next run of exactly n; else the run is text.
      const run = /^`+/.exec(line.slice(i))![0];
      const close = new RegExp(`(?<!\`)${run}(?!\`)`, 'g');
      close.lastIndex = i + run.length;
      const end = close.exec(line);
      const stop = end ? end.index + run.length : i + run.length;
      out += line.slice(i, stop);
      i = stop;
    } else {
      out += c === '<' ? '\\<' : c;
      i++;
    }
  }
  return out;
}
