/**
 * Free Markdown: the body of a `layout: markdown` slide and every slide of a `.md` deck, rendered
 * once at build time into safe HTML. Code is highlighted by highlight.js and math typeset by
 * KaTeX here, so the deck ships no highlighter or math library; GFM tables and :emoji: as
 * reveal-md renders them. Raw HTML is the author's and is kept, then sanitised on a parsed tree
 * (see sanitize.ts). reveal.js's attribute comments (`<!-- .slide: … -->`, `<!-- .element: … -->`)
 * are applied here, as its Markdown plugin would in the browser.
 */
import * as katexPluginModule from '@vscode/markdown-it-katex';
import hljs from 'highlight.js';
import katex from 'katex';
import MarkdownIt from 'markdown-it';
import { full as emoji } from 'markdown-it-emoji';
import { parseFragment } from 'parse5';
import { escapeHtml } from '../../base/markdown.js';
import { MAX_HTML_DEPTH, tooDeepAt } from './depth.js';
import { applyAttributeComments, finishTree, type ResourceRule, type BodyProblem, type RemoteResource } from './sanitize.js';

export type { ResourceRule, BodyProblem, RemoteResource } from './sanitize.js';

export interface FreeMarkdown {
  html: string;
  /** Attributes for the slide's `<section>` (from `.slide:` comments), already sanitised. */
  slideAttributes: Record<string, string>;
  /** Plain text of the first heading: the slide's title for outlines and the speaker view. */
  title: string | undefined;
  /** Removals and other findings, with the line relative to the body (1 = its first line). */
  problems: BodyProblem[];
  remote: RemoteResource[];
  /** Which build-time assets the HTML needs. */
  uses: { code: boolean; math: boolean };
}

/** Marker comments carry source lines through rendering to the HTML tree; removed there. */
export const LINE_MARKER = 'td-line:';

// KaTeX errors become a `katex-error` element (reported with its line) instead of a console log.
const quietKatex = {
  ...katex,
  renderToString: (latex: string, options?: katex.KatexOptions) => katex.renderToString(latex, { ...options, throwOnError: true }),
} as typeof katex;

// A CommonJS module with `exports.default`: Node's ESM loader and bundlers disagree on where it is.
type KatexPlugin = (md: InstanceType<typeof MarkdownIt>, options: object) => void;
const katexPlugin = ((katexPluginModule as { default?: unknown }).default as { default?: KatexPlugin } | KatexPlugin);
const markdownItKatex: KatexPlugin = typeof katexPlugin === 'function' ? katexPlugin : katexPlugin.default!;

const md = new MarkdownIt({
  html: true,
  linkify: false,
  typographer: false,
  highlight: (code, lang, attrs) => highlight(code, lang, attrs),
})
  .use(emoji)
  .use(markdownItKatex, { katex: quietKatex, throwOnError: false, enableFencedBlocks: true });

