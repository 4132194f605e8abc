/**
 * The SVG files a deck ships (core/read/svg/): bounded before anything draws them, sanitised by
 * DOMPurify with talkdeck's resource rule for every reference, each removal placed. Fixtures in
 * test/fixtures/svg-sanitize/ (hostile and broken files from the research for issue 23).
 */
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { checkSvgFiles, type SvgFilesInput } from '../../src/core/read/svg/svg-files.js';
import { svgLimitProblems } from '../../src/core/read/svg/svg-limits.js';
import { isPlainSvg, PLAIN_ATTRIBUTES, PLAIN_ELEMENTS } from '../../src/core/read/svg/svg-plain.js';
import { sanitizeSvg } from '../../src/core/read/svg/svg-sanitize.js';
import { ROOT } from '../helpers/build.js';

const DIR = join(ROOT, 'test/fixtures/svg-sanitize');

/** The stage as the pipeline runs it, on the fixture folder (or on `text` given for a file). */
async function ship(file: string, text?: string): ReturnType<typeof checkSvgFiles> {
  const input: SvgFilesInput = {
    files: [file],
    shownDir: 'deck',
    read: (p) => (p === file && text !== undefined ? text : readFileSync(join(DIR, p), 'utf8')),
    readBytes: (p) => readFileSync(join(DIR, p)),
    exists: (p) => existsSync(join(DIR, p)),
  };
  return checkSvgFiles(input);
}

const places = (r: Awaited<ReturnType<typeof checkSvgFiles>>): string[] => r.warnings.map((w) => `${w.line}:${w.column}`);

