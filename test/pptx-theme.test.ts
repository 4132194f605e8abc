import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { REVEAL_THEMES } from '../src/core/deck/themes.js';
import { themeFor } from '../src/core/write/pptx/decide/theme.js';
import { revealRoot } from '../src/shell/paths.js';

const revealDist = join(revealRoot(), 'theme');

/** A reveal.js theme's own colour variable, as six upper-case hex digits. */
function revealColor(theme: string, variable: string): string {
  const css = readFileSync(join(revealDist, `${theme}.css`), 'utf8');
  const value = new RegExp(`--r-${variable}:\\s*#([0-9a-f]{3}|[0-9a-f]{6})\\b`, 'i').exec(css)?.[1];
  if (!value) throw new Error(`${theme}.css has no --r-${variable}`);
  return (value.length === 3 ? [...value].map((c) => c + c).join('') : value).toUpperCase();
}

describe('PowerPoint theme of each reveal.js theme', () => {
  it.each(REVEAL_THEMES)('%s: a palette of its own, its background, text and headings', (name) => {
    const { name: themeName, colors } = themeFor(name);
    expect(themeName).toBe(`talkdeck ${name.replace('-', ' ')}`);
    expect(colors.lt1).toBe(revealColor(name, 'background-color'));
    expect(colors.dk1).toBe(revealColor(name, 'main-color'));
    expect(colors.dk2).toBe(revealColor(name, 'heading-color'));
  });

  // white-contrast darkens its link below reveal.js's #2a76dd so that it passes 4.5:1 on white.
  it.each(REVEAL_THEMES.filter((t) => t !== 'white-contrast'))('%s: links in the theme’s link colour', (name) => {
    expect(themeFor(name).colors.hlink).toBe(revealColor(name, 'link-color'));
  });

  it('sets a serif theme in a serif font, so a missing font is replaced by a serif', () => {
    expect(themeFor('serif').font).toMatchObject({ typeface: 'Palatino Linotype', pitchFamily: 18 });
    expect(themeFor('league').font).toMatchObject({ pitchFamily: 34 });
  });
});
