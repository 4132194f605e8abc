/**
 * The deck's own CSS (`style.css` next to deck.yaml, the style sheets free Markdown links, and
 * the local files they `@import`) under the resource rule (core/base/resources.ts): every `url()`,
 * `@import` and `image-set()` (base/css-references.ts finds them) must name a file of the deck
 * folder. Those files are copied into the output's `assets/` folder beside the CSS, so the CSS is
 * copied unchanged and its relative references still work; a remote URL is kept and handed on
 * for the `remote-resource` rule; anything else is an error at the CSS file's line and column.
 * Loaded only for decks that have a style sheet.
 */
import { TalkdeckError } from '../../base/errors.js';
import { cssReferences, syntaxError, type CssScan } from '../../base/css-references.js';
import { checkReference, isLocal, isRefusal, type Admit } from '../../base/resources.js';

export interface StylesheetInput {
  /** The first style sheets, relative to the deck folder (`style.css`). */
  entries: readonly string[];
  /** The deck folder as shown to the user (`content/x`), for error places. */
  shownDir: string;
  exists: (relativePath: string) => boolean;
  /** Reads a file of the deck folder as text; only called for paths `exists` accepted. */
  read: (relativePath: string) => string;
  /** Whether a file the CSS loads may be shown (a picture's size, say); see resources.ts. */
  admit?: Admit | undefined;
}

export interface StylesheetCheck {
  /** Deck files the CSS needs in the output (the stylesheets themselves included), relative to the deck folder. */
  files: string[];
  errors: TalkdeckError[];
  /** Remote files the CSS loads, at their place (for the `remote-resource` rule). */
  remote: { url: string; what: string; file: string; line: number; column: number }[];
}

export function checkStylesheets(input: StylesheetInput): StylesheetCheck {
  const files: string[] = [];
  const errors: TalkdeckError[] = [];
  const remote: StylesheetCheck['remote'] = [];
  const queue = [...input.entries];
  while (queue.length) {
    const file = queue.shift()!;
    if (files.includes(file)) continue; // an @import cycle, or the same file twice
    files.push(file);
    const shown = `${input.shownDir}/${file}`;
    const base = file.includes('/') ? file.slice(0, file.lastIndexOf('/')) : '';
    let scan: CssScan;
    try {
      scan = cssReferences(input.read(file), shown);
    } catch (cause) {
      if (cause instanceof TalkdeckError) {
        errors.push(cause); // could not be read
        continue;
      }
      const syntax = syntaxError(cause);
      if (!syntax) throw cause;
      errors.push(
        new TalkdeckError({
          code: 'stylesheet',
          file: shown,
          line: syntax.line,
          column: syntax.column,
          message: `CSS syntax error: ${syntax.reason}`,
          hint: 'check that every { has its } and every string and comment is closed',
          cause,
        }),
      );
      continue;
    }
    for (const u of scan.unreadable) {
      errors.push(new TalkdeckError({ code: 'missing-file', file: shown, line: u.line, column: u.column, message: u.message, hint: u.hint }));
    }
    for (const ref of scan.references) {
      const checked = checkReference(ref.url, { base, allowEmbedded: !ref.importing, exists: input.exists, admit: input.admit });
      if (isRefusal(checked) && checked.code === 'remote-resource') {
        remote.push({ url: ref.url.trim(), what: ref.what, file: shown, line: ref.line, column: ref.column });
      } else if (isRefusal(checked)) {
        errors.push(
          new TalkdeckError({ code: checked.code, file: shown, line: ref.line, column: ref.column, message: `${ref.what} \`${ref.url}\` ${checked.reason}`, hint: checked.hint }),
        );
      } else if (isLocal(checked)) {
        if (ref.importing) queue.push(checked.path);
        else if (!files.includes(checked.path)) files.push(checked.path);
      }
    }
  }
  return { files, errors, remote };
}
