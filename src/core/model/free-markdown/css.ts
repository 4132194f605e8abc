/**
 * CSS written in free Markdown — a `<style>` element, a `style` attribute, or an attribute that
 * holds a CSS value (`data-background-gradient`, SVG's `fill="url(…)"`) — with each reference
 * (base/css-references.ts) handed to the sanitiser's resource rule, which may rewrite it (a deck
 * file's path under `assets/`). What cannot be read or judged is a problem, and is not kept.
 */
import { cssReferences, syntaxError, type CssReference, type CssScan } from '../../base/css-references.js';

export type CssText = 'sheet' | 'declarations' | 'value';

export interface CssHandlers {
  /** The URL to write in place of the reference, or undefined to keep it as written. */
  reference(ref: CssReference): string | undefined;
  /** A problem at a line of the CSS text (1 = its first). */
  problem(line: number, message: string, hint: string): void;
}

/** A property name for a bare value, so that the scanner reads it as a declaration. */
const VALUE_PREFIX = 'x:';

/** The CSS to keep: with references rewritten, or empty when it could not be read. */
export function checkCss(css: string, text: CssText, on: CssHandlers): string {
  const source = text === 'value' ? VALUE_PREFIX + css : css;
  let scan: CssScan;
  try {
    scan = cssReferences(source);
  } catch (cause) {
    const syntax = syntaxError(cause);
    if (!syntax) throw cause;
    on.problem(syntax.line, `CSS that talkdeck cannot read (${syntax.reason})`, 'check that every { has its } and every string and comment is closed');
    return '';
  }
  for (const u of scan.unreadable) on.problem(u.line, u.message, u.hint);
  if (scan.unreadable.length) return '';
  for (const ref of scan.references) {
    const to = on.reference(ref);
    if (to !== undefined && to !== ref.url) ref.replace(to);
  }
  const out = scan.text();
  return text === 'value' ? out.slice(VALUE_PREFIX.length) : out;
}
