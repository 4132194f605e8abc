/**
 * `talkdeck pptx`: the briefing and the example deck exported by the real CLI, read back (unzip,
 * parse every XML part) and held against the HTML deck built from the same content; its notes
 * pages printed by LibreOffice (the slides themselves: pptx-render.test.ts).
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { DOMParser, type Document, type Element } from '@xmldom/xmldom';
import { parse as parseHtml, type HTMLElement } from 'node-html-parser';
import { PDFDocument } from 'pdf-lib';
import { characterMap } from '../src/core/write/pptx/ooxml/font-merge.js';
import { readZip } from '../src/core/write/pptx/ooxml/zip.js';
import { runCli, tempProject } from './helpers/cli.js';

const A = 'http://schemas.openxmlformats.org/drawingml/2006/main';
const P = 'http://schemas.openxmlformats.org/presentationml/2006/main';
const R = 'http://schemas.openxmlformats.org/officeDocument/2006/relationships';
const PR = 'http://schemas.openxmlformats.org/package/2006/relationships';
const CT = 'http://schemas.openxmlformats.org/package/2006/content-types';

const DECKS = [
  { name: 'kolumbien-nato', lang: 'de-DE' },
  { name: 'example', lang: 'en-US' },
] as const;

let dir: string;
beforeAll(async () => {
  dir = tempProject(DECKS.map((d) => ({ name: d.name, from: `content/${d.name}` })));
  const runs = await Promise.all([
    runCli(dir, ['build']),
    runCli(dir, ['pptx', '--out', 'first']),
    runCli(dir, ['pptx', '--out', 'second']),
  ]);
  for (const r of runs) expect(r.stderr + r.stdout).not.toContain('error');
  for (const r of runs) expect(r.code).toBe(0);
}, 120_000);
afterAll(() => rmSync(dir, { recursive: true, force: true }));

/** Strict XML: any well-formedness problem fails the test. */
function xml(text: string, where: string): Document {
  return new DOMParser({
    onError: (level, message) => {
      if (level !== 'warning') throw new Error(`${where}: ${message}`);
    },
  }).parseFromString(text, 'text/xml');
}

const squash = (s: string): string => s.replace(/\s+/g, ' ').trim();
const els = (node: Document | Element, ns: string, name: string): Element[] => Array.from(node.getElementsByTagNameNS(ns, name)) as Element[];
const textOf = (node: Document | Element): string =>
  squash(
    els(node, A, 'p')
      .map((p) => els(p, A, 't').map((t) => t.textContent ?? '').join(''))
      .join(' '),
  );

interface Package {
  files: Map<string, Uint8Array>;
  part(path: string): Document;
  rels(path: string): { id: string; type: string; target: string; external: boolean }[];
  /** Slide part paths in presentation order. */
  slides: string[];
  notesOf(slide: string): string | undefined;
}

function resolvePart(from: string, target: string): string {
  const parts = from.split('/').slice(0, -1);
  for (const seg of target.split('/')) {
    if (seg === '..') parts.pop();
    else if (seg !== '.') parts.push(seg);
  }
  return parts.join('/');
}

function open(file: string): Package {
  const files = readZip(readFileSync(file))!;
  expect(files).toBeDefined();
  // Parsed once: the map slide alone has ~180 freeforms, and most tests read every slide.
  const parsed = new Map<string, Document>();
  const part = (path: string): Document => {
    const bytes = files.get(path);
    if (!bytes) throw new Error(`missing part ${path}`);
    if (!parsed.has(path)) parsed.set(path, xml(Buffer.from(bytes).toString('utf8'), path));
    return parsed.get(path)!;
  };
  const rels = (path: string) => {
    const relsPath = path.replace(/([^/]+)$/, '_rels/$1.rels');
    if (!files.has(relsPath)) return [];
    return els(part(relsPath), PR, 'Relationship').map((r) => ({
      id: r.getAttribute('Id')!,
      type: r.getAttribute('Type')!.split('/').pop()!,
      target: r.getAttribute('TargetMode') === 'External' ? r.getAttribute('Target')! : resolvePart(path, r.getAttribute('Target')!),
      external: r.getAttribute('TargetMode') === 'External',
    }));
  };
  const presRels = rels('ppt/presentation.xml');
  const slides = els(part('ppt/presentation.xml'), P, 'sldId').map((s) => presRels.find((r) => r.id === s.getAttributeNS(R, 'id'))!.target);
  const notesOf = (slide: string) => rels(slide).find((r) => r.type === 'notesSlide')?.target;
  return { files, part, rels, slides, notesOf };
}

/** Code blocks are markup like any other (node-html-parser keeps <pre> as raw text by default). */
const HTML_OPTIONS = { blockTextElements: { script: true, noscript: true, style: true } };

function htmlSlides(deck: string): HTMLElement[] {
  const doc = parseHtml(readFileSync(join(dir, 'dist', deck, 'index.html'), 'utf8'), HTML_OPTIONS);
  // Leaf slides: a vertical stack's wrapper <section> holds slides of its own.
  return doc.querySelectorAll('section.td-slide');
}

