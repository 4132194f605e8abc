/**
 * A set of Handlebars templates by name (`page`, `layouts/points`, `partials/cite` …), each with
 * the file it came from, so errors can name it. Built-in templates are overlaid by a deck's own.
 */
export interface TemplateSource {
  name: string;
  file: string;
  source: string;
  /**
   * The template precompiled at package build time (Handlebars.precompile), when it matches
   * `source`. Built-in templates have one, so a build needs only the small Handlebars runtime.
   */
  spec?: object | undefined;
}

export type TemplateSet = ReadonlyMap<string, TemplateSource>;

/** `partials/points.hbs` → `partials/points` */
export function templateName(relativePath: string): string {
  return relativePath.replace(/\\/g, '/').replace(/\.hbs$/, '');
}

export function overlay(base: TemplateSet, override: TemplateSet): TemplateSet {
  const merged = new Map(base);
  for (const [name, t] of override) merged.set(name, t);
  return merged;
}
