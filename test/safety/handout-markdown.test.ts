/**
 * Issue 9, item 14: the Markdown handout of a deck full of hostile text holds no live HTML.
 * The handout is parsed as a Markdown viewer that renders HTML would parse it (markdown-it with
 * `html: true`): no raw HTML may come out, every link must stay http(s), mailto or in-page, and
 * the hostile text must still be there as text (escaped, not dropped).
 */
import { cpSync, mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import MarkdownIt from 'markdown-it';
import { describe, expect, it } from 'vitest';
import { MARKDOWN_STAMP } from '../../src/core/base/generated.js';
import { inertMarkdown, markdownUrl } from '../../src/core/write/handout/inline-markdown.js';
import { talkdeck } from '../helpers/cli.js';

type Token = ReturnType<InstanceType<typeof MarkdownIt>['parse']>[number];
const viewer = new MarkdownIt({ html: true, linkify: false });

function flat(tokens: Token[]): Token[] {
  return tokens.flatMap((t) => [t, ...flat(t.children ?? [])]);
}

/** What a viewer would make live: raw HTML tokens and links that are not http(s), mailto or #. */
function liveParts(markdown: string): string[] {
  const found: string[] = [];
  for (const t of flat(viewer.parse(markdown, {}))) {
    // talkdeck's own stamp (an HTML comment on the first line) is the one HTML it writes.
    if (t.type === 'html_block' && t.content.trim() === MARKDOWN_STAMP) continue;
    if (t.type === 'html_inline' || t.type === 'html_block') found.push(`${t.type}: ${t.content}`);
    const href = t.type === 'link_open' ? String(t.attrGet('href') ?? '') : undefined;
    if (href && !/^(https?:|mailto:|#)/i.test(href)) found.push(`link: ${href}`);
    if (href && /["<>\s]/.test(href)) found.push(`link breaks out: ${href}`);
  }
  return found;
}

describe('the Markdown handout of a hostile deck', () => {
  it('has no raw HTML and no unsafe link, and keeps the hostile text as text', () => {
    const dir = mkdtempSync(join(tmpdir(), 'talkdeck-handout-md-'));
    cpSync(join(import.meta.dirname, 'hostile/deck'), join(dir, 'content/hostile'), { recursive: true });
    const r = talkdeck(dir, ['handout', '--format', 'md']);
    expect(r.code, r.stderr).toBe(0);
    const markdown = readFileSync(join(dir, 'dist/hostile-handout.md'), 'utf8');
    expect(liveParts(markdown)).toEqual([]);
    const html = viewer.render(markdown);
    const text = html.replace(/<[^>]*>/g, '');
    expect(text).toContain('&lt;script&gt;window.__pwned=');
    expect(text).toContain('&lt;svg onload=');
    // The reference URL stays one link, with the hostile part inside it, encoded.
    expect(html).toContain('href="https://x.example/%22%3E%3Csvg%20onload=window.__pwned=%27url%27%3E"');
  });

  it.each([
    ['<svg onload=alert(1)>', '\\<svg onload=alert(1)>'],
    ['a <script>x</script> b', 'a \\<script>x\\</script> b'],
    ['kept `<b>` code and ``a ` <i>`` too', 'kept `<b>` code and ``a ` <i>`` too'],
    ['an escaped \\<b> stays', 'an escaped \\<b> stays'],
    ['link <https://example.com/a> stays', 'link <https://example.com/a> stays'],
    ['```\n<script>in a fence</script>\n```\n<b>after</b>', '```\n<script>in a fence</script>\n```\n\\<b>after\\</b>'],
    ['```js`\n<b>not a fence</b>', '```js`\n\\<b>not a fence\\</b>'],
    ['unclosed `<b> span', 'unclosed `\\<b> span'],
  ])('inertMarkdown(%j)', (input, output) => {
    expect(inertMarkdown(input)).toBe(output);
    expect(liveParts(inertMarkdown(input))).toEqual([]);
  });

  it('markdownUrl keeps a URL one autolink', () => {
    const url = markdownUrl('https://x/"><svg onload=alert(1)> (a)');
    expect(url).toBe('https://x/%22%3E%3Csvg%20onload=alert%281%29%3E%20%28a%29');
    expect(liveParts(`<${url}>`)).toEqual([]);
  });
});
