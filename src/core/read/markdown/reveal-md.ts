/**
 * The reveal-md dialect: slides split exactly as reveal-md 6 splits them, which is reveal.js's
 * Markdown plugin (`slidify`) with reveal-md's default separators. Checked against their source:
 * - separators are regular expressions, not anchored to blank lines: a `---` line splits even
 *   directly under text and inside a fenced code block (the splitter knows nothing of fences);
 * - the notes separator default is written in a JavaScript string, so its backslash is lost and
 *   the regex that runs is `^s*notes?:` (case-insensitive, multi-line); a slide gets notes only
 *   when that regex splits it into exactly two parts.
 */
import { TalkdeckError } from '../../base/errors.js';
import { slideAttributes } from '../../base/attribute-comments.js';
import { lineCount, type FrontMatter } from './front-matter.js';
import type { MarkdownSlideSource, RevealMdJson } from './types.js';

/** reveal-md's `lib/defaults.json` and the reveal.js Markdown plugin's notes default. */
export const REVEAL_MD_DEFAULTS = {
  separator: '\\r?\\n---\\r?\\n',
  verticalSeparator: '\\r?\\n----\\r?\\n',
  notesSeparator: '^s*notes?:',
} as const;

export interface Separators {
  separator: string;
  verticalSeparator: string | undefined;
  notesSeparator: string;
}

const SEPARATOR_KEYS = ['separator', 'verticalSeparator', 'notesSeparator'] as const;

/**
 * The separators in force. Precedence, lowest first: reveal-md's defaults < `reveal-md.json`
 * files (in the order given: the working folder's, then the deck folder's) < the front matter.
 */
export function resolveSeparators(
  front: FrontMatter,
  file: string,
  jsonFiles: readonly RevealMdJson[],
): { separators: Separators; problems: TalkdeckError[] } {
  const problems: TalkdeckError[] = [];
  const separators: Separators = { ...REVEAL_MD_DEFAULTS };
  const apply = (data: Record<string, unknown>, where: (key: string) => TalkdeckError['line'], shown: string) => {
    for (const key of SEPARATOR_KEYS) {
      const value = data[key];
      if (value === undefined) continue;
      const line = where(key);
      if (typeof value !== 'string' || value === '') {
        problems.push(
          new TalkdeckError({
            code: 'wrong-type',
            file: shown,
            line,
            column: line === undefined ? undefined : 1,
            message: `\`${key}\` must be a regular expression written as text`,
            hint: 'e.g. `separator: "^---$"`; quote it',
          }),
        );
        continue;
      }
      try {
        new RegExp(value, 'mg');
      } catch (cause) {
        problems.push(
          new TalkdeckError({
            code: 'schema',
            file: shown,
            line,
            column: line === undefined ? undefined : 1,
            message: `\`${key}\` is not a valid regular expression: ${(cause as Error).message}`,
            hint: 'reveal-md reads separators as JavaScript regular expressions; escape special characters with a backslash',
            cause,
          }),
        );
        continue;
      }
      separators[key] = value;
    }
  };
  for (const json of jsonFiles) {
    let data: unknown;
    try {
      data = JSON.parse(json.text);
    } catch (cause) {
      problems.push(
        new TalkdeckError({
          code: 'config',
          file: json.file,
          message: `\`${json.file}\` is not valid JSON: ${(cause as Error).message}`,
          hint: 'reveal-md.json is a JSON object, e.g. { "separator": "^---$" }',
          cause,
        }),
      );
      continue;
    }
    if (data && typeof data === 'object' && !Array.isArray(data)) {
      const lines = json.text.split(/\r?\n/);
      apply(data as Record<string, unknown>, (key) => lineOf(lines, `"${key}"`), json.file);
    }
  }
  apply(front.data, (key) => front.keyLines.get(key), file);
  return { separators, problems };
}

function lineOf(lines: string[], needle: string): number | undefined {
  const i = lines.findIndex((l) => l.includes(needle));
  return i < 0 ? undefined : i + 1;
}

/** reveal.js's `slidify`, keeping where each slide starts. */
export function splitRevealMd(
  file: string,
  body: string,
  bodyLine: number,
  separators: Separators,
): { slides: MarkdownSlideSource[]; problems: TalkdeckError[] } {
  const any = new RegExp(separators.separator + (separators.verticalSeparator ? '|' + separators.verticalSeparator : ''), 'mg');
  const horizontal = new RegExp(separators.separator);
  // Each entry: a horizontal slide, or a vertical stack (a list of slides).
  type Chunk = { text: string; offset: number };
  const sections: (Chunk | Chunk[])[] = [];
  let last = 0;
  let wasHorizontal = true;
  for (let match = any.exec(body); match; match = any.exec(body)) {
    // An empty match would loop forever (reveal.js hangs there); treat it as the end.
    if (match[0] === '') break;
    const isHorizontal = horizontal.test(match[0]);
    if (!isHorizontal && wasHorizontal) sections.push([]);
    const chunk = { text: body.substring(last, match.index), offset: last };
    if (isHorizontal && wasHorizontal) sections.push(chunk);
    else (sections.at(-1) as Chunk[]).push(chunk);
    last = any.lastIndex;
    wasHorizontal = isHorizontal;
  }
  const tail = { text: body.substring(last), offset: last };
  if (wasHorizontal) sections.push(tail);
  else (sections.at(-1) as Chunk[]).push(tail);

  const problems: TalkdeckError[] = [];
  const slides: MarkdownSlideSource[] = [];
  const lineAt = (offset: number) => bodyLine + lineCount(body.slice(0, offset)) - 1;
  sections.forEach((section, h) => {
    const stack = Array.isArray(section) ? section : [section];
    stack.forEach((chunk, v) => {
      const line = lineAt(chunk.offset);
      const notesRegex = new RegExp(separators.notesSeparator, 'mgi');
      const parts = chunk.text.split(notesRegex);
      let markdown = chunk.text;
      let notes: string | undefined;
      let notesLine: number | undefined;
      if (parts.length === 2) {
        markdown = parts[0]!;
        notes = parts[1]!.trim();
        notesLine = line + lineCount(parts[0]!) - 1;
      } else if (parts.length > 2) {
        const first = new RegExp(separators.notesSeparator, 'mi').exec(chunk.text);
        problems.push(
          new TalkdeckError({
            code: 'notes-separator',
            severity: 'warning',
            file,
            line: line + lineCount(chunk.text.slice(0, first?.index ?? 0)) - 1,
            column: 1,
            message: `Slide ${slides.length + 1} has ${parts.length - 1} lines starting with \`Note:\`; like reveal.js, talkdeck takes notes only from a slide with exactly one, so these stay on the slide as text`,
            hint: 'keep one `Note:` line per slide and put all notes after it',
          }),
        );
      }
      slides.push({
        index: slides.length,
        markdown,
        notes,
        attributes: slideAttributes(markdown),
        line,
        column: 1,
        notesLine,
        h,
        v,
        stacked: Array.isArray(section),
      });
    });
  });
  return { slides, problems };
}