/** The words a reader sees on an HTML slide (not its notes, not the map's SVG title). */
function visibleWords(section: HTMLElement): string[] {
  // Cells and list items are words of their own even where the markup has no space between them.
  const copy = parseHtml(section.outerHTML.replace(/></g, '> <'), HTML_OPTIONS);
  // The chart's data table is for screen readers; in PowerPoint the numbers are the chart's own.
  for (const hidden of copy.querySelectorAll('aside.notes, svg, [aria-hidden="true"], .td-sr-only')) hidden.remove();
  // A formula is its TeX source on a PowerPoint slide (KaTeX keeps it as the MathML annotation).
  for (const math of copy.querySelectorAll('.katex')) {
    math.set_content((math.querySelector('annotation')?.textContent ?? '').replace(/&/g, '&amp;').replace(/</g, '&lt;'));
  }
  return words(copy.textContent);
}

const words = (text: string): string[] =>
  squash(text)
    .split(' ')
    .map((w) => w.replace(/^[„“”"‚‘’'(\[]+|[„“”"‚‘’')\].,;:!?]+$/g, ''))
    .filter(Boolean);

describe.each(DECKS)('talkdeck pptx $name', ({ name, lang }) => {
  let pkg: Package;
  let html: HTMLElement[];
  beforeAll(() => {
    pkg = open(join(dir, 'first', `${name}.pptx`));
    html = htmlSlides(name);
  });

  it('is byte-identical when exported twice', () => {
    expect(readFileSync(join(dir, 'second', `${name}.pptx`)).equals(readFileSync(join(dir, 'first', `${name}.pptx`)))).toBe(true);
  });

  it('is a complete package: every part typed, every XML part well formed, every relationship resolved', () => {
    const types = pkg.part('[Content_Types].xml');
    const defaults = new Set(els(types, CT, 'Default').map((d) => d.getAttribute('Extension')));
    const overrides = new Set(els(types, CT, 'Override').map((o) => o.getAttribute('PartName')!.slice(1)));
    for (const path of pkg.files.keys()) {
      if (path === '[Content_Types].xml') continue;
      expect(overrides.has(path) || defaults.has(path.split('.').pop()!), path).toBe(true);
      if (/\.(xml|rels)$/.test(path)) pkg.part(path);
    }
    for (const part of overrides) expect(pkg.files.has(part), part).toBe(true);
    for (const path of pkg.files.keys()) {
      for (const rel of pkg.rels(path)) if (!rel.external) expect(pkg.files.has(rel.target), `${path} → ${rel.target}`).toBe(true);
      // Every r:id used in a part is one of its relationships.
      if (!path.endsWith('.xml') || path.includes('_rels')) continue;
      const ids = new Set(pkg.rels(path).map((r) => r.id));
      const used = Buffer.from(pkg.files.get(path)!).toString('utf8').match(/r:(?:id|embed)="[^"]+"/g) ?? [];
      for (const u of used) expect(ids.has(u.split('"')[1]!), `${path}: ${u}`).toBe(true);
    }
  });

  it('has one slide per HTML slide, in the same order, each with its text as text', () => {
    expect(pkg.slides.length).toBe(html.length);
    pkg.slides.forEach((path, i) => {
      const slide = pkg.part(path);
      const have = new Set(words(textOf(slide)));
      const missing = visibleWords(html[i]!).filter((w) => !have.has(w));
      expect(missing, `slide ${i + 1} (${html[i]!.getAttribute('data-layout')})`).toEqual([]);
      // No picture where the HTML slide has none: text stays text.
      expect(els(slide, P, 'pic').length, `pictures on slide ${i + 1}`).toBe(html[i]!.querySelectorAll('img').length);
    });
  });

  it('puts every title in a title placeholder of a real layout', () => {
    const layoutTypes = new Set<string>();
    pkg.slides.forEach((path, i) => {
      const heading = html[i]!.querySelector('.td-title');
      const layout = pkg.rels(path).find((r) => r.type === 'slideLayout')!.target;
      layoutTypes.add(pkg.part(layout).documentElement!.getAttribute('type') ?? 'cust');
      if (!heading) return;
      const titles = els(pkg.part(path), P, 'sp').filter((sp) => els(sp, P, 'ph').some((ph) => /^(title|ctrTitle)$/.test(ph.getAttribute('type') ?? '')));
      expect(titles.length, `slide ${i + 1}`).toBe(1);
      expect(textOf(titles[0]!)).toBe(squash(heading.textContent));
    });
    expect([...layoutTypes]).toEqual(expect.arrayContaining(['title', 'secHead', 'obj']));
  });

  it('writes bullet points as paragraphs with levels in the body placeholder', () => {
    const nested = html.findIndex((s) => s.querySelector('.td-points li ul'));
    expect(nested).toBeGreaterThan(-1);
    const body = els(pkg.part(pkg.slides[nested]!), P, 'sp').find((sp) => els(sp, P, 'ph').some((ph) => ph.getAttribute('idx') === '1'))!;
    const levels = els(body, A, 'p').map((p) => Number(els(p, A, 'pPr')[0]?.getAttribute('lvl') ?? 0));
    const items = html[nested]!.querySelectorAll('.td-points li');
    expect(levels.length).toBe(items.length);
    expect(levels).toEqual(items.map((li) => (li.parentNode?.parentNode?.tagName === 'LI' ? 1 : 0)));
  });

  it('keeps the speaker notes, paragraph by paragraph, on the notes pages', () => {
    let withNotes = 0;
    pkg.slides.forEach((path, i) => {
      const aside = html[i]!.querySelector('aside.notes');
      const notes = pkg.notesOf(path);
      if (!aside) return expect(notes, `slide ${i + 1}`).toBeUndefined();
      withNotes++;
      expect(notes, `slide ${i + 1}`).toBeDefined();
      const body = els(pkg.part(notes!), P, 'sp').find((sp) => els(sp, P, 'ph').some((ph) => ph.getAttribute('type') === 'body'))!;
      expect(textOf(body)).toBe(squash(aside.querySelectorAll('p, li').map((p) => (p.tagName === 'LI' ? `• ${p.textContent}` : p.textContent)).join(' ')));
      expect(els(body, A, 'p').length).toBe(aside.querySelectorAll('p, li').length);
    });
    expect(withNotes).toBeGreaterThan(5);
  });

  it(`tags every run of slides and notes with ${lang}`, () => {
    const parts = [...pkg.files.keys()].filter((p) => /^ppt\/(slides|notesSlides)\/[^/]+\.xml$/.test(p));
    let runs = 0;
    for (const path of parts) {
      const doc = pkg.part(path);
      for (const tag of ['rPr', 'endParaRPr']) {
        for (const r of els(doc, A, tag)) {
          runs++;
          expect(r.getAttribute('lang'), path).toBe(lang);
        }
      }
      for (const r of els(doc, A, 'r')) expect(els(r, A, 'rPr').length, path).toBe(1);
    }
    expect(runs).toBeGreaterThan(100);
  });

  it('draws the map as a group of freeform shapes, one per country, with the legend as text', () => {
    const i = html.findIndex((s) => s.getAttribute('data-layout') === 'map');
    const slide = pkg.part(pkg.slides[i]!);
    const group = els(slide, P, 'grpSp').find((g) => els(g, A, 'custGeom').length > 100)!;
    expect(group).toBeDefined();
    const countries = els(group, P, 'sp').filter((sp) => els(sp, A, 'custGeom').length === 1);
    expect(countries.length).toBeGreaterThan(150);
    expect(new Set(countries.map((c) => els(c, P, 'cNvPr')[0]!.getAttribute('name'))).size).toBe(countries.length);
    for (const label of html[i]!.querySelectorAll('.td-legend li')) expect(textOf(slide)).toContain(squash(label.textContent));
    expect(els(slide, P, 'pic')).toEqual([]);
  });

  it('takes its colours and fonts from the theme, so a new colour scheme recolours the slides', () => {
    const theme = pkg.part('ppt/theme/theme1.xml');
    const accent = els(theme, A, 'accent1')[0]!;
    expect(els(accent, A, 'srgbClr')[0]!.getAttribute('val')).toBe('0B4F9C');
    expect(els(els(theme, A, 'minorFont')[0]!, A, 'latin')[0]!.getAttribute('typeface')).toBe('Source Sans 3');
    // Only a slide's own background colour is a literal colour.
    for (const path of pkg.slides) {
      const literal = els(pkg.part(path), A, 'srgbClr').filter((c) => (c.parentNode?.parentNode?.parentNode as Element | null)?.localName !== 'bg');
      expect(literal, path).toEqual([]);
    }
  });

  it('shows the marking in the footer and the slide number as a field on every slide', () => {
    const marking = squash(html[0]!.querySelector('.td-marking')?.textContent ?? '') || squash(readFileSync(join(dir, 'dist', name, 'index.html'), 'utf8').match(/class="td-marking"[^>]*>([^<]+)</)?.[1] ?? '');
    expect(marking).not.toBe('');
    for (const path of pkg.slides) {
      const slide = pkg.part(path);
      const footer = els(slide, P, 'sp').find((sp) => els(sp, P, 'ph').some((ph) => ph.getAttribute('type') === 'ftr'));
      expect(footer && textOf(footer), path).toBe(marking);
    }
    // The talk's slides read "3 / 26", the number a field PowerPoint keeps right, the total the
    // talk's slides without the backup part; backup slides show their label (A1, …).
    const talk = html.filter((s) => !s.hasAttribute('data-backup')).length;
    expect(talk).toBeLessThan(html.length);
    pkg.slides.forEach((path, i) => {
      const slide = pkg.part(path);
      const number = els(slide, P, 'sp').find((sp) => els(sp, P, 'ph').some((ph) => ph.getAttribute('type') === 'sldNum'))!;
      if (html[i]!.hasAttribute('data-backup')) {
        expect(els(number, A, 'fld')).toEqual([]);
        expect(textOf(number)).toBe(html[i]!.getAttribute('data-label'));
      } else {
        const fields = els(number, A, 'fld');
        expect(fields.map((f) => f.getAttribute('type'))).toEqual(['slidenum']);
        expect(els(fields[0]!, A, 't')[0]!.textContent).toBe(html[i]!.getAttribute('data-label'));
        expect(textOf(number)).toBe(`${html[i]!.getAttribute('data-label')} / ${talk}`);
      }
    });
  });
});

describe('talkdeck pptx, the embedded font (briefing)', () => {
  let pkg: Package;
  beforeAll(() => {
    pkg = open(join(dir, 'first', 'kolumbien-nato.pptx'));
  });

  it('lists Source Sans 3 with its faces in p:embeddedFontLst, between the notes size and the default text style', () => {
    const presentation = pkg.part('ppt/presentation.xml').documentElement!;
    expect(presentation.getAttribute('embedTrueTypeFonts')).toBe('1');
    const children = Array.from(presentation.childNodes).filter((n): n is Element => n.nodeType === 1).map((n) => n.localName);
    expect(children.slice(children.indexOf('notesSz'), children.indexOf('defaultTextStyle') + 1)).toEqual(['notesSz', 'embeddedFontLst', 'defaultTextStyle']);
    const fonts = els(presentation as unknown as Element, P, 'embeddedFont');
    expect(fonts.length).toBe(1);
    expect(els(fonts[0]!, P, 'font')[0]!.getAttribute('typeface')).toBe('Source Sans 3');
    // The faces the briefing uses: text, titles and emphasis (no bold italic).
    const faces = Array.from(fonts[0]!.childNodes).filter((n): n is Element => n.nodeType === 1 && (n as Element).localName !== 'font');
    expect(faces.map((f) => f.localName)).toEqual(['regular', 'bold', 'italic']);
    const rels = pkg.rels('ppt/presentation.xml');
    for (const face of faces) {
      const rel = rels.find((r) => r.id === face.getAttributeNS(R, 'id'))!;
      expect(rel.type).toBe('font');
      expect(rel.target).toMatch(/^ppt\/fonts\/font\d\.fntdata$/);
    }
    const types = pkg.part('[Content_Types].xml');
    expect(els(types, CT, 'Default').find((d) => d.getAttribute('Extension') === 'fntdata')?.getAttribute('ContentType')).toBe('application/x-fontdata');
  });

  it('stores each face as Embedded OpenType, named and weighted as the face, covering every letter of the deck', () => {
    const rels = pkg.rels('ppt/presentation.xml').filter((r) => r.type === 'font');
    const expected = [
      { style: 'Regular', weight: 400, italic: 0 },
      { style: 'Bold', weight: 700, italic: 0 },
      { style: 'Italic', weight: 400, italic: 1 },
    ];
    const letters = new Set([...pkg.slides.map((path) => textOf(pkg.part(path))).join('')].filter((ch) => /\p{L}/u.test(ch)));
    expect(letters.has('ă')).toBe(true); // Geoană: a letter of the Latin Extended subset
    rels.forEach((rel, i) => {
      const eot = Buffer.from(pkg.files.get(rel.target)!);
      // W3C EOT: sizes, version 2.1, no compression, the magic number.
      expect(eot.readUInt32LE(0)).toBe(eot.length);
      const fontData = eot.readUInt32LE(4);
      expect(eot.readUInt32LE(8)).toBe(0x00020001);
      expect(eot.readUInt32LE(12)).toBe(0);
      expect(eot.readUInt16LE(34)).toBe(0x504c);
      expect({ weight: eot.readUInt32LE(28), italic: eot.readUInt8(27) }).toEqual({ weight: expected[i]!.weight, italic: expected[i]!.italic });
      // Family, style, version and full name, each a UTF-16LE string after its size.
      let at = 82;
      const names: string[] = [];
      for (let n = 0; n < 4; n++) {
        const size = eot.readUInt16LE(at);
        names.push(eot.toString('utf16le', at + 2, at + 2 + size));
        at += 2 + size + 2;
      }
      expect(names[0]).toBe('Source Sans 3');
      expect(names[1]).toBe(expected[i]!.style);
      const sfnt = eot.subarray(eot.length - fontData);
      expect(sfnt.readUInt32BE(0)).toBe(0x00010000); // TrueType outlines
      const cmap = characterMap(Buffer.from(sfnt));
      expect([...letters].filter((ch) => !cmap.has(ch.codePointAt(0)!))).toEqual([]);
    });
  });
});

describe('talkdeck pptx, details of the example deck', () => {
  let pkg: Package;
  let html: HTMLElement[];
  beforeAll(() => {
    pkg = open(join(dir, 'first', 'example.pptx'));
    html = htmlSlides('example');
  });

  it('reveals step-by-step points one click at a time', () => {
    const i = html.findIndex((s) => s.querySelector('.fragment'));
    const slide = pkg.part(pkg.slides[i]!);
    const ranges = els(slide, P, 'pRg').map((r) => [Number(r.getAttribute('st')), Number(r.getAttribute('end'))]);
    expect(ranges).toEqual(html[i]!.querySelectorAll('.fragment').map((_, n) => [n, n]));
    expect(els(slide, P, 'cTn').filter((c) => c.getAttribute('nodeType') === 'clickEffect').length).toBe(ranges.length);
  });

  it('gives the picture its alt text and a real PNG next to the SVG', () => {
    const i = html.findIndex((s) => s.querySelector('img'));
    const path = pkg.slides[i]!;
    const pic = els(pkg.part(path), P, 'pic')[0]!;
    expect(els(pic, P, 'cNvPr')[0]!.getAttribute('descr')).toBe(html[i]!.querySelector('img')!.getAttribute('alt'));
    const rels = pkg.rels(path);
    const raster = rels.find((r) => r.id === els(pic, A, 'blip')[0]!.getAttributeNS(R, 'embed'))!.target;
    const png = Buffer.from(pkg.files.get(raster)!);
    expect(png.subarray(1, 4).toString('latin1')).toBe('PNG');
    expect(png.readUInt32BE(16)).toBeGreaterThan(1000); // rendered, not a stand-in
    const svgId = Buffer.from(pkg.files.get(path)!).toString('utf8').match(/svgBlip[^>]*r:embed="([^"]+)"/)![1];
    expect(Buffer.from(pkg.files.get(rels.find((r) => r.id === svgId)!.target)!).toString('utf8')).toContain('<svg');
  });

  it('lists the sources as a numbered list with working hyperlinks', () => {
    const i = html.findIndex((s) => s.getAttribute('data-layout') === 'sources');
    const path = pkg.slides[i]!;
    const slide = pkg.part(path);
    expect(els(slide, A, 'buAutoNum').length).toBe(html[i]!.querySelectorAll('.td-sources li').length);
    const links = els(slide, A, 'hlinkClick').map((h) => pkg.rels(path).find((r) => r.id === h.getAttributeNS(R, 'id'))!);
    expect(links.filter((l) => l.external).map((l) => l.target)).toEqual(html[i]!.querySelectorAll('.td-sources a').map((a) => a.getAttribute('href')));
  });
});

describe('talkdeck pptx, tables and charts (test/fixtures/numbers)', () => {
  let pkg: Package;
  let html: HTMLElement[];
  let project: string;
  beforeAll(async () => {
    project = tempProject([{ name: 'numbers', from: 'test/fixtures/numbers' }]);
    const [built, exported] = await Promise.all([runCli(project, ['build']), runCli(project, ['pptx'])]);
    expect(built.code, built.stderr).toBe(0);
    expect(exported.code, exported.stderr).toBe(0);
    const doc = parseHtml(readFileSync(join(project, 'dist/numbers/index.html'), 'utf8'));
    html = doc.querySelectorAll('.slides > section');
    pkg = open(join(project, 'dist/numbers.pptx'));
  }, 120_000);
  afterAll(() => rmSync(project, { recursive: true, force: true }));

  it('writes a table as a native table, cell by cell', () => {
    const i = html.findIndex((s) => s.getAttribute('data-layout') === 'table');
    const tbl = els(pkg.part(pkg.slides[i]!), A, 'tbl')[0]!;
    const rows = els(tbl, A, 'tr').map((tr) => els(tr, A, 'tc').map((tc) => textOf(tc)));
    const expected = html[i]!.querySelectorAll('table.td-table tr').map((tr) => tr.querySelectorAll('th, td').map((c) => squash(c.textContent)));
    expect(rows).toEqual(expected);
    const highlighted = html[i]!.querySelectorAll('table.td-table tbody tr').findIndex((tr) => tr.classList.contains('td-highlight'));
    if (highlighted >= 0) {
      const row = els(tbl, A, 'tr')[highlighted + 1]!;
      expect(els(row, A, 'rPr').every((r) => r.getAttribute('b') === '1')).toBe(true);
    }
  });

  it('writes every chart kind as a native chart with its data in an embedded workbook', () => {
    const kinds: string[] = [];
    html.forEach((section, i) => {
      if (section.getAttribute('data-layout') !== 'chart') return;
      const path = pkg.slides[i]!;
      const frame = els(pkg.part(path), A, 'graphicData').find((g) => g.getAttribute('uri')?.endsWith('/chart'))!;
      expect(frame, `slide ${i + 1}`).toBeDefined();
      const chartPath = pkg.rels(path).find((r) => r.id === els(frame, 'http://schemas.openxmlformats.org/drawingml/2006/chart', 'chart')[0]!.getAttributeNS(R, 'id'))!.target;
      const C = 'http://schemas.openxmlformats.org/drawingml/2006/chart';
      const chart = pkg.part(chartPath);
      const bar = els(chart, C, 'barChart')[0];
      kinds.push(bar ? `${els(bar, C, 'barDir')[0]!.getAttribute('val')}-${els(bar, C, 'grouping')[0]!.getAttribute('val')}` : els(chart, C, 'lineChart').length ? 'line' : '?');
      // The numbers of the HTML's data table, series by series.
      const data = section.querySelectorAll('table.td-chart-data tbody tr').map((tr) => tr.querySelectorAll('td').map((td) => td.textContent));
      const values = els(chart, C, 'ser').map((ser) => els(els(ser, C, 'val')[0]!, C, 'v').map((v) => Number(v.textContent)));
      expect(values[0]!.length).toBe(data.length);
      expect(values.length).toBe(data[0]!.length);
      const workbook = pkg.rels(chartPath).find((r) => r.type === 'package')!.target;
      const sheet = Buffer.from(readZip(pkg.files.get(workbook)!)!.get('xl/worksheets/sheet1.xml')!).toString('utf8');
      for (const v of values.flat()) expect(sheet).toContain(`<v>${v}</v>`);
    });
    expect(kinds).toEqual(expect.arrayContaining(['col-clustered', 'bar-clustered', 'col-stacked', 'line']));
  });

  it('gives slides their own background, with light text on a dark one', () => {
    const i = html.findIndex((s) => s.getAttribute('data-background-color'));
    const slide = pkg.part(pkg.slides[i]!);
    expect(els(slide, P, 'bg').length).toBe(1);
    expect(els(slide, A, 'overrideClrMapping')[0]?.getAttribute('tx1')).toBe('lt1');
  });
});

describe('talkdeck pptx, slide sizes (test/fixtures/pdf-size at 4:3, pptx-stress at 16:10)', () => {
  let project: string;
  beforeAll(async () => {
    project = tempProject([
      { name: 'four-three', from: 'test/fixtures/pdf-size' },
      { name: 'sixteen-ten', from: 'test/fixtures/pptx-stress' },
    ]);
    const r = await runCli(project, ['pptx']);
    expect(r.code, r.stderr).toBe(0);
    // The deck's size is carried over: no warning that the file is 16:9.
    expect(r.stderr).not.toContain('16:9');
  }, 120_000);
  afterAll(() => rmSync(project, { recursive: true, force: true }));

  it.each([
    ['four-three', { cx: '9144000', cy: '6858000', type: 'screen4x3' }, '4:3'],
    ['sixteen-ten', { cx: '12192000', cy: '7620000', type: null }, '16:10'],
  ] as const)('writes %s at its own size, with the notes page showing it at its aspect', (name, size, format) => {
    const pkg = open(join(project, 'dist', `${name}.pptx`));
    const sldSz = els(pkg.part('ppt/presentation.xml'), P, 'sldSz')[0]!;
    expect({ cx: sldSz.getAttribute('cx'), cy: sldSz.getAttribute('cy'), type: sldSz.getAttribute('type') || null }).toEqual(size);
    const image = els(pkg.part('ppt/notesMasters/notesMaster1.xml'), P, 'sp').find((sp) => els(sp, P, 'ph')[0]?.getAttribute('type') === 'sldImg')!;
    const ext = els(image, A, 'ext')[0]!;
    expect(Number(ext.getAttribute('cx')) / Number(ext.getAttribute('cy'))).toBeCloseTo(Number(size.cx) / Number(size.cy), 3);
    expect(els(pkg.part('docProps/app.xml'), 'http://schemas.openxmlformats.org/officeDocument/2006/extended-properties', 'PresentationFormat')[0]!.textContent).toContain(format);
  });
});

describe('talkdeck pptx, transitions (test/fixtures/pptx-transitions)', () => {
  let project: string;
  let r: Awaited<ReturnType<typeof runCli>>;
  beforeAll(async () => {
    project = tempProject([{ name: 'transitions', from: 'test/fixtures/pptx-transitions' }]);
    r = await runCli(project, ['pptx']);
  }, 120_000);
  afterAll(() => rmSync(project, { recursive: true, force: true }));

  it("gives each slide PowerPoint's transition for the deck's or its own, at the deck's speed", () => {
    expect(r.code, r.stderr).toBe(0);
    const pkg = open(join(project, 'dist/transitions.pptx'));
    const effects = pkg.slides.map((path) => {
      const transition = els(pkg.part(path), P, 'transition')[0];
      if (!transition) return 'none';
      const effect = Array.from(transition.childNodes).find((n): n is Element => n.nodeType === 1)!;
      return `${effect.localName}${effect.getAttribute('dir') ? ` ${effect.getAttribute('dir')}` : ''} ${transition.getAttribute('spd')}`;
    });
    // convex (the deck's) → push; fade; zoom; none; concave → push; slide → push from the right.
    expect(effects).toEqual(['push l slow', 'fade slow', 'zoom in slow', 'none', 'push l slow', 'push l slow']);
    // In the slide's sequence (CT_Slide): after the colour map, before the timing.
    for (const path of pkg.slides) {
      const children = Array.from(pkg.part(path).documentElement!.childNodes).filter((n): n is Element => n.nodeType === 1).map((n) => n.localName);
      const at = children.indexOf('transition');
      if (at >= 0) expect(children.slice(at - 1, at + 1), path).toEqual(['clrMapOvr', 'transition']);
    }
  });

  it('warns, at the line that asks for it, where PowerPoint has no such transition', () => {
    const warnings = r.stderr.split('\n').filter((l) => l.includes('[pptx-unsupported]'));
    expect(warnings).toEqual([
      expect.stringMatching(/^content\/transitions\/deck\.yaml:6:\d+: warning: PowerPoint has no `convex` transition.*\(transition\)/),
      expect.stringMatching(/^content\/transitions\/deck\.yaml:22:\d+: warning: PowerPoint has no `concave` transition.*\(slides\[4\]\.transition\)/),
    ]);
    expect(r.stdout).toContain('✓ transitions: 6 slides');
  });
});

describe('talkdeck pptx, in-deck links (test/fixtures/issue-18)', () => {
  it('links to the slide an address names, and leaves an address with a broken escape as plain text', async () => {
    const project = tempProject([{ name: 'links', from: 'test/fixtures/issue-18' }]);
    try {
      const r = await runCli(project, ['pptx']);
      expect(r.code, r.stderr).toBe(0);
      expect(r.stderr).not.toContain('URIError');
      const pkg = open(join(project, 'dist/links.pptx'));
      const runText = (run: Element) => els(run, A, 't').map((t) => t.textContent).join('');
      expect(pkg.slides.map((path) => els(pkg.part(path), A, 'r').filter((run) => els(run, A, 'hlinkClick').length).map(runText))).toEqual([['good'], []]);
      expect(textOf(pkg.part(pkg.slides[1]!))).toContain('A raw link and a Markdown one.');
    } finally {
      rmSync(project, { recursive: true, force: true });
    }
  });
});

describe('talkdeck pptx, pictures (test/fixtures/pptx-*-image)', { timeout: 60_000 }, () => {
  it('stores a PNG as it is, at its aspect ratio, with its alt text; notes keep their paragraphs', async () => {
    const project = tempProject([{ name: 'raster', from: 'test/fixtures/pptx-raster-image' }]);
    try {
      const r = await runCli(project, ['pptx']);
      expect(r.code, r.stderr).toBe(0);
      const pkg = open(join(project, 'dist/raster.pptx'));
      const path = pkg.slides[0]!;
      const pic = els(pkg.part(path), P, 'pic')[0]!;
      expect(els(pic, P, 'cNvPr')[0]!.getAttribute('descr')).toBe('Un disque orange sur fond bleu.');
      const media = pkg.rels(path).find((rel) => rel.id === els(pic, A, 'blip')[0]!.getAttributeNS(R, 'embed'))!.target;
      expect(Buffer.from(pkg.files.get(media)!).equals(readFileSync('test/fixtures/pptx-raster-image/images/chart.png'))).toBe(true);
      const ext = els(pic, A, 'ext')[0]!;
      expect(Number(ext.getAttribute('cx')) / Number(ext.getAttribute('cy'))).toBeCloseTo(1.5, 2);
      const notes = pkg.part(pkg.notesOf(path)!);
      const body = els(notes, P, 'sp').find((sp) => els(sp, P, 'ph').some((ph) => ph.getAttribute('type') === 'body'))!;
      expect(els(body, A, 'p').map((p) => els(p, A, 't').map((t) => t.textContent).join(''))).toEqual(['Premier paragraphe.', 'Second paragraphe, avec emphase.']);
      expect(els(body, A, 'rPr').filter((rPr) => rPr.getAttribute('i') === '1').length).toBe(1);
      for (const rPr of els(notes, A, 'rPr')) expect(rPr.getAttribute('lang')).toBe('fr-FR');
    } finally {
      rmSync(project, { recursive: true, force: true });
    }
  });

  it('places the pictures of a free-Markdown slide as pictures with their alt text; a remote one leaves its alt text', async () => {
    const project = tempProject([
      { name: 'md', from: 'test/fixtures/md-reveal' },
      { name: 'remote', from: 'test/fixtures/md-remote-image' },
    ]);
    try {
      const r = await runCli(project, ['pptx']);
      expect(r.code, r.stderr).toBe(0);
      const pkg = open(join(project, 'dist/md.pptx'));
      const pictures = pkg.slides.flatMap((path) => els(pkg.part(path), P, 'pic').map((pic) => ({ path, pic })));
      expect(pictures.map(({ pic }) => els(pic, P, 'cNvPr')[0]!.getAttribute('descr'))).toEqual(['Ein blaues Rechteck']);
      const { path, pic } = pictures[0]!;
      const media = pkg.rels(path).find((rel) => rel.id === els(pic, A, 'blip')[0]!.getAttributeNS(R, 'embed'))!.target;
      expect(Buffer.from(pkg.files.get(media)!).subarray(1, 4).toString('latin1')).toBe('PNG');
      // Below the slide's text, not over it.
      const text = els(pkg.part(path), P, 'sp').find((sp) => els(sp, P, 'ph').some((ph) => ph.getAttribute('idx') === '1'))!;
      const y = (el: Element) => Number(els(el, A, 'off')[0]!.getAttribute('y'));
      const h = (el: Element) => Number(els(el, A, 'ext')[0]!.getAttribute('cy'));
      expect(y(pic)).toBeGreaterThanOrEqual(y(text) + h(text));
      const remote = open(join(project, 'dist/remote.pptx'));
      expect(els(remote.part(remote.slides[0]!), P, 'pic')).toEqual([]);
      expect(textOf(remote.part(remote.slides[0]!))).toContain('A chart from the web');
    } finally {
      rmSync(project, { recursive: true, force: true });
    }
  });

  it('refuses an image PowerPoint cannot show, naming it and the deck file, and writes nothing', async () => {
    const project = tempProject([{ name: 'webp', from: 'test/fixtures/pptx-unsupported-image' }]);
    try {
      const expected = JSON.parse(readFileSync('test/fixtures/pptx-unsupported-image/expected-pptx.json', 'utf8')) as { code: string; exit: number };
      const r = await runCli(project, ['pptx']);
      expect(r.code).toBe(expected.exit);
      expect(r.stderr).toContain(`[${expected.code}]`);
      expect(r.stderr).toContain('images/photo.webp');
      expect(r.stderr).toContain('deck.yaml');
      expect(existsSync(join(project, 'dist/webp.pptx'))).toBe(false);
    } finally {
      rmSync(project, { recursive: true, force: true });
    }
  });
});

describe('talkdeck pptx in LibreOffice', () => {
  const soffice = spawnSync('sh', ['-c', 'command -v soffice']).status === 0;

  // Every deck opening with one page per slide, and no text colliding, is test/pptx-render.test.ts.
  it.skipIf(!soffice)('prints the speaker notes on the notes pages', async () => {
    const out = join(dir, 'lo-notes');
    const filter = 'pdf:impress_pdf_Export:{"ExportNotesPages":{"type":"boolean","value":"true"},"ExportOnlyNotesPages":{"type":"boolean","value":"true"}}';
    spawnSync('soffice', [`-env:UserInstallation=file://${join(dir, 'lo-profile-notes')}`, '--headless', '--convert-to', filter, '--outdir', out, join(dir, 'first', 'example.pptx')], {
      encoding: 'utf8',
      timeout: 170_000,
    });
    const pdf = join(out, 'example.pdf');
    expect(existsSync(pdf)).toBe(true);
    expect((await PDFDocument.load(readFileSync(pdf))).getPageCount()).toBe(htmlSlides('example').length);
    const text = spawnSync('pdftotext', [pdf, '-'], { encoding: 'utf8' });
    if (text.status !== 0) return;
    for (const aside of htmlSlides('example').flatMap((s) => s.querySelectorAll('aside.notes p'))) {
      expect(squash(text.stdout)).toContain(squash(aside.textContent).split(' ').slice(0, 4).join(' '));
    }
  }, 180_000);
});

// Each case runs the CLI a few times; on a busy machine one run can take seconds.
describe('talkdeck pptx on the command line', { timeout: 90_000 }, () => {
  it('writes one deck to the file --out names', async () => {
    const r = await runCli(dir, ['pptx', 'example', '--out', 'talk/final.pptx']);
    expect(r.code).toBe(0);
    expect(readZip(readFileSync(join(dir, 'talk/final.pptx')))?.has('ppt/presentation.xml')).toBe(true);
  });

  it('refuses a .pptx --out for several decks', async () => {
    const r = await runCli(dir, ['pptx', '--out', 'both.pptx']);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('names one file');
    expect(existsSync(join(dir, 'both.pptx'))).toBe(false);
  });

  it('never replaces a file talkdeck did not write, unless --force', async () => {
    const target = join(dir, 'mine.pptx');
    writeFileSync(target, 'my own slides');
    const r = await runCli(dir, ['pptx', 'example', '--out', 'mine.pptx']);
    expect(r.code).toBe(1);
    expect(r.stderr).toContain('was not made by talkdeck');
    expect(readFileSync(target, 'utf8')).toBe('my own slides');
    expect((await runCli(dir, ['pptx', 'example', '--out', 'mine.pptx', '--force'])).code).toBe(0);
    // Now it is ours: replaced without --force.
    expect((await runCli(dir, ['pptx', 'example', '--out', 'mine.pptx'])).code).toBe(0);
  });

  it('says where it could not write, and leaves nothing behind', async () => {
    writeFileSync(join(dir, 'a-file'), '');
    const r = await runCli(dir, ['pptx', 'example', '--out', 'a-file/deck.pptx']);
    expect(r.code).toBe(3);
    expect(r.stderr).toMatch(/Could not write a-file\/deck\.pptx/);
    expect(r.stderr).not.toContain('internal error');
  });

  it('lists pptx in --help', async () => {
    const r = await runCli(dir, ['--help']);
    expect(r.stdout).toMatch(/talkdeck pptx \[decks\.\.\]/);
  });
});
