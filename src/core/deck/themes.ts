/** The themes a deck may name in `theme:`: talkdeck's own and reveal.js's, every one offline. */
import { suggest } from '../base/suggest.js';

/**
 * reveal.js 6's themes (its dist/theme/*.css): the twelve reveal-md decks name, and the two
 * high-contrast variants. The web fonts eight of them would load from Google Fonts come from
 * @fontsource packages instead (write/reveal/theme-fonts.ts).
 */
export const REVEAL_THEMES = [
  'beige',
  'black',
  'black-contrast',
  'blood',
  'dracula',
  'league',
  'moon',
  'night',
  'serif',
  'simple',
  'sky',
  'solarized',
  'white',
  'white-contrast',
] as const;
export const THEMES = ['briefing', ...REVEAL_THEMES] as const;

/**
 * Themes with light text on a dark background: code is highlighted for a dark background, and
 * charts take the light series colours (templates/themes/layouts.css lists the same names).
 */
export const DARK_THEMES: readonly string[] = ['black', 'black-contrast', 'blood', 'dracula', 'league', 'moon', 'night'];

/** How to fix a `theme:` talkdeck does not have: the likely one meant, and the list. */
export function unknownThemeHint(name: unknown): string {
  const guess = typeof name === 'string' ? suggest(name.replace(/\.css$/i, ''), THEMES) : undefined;
  return `${guess ? `did you mean \`${guess}\`? ` : ''}themes: ${THEMES.join(', ')}; for a look of your own, put CSS in style.css next to the deck`;
}
