/**
 * Deck files are UTF-8. A file saved in another encoding (Windows-1252 by an old editor, UTF-16
 * by Notepad) must not be read as text with replacement characters in it: it is refused with the
 * first bad line and the encoding it most likely is.
 */
import { TalkdeckError } from './errors.js';

const utf8 = new TextDecoder('utf-8', { fatal: true });

/** The text of a file read as bytes; a TalkdeckError (with line and column) when it is not UTF-8. */
export function decodeUtf8(file: string, bytes: Uint8Array): string {
  if ((bytes[0] === 0xff && bytes[1] === 0xfe) || (bytes[0] === 0xfe && bytes[1] === 0xff)) {
    throw notUtf8(file, 1, 1, 'it starts with a UTF-16 byte order mark: the file was saved as UTF-16 (“Unicode” in some editors)', 'UTF-16');
  }
  try {
    return utf8.decode(bytes);
  } catch {
    const at = firstInvalid(bytes);
    const { line, column } = lineAndColumn(bytes, at);
    const byte = bytes[at]!;
    const guess = guessEncoding(bytes);
    const shown = guess === 'Windows-1252' ? ` (“${new TextDecoder('windows-1252').decode(bytes.subarray(at, at + 1))}” in Windows-1252)` : '';
    throw notUtf8(
      file,
      line,
      column,
      `byte 0x${byte.toString(16).toUpperCase().padStart(2, '0')}${shown} on line ${line} is not valid UTF-8; the file looks like ${guess}`,
      guess,
    );
  }
}

function notUtf8(file: string, line: number, column: number, detail: string, guess: string): TalkdeckError {
  const iconv = guess === 'UTF-16' ? 'UTF-16' : 'WINDOWS-1252';
  return new TalkdeckError({
    code: 'encoding',
    file,
    line,
    column,
    message: `The file is not UTF-8: ${detail}`,
    hint: `save it as UTF-8 in your editor (e.g. “Save with Encoding” → UTF-8), or convert it: iconv -f ${iconv} -t UTF-8 old.yaml > deck.yaml`,
  });
}

/** Offset of the first byte that does not start or continue a valid UTF-8 sequence. */
function firstInvalid(bytes: Uint8Array): number {
  let i = 0;
  while (i < bytes.length) {
    const b = bytes[i]!;
    const len = b < 0x80 ? 1 : b >= 0xc2 && b <= 0xdf ? 2 : b >= 0xe0 && b <= 0xef ? 3 : b >= 0xf0 && b <= 0xf4 ? 4 : 0;
    if (len === 0 || i + len > bytes.length) return i;
    // Decoding the one sequence checks overlongs and surrogates as well as continuation bytes.
    try {
      utf8.decode(bytes.subarray(i, i + len));
    } catch {
      return i;
    }
    i += len;
  }
  return Math.max(0, bytes.length - 1);
}

function lineAndColumn(bytes: Uint8Array, offset: number): { line: number; column: number } {
  let line = 1;
  let start = 0;
  for (let i = 0; i < offset; i++) {
    if (bytes[i] === 0x0a) {
      line++;
      start = i + 1;
    }
  }
  // The column counts characters of the (valid) text before the bad byte.
  const before = utf8.decode(bytes.subarray(start, offset));
  return { line, column: [...before].length + 1 };
}

/** UTF-16 without a byte order mark is full of zero bytes; anything else is most often Windows-1252. */
function guessEncoding(bytes: Uint8Array): string {
  let zeros = 0;
  const n = Math.min(bytes.length, 4096);
  for (let i = 0; i < n; i++) if (bytes[i] === 0) zeros++;
  return zeros > n / 8 ? 'UTF-16' : 'Windows-1252';
}
