/**
 * The font as the .pptx embeds it (src/core/write/pptx/ooxml/font-data.ts, font-merge.ts):
 * fontsource's subsets of a face joined into one TrueType font in which every character keeps its
 * own glyph (same advance, same outline) — the Latin one's as it was, the others' appended and
 * renumbered — and wrapped as Embedded OpenType.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { eot, woffToSfnt } from '../src/core/write/pptx/ooxml/font-data.js';
import { characterMap, mergeFonts } from '../src/core/write/pptx/ooxml/font-merge.js';
import { fontsRoot } from '../src/shell/paths.js';

const face = (subset: string) => woffToSfnt(readFileSync(join(fontsRoot(), `source-sans-3-${subset}-700-italic.woff`)));

/** A table of an sfnt. */
function table(sfnt: Buffer, tag: string): Buffer {
  for (let i = 0; i < sfnt.readUInt16BE(4); i++) {
    const o = 12 + i * 16;
    if (sfnt.toString('latin1', o, o + 4) === tag) return sfnt.subarray(sfnt.readUInt32BE(o + 8), sfnt.readUInt32BE(o + 8) + sfnt.readUInt32BE(o + 12));
  }
  throw new Error(tag);
}

/** A glyph's advance and outline. */
function glyph(sfnt: Buffer, id: number): { advance: number; outline: Buffer } {
  const long = table(sfnt, 'head').readInt16BE(50) === 1;
  const loca = table(sfnt, 'loca');
  const at = (i: number) => (long ? loca.readUInt32BE(4 * i) : 2 * loca.readUInt16BE(2 * i));
  const metrics = table(sfnt, 'hhea').readUInt16BE(34);
  return { advance: table(sfnt, 'hmtx').readUInt16BE(4 * Math.min(id, metrics - 1)), outline: table(sfnt, 'glyf').subarray(at(id), at(id + 1)) };
}

describe('the embedded font', () => {
  const latin = face('latin');
  const ext = face('latin-ext');
  const merged = mergeFonts([latin, ext]);

  it('maps every character of both subsets, each to a glyph of its own advance', () => {
    const map = characterMap(merged);
    for (const [source, isLatin] of [[latin, true], [ext, false]] as const) {
      for (const [c, id] of characterMap(source)) {
        if (!isLatin && characterMap(latin).has(c)) continue; // the Latin subset's glyph wins
        const mine = glyph(merged, map.get(c)!);
        const theirs = glyph(source, id);
        expect(mine.advance, String.fromCodePoint(c)).toBe(theirs.advance);
        // The merged font pads outlines to 4 bytes. Simple outlines are the same bytes; composite
        // ones differ only in their component ids.
        expect(mine.outline.length, String.fromCodePoint(c)).toBeGreaterThanOrEqual(theirs.outline.length);
        if (theirs.outline.length && theirs.outline.readInt16BE(0) >= 0) expect(mine.outline.subarray(0, theirs.outline.length).equals(theirs.outline)).toBe(true);
      }
    }
    expect(map.has('ă'.codePointAt(0)!) && map.has('a'.codePointAt(0)!)).toBe(true);
    // The Latin font is kept whole: its glyph ids (and with them its kerning) are unchanged.
    for (const [c, id] of characterMap(latin)) expect(map.get(c)).toBe(id);
  });

  it('is a valid sfnt: table checksums and the checksum adjustment add up', () => {
    let sum = 0;
    const padded = Buffer.concat([merged, Buffer.alloc((4 - (merged.length % 4)) % 4)]);
    for (let i = 0; i < padded.length; i += 4) sum = (sum + padded.readUInt32BE(i)) >>> 0;
    expect(sum).toBe(0xb1b0afba);
  });

  it('wraps as EOT 2.1 with the font after the header, as it is', () => {
    const data = eot(merged);
    expect(data.readUInt32LE(0)).toBe(data.length);
    expect(data.subarray(data.length - data.readUInt32LE(4)).equals(merged)).toBe(true);
    expect(data.readUInt32LE(28)).toBe(700);
    expect(data.readUInt8(27)).toBe(1);
  });
});
