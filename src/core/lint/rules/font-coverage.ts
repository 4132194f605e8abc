import { isCovered } from '../../base/font-subsets.js';
import type { KeyPath } from '../../base/source.js';
import type { LintFinding, LintRule } from '../types.js';

/**
 * Text no font talkdeck ships can draw: the browser then takes a face of the presenting
 * computer, which may have none (boxes instead of letters) or one that looks out of place.
 * Only letters and emoji count; symbols like arrows fall back harmlessly.
 */
const COUNTS = /[\p{L}\p{Extended_Pictographic}]/u;

const SCRIPTS: [RegExp, string, string][] = [
  [/[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}\p{Script=Hangul}]/u, 'Chinese, Japanese or Korean', 'e.g. Noto Sans CJK'],
  [/\p{Extended_Pictographic}/u, 'emoji', 'e.g. Noto Color Emoji, or an image where the look matters'],
  [/\p{Script=Arabic}/u, 'Arabic', 'e.g. Noto Sans Arabic'],
  [/\p{Script=Hebrew}/u, 'Hebrew', 'e.g. Noto Sans Hebrew'],
  [/\p{Script=Devanagari}/u, 'Devanagari', 'e.g. Noto Sans Devanagari'],
  [/\p{Script=Thai}/u, 'Thai', 'e.g. Noto Sans Thai'],
];

/** Text in Latin script only, the common case, needs no look at each character. */
const PLAIN = /^[\u0000-\u024F\u2000-\u206F]*$/;

/** The characters of a text no shipped font draws, each once, in order. */
export function uncovered(text: string): string[] {
  if (PLAIN.test(text)) return [];
  return [...new Set([...text].filter((c) => COUNTS.test(c) && !isCovered(c.codePointAt(0)!)))];
}

/** Every string in a value with its key path, depth first. */
function* strings(value: unknown, path: KeyPath): Generator<[string, KeyPath]> {
  if (typeof value === 'string') yield [value, path];
  else if (Array.isArray(value)) for (const [i, v] of value.entries()) yield* strings(v, [...path, i]);
  else if (value && typeof value === 'object') for (const [k, v] of Object.entries(value)) yield* strings(v, [...path, k]);
}

function finding(chars: string[], path: KeyPath, where: string): LintFinding {
  const shown = chars.slice(0, 5).map((c) => `“${c}” U+${c.codePointAt(0)!.toString(16).toUpperCase().padStart(4, '0')}`).join(', ');
  // Every script among them, in the order its first letter appears: Arabic text gets an Arabic font.
  const scripts = [...new Set(chars.map((c) => SCRIPTS.find(([re]) => re.test(c))).filter((s) => s !== undefined))];
  const font = scripts.length ? ` (${scripts.map(([, name, example]) => `${name}: ${example}`).join('; ')})` : '';
  return {
    path,
    message: `${where} has characters no font talkdeck ships can draw: ${shown}${chars.length > 5 ? ', …' : ''}`,
    hint: `the presenting computer's fonts decide how they look, or whether they show at all; put a font that has them${font} next to deck.yaml and add it as a fallback in style.css: @font-face { font-family: Fallback; src: url(fonts/your-font.woff2); } :root { --r-main-font: "Source Sans 3", Fallback, sans-serif; --r-heading-font: "Source Sans 3", Fallback, sans-serif; }`,
  };
}

export const fontCoverage: LintRule = {
  id: 'font-coverage',
  check: ({ meta, slides }) => {
    const findings: LintFinding[] = [];
    // One finding per slide (and one for the deck's own fields), at the first text concerned.
    const report = (value: unknown, path: KeyPath, where: string): void => {
      // Most slides are Latin throughout: one native scan of their JSON settles them.
      if (PLAIN.test(JSON.stringify(value) ?? '')) return;
      const all: string[] = [];
      let first: KeyPath | undefined;
      for (const [text, at] of strings(value, path)) {
        const chars = uncovered(text);
        if (chars.length && !first) first = at;
        for (const c of chars) all.push(c);
      }
      if (first) findings.push(finding([...new Set(all)], first, where));
    };
    const { slides: _slides, ...details } = meta as typeof meta & { slides?: unknown };
    report(details, [], 'The deck’s title or details');
    for (const { slide, index } of slides) report(slide, ['slides', index], `Slide ${index + 1}`);
    return findings;
  },
};
