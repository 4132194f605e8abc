/** The themes a deck may name in `theme:`: talkdeck's own and the reveal.js themes that work offline. */

/** reveal.js themes that embed their fonts; the others @import Google Fonts and break offline. */
export const OFFLINE_REVEAL_THEMES = ['white', 'black', 'white-contrast', 'black-contrast'] as const;
export const THEMES = ['briefing', ...OFFLINE_REVEAL_THEMES] as const;
