/**
 * The reveal.js writer: a deck's model as `index.html` (the Handlebars page with its reveal.js
 * configuration and content-security policy) plus the files the page loads, from installed
 * packages and the deck folder. Files stay in memory; the shell writes them.
 */
import { TalkdeckError, TalkdeckErrors } from '../../base/errors.js';
import type { DeckModel } from '../../model/types.js';
import { withContentSecurityPolicy } from '../html/csp.js';
import { templateRuntimeError, type Renderer } from '../html/renderer.js';
import type { OutputFile } from '../output-file.js';
import { planAssets, planFonts, type AssetRoots } from './assets.js';
import { revealConfig } from './config.js';

export interface RevealDeckOptions {
  /** The deck file as shown to the user: template errors name the deck and its templates/ folder. */
  file: string;
  renderer: Renderer;
  roots: AssetRoots;
  /** Whether the deck has its own style.css. */
  deckStyle: boolean;
  /** Files of the deck folder the page loads (images, the style sheets' files), already checked. */
  deckFiles: string[];
  /** The running talkdeck's version, for the rehearsal records the page makes. */
  talkdeckVersion?: string | undefined;
}

export function writeRevealDeck(model: DeckModel, options: RevealDeckOptions): { files: Map<string, OutputFile> } | { errors: TalkdeckError[] } {
  const plan = planAssets(model, options.roots, { deckStyle: options.deckStyle, deckFiles: options.deckFiles });
  const sourcesId = model.slides.find((s) => s.layout === 'sources')?.id;
  let html: string;
  try {
    html = options.renderer.renderPage({
      deck: model,
      styles: plan.styles,
      scripts: plan.scripts,
      plugins: plan.plugins,
      config: revealConfig(model, { talkdeckVersion: options.talkdeckVersion }),
      sourcesId,
    });
  } catch (cause) {
    if (cause instanceof TalkdeckErrors) return { errors: cause.errors };
    if (cause instanceof TalkdeckError) return { errors: [cause] };
    // Handlebars runtime errors (a missing partial in an overridden template) are user errors.
    const error = templateRuntimeError(cause, {
      file: options.file,
      message: `Could not render deck \`${model.name}\``,
      hint: `a template refers to a partial or helper that exists in neither place templates are looked up: ${options.file.replace(/[^/\\]*$/, '')}templates/ (the deck's own) and talkdeck's templates/ (built in); check the name after {{> …}}`,
    });
    if (error) return { errors: [error] };
    throw cause;
  }

  const files = new Map<string, OutputFile>();
  files.set('index.html', { content: withContentSecurityPolicy(html, { scripts: true, remote: model.remote }) });
  const fonts = planFonts(model, options.roots, html);
  for (const copy of [...plan.copies, ...fonts.copies]) files.set(copy.to, { copyFrom: copy.from });
  for (const file of plan.made) files.set(file.to, { content: file.content });
  if (fonts.css) files.set(fonts.css.to, { content: fonts.css.content });
  return { files };
}
