import { describe, it, expect } from 'vitest';
import { parse, type DefaultTreeAdapterMap } from 'parse5';
import { inlineSingleFile } from '../src/core/write/single-file/single-file.js';
import { isTalkdeckHtml } from '../src/core/base/generated.js';
import type { OutputFile } from '../src/core/write/output-file.js';

type Node = DefaultTreeAdapterMap['childNode'];
type Element = DefaultTreeAdapterMap['element'];

/** Every element of the parsed page, in document order. */
function elements(html: string): Element[] {
  const out: Element[] = [];
  const walk = (node: { childNodes?: Node[] }): void => {
    for (const c of node.childNodes ?? []) {
      if ('tagName' in c) {
        out.push(c);
        walk(c);
      }
    }
  };
  walk(parse(html));
  return out;
}

const attr = (el: Element, name: string): string | undefined => el.attrs.find((a) => (a.prefix ? `${a.prefix}:${a.name}` : a.name) === name)?.value;
const text = (el: Element): string => el.childNodes.map((c) => ('value' in c ? c.value : '')).join('');

function decodeDataUri(uri: string): { type: string; body: string } {
  const m = /^data:([^;,]+)(?:;charset=utf-8)?;base64,(.*)$/s.exec(uri);
  expect(m, uri.slice(0, 60)).not.toBeNull();
  return { type: m![1]!, body: Buffer.from(m![2]!, 'base64').toString('latin1') };
}

const FONT = new Uint8Array([0x77, 0x4f, 0x46, 0x32, 0x00, 0xff]);
const PNG = new Uint8Array([0x89, 0x50, 0x4e, 0x47]);

function site(files: Record<string, string | { copyFrom: string }>): Map<string, OutputFile> {
  return new Map(Object.entries(files).map(([k, v]) => [k, typeof v === 'string' ? { content: v } : v]));
}

const read = (path: string): Uint8Array => {
  if (path === '/pkg/font.woff2') return FONT;
  if (path === '/pkg/photo.png') return PNG;
  if (path === '/pkg/lib.js') return new TextEncoder().encode('\ufeffwindow.lib = "</script><!-- <script>";');
  throw new Error(`unexpected read of ${path}`);
};

const PAGE = `<!doctype html>
<html lang="de"><head><meta charset="utf-8"><meta name="generator" content="talkdeck">
<title>T</title>
<link rel="stylesheet" href="theme/main.css" media="screen">
<link rel="canonical" href="https://example.org/talk">
<link rel="icon" href="favicon.png">
</head><body>
<img src="assets/photo%20one.png" alt="Photo"><img srcset="assets/photo%20one.png 1x, assets/photo%20one.png 2x" alt="">
<div style="background: url('assets/photo%20one.png') no-repeat"></div>
<svg><image xlink:href="assets/photo%20one.png"/><use href="#m"/></svg>
<section data-background-image="assets/photo%20one.png"></section>
<a href="https://example.org/source">source</a> <a href="#/slide-2">next</a>
<style>.x { background: url(assets/photo%20one.png) }</style>
<script src="lib.js" defer integrity="sha-xyz"></script>
<script>Reveal.initialize({});</script>
</body></html>
`;

const FILES = site({
  'index.html': PAGE,
  'theme/main.css': '@import "parts/base.css" screen;\n@font-face { font-family: X; src: url("fonts/x.woff2") format("woff2"); }\nbody { color: red; }',
  'theme/parts/base.css': 'h1 { background: url(../../assets/photo%20one.png); }',
  'theme/fonts/x.woff2': { copyFrom: '/pkg/font.woff2' },
  'assets/photo one.png': { copyFrom: '/pkg/photo.png' },
  'favicon.png': { copyFrom: '/pkg/photo.png' },
  'lib.js': { copyFrom: '/pkg/lib.js' },
});