describe('sanitising an SVG file of the deck', () => {
  it('removes script, handlers, javascript:, foreignObject, animations and every reference out of the deck, each at its place', async () => {
    const r = await ship('hostile.svg');
    expect(r.errors).toEqual([]);
    const svg = r.contents.get('hostile.svg')!;
    for (const gone of ['<script', 'onload', 'onclick', 'alert', 'evil.example', 'javascript:', 'foreignObject', '/abs.png', '/etc/', 'file:', 'outside.png', 'images/ok.png', 'svg+xml', 'DOCTYPE', '<animate', '<set']) {
      expect(svg, gone).not.toContain(gone);
    }
    for (const kept of ['url(#grad)', '"#shape"', 'data:image/png;base64,iVBORw0KGgo=', 'https://example.org/', 'Text &amp; entities']) expect(svg, kept).toContain(kept);
    expect(svg.startsWith('<?xml version="1.0" encoding="UTF-8"?>\n<svg')).toBe(true);
    // Every warning names a place in the file, in order.
    expect(r.warnings.every((w) => w.file === 'deck/hostile.svg' && w.code === 'sanitized' && w.severity === 'warning')).toBe(true);
    expect(places(r)).toContain('19:3'); // <image href="/etc/passwd-like/abs.png">
    expect(r.warnings.find((w) => w.line === 19)!.message).toBe('Removed `href` from <image>: `/etc/passwd-like/abs.png` is an absolute path');
    expect(r.warnings.find((w) => w.line === 22)!.message).toBe('Removed `href` from <image>: `images/ok.png` not found in the deck folder');
    expect(r.warnings.find((w) => w.line === 11)!.message).toBe('Removed <script> from the SVG: scripts do not run in a deck');
  });

  it('is a fixed point: what it ships, shipped again, loses nothing', async () => {
    for (const file of ['hostile.svg', 'hostile-extra.svg', 'style.svg']) {
      const once = (await ship(file)).contents.get(file)!;
      const twice = await ship(file, once);
      expect(twice.warnings, file).toEqual([]);
      expect(twice.contents.get(file), file).toBe(once);
    }
  });

  it('sees through aliased namespace prefixes, escapes, xml:base and encoded dot segments', async () => {
    const svg = (await ship('hostile-extra.svg')).contents.get('hostile-extra.svg')!;
    for (const gone of ['evil.example', 'script', 'alert', 'xml:base', 'win.ini', '%2e%2e', 'xml-stylesheet', 'inkscape']) expect(svg, gone).not.toContain(gone);
    expect(svg).toContain('url(#ok)');
  });

  it('keeps what loads nothing in a style sheet: data: fonts, url(#id), @media', async () => {
    const svg = (await ship('style.svg')).contents.get('style.svg')!;
    expect(svg).not.toContain('evil.example');
    expect(svg).not.toContain('cursor.png');
    for (const kept of ['data:font/woff2', 'url( #ok )', '@media', 'url("#m")', 'drop-shadow']) expect(svg, kept).toContain(kept);
  });

  it('embeds a picture of the deck folder it names, so browsers and resvg show the same', async () => {
    const r = await ship('pictures.svg', '<svg xmlns="http://www.w3.org/2000/svg"><image href="../../fixtures/safety-images/dot.png"/><image href="dot.png" width="8" height="8"/></svg>');
    expect(r.contents.get('pictures.svg')).toContain('href="data:image/png;base64,iVBORw0KGgo');
    expect(r.warnings.map((w) => w.message)).toEqual(['Removed `href` from <image>: `../../fixtures/safety-images/dot.png` leads out of the deck folder (`..`)']);
  });

  it('refuses a file it cannot read as an SVG picture, at the place', async () => {
    const one = async (file: string): Promise<string> => {
      const r = await ship(file);
      expect(r.contents.has(file)).toBe(false);
      return r.errors.map((e) => `${e.line}:${e.column} ${e.code} ${e.message}`).join('\n');
    };
    expect(await one('entity.svg')).toMatch(/^2:1 unsupported-image The SVG declares entities/);
    expect(await one('broken.svg')).toMatch(/^\d+:\d+ unsupported-image The SVG is not well-formed XML/);
    expect(await one('not-svg.svg')).toMatch(/^1:1 unsupported-image The file's root element is <html>/);
  });
});

describe('the cost of drawing an SVG', () => {
  /** `levels` groups of `fan` <use> each, every group using the one before: fan^levels rectangles. */
  const bomb = (levels: number, fan: number): string => {
    const groups = Array.from({ length: levels }, (_, i) => `<g id="l${i + 1}">${`<use href="#l${i}"/>`.repeat(fan)}</g>`);
    return `<svg xmlns="http://www.w3.org/2000/svg">\n<defs>\n<rect id="l0" width="1" height="1"/>\n${groups.join('\n')}\n</defs>\n<use href="#l${levels}"/>\n</svg>`;
  };

  it('lets a drawing of a few thousand shapes through', () => {
    expect(svgLimitProblems(bomb(3, 10))).toEqual([]);
  });

  it('refuses a <use> bomb at the group where it passes the limit, in milliseconds', () => {
    const started = performance.now();
    const problems = svgLimitProblems(bomb(9, 10));
    expect(problems).toEqual([expect.objectContaining({ line: 8, column: 1, message: expect.stringMatching(/^This <g id="l5"> makes 222,221 elements/) })]);
    expect(svgLimitProblems(bomb(30, 2))[0]!.message).toMatch(/more than 10¹⁵|elements once/);
    // Not a speed test: a walk that expanded the bomb would not finish at all.
    expect(performance.now() - started).toBeLessThan(10_000);
  });

  it('refuses many filtered shapes, deep nesting and an embedded picture too large to decode', () => {
    const blur = `<svg xmlns="http://www.w3.org/2000/svg"><filter id="f"><feGaussianBlur stdDeviation="20"/></filter><g id="a">${'<rect width="9" height="9" filter="url(#f)"/>'.repeat(10)}</g><g id="b">${'<use href="#a"/>'.repeat(10)}</g></svg>`;
    expect(svgLimitProblems(blur)[0]!.message).toMatch(/draws 10[0-9] elements through filters|through filters/);
    expect(svgLimitProblems(`<svg xmlns="http://www.w3.org/2000/svg">${'<g>'.repeat(300)}${'</g>'.repeat(300)}</svg>`)[0]!.message).toBe('The SVG nests elements more than 200 levels deep');
    const header = Buffer.from('89504e470d0a1a0a0000000d4948445200004e2000004e200802000000', 'hex').toString('base64');
    expect(svgLimitProblems(`<svg xmlns="http://www.w3.org/2000/svg">\n  <image href="data:image/png;base64,${header}"/></svg>`)).toEqual([
      expect.objectContaining({ line: 2, column: 3, message: 'The picture embedded in this <image> is 20000×20000 pixels, more than 16,384 on a side' }),
    ]);
  });

  it('counts a reference cycle as renderers do: not at all', () => {
    expect(svgLimitProblems('<svg xmlns="http://www.w3.org/2000/svg"><g id="a"><use href="#b"/></g><g id="b"><use href="#a"/></g></svg>')).toEqual([]);
  });
});

describe('a plain drawing, shipped as it is without loading the sanitiser', () => {
  const plain = '<svg xmlns="http://www.w3.org/2000/svg" xmlns:xlink="http://www.w3.org/1999/xlink" viewBox="0 0 10 10"><defs><linearGradient id="g"><stop offset="0" stop-color="rgb(1,2,3)"/></linearGradient></defs><rect id="r" width="5" height="5" fill="url(#g)" style="stroke:red; stroke-width:2" transform="rotate(45) translate(1 2)"/><use xlink:href="#r"/><text x="1" y="9" font-family="\'DejaVu Sans\', sans-serif">A &amp; B</text></svg>';

  it('is recognised: the drawings of the repository and init are plain, every hostile fixture is not', () => {
    expect(isPlainSvg(plain)).toBe(true);
    expect(isPlainSvg(plain.replace('<defs>', '<defs><style>rect{fill:url(#g);stroke:rgb(1,2,3)}</style>'))).toBe(true);
    for (const file of ['content/example/images/pipeline.svg', 'templates/init/en/images/diagram.svg', 'templates/init/de/images/schaubild.svg', 'test/fixtures/numbers/images/sky.svg']) {
      expect(isPlainSvg(readFileSync(join(ROOT, file), 'utf8')), file).toBe(true);
    }
    const hostile = [
      ...['hostile.svg', 'hostile-extra.svg', 'style.svg', 'entity.svg', 'broken.svg', 'not-svg.svg'].map((f) => `test/fixtures/svg-sanitize/${f}`),
      'test/safety/svg-file-outside/drawing.svg',
      'test/safety/svg-file-script/drawing.svg',
      'test/safety/hostile/deck/images/script.svg',
    ];
    for (const file of hostile) expect(isPlainSvg(readFileSync(join(ROOT, file), 'utf8')), file).toBe(false);
  });

  it('is not recognised after any one change that could load or run something', () => {
    const variants = {
      script: plain.replace('<defs>', '<script>alert(1)</script><defs>'),
      aliasedScript: plain.replace('<defs>', '<s:script xmlns:s="http://www.w3.org/2000/svg">alert(1)</s:script><defs>'),
      handler: plain.replace('<rect ', '<rect onclick="alert(1)" '),
      styleImport: plain.replace('<defs>', '<defs><style>@import url(x.css); rect{fill:red}</style>'),
      styleUrl: plain.replace('<defs>', '<defs><style>rect{fill:url(/tmp/secret.png)}</style>'),
      styleEntity: plain.replace('<defs>', '<defs><style>rect{fill:&#117;rl(x.png)}</style>'),
      styleAfterChild: plain.replace('<defs>', '<defs><style>rect{fill:red}<g/>@import url(x.css);</style>'),
      remoteHref: plain.replace('xlink:href="#r"', 'xlink:href="http://evil.example/x.svg#r"'),
      fileHref: plain.replace('xlink:href="#r"', 'xlink:href="secret.svg#r"'),
      cssUrl: plain.replace('stroke:red', 'stroke:url(/tmp/secret.png)'),
      cssEscape: plain.replace('fill="url(#g)"', 'fill="u\\72 l(x.png)"'),
      imageSet: plain.replace('stroke:red', "background:image-set('x.png' 1x)"),
      atRule: plain.replace('stroke:red', 'stroke:red;@import x'),
      doctype: `<!DOCTYPE svg>${plain}`,
      instruction: `<?xml-stylesheet href="x.css"?>${plain}`,
      cdata: plain.replace('A &amp; B', '<![CDATA[A]]>'),
      otherNamespace: plain.replace('<defs>', '<defs><x:y xmlns:x="urn:x"/>'),
      editorDeclaration: plain.replace('<svg ', '<svg xmlns:inkscape="http://www.inkscape.org/namespaces/inkscape" '),
      image: plain.replace('<defs>', '<image href="data:image/png;base64,iVBORw0KGgo="/><defs>'),
      foreignObject: plain.replace('<defs>', '<foreignObject/><defs>'),
      animation: plain.replace('<use ', '<set attributeName="href" to="x"/><use '),
      notSvgRoot: plain.replace('<svg xmlns="http://www.w3.org/2000/svg"', '<svg xmlns="urn:not-svg"'),
    };
    for (const [name, text] of Object.entries(variants)) expect(isPlainSvg(text), name).toBe(false);
  });

  it('holds only what DOMPurify keeps: a file with every element and attribute it accepts loses nothing when sanitised', () => {
    const attributes = [...PLAIN_ATTRIBUTES].map((a) => (a === 'href' ? 'href="#e0"' : a === 'id' ? '' : a === 'style' ? 'style="fill:red"' : `${a}="1"`)).join(' ');
    const elements = [...PLAIN_ELEMENTS].filter((e) => e !== 'svg').map((e, i) => `<${e} id="e${i}" ${attributes}/>`).join('');
    const text = `<svg xmlns="http://www.w3.org/2000/svg" xmlns:xlink="http://www.w3.org/1999/xlink" ${attributes}>${elements}</svg>`;
    expect(isPlainSvg(text)).toBe(true);
    const { removed } = sanitizeSvg(text, () => ({ drop: 'no reference expected' }));
    expect(removed).toEqual([]);
  });

  it('ships byte for byte: the stage returns nothing to put in its place', async () => {
    const r = await ship('plain.svg', plain);
    expect(r).toEqual({ contents: new Map(), errors: [], warnings: [] });
  });
});
