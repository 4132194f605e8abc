/**
 * The problems buildModel finds in what a deck points at: a link target the inline renderer
 * refused, a file the resource rule refused, a cited key that is not among the references. Each
 * is a TalkdeckError at the deck field that makes it, worded in one place however many fields
 * report it.
 */
import type { TalkdeckError } from '../base/errors.js';
import type { Refusal } from '../base/resources.js';
import { errorAt, locate, type KeyPath, type SourceFile } from '../base/source.js';

export function unsafeLink(source: SourceFile, path: KeyPath, url: string): TalkdeckError {
  return errorAt(source, path, {
    code: 'unsafe-link',
    message: `Link target \`${url}\` is not allowed`,
    hint: 'links may point to http(s), mailto, #/slide-id or a relative path',
  });
}

/** A reference the resource rule refused, at the deck field that makes it. */
export function refused(source: SourceFile, path: KeyPath, what: string, ref: string, why: Refusal): TalkdeckError {
  return errorAt(source, path, { code: why.code, message: `${what} \`${ref}\` ${why.reason}`, hint: why.hint });
}

export function suggestKey(key: string, keys: string[]): string {
  return keys.length ? `defined references: ${keys.join(', ')}` : 'add a `references:` block to the deck with this key';
}


/**
 * A list written with decimal commas, `[3,1, 2,5]`: YAML reads four numbers. Said when the list
 * in the file has a comma between two digits, since that is the likely cause of a count that
 * does not match. Only for lists written on one line (`[…]`), where the source shows it.
 */
export function decimalCommaHint(source: SourceFile, path: KeyPath): string | undefined {
  const at = locate(source, path);
  if (source.text[at.offset] !== '[') return undefined;
  const list = source.text.slice(at.offset, at.offset + 2000).split(/[\]\n]/, 1)[0]!;
  const pair = /\d,\d+/.exec(list)?.[0];
  return pair ? `YAML separates list items with commas, so \`${pair}\` is two numbers: write decimals with a point (${pair.replace(',', '.')}); talkdeck prints them in the deck's language` : undefined;
}
