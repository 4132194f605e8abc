/**
 * Which files a built deck needs besides index.html, and where they come from. Only the files
 * the deck uses are listed; all of them come from installed packages or the deck folder, so
 * the output works from file:// with no network.
 */
import { TalkdeckError } from '../errors.js';
import type { DeckModel } from '../model.js';
import { BRIEFING_FONTS } from './fonts.js';

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

/** reveal.js themes that embed their fonts; the others @import Google Fonts and break offline. */
export const OFFLINE_REVEAL_THEMES = ['white', 'black', 'white-contrast', 'black-contrast'] as const;
export const THEMES = ['briefing', ...OFFLINE_REVEAL_THEMES] as const;


/** reveal.js's own plugins. Its notes plugin is replaced by talkdeck's speaker view (below). */
const PLUGINS = [
  { file: 'zoom.js', global: 'RevealZoom' },
  { file: 'search.js', global: 'RevealSearch' },
];

/** talkdeck's plugins, from templates/plugins/: the localized speaker view (press S). */
const OWN_PLUGINS = [{ file: 'speaker-view.js', global: 'TalkdeckSpeakerView' }];

export function planAssets(model: DeckModel, roots: AssetRoots, opts: { deckStyle: boolean }): AssetPlan {
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
    for (const font of BRIEFING_FONTS) copies.push({ to: `theme/fonts/${font}`, from: `${roots.fonts}/${font}` });
    // The fonts' licence (SIL OFL) travels with them.
    copies.push({ to: 'theme/fonts/LICENSE', from: `${roots.fonts}/../LICENSE` });
    styles.push('theme/layouts.css', 'theme/briefing.css');
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
  if (opts.deckStyle) {
    copies.push({ to: 'style.css', from: `${roots.deck}/style.css` });
    styles.push('style.css');
  }
  for (const asset of model.assets) copies.push({ to: `assets/${asset}`, from: `${roots.deck}/${asset}` });
  return {
    copies,
    styles,
    scripts: ['reveal/reveal.js', ...PLUGINS.map((p) => `reveal/plugin/${p.file}`), ...OWN_PLUGINS.map((p) => `plugin/${p.file}`)],
    plugins: [...PLUGINS, ...OWN_PLUGINS].map((p) => p.global),
  };
}
