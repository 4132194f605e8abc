/**
 * Markdown decks: each dialect rule of reveal-md and Marp on its own fixture
 * (test/fixtures/md-<case>/), built by the real pipeline and checked on the parsed HTML.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse, type HTMLElement } from 'node-html-parser';
import { describe, expect, it } from 'vitest';
import type { DeckBuild } from '../src/core/pipeline.js';
import { readMarkdownDeck } from '../src/core/read/markdown/index.js';
import { buildFolder, fixture } from './helpers/build.js';

function page(result: DeckBuild): HTMLElement {
  const file = result.files.get('index.html');
  if (!file || !('content' in file)) throw new Error(`no index.html: ${result.errors.map((e) => e.message).join('; ')}`);
  // Parse <pre> as HTML (node-html-parser keeps its content as raw text by default).
  return parse(file.content, { blockTextElements: { script: true, style: true } });
}

/** The deck's structure as reveal.js sees it: per horizontal slide, the headings of its slides. */
function structure(doc: HTMLElement): string[][] {
  return doc.querySelectorAll('.slides > section').map((top) => {
    const slides = top.classList.contains('td-stack') ? top.querySelectorAll(':scope > section') : [top];
    return slides.map((s) => s.querySelector('h1, h2')?.text.trim() ?? s.text.trim().slice(0, 20));
  });
}
const notesOf = (doc: HTMLElement) => doc.querySelectorAll('section.td-slide').map((s) => s.querySelector('aside.notes')?.text.trim() ?? null);
const read = (name: string) => readMarkdownDeck(`test/fixtures/${name}/deck.md`, readFileSync(join(fixture(name), 'deck.md'), 'utf8'));

