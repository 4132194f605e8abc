/**
 * Which files a built deck needs besides index.html, and where they come from. Only the files
 * the deck uses are listed; all of them come from installed packages or the deck folder, so
 * the output works from file:// with no network.
 */
import { TalkdeckError } from '../../base/errors.js';
import type { DeckModel } from '../../model/types.js';
import { ASSETS } from '../../base/resources.js';
import { fontFaceCss, fontFiles, subsetsFor } from '../../base/font-subsets.js';
import { OFFLINE_REVEAL_THEMES, THEMES } from '../../deck/themes.js';

export interface AssetRoots {
  /** `dirname(require.resolve('reveal.js'))`: reveal.js's dist folder. */
  reveal: string;
  /** talkdeck's templates/themes folder. */
  themes: string;
  /** talkdeck's templates/plugins folder: its own reveal.js plugins (classic scripts). */
  plugins: string;
  /** The @fontsource/source-sans-3 `files` folder. */
  fonts: string;
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

const FONT_CSS = 'theme/fonts.css';

/**
 * The briefing theme's fonts for a rendered page: theme/fonts.css and the files it names, for
 * the subsets the page's text needs (its notes and any text of the deck's own templates
 * included). Other themes bring their own fonts: nothing.
 */
export function planFonts(model: DeckModel, roots: AssetRoots, pageHtml: string): { css?: { to: string; content: string }; copies: AssetCopy[] } {
  if (model.theme !== 'briefing') return { copies: [] };
  const subsets = subsetsFor(pageHtml);
  return {
    css: { to: FONT_CSS, content: fontFaceCss(subsets) },
    copies: fontFiles(subsets).map((font) => ({ to: `theme/fonts/${font}`, from: `${roots.fonts}/${font}` })),
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
    ...OWN_PLUGINS.map((p) => ({ to: `plugin/${p.file}`, from: `${roots.plugins}/${p.file}` })),
    { to: 'theme/layouts.css', from: `${roots.themes}/layouts.css` },
  ];
  const styles = ['reveal/reset.css', 'reveal/reveal.css'];
  if (model.theme === 'briefing') {
    copies.push({ to: 'theme/briefing.css', from: `${roots.themes}/briefing.css` });
    // The fonts' licence (SIL OFL) travels with them; the fonts themselves with planFonts.
    copies.push({ to: 'theme/fonts/LICENSE', from: `${roots.fonts}/../LICENSE` });
    styles.push('theme/layouts.css', FONT_CSS, 'theme/briefing.css');
  } else if ((OFFLINE_REVEAL_THEMES as readonly string[]).includes(model.theme)) {
    copies.push({ to: `theme/${model.theme}.css`, from: `${roots.reveal}/theme/${model.theme}.css` });
    styles.push(`theme/${model.theme}.css`, 'theme/layouts.css');
  } else {
    throw new TalkdeckError({
      code: 'theme',
      message: `Theme \`${model.theme}\` is not available offline`,
      hint: `use one of: ${THEMES.join(', ')}; put your own CSS in style.css next to deck.yaml`,
    });
  }
  // Build-time code highlighting and math need only their style sheets (and KaTeX its fonts).
  if (model.uses.code && roots.highlightStyles) {
    const style = model.theme === 'black' || model.theme === 'black-contrast' ? 'github-dark' : 'github';
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
    styles,
    scripts: ['reveal/reveal.js', ...PLUGINS.map((p) => `reveal/plugin/${p.file}`), ...OWN_PLUGINS.map((p) => `plugin/${p.file}`)],
    plugins: [...PLUGINS, ...OWN_PLUGINS].map((p) => p.global),
  };
}
