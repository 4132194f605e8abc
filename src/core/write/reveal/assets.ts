/**
 * Which files a built deck needs besides index.html, and where they come from. Only the files
 * the deck uses are listed; all of them come from installed packages or the deck folder, so
 * the output works from file:// with no network.
 */
import { TalkdeckError } from '../../base/errors.js';
import type { DeckModel } from '../../model/types.js';
import { ASSETS } from '../../base/resources.js';
import { fontFaceCss, fontFiles, subsetsFor } from '../../base/font-subsets.js';
import { DARK_THEMES, REVEAL_THEMES, unknownThemeHint } from '../../deck/themes.js';
import { hasWebFonts, themeFontFaces, themeFontPackages, withoutWebFonts } from './theme-fonts.js';

export interface AssetRoots {
  /** `dirname(require.resolve('reveal.js'))`: reveal.js's dist folder. */
  reveal: string;
  /** talkdeck's templates/themes folder. */
  themes: string;
  /** talkdeck's templates/plugins folder: its own reveal.js plugins (classic scripts). */
  plugins: string;
  /** The @fontsource/source-sans-3 `files` folder. */
  fonts: string;
  /** The folder of an installed @fontsource package (`lato` → …/node_modules/@fontsource/lato). */
  fontPackage: (id: string) => string;
  /** Reads an installed package's file as text (a reveal.js theme to take offline). */
  readText: (path: string) => string;
  /** The deck folder. */
  deck: string;
  /** KaTeX's dist folder and the font files in its `fonts/` (listed by the shell; the core reads no folder). */
  katex?: { dir: string; fonts: readonly string[] } | undefined;
  /** highlight.js's `styles` folder. */
  highlightStyles?: string | undefined;
}

export interface AssetCopy {
  /** Path inside the output folder, with `/`. */
  to: string;
  /** Absolute source path. */
  from: string;
}

export interface AssetPlan {
  copies: AssetCopy[];
  /** Files made from installed ones (a reveal.js theme without its Google Fonts imports). */
  made: { to: string; content: string }[];
  styles: string[];
  scripts: string[];
  plugins: string[];
}

/** reveal.js's own plugins. Its notes plugin is replaced by talkdeck's speaker view (below). */
const PLUGINS = [
  { file: 'zoom.js', global: 'RevealZoom' },
  { file: 'search.js', global: 'RevealSearch' },
];

/**
 * talkdeck's plugins, from templates/plugins/: slide numbers for the backup part (A1, A2, …),
 * the localized speaker view (press S), and shrinking a slide that overflows to fit (as the
 * PowerPoint export does).
 */
const OWN_PLUGINS = [
  { file: 'slide-labels.js', global: 'TalkdeckSlideLabels' },
  { file: 'speaker-view.js', global: 'TalkdeckSpeakerView' },
  { file: 'fit.js', global: 'TalkdeckFit' },
];
/**
 * Scripts of talkdeck's own that are not reveal.js plugins: the speaker view's window (its
 * markup and the script that runs in it, which speaker-view.js writes into the popup) and its
 * extensions (each registers itself before Reveal.initialize): the rehearsal mode, in every build.
 */
const OWN_SCRIPTS = ['speaker-window.js', 'speaker-rehearsal.js'];
/** The speaker view's change marks: only in a build that compares with an earlier version (`--since`). */
const CHANGE_SCRIPTS = ['speaker-changes.js'];
const ownScripts = (model: DeckModel): string[] => (model.changes ? [...OWN_SCRIPTS, ...CHANGE_SCRIPTS] : OWN_SCRIPTS);

const FONT_CSS = 'theme/fonts.css';

/**
 * The theme's fonts for a rendered page: theme/fonts.css and the files it names, for the subsets
 * the page's text needs (its notes and any text of the deck's own templates included). The
 * briefing theme's Source Sans 3, or the faces a reveal.js theme would load from Google Fonts;
 * the other reveal.js themes embed their fonts or use the computer's: nothing.
 */
export function planFonts(model: DeckModel, roots: AssetRoots, pageHtml: string): { css?: { to: string; content: string }; copies: AssetCopy[] } {
  if (model.theme === 'briefing') {
    const subsets = subsetsFor(pageHtml);
    return {
      css: { to: FONT_CSS, content: fontFaceCss(subsets) },
      copies: fontFiles(subsets).map((font) => ({ to: `theme/fonts/${font}`, from: `${roots.fonts}/${font}` })),
    };
  }
  const faces = themeFontFaces(model.theme, pageHtml);
  if (!faces) return { copies: [] };
  return {
    css: { to: FONT_CSS, content: faces.css },
    copies: faces.files.map(({ file, from }) => ({ to: `theme/fonts/${file}`, from: `${roots.fontPackage(from)}/files/${file}` })),
  };
}