describe('reveal-md dialect', () => {
  it('splits on --- lines with or without blank lines around them', async () => {
    const result = await buildFolder(fixture('md-separators'));
    expect(result.errors).toEqual([]);
    expect(structure(page(result))).toEqual([['A'], ['B'], ['C']]);
  });

  it('reads CRLF files: separators, vertical stacks, notes', async () => {
    const result = await buildFolder(fixture('md-crlf'));
    const doc = page(result);
    expect(structure(doc)).toEqual([['One'], ['Two', 'Two below']]);
    expect(notesOf(doc)).toEqual(['first notes', null, null]);
    expect(doc.querySelector('title')!.text).toBe('CRLF');
  });

  it('splits at a --- inside a fenced code block, as reveal-md does', async () => {
    const deck = read('md-separator-in-fence');
    expect(deck.slides.map((s) => s.line)).toEqual([1, 6]);
    const result = await buildFolder(fixture('md-separator-in-fence'));
    expect(page(result).querySelectorAll('section.td-slide')).toHaveLength(2);
  });

  it('takes separators and the notes separator from the front matter', async () => {
    const result = await buildFolder(fixture('md-front-matter-separators'));
    const doc = page(result);
    expect(structure(doc)).toEqual([['One'], ['Two', 'Two below']]);
    expect(doc.querySelector('#one')!.text).toContain('still one');
    expect(notesOf(doc)).toEqual([null, 'said on two', null]);
  });

  it('reads reveal-md.json next to the deck; the front matter overrides it', async () => {
    const result = await buildFolder(fixture('md-reveal-md-json'));
    const doc = page(result);
    expect(structure(doc)).toEqual([['One'], ['Two', 'Two below']]);
    expect(doc.querySelector('#two')!.text).toContain('still two');
  });

  it('takes no notes from a slide with two Note: lines (as reveal.js), and says so with the line', async () => {
    const result = await buildFolder(fixture('md-two-notes'));
    const doc = page(result);
    expect(notesOf(doc)).toEqual([null, 'taken as notes']);
    expect(doc.querySelector('#two-notes-lines')!.text).toContain('the second');
    const warning = result.warnings.find((w) => w.code === 'notes-separator')!;
    expect([warning.file, warning.line, warning.severity]).toEqual(['test/fixtures/md-two-notes/deck.md', 3, 'warning']);
  });

  it('applies .slide and .element attribute comments, highlights code and typesets math at build time', async () => {
    const result = await buildFolder(fixture('md-reveal'));
    expect(result.errors).toEqual([]);
    const doc = page(result);
    expect(structure(doc)).toEqual([['Erste Folie'], ['Code', 'Darunter', 'Mathe'], ['Tabelle und Bild']]);
    expect(doc.querySelector('#tabelle-und-bild')!.getAttribute('data-background-color')).toBe('#003366');
    expect(doc.querySelectorAll('#darunter li').map((li) => li.classList.contains('fragment'))).toEqual([false, true]);
    const code = doc.querySelector('#code')!.querySelector('pre > code')!;
    expect(code.classList.contains('hljs')).toBe(true);
    expect(code.querySelector('.hljs-keyword')!.text).toBe('const');
    expect(code.getAttribute('data-line-numbers')).toBe('1|2');
    // reveal.js's line-highlight steps, made at build time: one copy per step, later ones fragments.
    const steps = doc.querySelector('#code')!.querySelectorAll('pre > code');
    expect(steps.map((c) => c.classList.contains('fragment'))).toEqual([false, true]);
    expect(steps.map((c) => c.querySelectorAll('.td-line-hl').map((l) => l.getAttribute('data-line')))).toEqual([['1'], ['2']]);
    expect(steps[0]!.querySelectorAll('.td-line').map((l) => l.text)).toEqual(['const a = 1;', 'console.log(a);']);
    expect(doc.querySelectorAll('#mathe .katex math')).toHaveLength(2);
    expect(doc.querySelector('#erste-folie p')!.text).toContain('🎉');
    expect(doc.querySelector('#tabelle-und-bild table td')!.text).toBe('DE');
    expect(doc.querySelector('#tabelle-und-bild img')!.getAttribute('src')).toBe('assets/img/box.svg');
    // No highlighter or math library ships; their styles and KaTeX's fonts do.
    expect([...result.files.keys()].filter((f) => /highlight|katex/.test(f) && f.endsWith('.js'))).toEqual([]);
    expect(result.files.has('katex/katex.min.css')).toBe(true);
    expect([...result.files.keys()].some((f) => f.startsWith('katex/fonts/KaTeX_Main-Regular.woff2'))).toBe(true);
    expect(result.files.has('assets/img/box.svg')).toBe(true);
    expect(doc.querySelector('html')!.getAttribute('lang')).toBe('de');
    // Speaking time comes from the notes, stacks included.
    expect(doc.querySelectorAll('section.td-slide').map((s) => s.getAttribute('data-timing') !== undefined)).toEqual([true, true, true, true, true]);
  });

  it('sanitises raw HTML: no script, no event handlers, no javascript: URLs, each removal a located warning', async () => {
    const result = await buildFolder(fixture('md-sanitize'));
    expect(result.errors).toEqual([]);
    const doc = page(result);
    expect(doc.querySelectorAll('script').filter((s) => s.text.includes('alert'))).toEqual([]);
    const box = doc.querySelector('.box')!;
    expect(box.text).toBe('kept box');
    expect(box.getAttribute('onclick')).toBeUndefined();
    expect(doc.querySelector('.slides a')!.getAttribute('href')).toBeUndefined();
    expect(doc.querySelector('.slides img')!.getAttribute('onerror')).toBeUndefined();
    expect(doc.querySelector('.slides img')!.getAttribute('src')).toMatch(/^data:image\/gif/);
    const removals = result.warnings.filter((w) => w.code === 'sanitized');
    expect(removals.map((w) => w.line)).toEqual([3, 5, 7, 7]);
    expect(removals.every((w) => w.file === 'test/fixtures/md-sanitize/deck.md')).toBe(true);
  });

  it('keeps remote images and backgrounds and reports each with its line (warning in Markdown decks)', async () => {
    const result = await buildFolder(fixture('md-remote-image'));
    expect(result.errors).toEqual([]);
    const remote = result.warnings.filter((w) => w.code === 'remote-resource');
    expect(remote.map((w) => [w.line, w.severity])).toEqual([[3, 'warning'], [6, 'warning']]);
    expect(remote[0]!.message).toContain('https://example.org/chart.png');
    const doc = page(result);
    expect(doc.querySelector('.slides img')!.getAttribute('src')).toBe('https://example.org/chart.png');
    // Kept means shown when online: the page's policy admits exactly the two reported files (a
    // reveal.js background image is CSS, i.e. img-src), and nothing else from the network.
    const policy = doc.querySelector('meta[http-equiv="Content-Security-Policy"]')!.getAttribute('content')!;
    const directives = new Map(policy.split(/;\s*/).map((d) => [d.split(' ')[0]!, d.split(' ').slice(1)] as const));
    expect(directives.get('img-src')).toEqual(["'self'", 'data:', 'https://example.org/bg.jpg', 'https://example.org/chart.png']);
    expect(policy.match(/https?:\/\/[^\s;]+/g)).toEqual(['https://example.org/bg.jpg', 'https://example.org/chart.png']);
    // The rule is configurable like any other: an error on request.
    const strict = await buildFolder(fixture('md-remote-image'), { cli: { lint: { 'remote-resource': 'error' } } });
    expect(strict.errors.map((e) => e.code)).toEqual(['remote-resource', 'remote-resource']);
  });
});

