/**
 * Handlebars rendering. A Renderer compiles its templates once and can render many decks (the
 * dev server keeps one across rebuilds). Templates only print the model; helpers stay tiny.
 */
import type Handlebars from 'handlebars';
import { TalkdeckError } from '../../base/errors.js';
import type { DeckModel } from '../../model/types.js';
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
  const hb = guardedHandlebars(handlebars);
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

/** Where a template failed at run time: the innermost template, and the helper's place in it. */
interface Failure {
  template?: TemplateSource;
  loc?: { start: { line: number; column: number } } | undefined;
}
const failures = new WeakMap<object, Failure>();

/** Block helpers that take exactly one value, and how many values the others take. */
const ARITY: Record<string, { params: number; usage: string }> = {
  each: { params: 1, usage: '{{#each list}}…{{/each}}' },
  if: { params: 1, usage: '{{#if value}}…{{/if}}' },
  unless: { params: 1, usage: '{{#unless value}}…{{/unless}}' },
  with: { params: 1, usage: '{{#with value}}…{{/with}}' },
  lookup: { params: 2, usage: '{{lookup object key}}' },
};

/**
 * A Handlebars environment whose built-in helpers check their arguments and record where they
 * were called (Handlebars passes the call's source location as `options.loc`), so an error at
 * run time can name the template line instead of ending in a stack trace.
 */
export function guardedHandlebars(handlebars: HandlebarsEnv): typeof Handlebars {
  const hb = handlebars.create();
  for (const name of Object.keys(hb.helpers)) {
    const builtin = hb.helpers[name] as (...args: unknown[]) => unknown;
    hb.registerHelper(name, function (this: unknown, ...args: unknown[]) {
      const options = args.at(-1) as { loc?: Failure['loc'] } | undefined;
      try {
        const arity = ARITY[name];
        if (arity && args.length - 1 !== arity.params) {
          const got = args.length - 1;
          throw new Error(
            `{{${name === 'lookup' ? '' : '#'}${name}}} takes ${arity.params === 1 ? 'one value' : `${arity.params} values`}, got ${got === 0 ? 'none' : got}: write ${arity.usage}`,
          );
        }
        return builtin.apply(this, args);
      } catch (error) {
        // The innermost helper call names the place; once a template has claimed the error, an
        // outer helper's place (in another template) would point at the wrong line.
        const known = error instanceof Object ? failures.get(error) : undefined;
        if (error instanceof Object && !known?.loc && !known?.template) failures.set(error, { loc: options?.loc });
        throw error;
      }
    });
  }
  return hb;
}

/** A compiled template that marks any error raised inside it with its template (the innermost one wins). */
function guarded(t: TemplateSource, run: Handlebars.TemplateDelegate): Handlebars.TemplateDelegate {
  return (context, options) => {
    try {
      return run(context, options);
    } catch (error) {
      if (error instanceof Object && !failures.get(error)?.template) failures.set(error, { ...failures.get(error), template: t });
      throw error;
    }
  };
}

/**
 * Any error while a template runs (a missing partial or helper, a helper without its value, a
 * helper that throws) as a user error naming the template file and, where Handlebars gives it,
 * the line. `at.file` is used when the failing template is unknown.
 */
export function templateRuntimeError(cause: unknown, at: { file: string; message: string; hint: string }): TalkdeckError | undefined {
  if (!(cause instanceof Error) || cause instanceof TalkdeckError) return undefined;
  const failure = failures.get(cause);
  const t = failure?.template;
  const missing = /partial|Missing helper/i.test(cause.message);
  if (!t && !missing) return undefined;
  const start = failure?.loc?.start;
  return new TalkdeckError({
    code: 'template',
    file: t?.file ?? at.file,
    line: t && start ? start.line : undefined,
    column: t && start ? start.column + 1 : undefined,
    message: `${at.message}: ${cause.message.split('\n')[0]}${t ? ` (in template \`${t.name}\`)` : ''}`,
    hint: missing ? at.hint : 'fix the template at this place; its helpers got something they cannot use',
    cause,
  });
}

/** Compiles one template now, so a syntax error is reported with its file and line. */
export function compile(hb: typeof Handlebars, t: TemplateSource): Handlebars.TemplateDelegate {
  if (t.spec) return guarded(t, hb.template(t.spec as Parameters<typeof hb.template>[0]));
  try {
    // compile() is lazy; parse now so syntax errors surface here, with their file.
    hb.parse(t.source);
    return guarded(t, hb.compile(t.source, { preventIndent: true }));
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
