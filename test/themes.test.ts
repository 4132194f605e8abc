// reveal.js's themes as talkdeck ships them, checked against the installed reveal.js and
// @fontsource packages (so an upgrade of either that changes what a theme needs fails here):
// every theme is offered, none loads anything from the network once taken offline, each gets
// exactly the faces its Google Fonts import asked for, every font file it can name exists, and
// the colours the theme-contrast rule judges are the theme's own.
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import postcss from 'postcss';
import { describe, expect, it } from 'vitest';
import { contrastRatio, isDark, parseHexColour, type Rgb } from '../src/core/base/colour.js';
import { DARK_THEMES, REVEAL_THEMES } from '../src/core/deck/themes.js';
import { THEME_COLOURS, worstContrast } from '../src/core/lint/rules/theme-contrast.js';
import { hasWebFonts, themeFontFaces, themeFontPackages, withoutWebFonts } from '../src/core/write/reveal/theme-fonts.js';
import { ROOT } from './helpers/build.js';

const require = createRequire(import.meta.url);
const themeDir = join(dirname(require.resolve('reveal.js')), 'theme');
const themeCss = (name: string): string => readFileSync(join(themeDir, `${name}.css`), 'utf8');
const fontPackage = (id: string): string => dirname(require.resolve(`@fontsource/${id}`));

/** `:root` custom properties of a minified reveal.js theme. */
const root = (theme: string): Record<string, string> =>
  Object.fromEntries(
    /:root\{([^}]*)\}/
      .exec(themeCss(theme))![1]!
      .split(';')
      .map((d) => [d.slice(0, d.indexOf(':')).trim(), d.slice(d.indexOf(':') + 1).trim()]),
  );
const rgb = (hex: string): Rgb => parseHexColour(hex)!;

/** `Open+Sans:400,700,400italic` → Open Sans 400, 700, 400i, as the Google Fonts URL asks. */
function imported(css: string): Map<string, string[]> {
  const families = new Map<string, string[]>();
  for (const [, url] of css.matchAll(/@import\s+["'](https:\/\/fonts\.googleapis\.com\/[^"']+)["']/g)) {
    for (const spec of new URL(url!).searchParams.get('family')!.split('|')) {
      const [family, weights = '400'] = spec.split(':');
      families.set(family!, weights.split(',').map((w) => w.replace('italic', 'i')));
    }
  }
  return families;
}

/** The faces a theme's fonts.css declares, per family, for Latin text. */
function declared(theme: string): Map<string, string[]> {
  const families = new Map<string, string[]>();
  for (const [, family, style, weight] of themeFontFaces(theme, 'latin text')!.css.matchAll(/font-family: "([^"]+)"; font-style: (\w+); font-weight: (\d+)/g)) {
    families.set(family!, [...(families.get(family!) ?? []), `${weight}${style === 'italic' ? 'i' : ''}`]);
  }
  return families;
}