describe('revealOptions', () => {
  it('map onto the deck’s validated reveal block, transition and size; the rest is a warning at its own line', async () => {
    const result = await buildFolder(fixture('md-reveal-options'));
    expect(result.errors).toEqual([]);
    const model = result.model!;
    // reveal-md's centring stays under the deck's own options.
    expect(model.reveal).toEqual({ center: true, controls: false, slideNumber: 'c' });
    expect(model.transition).toBe('slide');
    expect(model.size.name).toBe('4:3');
    const ignored = result.warnings.filter((w) => w.message.includes('revealOptions') || w.message.startsWith('reveal.js option'));
    expect(ignored.map((w) => [w.line, w.message, w.hint])).toEqual([
      // At the option's own line, not the line of the block (issue 22).
      [9, 'reveal.js option `rtl` is not supported by talkdeck; it is ignored', expect.stringContaining('supported: controls')],
      [10, 'reveal.js option `contrls` is not supported by talkdeck; it is ignored', 'did you mean `controls`?'],
    ]);
    const init = page(result).querySelectorAll('script').map((s) => s.textContent).find((t) => t.includes('Reveal.initialize')) ?? '';
    expect(init).toMatch(/"controls":\s*false/);
  });
});

describe('Marp dialect', () => {
  it('pages at thematic breaks outside code; a --- under text is a heading underline', () => {
    const deck = read('md-marp');
    expect(deck.dialect).toBe('marp');
    expect(deck.slides.map((s) => s.line)).toEqual([5, 12, 23, 36]);
    expect(deck.slides[1]!.markdown).toContain('Still the second page');
  });

  it('takes HTML comments that are not directives as notes, and applies directives', async () => {
    const result = await buildFolder(fixture('md-marp'));
    expect(result.errors).toEqual([]);
    const doc = page(result);
    expect(notesOf(doc)).toEqual(['a presenter note', null, 'A note over\ntwo lines', null]);
    const third = doc.querySelector('#third-page')!;
    expect(third.classList.contains('lead')).toBe(true);
    expect(third.getAttribute('data-background-color')).toBe('#123456');
    expect(third.getAttribute('data-background-image')).toBe('assets/img/box.svg');
    // backgroundColor is a local directive: it carries on to the next page; _class does not.
    const fourth = doc.querySelector('#fourth-page')!;
    expect(fourth.getAttribute('data-background-color')).toBe('#123456');
    expect(fourth.classList.contains('lead')).toBe(false);
    expect(doc.querySelectorAll('.td-marp-footer')).toHaveLength(4);
    const unsupported = result.warnings.filter((w) => w.code === 'marp-unsupported');
    expect(unsupported.map((w) => w.line)).toEqual([39]);
  });
});

describe('a Markdown deck in the handout', () => {
  it('keeps every slide of a stack, its body and its notes (HTML and Markdown forms)', async () => {
    const { createHandoutRenderer } = await import('../src/core/write/handout/html.js');
    const { renderHandoutMarkdown } = await import('../src/core/write/handout/markdown.js');
    const { readTemplates } = await import('../src/shell/decks.js');
    const { builtinTemplatesDir } = await import('../src/shell/paths.js');
    const { ROOT } = await import('./helpers/build.js');
    const result = await buildFolder(fixture('md-reveal'));
    const html = parse(createHandoutRenderer(readTemplates(builtinTemplatesDir(), ROOT)).render(result.model!));
    expect(html.querySelectorAll('article.td-slide h3').map((h) => h.text.replace(/^\S+ \d+\s*/, ''))).toEqual([
      'Erste Folie', 'Code', 'Darunter', 'Mathe', 'Tabelle und Bild',
    ]);
    expect(html.querySelector('#tabelle-und-bild table td')!.text).toBe('DE');
    expect(html.querySelector('#darunter')!.text).toContain('Die zweite Folie im Stapel.');
    const md = renderHandoutMarkdown(result.model!);
    expect(md).toContain('| Land | Wert |');
    expect(md).toContain('Die zweite Folie im Stapel.');
  });
});

describe('errors in Markdown decks', () => {
  it('name file, line and column: a missing image', async () => {
    const result = await buildFolder(fixture('md-missing-image'));
    expect(result.files.size).toBe(0);
    expect(result.errors.map((e) => [e.code, e.location])).toEqual([['missing-file', 'test/fixtures/md-missing-image/deck.md:7:1']]);
    expect(result.errors[0]!.hint).toBeTruthy();
  });

  it('name file, line and column: broken front matter', async () => {
    const result = await buildFolder(fixture('md-front-matter-error'));
    expect(result.files.size).toBe(0);
    expect(result.errors.map((e) => [e.code, e.file, e.line])).toEqual([['yaml-syntax', 'test/fixtures/md-front-matter-error/deck.md', 3]]);
  });

  it('make the real CLI exit 1 with the located message, writing nothing', async () => {
    const { talkdeck } = await import('./helpers/cli.js');
    const { ROOT } = await import('./helpers/build.js');
    const r = talkdeck(ROOT, ['check', 'test/fixtures/md-missing-image/deck.md']);
    expect(r.code).toBe(1);
    expect(r.stderr).toContain('test/fixtures/md-missing-image/deck.md:7:1: error: Image `img/none.png` not found in the deck folder');
  });
});
