/**
 * The speaker's notes with the words added since the earlier version marked, for the speaker
 * view: the rendered notes (HTML from our Markdown renderer) keep every tag; only their text is
 * compared with the earlier notes' text, and each added stretch of a text node is wrapped in
 * `<mark class="td-changed">`. Removed words are not shown: the speaker reads what is there.
 */
import { escapeHtml } from '../base/markdown.js';
import { wordDiff } from './words.js';

const TAG = /(<[^>]*>)/;

/** Text as the browser shows it: the entities our renderer writes, decoded. */
function decode(text: string): string {
  return text.replace(/&(quot|lt|gt|amp|#39);/g, (_, e: string) => ({ quot: '"', lt: '<', gt: '>', amp: '&', '#39': "'" })[e]!);
}

function textOf(html: string): string {
  return html
    .split(TAG)
    .filter((s) => !s.startsWith('<'))
    .map(decode)
    .join('');
}

/** The new notes with added words marked; undefined when nothing was added (only removed). */
export function markAddedWords(oldHtml: string, newHtml: string, lang: string): string | undefined {
  const ranges: [number, number][] = [];
  let pos = 0;
  for (const part of wordDiff(textOf(oldHtml), textOf(newHtml), lang)) {
    if (part.op === '-') continue;
    const end = pos + part.text.length;
    if (part.op === '+') {
      // Marks hold words, not the spaces around them.
      const start = pos + (part.text.length - part.text.trimStart().length);
      const stop = end - (part.text.length - part.text.trimEnd().length);
      if (stop > start) ranges.push([start, stop]);
    }
    pos = end;
  }
  if (!ranges.length) return undefined;

  let at = 0;
  return newHtml
    .split(TAG)
    .map((segment) => {
      if (segment.startsWith('<')) return segment;
      const text = decode(segment);
      const from = at;
      at += text.length;
      let out = '';
      let cursor = 0;
      for (const [start, stop] of ranges) {
        const a = Math.max(start - from, cursor);
        const b = Math.min(stop - from, text.length);
        if (b <= a) continue;
        out += escapeHtml(text.slice(cursor, a)) + `<mark class="td-changed">${escapeHtml(text.slice(a, b))}</mark>`;
        cursor = b;
      }
      return out + escapeHtml(text.slice(cursor));
    })
    .join('');
}
