import { afterAll, describe, expect, it } from 'vitest';
import { readFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import MarkdownIt from 'markdown-it';
import { parse, type DefaultTreeAdapterMap } from 'parse5';
import postcss from 'postcss';
import { parse as parseYaml } from 'yaml';
import { buildDecks } from '../src/cli/build.js';
import { createHandoutRenderer } from '../src/core/write/handout/html.js';
import { renderHandoutMarkdown } from '../src/core/write/handout/markdown.js';
import { isTalkdeckMarkdown } from '../src/core/base/generated.js';
import type { DeckModel } from '../src/core/model/types.js';
import { readTemplates, resolveDeck } from '../src/shell/decks.js';
import { builtinTemplatesDir } from '../src/shell/paths.js';
import { REPO, runCli, tempProject } from './helpers/cli.js';

type Node = DefaultTreeAdapterMap['childNode'] | DefaultTreeAdapterMap['document'];
type Element = DefaultTreeAdapterMap['element'];

const io = { stdout: { write: () => true }, stderr: { write: () => true }, cwd: REPO, env: {} };

async function model(name: string): Promise<DeckModel> {
  const [build] = await buildDecks(io, [resolveDeck(REPO, name)]);
  expect(build!.errors).toEqual([]);
  return build!.model!;
}

interface DeckYaml {
  slides: { layout?: string; title?: string; notes?: string }[];
  references: Record<string, { title: string }>;
}
const briefingYaml = parseYaml(readFileSync(join(REPO, 'content/kolumbien-nato/deck.yaml'), 'utf8')) as DeckYaml;
const briefing = await model('kolumbien-nato');

const squash = (s: string): string => s.replace(/\s+/g, ' ').trim();

function textOf(node: Node): string {
  if ('value' in node && node.nodeName === '#text') return node.value;
  return ('childNodes' in node ? node.childNodes : []).map((c) => textOf(c as Node)).join('');
}

function all(node: Node, test: (e: Element) => boolean, out: Element[] = []): Element[] {
  for (const c of 'childNodes' in node ? node.childNodes : []) {
    if ('tagName' in c) {
      if (test(c)) out.push(c);
      all(c, test, out);
    }
  }
  if ('content' in node && node.content) all(node.content as Node, test, out);
  return out;
}

const htmlText = (html: string): string => squash(textOf(parse(html)));
const cls = (e: Element): string[] => (e.attrs.find((a) => a.name === 'class')?.value ?? '').split(/\s+/);

/** What a reader sees of every slide title, note and reference of the briefing. */
function expectComplete(text: string, m: DeckModel): void {
  for (const slide of m.slides) expect(text, `slide ${slide.number}`).toContain(squash(slide.title || m.title));
  for (const slide of m.slides.filter((s) => s.notesHtml)) expect(text, `notes of slide ${slide.number}`).toContain(htmlText(slide.notesHtml!));
  for (const [key, ref] of Object.entries(briefingYaml.references)) expect(text, `reference ${key}`).toContain(squash(ref.title));
}

describe('HTML handout', () => {
  const html = createHandoutRenderer(readTemplates(builtinTemplatesDir(), REPO)).render(briefing);
  const doc = parse(html);

  it('names every slide title, every note and every reference', () => {
    expectComplete(htmlText(html), briefing);
    expect(briefingYaml.slides.filter((s) => s.notes)).toHaveLength(briefing.slides.filter((s) => s.notesHtml).length);
  });

  it('is structured by the deck’s sections, in the deck’s language', () => {
    const parts = all(doc, (e) => e.tagName === 'section' && cls(e).includes('td-part'));
    const sections = briefing.slides.filter((s) => s.layout === 'section');
    // The slides before the first section, then one part per section.
    expect(parts).toHaveLength(sections.length + 1);
    const headings = parts.slice(1).map((p) => squash(textOf(all(p, (e) => e.tagName === 'h2')[0]!)));
    expect(headings).toEqual(sections.map((s) => s.title));
    // Each part holds exactly the slides between its section slide and the next.
    const slideIds = parts.map((p) => all(p, (e) => e.tagName === 'article').map((a) => a.attrs.find((x) => x.name === 'id')!.value));
    const expected: string[][] = [[]];
    for (const s of briefing.slides) {
      if (s.layout === 'section') expected.push([]);
      else expected.at(-1)!.push(s.id);
    }
    expect(slideIds).toEqual(expected);
    expect(all(doc, (e) => e.tagName === 'html')[0]!.attrs).toContainEqual({ name: 'lang', value: 'de' });
  });

  it('prints on A4 with a page break between sections', () => {
    const css = all(doc, (e) => e.tagName === 'style').map((s) => textOf(s)).join('\n');
    const root = postcss.parse(css);
    const page = root.nodes.find((n): n is postcss.AtRule => n.type === 'atrule' && n.name === 'page');
    expect(page?.nodes?.find((d) => d.type === 'decl' && d.prop === 'size')).toMatchObject({ value: 'A4' });
    const breaks: string[] = [];
    root.walkDecls('break-before', (d) => void breaks.push(`${(d.parent as postcss.Rule).selector} ${d.value}`));
    expect(breaks).toContain('.td-part + .td-part page');
  });

  it('keeps in-deck links working inside the handout', () => {
    const hrefs = all(doc, (e) => e.tagName === 'a').map((a) => a.attrs.find((x) => x.name === 'href')!.value);
    const ids = new Set(all(doc, (e) => e.attrs.some((a) => a.name === 'id')).map((e) => e.attrs.find((a) => a.name === 'id')!.value));
    const internal = hrefs.filter((h) => h.startsWith('#'));
    expect(internal.length).toBeGreaterThan(0);
    for (const h of internal) expect(ids.has(h.slice(1)), h).toBe(true);
  });
});

describe('Markdown handout', () => {
  const md = renderHandoutMarkdown(briefing);
  const tokens = new MarkdownIt({ html: true }).parse(md, {});
  const headings = (level: string): string[] =>
    tokens.flatMap((t, i) => (t.type === 'heading_open' && t.tag === level ? [squash(tokens[i + 1]!.content)] : []));

  it('names every slide title, every note and every reference', () => {
    expectComplete(htmlText(new MarkdownIt({ html: true }).render(md)), briefing);
  });

  it('has the deck title, a ## per section and a ### per other slide', () => {
    expect(headings('h1')).toEqual([briefing.title]);
    expect(headings('h2')).toEqual(briefing.slides.filter((s) => s.layout === 'section').map((s) => s.title));
    expect(headings('h3')).toEqual(briefing.slides.filter((s) => !['section', 'title'].includes(s.layout)).map((s) => s.title));
  });

  it('is marked as talkdeck’s, invisibly', () => {
    expect(isTalkdeckMarkdown(md)).toBe(true);
    expect(tokens[0]!.type).toBe('html_block');
  });
});

describe('talkdeck handout', () => {
  const dir = tempProject([{ name: 'example', from: 'content/example' }]);
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('writes one self-contained HTML file and a Markdown file per deck', async () => {
    const html = await runCli(dir, ['handout']);
    expect(html.stderr).toBe('');
    expect(html.code).toBe(0);
    const md = await runCli(dir, ['handout', 'example', '--format', 'md']);
    expect(md.code).toBe(0);
    const page = readFileSync(join(dir, 'dist/example-handout.html'), 'utf8');
    const images = all(parse(page), (e) => e.tagName === 'img').map((i) => i.attrs.find((a) => a.name === 'src')!.value);
    expect(images).toHaveLength(1);
    expect(images[0]).toMatch(/^data:image\/svg\+xml/);
    const example = await model('example');
    const mdText = htmlText(new MarkdownIt({ html: true }).render(readFileSync(join(dir, 'dist/example-handout.md'), 'utf8')));
    for (const slide of example.slides) {
      expect(htmlText(page)).toContain(squash(slide.title || example.title));
      expect(mdText).toContain(squash(slide.title || example.title));
    }
  });
});
