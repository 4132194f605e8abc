// Scripts beyond Latin (issue 10): every subset of Source Sans 3 can ship with the briefing theme,
// declared with its unicode-range; a deck carries the subsets its text uses, and text no shipped
// font draws is a lint finding.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import postcss from 'postcss';
import { describe, expect, it } from 'vitest';
import { uncovered } from '../src/core/lint/rules/font-coverage.js';
import { BRIEFING_FONTS, fontFaceCss, fontFiles, FONT_SUBSETS, isCovered, subsetsFor, unicodeRange } from '../src/core/base/font-subsets.js';
import { buildFolder, fixture, ROOT } from './helpers/build.js';

/** The @font-face rules of a style sheet, as property → value. */
function fontFaces(css: string): Record<string, string>[] {
  const faces: Record<string, string>[] = [];
  postcss.parse(css).walkAtRules('font-face', (rule) => {
    const face: Record<string, string> = {};
    rule.walkDecls((d) => {
      face[d.prop] = d.value;
    });
    faces.push(face);
  });
  return faces;
}

const fileOf = (face: Record<string, string>): string => /url\("fonts\/([^"]+)"\)/.exec(face.src!)![1]!;
const fontsIn = (files: Iterable<string>): string[] =>
  [...files].filter((f) => f.startsWith('theme/fonts/') && f.endsWith('.woff2')).map((f) => f.slice('theme/fonts/'.length)).sort();

describe('the briefing theme’s fonts', () => {
  it('declares every file of the subsets once, with the unicode-range @fontsource gives its subset', () => {
    const faces = fontFaces(fontFaceCss(FONT_SUBSETS));
    expect(faces.map(fileOf).sort()).toEqual([...BRIEFING_FONTS].sort());
    for (const f of faces) {
      const subset = FONT_SUBSETS.find((s) => f.src!.includes(`source-sans-3-${s}-`) && !f.src!.includes(`${s}-ext-`))!;
      expect(f['unicode-range']!.replace(/\s/g, ''), f.src).toBe(unicodeRange(subset));
    }
    expect(BRIEFING_FONTS.filter((f) => /greek|cyrillic|vietnamese/.test(f)).length).toBe(20);
    // The theme itself names no font file: only the generated fonts.css does, for files that ship.
    expect(fontFaces(readFileSync(join(ROOT, 'templates/themes/briefing.css'), 'utf8'))).toEqual([]);
  });

  it('a deck in Greek, Cyrillic and Vietnamese carries those subsets, and its fonts.css names exactly its files', async () => {
    const build = await buildFolder(fixture('lint/font-coverage-ok'));
    expect(build.errors).toEqual([]);
    // No polytonic Greek (U+1F00–1FFF) in it: that subset stays home. ґ (U+0491) is in both
    // Cyrillic ranges, and a browser loads every face whose range holds a character it shows.
    expect(fontsIn(build.files.keys())).toEqual(fontFiles(['latin', 'latin-ext', 'greek', 'cyrillic', 'cyrillic-ext', 'vietnamese']).sort());
    const css = build.files.get('theme/fonts.css')!;
    expect(fontFaces('content' in css ? String(css.content) : '').map(fileOf).sort()).toEqual(fontsIn(build.files.keys()));
    expect(build.warnings.filter((w) => w.code === 'font-coverage')).toEqual([]);
  });

  it('a Latin deck carries the four Latin faces only', async () => {
    const build = await buildFolder(fixture('minimal'));
    expect(build.errors).toEqual([]);
    expect(fontsIn(build.files.keys())).toEqual(fontFiles(['latin']).sort());
    const css = build.files.get('theme/fonts.css')!;
    expect(fontFaces('content' in css ? String(css.content) : '').map(fileOf).sort()).toEqual(fontFiles(['latin']).sort());
  });

  it('picks a subset for each script the text uses', () => {
    expect(subsetsFor('Bogotá, Äußerungen – “Zitat” …')).toEqual(['latin']);
    expect(subsetsFor('Łódź')).toEqual(['latin', 'latin-ext']);
    expect(subsetsFor('Ελλάδα')).toEqual(['latin', 'greek']);
    expect(subsetsFor('Россия')).toEqual(['latin', 'cyrillic']);
    expect(subsetsFor('Hà Nội')).toEqual(['latin', 'vietnamese']);
    expect(subsetsFor('日本')).toEqual(['latin']);
    // Every script is found wherever it first appears, after the search for another one.
    expect(subsetsFor(`${'x'.repeat(100_000)}Ж — ${'y'.repeat(1000)} ω 😀 Ạ`)).toEqual(['latin', 'greek', 'cyrillic', 'vietnamese']);
  });

  it('covers Greek, Cyrillic, Vietnamese and Latin Extended letters, not CJK or emoji', () => {
    for (const c of 'ΑωЖжґĐđươẠỹŁ') expect(isCovered(c.codePointAt(0)!), c).toBe(true);
    for (const c of ['日', '한', 'ع', '🎉']) expect(isCovered(c.codePointAt(0)!), c).toBe(false);
    expect(uncovered('Japan — 日本, → ✓ 🎉🎉')).toEqual(['日', '本', '🎉']);
  });
});

describe('lint: font-coverage', () => {
  it('names the slide and the characters, and suggests a fallback font', async () => {
    const build = await buildFolder(fixture('lint/font-coverage-missing'));
    const [cjk, emoji] = build.warnings.filter((w) => w.code === 'font-coverage');
    expect(cjk!.message).toBe('Slide 2 has characters no font talkdeck ships can draw: “日” U+65E5, “本” U+672C, “한” U+D55C, “국” U+AD6D');
    expect(cjk!.hint).toContain('Chinese, Japanese or Korean: e.g. Noto Sans CJK');
    expect(cjk!.hint).toContain('style.css');
    expect(emoji!.message).toContain('Slide 3 has characters');
    expect(emoji!.hint).toContain('emoji');
  });
});
