/**
 * Reading a Markdown deck (`.md`): reveal-md's dialect by default, Marp's when the front matter
 * says `marp: true`. `readMarkdownDeck` is the documented intermediate step (front matter and
 * slides as Markdown with notes, attributes, place and stack position); `talkdeck import`
 * builds on it. `markdownDeckData` turns it into the data a `deck.yaml` would hold, so both
 * dialects end in the same validation and the same deck model as YAML decks.
 */
import { TalkdeckError } from '../../base/errors.js';
import { splitMarp } from '../marp/marp.js';
import { splitFrontMatter } from './front-matter.js';
import { resolveSeparators, splitRevealMd, REVEAL_MD_DEFAULTS } from './reveal-md.js';
import type { MarkdownDeckSource, RevealMdJson } from './types.js';

export type { MarkdownDeckSource, MarkdownSlideSource, MarkdownDialect, RevealMdJson } from './types.js';
export { REVEAL_MD_DEFAULTS } from './reveal-md.js';

export interface ReadOptions {
  /**
   * `reveal-md.json` files, lowest precedence first (the working folder's, then the deck
   * folder's). The front matter overrides them.
   */
  revealMdJson?: readonly RevealMdJson[] | undefined;
}

/** Splits a Markdown deck into its slides. Pure: the caller reads the files. */
export function readMarkdownDeck(file: string, text: string, options: ReadOptions = {}): MarkdownDeckSource {
  const front = splitFrontMatter(file, text);
  const problems: TalkdeckError[] = [...front.errors];
  if (front.data.marp === true) {
    const pages = splitMarp(file, front.body, front.bodyLine, front.data, front.keyLines);
    problems.push(...pages.problems);
    return {
      file,
      dialect: 'marp',
      frontMatter: { ...pages.globals, ...front.data },
      frontMatterLines: front.keyLines,
      separators: { ...REVEAL_MD_DEFAULTS },
      slides: pages.slides,
      problems,
      paginate: pages.paginate,
    };
  }
  const { separators, problems: separatorProblems } = resolveSeparators(front, file, options.revealMdJson ?? []);
  problems.push(...separatorProblems);
  const split = splitRevealMd(file, front.body, front.bodyLine, separators);
  problems.push(...split.problems);
  return {
    file,
    dialect: 'reveal-md',
    frontMatter: front.data,
    frontMatterLines: front.keyLines,
    separators,
    slides: split.slides,
    problems,
    paginate: true,
  };
}
