import { contrastRatio, parseHexColour, type Rgb } from '../../base/colour.js';
import type { DeckModel, SlideModel } from '../../model/types.js';
import type { LintRule } from '../types.js';

/**
 * reveal.js themes whose colours fall short of WCAG AA for normal text (4.5:1): solarized's body
 * text, and the link colour of six themes — which talkdeck's layouts also use for accents
 * (timeline dates, figures). Slide text is large, but citations, sources and tables are not,
 * and a projector washes contrast out. Link colours count only when the deck shows a link or an
 * accent text. talkdeck's own muted text follows the body text (templates/themes/layouts.css).
 */
const AA = 4.5;

/**
 * The themes' colours as a deck shows them: reveal.js 6.0.2's dist/theme/*.css (`:root`) with
 * talkdeck's adjustments in templates/themes/layouts.css (white's links a shade darker). The
 * background colour first, then the stops of the gradient drawn over it, if any; text and link
 * colours. test/themes.test.ts reads them again from both files.
 */
export const THEME_COLOURS: Readonly<Record<string, { background: readonly string[]; text: string; link: string }>> = {
  beige: { background: ['#f7f3de', '#fff', '#f7f2d3'], text: '#333', link: '#8b743d' },
  black: { background: ['#191919'], text: '#fff', link: '#42affa' },
  'black-contrast': { background: ['#000'], text: '#fff', link: '#42affa' },
  blood: { background: ['#222'], text: '#eee', link: '#a23' },
  dracula: { background: ['#191919'], text: '#f8f8f2', link: '#ff79c6' },
  league: { background: ['#1c1e20', '#555a5f', '#1c1e20'], text: '#eee', link: '#13daec' },
  moon: { background: ['#002b36'], text: '#93a1a1', link: '#268bd2' },
  night: { background: ['#111'], text: '#fff', link: '#e7ad52' },
  serif: { background: ['#f0f1eb'], text: '#000', link: '#51483d' },
  simple: { background: ['#fff'], text: '#000', link: '#00008b' },
  sky: { background: ['#f7fbfc', '#f7fbfc', '#add9e4'], text: '#333', link: '#2a76dd' },
  solarized: { background: ['#fdf6e3'], text: '#657b83', link: '#268bd2' },
  white: { background: ['#fff'], text: '#222', link: '#2974da' },
  'white-contrast': { background: ['#fff'], text: '#000', link: '#2974da' },
};

/** The lowest contrast of a colour over the theme's background and each stop of its gradient. */
export function worstContrast(colour: string, background: readonly string[]): { ratio: number; on: string } {
  const fg = rgb(colour);
  return background
    .map((on) => ({ ratio: contrastRatio(fg, rgb(on)), on }))
    .reduce((worst, c) => (c.ratio < worst.ratio ? c : worst));
}

function rgb(hex: string): Rgb {
  const parsed = parseHexColour(hex);
  if (!parsed) throw new Error(`not a hex colour: ${hex}`);
  return parsed;
}

/** Whether a slide shows text in the link colour: a link, a timeline date or a figure. */
function showsLinkColour(slide: SlideModel): boolean {
  if (slide.events?.length || slide.figures?.length || slide.backupLink) return true;
  if (slide.references?.some((r) => r.url)) return true;
  const { notesHtml: _notes, notesText: _text, bodyMarkdown: _markdown, ...shown } = slide;
  return JSON.stringify(shown).includes('<a ');
}

function themeShortfalls(model: DeckModel): string[] {
  const colours = THEME_COLOURS[model.theme];
  if (!colours) return [];
  const roles: [string, string, boolean][] = [
    ['body text', colours.text, true],
    ['links and accents', colours.link, model.slides.some(showsLinkColour)],
  ];
  return roles.flatMap(([role, colour, shown]) => {
    const { ratio, on } = worstContrast(colour, colours.background);
    return shown && ratio < AA ? [`${role} ${colour} at ${ratio.toFixed(1)}:1 on ${on}`] : [];
  });
}

export const themeContrast: LintRule = {
  id: 'theme-contrast',
  check: ({ model }) => {
    const shortfalls = themeShortfalls(model);
    if (!shortfalls.length) return [];
    return [
      {
        path: ['theme'],
        message: `Theme \`${model.theme}\` falls short of WCAG AA contrast (${AA}:1): ${shortfalls.join(', ')}`,
        hint: 'small text (citations, sources, tables) and projected slides need it most; choose a theme that passes (briefing, white, black, night, serif, simple, dracula), set darker or lighter colours in style.css (`:root { --r-main-color: …; --r-link-color: … }`), or turn the rule off once you have checked the slides (`lint: { theme-contrast: off }`)',
      },
    ];
  },
};
