/**
 * One entry of the deck's `references:` as slides cite it and the sources slide lists it: its
 * number, the short label a citation shows ("Müller 2021") and its rendered title and note.
 */
import { plainText } from '../base/markdown.js';
import { authorLabel } from './author-label.js';
import type { KeyPath } from '../base/source.js';
import type { Reference } from '../deck/options.js';
import type { ReferenceModel } from './types.js';

export function referenceModel(
  key: string,
  number: number,
  ref: Reference,
  inline: (text: string, path: KeyPath) => string,
): ReferenceModel {
  const date = ref.date === undefined ? undefined : String(ref.date);
  const who = ref.author ? authorLabel(ref.author) : undefined;
  const label = ref.short ?? [who ?? plainText(ref.title), date?.match(/\d{4}/)?.[0]].filter(Boolean).join(' ');
  return {
    key,
    number,
    label,
    titleHtml: inline(ref.title, ['title']),
    author: ref.author,
    publication: ref.publication,
    date,
    url: ref.url,
    noteHtml: ref.note === undefined ? undefined : inline(ref.note, ['note']),
  };
}