describe('inlineSingleFile', () => {
  const { html, warnings } = inlineSingleFile({ files: FILES, read });
  const els = elements(html);

  it('turns stylesheets into <style>, keeping media, with fonts and imports as data URIs', () => {
    expect(els.filter((e) => e.tagName === 'link' && attr(e, 'rel') === 'stylesheet')).toHaveLength(0);
    const style = els.find((e) => e.tagName === 'style' && attr(e, 'media') === 'screen')!;
    const css = text(style);
    expect(css).toContain('body { color: red; }');
    const font = /url\("(data:font\/woff2[^"]+)"\)/.exec(css)![1]!;
    expect(decodeDataUri(font)).toEqual({ type: 'font/woff2', body: Buffer.from(FONT).toString('latin1') });
    const imported = /@import (?:url\()?"(data:text\/css[^"]+)"\)? screen;/.exec(css)![1]!;
    const base = decodeDataUri(imported);
    // The imported sheet's own url() was resolved against its folder before it was inlined.
    expect(decodeDataUri(/url\("([^"]+)"\)/.exec(base.body)![1]!).type).toBe('image/png');
  });

  it('inlines scripts so that their text cannot end the element early', () => {
    const scripts = els.filter((e) => e.tagName === 'script');
    expect(scripts).toHaveLength(2);
    expect(scripts.map((s) => attr(s, 'src'))).toEqual([undefined, undefined]);
    expect(attr(scripts[0]!, 'integrity')).toBeUndefined();
    // The byte order mark is gone, `</script` and `<!--` are escaped as JavaScript that means the same.
    expect(text(scripts[0]!)).toBe('window.lib = "\\x3C/script>\\x3C!-- <script>";');
    expect(new Function('window', text(scripts[0]!).replace('window.lib =', 'return')).call(null, {})).toBe('</script><!-- <script>');
    expect(text(scripts[1]!)).toBe('Reveal.initialize({});');
  });

  it('makes every loaded file a data URI: img, srcset, style attributes, SVG images, slide backgrounds, icons, <style> elements', () => {
    const png = (uri: string | undefined) => decodeDataUri(uri!).type === 'image/png';
    const img = els.filter((e) => e.tagName === 'img');
    expect(png(attr(img[0]!, 'src'))).toBe(true);
    const candidates = attr(img[1]!, 'srcset')!.split(/,\s+/).map((c) => c.split(/\s+/));
    expect(candidates.map((c) => c[1])).toEqual(['1x', '2x']);
    expect(candidates.every((c) => png(c[0]))).toBe(true);
    expect(png(/url\("([^"]+)"\)/.exec(attr(els.find((e) => e.tagName === 'div')!, 'style')!)?.[1])).toBe(true);
    expect(png(attr(els.find((e) => e.tagName === 'image')!, 'xlink:href'))).toBe(true);
    expect(png(attr(els.find((e) => e.tagName === 'section')!, 'data-background-image'))).toBe(true);
    expect(png(attr(els.find((e) => attr(e, 'rel') === 'icon')!, 'href'))).toBe(true);
    const own = els.filter((e) => e.tagName === 'style').find((e) => text(e).startsWith('.x'))!;
    expect(png(/url\("([^"]+)"\)/.exec(text(own))?.[1])).toBe(true);
  });

  it('leaves links, anchors and in-page references alone', () => {
    expect(attr(els.find((e) => attr(e, 'rel') === 'canonical')!, 'href')).toBe('https://example.org/talk');
    expect(els.filter((e) => e.tagName === 'a').map((a) => attr(a, 'href'))).toEqual(['https://example.org/source', '#/slide-2']);
    expect(attr(els.find((e) => e.tagName === 'use')!, 'href')).toBe('#m');
    expect(warnings).toEqual([]);
  });

  it('keeps everything else byte for byte and is deterministic', () => {
    expect(html.startsWith('<!doctype html>\n<html lang="de"><head><meta charset="utf-8"><meta name="generator" content="talkdeck">\n<title>T</title>\n<style media="screen">')).toBe(true);
    expect(html.endsWith('<script>Reveal.initialize({});</script>\n</body></html>\n')).toBe(true);
    expect(inlineSingleFile({ files: FILES, read }).html).toBe(html);
    expect(isTalkdeckHtml(html)).toBe(true);
  });

  it('warns about network and missing references and leaves them as they are', () => {
    const files = site({
      'index.html': '<html><head><link rel="stylesheet" href="s.css"></head><body><img src="gone.png"><script src="https://cdn.example/x.js"></script></body></html>',
      's.css': '@import url("https://fonts.example/css?family=X"); a { background: url(gone.png) }',
    });
    const result = inlineSingleFile({ files, read });
    expect(result.warnings.map((w) => [w.code, w.severity])).toEqual([
      ['remote-resource', 'warning'],
      ['missing-file', 'warning'], // from s.css
      ['missing-file', 'warning'], // from index.html: each referrer is named
      ['remote-resource', 'warning'],
    ]);
    expect(result.warnings[0]!.message).toContain('https://fonts.example/css?family=X');
    expect(result.warnings[1]!.message).toContain('gone.png');
    const out = elements(result.html);
    expect(attr(out.find((e) => e.tagName === 'img')!, 'src')).toBe('gone.png');
    expect(attr(out.find((e) => e.tagName === 'script')!, 'src')).toBe('https://cdn.example/x.js');
  });

  it('says that a background video stays outside: reveal.js splits its attribute at commas, as a data: URI has', () => {
    const files = site({
      'index.html': '<html><body><section data-background-video="assets/clip.webm" data-background-video-loop></section></body></html>',
      'assets/clip.webm': { copyFrom: '/pkg/photo.png' },
    });
    const result = inlineSingleFile({ files, read });
    expect(result.warnings.map((w) => [w.code, w.severity, w.message, w.hint])).toEqual([
      [
        'missing-file',
        'warning',
        'The background video `assets/clip.webm` cannot be carried inside the single file (reveal.js reads the attribute as a list split at commas, which a data: URI has); the slide shows without it',
        'show the built folder (talkdeck build) for the video, or keep assets/clip.webm next to the single file',
      ],
    ]);
    expect(attr(elements(result.html).find((e) => e.tagName === 'section')!, 'data-background-video')).toBe('assets/clip.webm');
  });
});

describe('isTalkdeckHtml', () => {
  it('recognises the generator meta in the head only', () => {
    expect(isTalkdeckHtml('<!doctype html><html><head><meta name="generator" content="talkdeck"></head></html>')).toBe(true);
    expect(isTalkdeckHtml('<html><head><meta name="generator" content="Hugo"></head></html>')).toBe(false);
    expect(isTalkdeckHtml('<html><body><meta name="generator" content="talkdeck"></body></html>')).toBe(false);
    expect(isTalkdeckHtml('My notes, not HTML at all')).toBe(false);
  });
});
