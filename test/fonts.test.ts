// Scripts beyond Latin (issue 10): every subset of Source Sans 3 ships with the briefing theme,
// declared with its unicode-range, and text no shipped font draws is a lint finding.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import postcss from 'postcss';
import { describe, expect, it } from 'vitest';
import { uncovered } from '../src/core/lint/rules/font-coverage.js';
import { BRIEFING_FONTS, FONT_SUBSETS, isCovered, unicodeRange } from '../src/core/render/fonts.js';
import { buildFolder, fixture, ROOT } from './helpers/build.js';

describe('the briefing theme’s fonts', () => {
  const css = postcss.parse(readFileSync(join(ROOT, 'templates/themes/briefing.css'), 'utf8'));
  const faces: Record<string, string>[] = [];
  css.walkAtRules('font-face', (rule) => {
    const face: Record<string, string> = {};
    rule.walkDecls((d) => {
      face[d.prop] = d.value;
    });
    faces.push(face);
  });

  it('declares every shipped file once, with the unicode-range @fontsource gives its subset', () => {
    expect(faces.map((f) => /url\("fonts\/([^"]+)"\)/.exec(f.src!)![1]).sort()).toEqual([...BRIEFING_FONTS].sort());
    for (const f of faces) {
      const subset = FONT_SUBSETS.find((s) => f.src!.includes(`source-sans-3-${s}-`) && !f.src!.includes(`${s}-ext-`))!;
      expect(f['unicode-range']!.replace(/\s/g, ''), f.src).toBe(unicodeRange(subset));
    }
    expect(BRIEFING_FONTS.filter((f) => /greek|cyrillic|vietnamese/.test(f)).length).toBe(20);
  });

  it('a built deck carries the Greek, Cyrillic and Vietnamese files its CSS names', async () => {
    const build = await buildFolder(fixture('lint/font-coverage-ok'));
    expect(build.errors).toEqual([]);
    for (const font of BRIEFING_FONTS) expect([...build.files.keys()]).toContain(`theme/fonts/${font}`);
    expect(build.warnings.filter((w) => w.code === 'font-coverage')).toEqual([]);
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
