/**
 * Loads the Handlebars a template set needs: the small runtime when every template was
 * precompiled (the built-in ones are, by `npm run compile`), the full compiler otherwise.
 */
import { createRenderer, needsCompiler, type HandlebarsEnv, type Renderer } from '../core/write/html/renderer.js';
import type { TemplateSet } from '../core/write/html/templates.js';

export async function loadRenderer(templates: TemplateSet): Promise<Renderer> {
  const hb: HandlebarsEnv = needsCompiler(templates)
    ? (await import('handlebars')).default
    : // The runtime's type declarations are empty; it has the same `create()` as the full build.
      ((await import('handlebars/runtime.js')) as unknown as { default: HandlebarsEnv }).default;
  return createRenderer(templates, hb);
}

interface Precompiled {
  source: string;
  spec: object;
}

let precompiled: Promise<Record<string, Precompiled>> | undefined;

/**
 * The precompiled built-in templates written next to the bundle (lib/precompiled-templates.js).
 * Missing when running from source (tests): then templates are compiled at run time.
 */
export function loadPrecompiled(): Promise<Record<string, Precompiled>> {
  precompiled ??= import(new URL('./precompiled-templates.js', import.meta.url).href).then(
    (m: { default: Record<string, Precompiled> }) => m.default,
    () => ({}),
  );
  return precompiled;
}

/** Attaches a precompiled spec to each template whose source is unchanged since it was compiled. */
export async function withPrecompiled(templates: TemplateSet): Promise<TemplateSet> {
  const specs = await loadPrecompiled();
  const out = new Map(templates);
  for (const [name, t] of templates) {
    const p = specs[name];
    if (p && p.source === t.source) out.set(name, { ...t, spec: p.spec });
  }
  return out;
}