const SAFE_LINK = /^(https?:|mailto:|tel:|#|\.{0,2}\/|data:image\/|[^:]*$)/i;
md.validateLink = (url: string) => SAFE_LINK.test(url.trim());

/** The markdown-it-katex tokens KaTeX typesets: `$…$`, `$$…$$` and ```math fences. */
const isMath = (token: { type: string; info: string }): boolean => token.type.startsWith('math_') || (token.type === 'fence' && token.info.trim() === 'math');

// Source lines for raw HTML, images and formulas: a marker comment in front of each, read back from the tree.
md.core.ruler.push('td_lines', (state) => {
  for (const block of state.tokens) {
    if (!block.map) continue;
    // Every block that opens an element, so a problem in it (an attribute comment's CSS, say) is
    // placed at its own line rather than at the last raw HTML before it.
    if (block.type === 'html_block' || isMath(block) || block.nesting === 1) block.meta = { ...block.meta, line: block.map[0] + 1 };
    if (block.type !== 'inline' || !block.children) continue;
    let line = block.map[0] + 1;
    for (const child of block.children) {
      if (child.type === 'softbreak' || child.type === 'hardbreak') line++;
      else if (child.type === 'html_inline' || child.type === 'image') child.meta = { ...child.meta, line };
      else if (isMath(child)) child.meta = { ...child.meta, line };
      if ((child.type === 'text' || isMath(child)) && child.content.includes('\n')) line += child.content.split('\n').length - 1;
    }
  }
});
const marker = (token: { meta?: { line?: number } | null }) => (token.meta?.line ? `<!--${LINE_MARKER}${token.meta.line}-->` : '');
const defaultImage = md.renderer.rules.image!;
md.renderer.rules.html_block = (tokens, idx) => marker(tokens[idx]!) + tokens[idx]!.content;
md.renderer.rules.html_inline = (tokens, idx) => marker(tokens[idx]!) + tokens[idx]!.content;
md.renderer.rules.image = (tokens, idx, options, env, self) => marker(tokens[idx]!) + defaultImage(tokens, idx, options, env, self);
const renderToken = md.renderer.renderToken.bind(md.renderer);
md.renderer.renderToken = (tokens, idx, options) => (tokens[idx]!.nesting === 1 ? marker(tokens[idx]!) : '') + renderToken(tokens, idx, options);
for (const type of ['math_inline', 'math_block', 'math_inline_bare_block', 'math_inline_block', 'fence']) {
  const rule = md.renderer.rules[type];
  if (rule) md.renderer.rules[type] = (tokens, idx, options, env, self) => marker(tokens[idx]!) + rule(tokens, idx, options, env, self);
}

/**
 * KaTeX typesets every formula at build time, and its HTML is large: 2,000 short formulas made
 * a 9 MB page at 520 MB of memory, one formula of 20,000 terms went past a gigabyte. A deck gets
 * this much math; a real one (a lecture with five formulas a slide) uses a fraction of it.
 */
export const MATH_BUDGET = { formulas: 1_000, characters: 40_000 };

/** What the deck's formulas have used of MATH_BUDGET so far; one per deck, shared by its bodies. */
export interface MathUse {
  formulas: number;
  characters: number;
  /** Set once the budget is spent and reported: later bodies are not typeset, and not reported again. */
  spent?: boolean;
}

/** The formulas of a parsed body with their lines (1-based, in the body). */
function formulas(tokens: ReturnType<typeof md.parse>): { tex: string; line: number }[] {
  const found: { tex: string; line: number }[] = [];
  for (const token of tokens) {
    const at = (t: { meta?: { line?: number } | null }): number | undefined => t.meta?.line;
    if (isMath(token)) found.push({ tex: token.content, line: at(token) ?? 1 });
    for (const child of token.children ?? []) if (isMath(child)) found.push({ tex: child.content, line: at(child) ?? 1 });
  }
  return found;
}

/** The first formula of this body that goes past the deck's budget, as the body's problem. */
function overBudget(tokens: ReturnType<typeof md.parse>, use: MathUse): BodyProblem | undefined {
  for (const { tex, line } of formulas(tokens)) {
    use.formulas++;
    use.characters += tex.length;
    if (use.formulas <= MATH_BUDGET.formulas && use.characters <= MATH_BUDGET.characters) continue;
    use.spent = true;
    const what = use.formulas > MATH_BUDGET.formulas
      ? `more than ${MATH_BUDGET.formulas.toLocaleString('en')} formulas`
      : `more than ${MATH_BUDGET.characters.toLocaleString('en')} characters of formulas`;
    return {
      line,
      code: 'markdown',
      severity: 'error',
      message: `The deck has ${what}: KaTeX typesets each one when the deck is built, and this is where it stops`,
      hint: 'show long derivations as pictures, or split the deck into several',
    };
  }
  return undefined;
}

/** reveal.js's line-highlight syntax after the language: ```js [1|2-3] or [2: 1,3]. */
const LINE_NUMBERS = /\[\s*((\d*):)?\s*([\s\d,|-]*)\]/;

function highlight(code: string, lang: string, attrs: string): string {
  const language = lang && hljs.getLanguage(lang) ? lang : undefined;
  const html = language ? hljs.highlight(code, { language, ignoreIllegals: true }).value : escapeHtml(code);
  const cls = `hljs${lang ? ` language-${escapeHtml(lang)}` : ''}`;
  const numbers = LINE_NUMBERS.exec(attrs);
  if (!numbers) return `<pre><code class="${cls}">${html}</code></pre>`;
  // reveal.js's line highlights, done here (its highlight plugin is not shipped): one copy of
  // the code per step, the later ones fragments laid over the first, other lines dimmed.
  const lines = splitLines(html);
  const start = numbers[2] ? Number(numbers[2]) : 1;
  const steps = numbers[3]!.split('|').map((step) => lineSet(step));
  return (
    '<pre class="td-code-steps">' +
    steps
      .map((marked, i) => {
        const body = lines
          .map((line, n) => `<span class="td-line${marked.has(n + start) ? ' td-line-hl' : ''}" data-line="${n + start}">${line}</span>`)
          .join('');
        const step = i === 0 ? '' : ` fragment" data-fragment-index="${i - 1}`;
        return `<code class="${cls}${marked.size ? ' td-has-highlights' : ''}${step}" data-line-numbers="${escapeHtml(numbers[3]!.trim())}">${body}</code>`;
      })
      .join('') +
    '</pre>'
  );
}

/** `1,3-5` → {1, 3, 4, 5}; empty → none highlighted. */
function lineSet(step: string): Set<number> {
  const set = new Set<number>();
  for (const part of step.split(',')) {
    const [from, to] = part.trim().split('-').map(Number);
    if (!from) continue;
    for (let n = from; n <= (to || from) && n - from < 10_000; n++) set.add(n);
  }
  return set;
}

/** highlight.js HTML split into lines, each closing and reopening the spans that cross it. */
function splitLines(html: string): string[] {
  const lines: string[] = [];
  const open: string[] = [];
  let current = '';
  for (const part of html.split(/(<span[^>]*>|<\/span>|\n)/)) {
    if (part.startsWith('<span')) {
      open.push(part);
      current += part;
    } else if (part === '</span>') {
      open.pop();
      current += part;
    } else if (part === '\n') {
      lines.push(current + '</span>'.repeat(open.length));
      current = open.join('');
    } else current += part;
  }
  if (current.replace(/<[^>]*>/g, '') !== '') lines.push(current + '</span>'.repeat(open.length));
  return lines;
}

export interface FreeMarkdownOptions {
  /** How local files (images, backgrounds) are checked and where they land in the output. */
  resource: ResourceRule;
  /** Attributes the slide brings itself (a YAML `attributes:` field, Marp directives); comments override them. */
  attributes?: Record<string, string> | undefined;
  /** Where each of `attributes` is set, as a line relative to the body (before it: 0 or less). */
  attributeLines?: Record<string, number> | undefined;
  /** The deck's formulas so far, against MATH_BUDGET; without it a body is not limited. */
  math?: MathUse | undefined;
}

/** A body that is not rendered at all: its problem says why (reported once per deck). */
function refusedBody(problem: BodyProblem | undefined): FreeMarkdown {
  return { html: '', slideAttributes: {}, title: undefined, problems: problem ? [problem] : [], remote: [], uses: { code: false, math: false } };
}

export function renderFreeMarkdown(body: string, options: FreeMarkdownOptions): FreeMarkdown {
  const env = {};
  const tokens = md.parse(body, env);
  if (options.math) {
    if (options.math.spent) return refusedBody(undefined);
    const spent = overBudget(tokens, options.math);
    if (spent) return refusedBody(spent);
  }
  const code = tokens.some((t) => t.type === 'fence' || t.type === 'code_block');
  const rendered = md.renderer.render(tokens, md.options, env);
  const parsed = parseFragment(rendered, { sourceCodeLocationInfo: true });
  const deep = tooDeepAt(parsed, LINE_MARKER);
  if (deep !== undefined) {
    return refusedBody({
      line: deep,
      code: 'markdown',
      severity: 'error',
      message: `HTML nested more than ${MAX_HTML_DEPTH} levels deep`,
      hint: 'a browser shows at most 512 levels; close the elements you opened (every <div> needs its </div>)',
    });
  }
  const { fragment, slideAttributes } = applyAttributeComments(parsed);
  const ownLines = Object.fromEntries(Object.entries(options.attributeLines ?? {}).filter(([name]) => !(name in slideAttributes)));
  const finished = finishTree(fragment, { ...options.attributes, ...slideAttributes }, options.resource, ownLines);
  return {
    html: finished.html.trim(),
    slideAttributes: finished.slideAttributes,
    title: finished.title,
    problems: finished.problems,
    remote: finished.remote,
    uses: { code, math: finished.html.includes('class="katex') },
  };
}