/**
 * `deckFiles`: the deck folder's files the page needs (images, style.css and what it refers to),
 * checked by the resource rule (core/base/resources.ts). They keep their relative paths under
 * `assets/`, so a stylesheet's relative `url()`s work unchanged.
 */
export function planAssets(model: DeckModel, roots: AssetRoots, opts: { deckStyle: boolean; deckFiles?: readonly string[] }): AssetPlan {
  const copies: AssetCopy[] = [
    { to: 'reveal/reset.css', from: `${roots.reveal}/reset.css` },
    { to: 'reveal/reveal.css', from: `${roots.reveal}/reveal.css` },
    { to: 'reveal/reveal.js', from: `${roots.reveal}/reveal.js` },
    ...PLUGINS.map((p) => ({ to: `reveal/plugin/${p.file}`, from: `${roots.reveal}/plugin/${p.file}` })),
    ...[...OWN_PLUGINS.map((p) => p.file), ...ownScripts(model)].map((file) => ({ to: `plugin/${file}`, from: `${roots.plugins}/${file}` })),
    { to: 'theme/layouts.css', from: `${roots.themes}/layouts.css` },
  ];
  const made: AssetPlan['made'] = [];
  const styles = ['reveal/reset.css', 'reveal/reveal.css'];
  if (model.theme === 'briefing') {
    copies.push({ to: 'theme/briefing.css', from: `${roots.themes}/briefing.css` });
    // The fonts' licence (SIL OFL) travels with them; the fonts themselves with planFonts.
    copies.push({ to: 'theme/fonts/LICENSE', from: `${roots.fonts}/../LICENSE` });
    styles.push('theme/layouts.css', FONT_CSS, 'theme/briefing.css');
  } else if ((REVEAL_THEMES as readonly string[]).includes(model.theme)) {
    const theme = `${roots.reveal}/theme/${model.theme}.css`;
    if (hasWebFonts(model.theme)) {
      made.push({ to: `theme/${model.theme}.css`, content: withoutWebFonts(model.theme, roots.readText(theme)) });
      // Each font package's licence (SIL OFL, or the Ubuntu Font Licence) travels with its fonts.
      for (const id of themeFontPackages(model.theme)) copies.push({ to: `theme/fonts/LICENSE-${id}`, from: `${roots.fontPackage(id)}/LICENSE` });
      styles.push(FONT_CSS);
    } else {
      copies.push({ to: `theme/${model.theme}.css`, from: theme });
    }
    styles.push(`theme/${model.theme}.css`, 'theme/layouts.css');
  } else {
    throw new TalkdeckError({
      code: 'theme',
      message: `Theme \`${model.theme}\` is not one of talkdeck's themes`,
      hint: unknownThemeHint(model.theme),
    });
  }
  // Build-time code highlighting and math need only their style sheets (and KaTeX its fonts).
  if (model.uses.code && roots.highlightStyles) {
    const style = DARK_THEMES.includes(model.theme) ? 'github-dark' : 'github';
    copies.push({ to: `highlight/${style}.css`, from: `${roots.highlightStyles}/${style}.css` });
    copies.push({ to: 'highlight/LICENSE', from: `${roots.highlightStyles}/../LICENSE` });
    styles.push(`highlight/${style}.css`);
  }
  if (model.uses.math && roots.katex) {
    copies.push({ to: 'katex/katex.min.css', from: `${roots.katex.dir}/katex.min.css` });
    for (const font of roots.katex.fonts) copies.push({ to: `katex/fonts/${font}`, from: `${roots.katex.dir}/fonts/${font}` });
    copies.push({ to: 'katex/LICENSE', from: `${roots.katex.dir}/../LICENSE` });
    styles.push('katex/katex.min.css');
  }
  if (opts.deckStyle) styles.push(`${ASSETS}style.css`);
  for (const file of opts.deckFiles ?? model.assets) copies.push({ to: ASSETS + file, from: `${roots.deck}/${file}` });
  return {
    copies,
    made,
    styles,
    scripts: [
      'reveal/reveal.js',
      ...PLUGINS.map((p) => `reveal/plugin/${p.file}`),
      ...OWN_PLUGINS.map((p) => `plugin/${p.file}`),
      ...ownScripts(model).map((file) => `plugin/${file}`),
    ],
    plugins: [...PLUGINS, ...OWN_PLUGINS].map((p) => p.global),
  };
}