describe('reveal.js themes', () => {
  it('are all offered, by the names reveal.js gives them', () => {
    const installed = readdirSync(themeDir).filter((f) => f.endsWith('.css')).map((f) => f.replace(/\.css$/, '')).sort();
    expect([...REVEAL_THEMES].sort()).toEqual(installed);
  });

  it.each(REVEAL_THEMES)('%s: loads nothing from the network once taken offline', (theme) => {
    const css = themeCss(theme);
    expect(hasWebFonts(theme)).toBe(/@import/.test(css) || theme === 'beige');
    const offline = hasWebFonts(theme) ? withoutWebFonts(theme, css) : css;
    expect(offline).not.toMatch(/@import|https?:|\/\/fonts\./);
  });

  it('refuse a theme that loads anything but Google Fonts', () => {
    expect(() => withoutWebFonts('night', '@import "https://example.org/x.css";:root{}')).toThrow(/loads something other than Google Fonts/);
    expect(() => withoutWebFonts('night', '@import "https://fonts.googleapis.com/css?family=A";a{background:url(https://example.org/x.png)}')).toThrow();
    expect(withoutWebFonts('night', '@import "https://fonts.googleapis.com/css?family=A";@import url(https://fonts.googleapis.com/css?family=B);a{b:c}')).toBe('a{b:c}');
  });

  it.each(REVEAL_THEMES.filter((t) => hasWebFonts(t) && t !== 'beige'))('%s: gets exactly the faces its Google Fonts import asks for (Quicksand has no italic)', (theme) => {
    const asked = imported(themeCss(theme));
    const quicksand = asked.get('Quicksand');
    if (quicksand) asked.set('Quicksand', quicksand.filter((f) => !f.endsWith('i')));
    const got = declared(theme);
    expect([...got.keys()].sort()).toEqual([...asked.keys()].sort());
    for (const [family, faces] of asked) expect(got.get(family)!.sort(), family).toEqual(faces.sort());
  });

  it('beige: the Source Sans Pro it names (never loaded online), in white.css’s faces, and not the Lato it imports unused', () => {
    expect(themeCss('beige')).toMatch(/--r-main-font:"Source Sans Pro"/);
    expect(themeCss('beige')).not.toMatch(/font-family:\s*"?Lato/i);
    expect(Object.fromEntries(declared('beige'))).toEqual({ 'Source Sans Pro': ['400', '400i', '600', '600i'] });
  });

  it.each(REVEAL_THEMES.filter(hasWebFonts))('%s: every font file it can name is in its package, with the licence beside it', (theme) => {
    // One character of every subset of every package: the page that needs them all.
    const text = themeFontPackages(theme)
      .flatMap((id) => Object.values(JSON.parse(readFileSync(join(fontPackage(id), 'unicode.json'), 'utf8')) as Record<string, string>))
      .map((range) => {
        const first = range.split(',').map((r) => parseInt(r.trim().slice(2).split('-')[0]!, 16)).find((cp) => cp >= 0x20 && (cp < 0x7f || cp >= 0xa0))!;
        return String.fromCodePoint(first);
      })
      .join('');
    const { files } = themeFontFaces(theme, text)!;
    expect(files.length).toBeGreaterThan(themeFontPackages(theme).length);
    for (const { file, from } of files) expect(existsSync(join(fontPackage(from), 'files', file)), file).toBe(true);
    for (const id of themeFontPackages(theme)) expect(existsSync(join(fontPackage(id), 'LICENSE')), id).toBe(true);
  });

  it('count as dark exactly the themes with a dark background', () => {
    expect(REVEAL_THEMES.filter((t) => isDark(rgb(root(t)['--r-background-color']!)))).toEqual(DARK_THEMES);
  });

  it('ship Latin alone for Latin text, and Latin Extended when the text needs it', () => {
    expect(themeFontFaces('night', '<p>Hello</p>\n')!.files.map((f) => f.file)).toEqual([
      'montserrat-latin-700-normal.woff2',
      'open-sans-latin-400-normal.woff2',
      'open-sans-latin-700-normal.woff2',
      'open-sans-latin-400-italic.woff2',
      'open-sans-latin-700-italic.woff2',
    ]);
    expect(themeFontFaces('moon', 'Łódź')!.files.map((f) => f.file)).toContain('lato-latin-ext-400-normal.woff2');
    expect(themeFontFaces('white', 'anything')).toBeUndefined();
  });
});

describe('the colours the theme-contrast rule judges', () => {
  /** What layouts.css sets for one theme by its class. */
  const adjusted = (theme: string): Record<string, string> => {
    const out: Record<string, string> = {};
    postcss.parse(readFileSync(join(ROOT, 'templates/themes/layouts.css'), 'utf8')).walkRules((rule) => {
      if (rule.selectors.includes(`.reveal.td-theme-${theme}`)) rule.walkDecls(/^--r-/, (d) => void (out[d.prop] = d.value));
    });
    return out;
  };

  it.each(REVEAL_THEMES)('%s: are the ones in its CSS, with talkdeck’s adjustments', (theme) => {
    const vars = { ...root(theme), ...adjusted(theme) };
    const gradient = /gradient\(/.test(vars['--r-background']!) ? [...vars['--r-background']!.matchAll(/#[0-9a-f]{3,6}\b/gi)].map((m) => m[0]) : [];
    expect(THEME_COLOURS[theme]).toEqual({ background: [vars['--r-background-color'], ...gradient], text: vars['--r-main-color'], link: vars['--r-link-color'] });
  });

  it('leave talkdeck’s muted text at 4.5:1, or at the body text where the theme has less', () => {
    const layouts = readFileSync(join(ROOT, 'templates/themes/layouts.css'), 'utf8');
    const plain = /^\.reveal\.td-theme-[^{]*\{ --td-muted: var\(--r-main-color\); \}$/m.exec(layouts)![0];
    for (const theme of REVEAL_THEMES) {
      const { background, text } = THEME_COLOURS[theme]!;
      // --td-muted: 75 % of the text colour over the background (layouts.css), unless overridden.
      const mixed = rgb(text).map((v, i) => Math.round(v * 0.75 + rgb(background[0]!)[i]! * 0.25)) as Rgb;
      const mutedIsText = plain.includes(`.td-theme-${theme},`) || plain.includes(`.td-theme-${theme} `);
      const muted = Math.min(...background.map((b) => contrastRatio(mutedIsText ? rgb(text) : mixed, rgb(b))));
      const body = worstContrast(text, background).ratio;
      expect(muted, theme).toBeGreaterThanOrEqual(Math.min(4.5, body) - 0.005);
      // Kept at the body colour only where the mix would fall short.
      if (mutedIsText) expect(Math.min(...background.map((b) => contrastRatio(mixed, rgb(b)))), theme).toBeLessThan(4.5);
    }
  });

  it('keep github’s darker built-in colour off the dark themes, which load github-dark', () => {
    const layouts = readFileSync(join(ROOT, 'templates/themes/layouts.css'), 'utf8');
    const not = /^\.reveal:not\(([^)]*)\) :is\(\.hljs-built_in/m.exec(layouts)![1]!;
    expect(not.split(',').map((s) => s.trim().replace('.td-theme-', ''))).toEqual(DARK_THEMES);
  });
});
