/**
 * What a Marp deck's directives become in a `deck.yaml` (`talkdeck import`): the footer and
 * header every page shows are the deck's `marking`; a `lead` page is a title or section page;
 * a page's `![bg]` image or `backgroundColor` is the slide's `background`. What has no
 * talkdeck field (a split background, a class of the author's theme, a text colour) keeps the
 * page in `layout: markdown` with its attributes, so nothing is lost.
 */
import { plainText } from '../../base/markdown.js';
import type { MarkdownSlideSource } from '../markdown/types.js';

/** The slide's look in talkdeck's fields, and what is left that they cannot say. */
export interface PageLook {
  /** `class: lead`: the page is a title (first page) or a section divider. */
  lead: boolean;
  /** A colour (`#0b2545`) or an image of the deck folder, for the slide's `background`. */
  background?: string | undefined;
  /** Attributes no talkdeck field takes: while any is left, the page stays free Markdown. */
  rest: Record<string, string>;
}

const IMAGE = /\.(png|jpe?g|gif|webp|svg|avif)$/i;
const HEX = /^#([0-9a-f]{3}|[0-9a-f]{6})$/i;

export function pageLook(attributes: Readonly<Record<string, string>>): PageLook {
  const rest: Record<string, string> = { ...attributes };
  const classes = (rest.class ?? '').split(/\s+/).filter(Boolean);
  const lead = classes.length > 0 && classes.every((c) => c === 'lead');
  if (lead) delete rest.class;
  let background: string | undefined;
  const image = rest['data-background-image'];
  const colour = rest['data-background-color'];
  // An image alone (no size, position or split): talkdeck's background shows it whole, veiled.
  if (image !== undefined && colour === undefined && IMAGE.test(image.replace(/[?#].*$/, ''))) {
    background = image;
    delete rest['data-background-image'];
  } else if (colour !== undefined && image === undefined && HEX.test(colour.trim())) {
    background = colour.trim().toLowerCase();
    delete rest['data-background-color'];
  }
  return { lead, background, rest };
}

/**
 * The deck's marking, when every page shows the same header and footer (pages that hide them
 * aside): `Header · Footer`, the header left out when it only repeats the title. Undefined when
 * they differ from page to page or hold more than text (an image, HTML): then each page keeps
 * its own.
 */
export function deckMarking(slides: readonly MarkdownSlideSource[], title: string | undefined): string | undefined {
  const one = (part: 'header' | 'footer'): string | null | undefined => {
    const values = new Set(slides.map((s) => s[part]?.trim()).filter((v): v is string => Boolean(v)));
    if (values.size > 1) return null;
    const [value] = values;
    if (value === undefined) return undefined;
    return /<|!\[|\]\(/.test(value) ? null : plainText(value);
  };
  const header = one('header');
  const footer = one('footer');
  if (header === null || footer === null) return undefined;
  const parts = [header === title ? undefined : header, footer].filter((p): p is string => Boolean(p));
  return parts.length ? parts.join(' · ') : undefined;
}
