/**
 * Handlebars rendering. A Renderer compiles its templates once and can render many decks (the
 * dev server keeps one across rebuilds). Templates only print the model; helpers stay tiny.
 */
import type Handlebars from 'handlebars';
import { TalkdeckError } from '../errors.js';
import type { DeckModel } from '../model.js';
import type { TemplateSet, TemplateSource } from './templates.js';

/** Whether rendering these templates needs the Handlebars compiler (a deck's own templates do). */
export function needsCompiler(templates: TemplateSet): boolean {
  for (const t of templates.values()) if (!t.spec) return true;
  return false;
}

export interface PageContext {
  deck: DeckModel;
  styles: string[];
  scripts: string[];
  /** reveal.js options as JSON; plugins are named separately because they are globals. */
  config: Record<string, unknown>;
  plugins: string[];
  sourcesId: string | undefined;
}

export interface Renderer {
  renderPage(context: PageContext): string;
}

/** Either the full Handlebars (compiler included) or its runtime, for precompiled templates. */
export type HandlebarsEnv = Pick<typeof Handlebars, 'create'>;

export function createRenderer(templates: TemplateSet, handlebars: HandlebarsEnv): Renderer {
  const hb = handlebars.create();
  hb.registerHelper('json', (value: unknown) =>
    // JSON inside <script>: `<` escaped so no string can close the element.
    new hb.SafeString(JSON.stringify(value).replace(/</g, '\\u003c')),
  );
  // The page uses partials and layouts; other template families (handout/ …) have their own renderer.
  for (const t of templates.values()) {
    if (t.name.startsWith('partials/')) hb.registerPartial(t.name.slice('partials/'.length), compile(hb, t));
    else if (t.name.startsWith('layouts/')) hb.registerPartial(t.name, compile(hb, t));
  }
  const page = templates.get('page');
  if (!page) {
    throw new TalkdeckError({ code: 'template', message: 'No `page.hbs` template found', hint: 'restore templates/page.hbs' });
  }
  const pageTemplate = compile(hb, page);
  return {
    renderPage(context) {
      return pageTemplate(context);
    },
  };
}

/**
 * A Handlebars error while rendering (a missing partial or helper, from a template a deck
 * overrides) as a user error; undefined for anything else, which is a bug.
 */
export function templateRuntimeError(cause: unknown, at: { file: string; message: string; hint: string }): TalkdeckError | undefined {
  if (!(cause instanceof Error) || !/partial|helper|Missing/i.test(cause.message)) return undefined;
  return new TalkdeckError({ code: 'template', file: at.file, message: `${at.message}: ${cause.message}`, hint: at.hint, cause });
}

/** Compiles one template now, so a syntax error is reported with its file and line. */
export function compile(hb: typeof Handlebars, t: TemplateSource): Handlebars.TemplateDelegate {
  if (t.spec) return hb.template(t.spec as Parameters<typeof hb.template>[0]);
  try {
    // compile() is lazy; parse now so syntax errors surface here, with their file.
    hb.parse(t.source);
    return hb.compile(t.source, { preventIndent: true });
  } catch (cause) {
    const message = cause instanceof Error ? cause.message : String(cause);
    const line = /line (\d+)/.exec(message)?.[1];
    throw new TalkdeckError({
      code: 'template',
      file: t.file,
      line: line ? Number(line) : undefined,
      column: line ? 1 : undefined,
      message: `Template \`${t.name}\` does not compile: ${message.split('\n')[0]}`,
      hint: 'check that every {{#if}}/{{#each}} is closed and braces are balanced',
      cause,
    });
  }
}
