/**
 * The handout as one printable HTML page, from the Handlebars templates under
 * `templates/handout/` (a deck's own `templates/handout/` overrides them, as for slides).
 * Escaped by default; `{{{ }}}` only for HTML our Markdown renderer produced.
 */
import Handlebars from 'handlebars';
import { TalkdeckError } from '../../base/errors.js';
import type { DeckModel } from '../../model/types.js';
import { withContentSecurityPolicy } from '../html/csp.js';
import { compile, guardedHandlebars, templateRuntimeError } from '../html/renderer.js';
import type { TemplateSet } from '../html/templates.js';
import { handoutOutline } from './outline.js';

const PREFIX = 'handout/';

export interface HandoutRenderer {
  render(deck: DeckModel): string;
}

export function createHandoutRenderer(templates: TemplateSet): HandoutRenderer {
  const hb = guardedHandlebars(Handlebars);
  for (const t of templates.values()) {
    if (t.name.startsWith(PREFIX) && t.name !== `${PREFIX}page`) hb.registerPartial(t.name.slice(PREFIX.length), compile(hb, t));
  }
  const page = templates.get(`${PREFIX}page`);
  if (!page) {
    throw new TalkdeckError({ code: 'template', message: 'No `handout/page.hbs` template found', hint: 'restore templates/handout/page.hbs' });
  }
  const template = compile(hb, page);
  return {
    render(deck) {
      let html: string;
      try {
        html = template(handoutOutline(deck));
      } catch (cause) {
        throw (
          templateRuntimeError(cause, {
            file: page.file,
            message: `Could not render the handout of \`${deck.name}\``,
            hint: 'a handout template refers to a partial or helper that does not exist',
          }) ?? cause
        );
      }
      // In-deck links (`#/slide-id`) point at the slide's article in the handout.
      return withContentSecurityPolicy(html.replace(/ href="#\//g, ' href="#'), { scripts: false, remote: deck.remote });
    },
  };
}
