/**
 * The problems buildModel finds in what a deck points at: a link target the inline renderer
 * refused, a file the resource rule refused, a cited key that is not among the references. Each
 * is a TalkdeckError at the deck field that makes it, worded in one place however many fields
 * report it.
 */
import type { TalkdeckError } from '../base/errors.js';
import type { Refusal } from '../base/resources.js';
import { errorAt, type KeyPath, type SourceFile } from '../base/source.js';

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

