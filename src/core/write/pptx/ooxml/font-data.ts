/**
 * A font as PowerPoint embeds it: `ppt/fonts/fontN.fntdata` holds Embedded OpenType (EOT, W3C
 * submission 2008; [MS-OI29500] 2.1.34), not the bare TrueType file, which PowerPoint refuses.
 * Written as PowerPoint's readers and the common converters (ttf2eot) write it: version 2.1, no
 * compression, no obfuscation, the header's fields copied from the font's own OS/2, head and name
 * tables. The font comes as WOFF 1.0 (fontsource's files), whose tables are inflated back first.
 * The sfnt's table directory is read here, for this and for font-merge.ts.
 */
import { inflateSync } from 'node:zlib';

/** WOFF 1.0 → the sfnt (TTF) it wraps: every table inflated, a new table directory. */
export function woffToSfnt(woff: Uint8Array): Buffer {
  const buf = Buffer.from(woff.buffer, woff.byteOffset, woff.byteLength);
  if (buf.toString('latin1', 0, 4) !== 'wOFF') throw new Error('not a WOFF 1.0 file');
  const flavor = buf.readUInt32BE(4);
  const count = buf.readUInt16BE(12);
  const tables = Array.from({ length: count }, (_, i) => {
    const o = 44 + i * 20;
    const off = buf.readUInt32BE(o + 4);
    const compLength = buf.readUInt32BE(o + 8);
    const origLength = buf.readUInt32BE(o + 12);
    const raw = buf.subarray(off, off + compLength);
    return { tag: buf.toString('latin1', o, o + 4), checksum: buf.readUInt32BE(o + 16), data: compLength < origLength ? inflateSync(raw) : Buffer.from(raw) };
  }).sort((a, b) => (a.tag < b.tag ? -1 : a.tag > b.tag ? 1 : 0));
  const entrySelector = Math.floor(Math.log2(count));
  const searchRange = 2 ** entrySelector * 16;
  const head = Buffer.alloc(12 + 16 * count);
  head.writeUInt32BE(flavor, 0);
  head.writeUInt16BE(count, 4);
  head.writeUInt16BE(searchRange, 6);
  head.writeUInt16BE(entrySelector, 8);
  head.writeUInt16BE(count * 16 - searchRange, 10);
  let offset = head.length;
  const parts: Buffer[] = [head];
  tables.forEach((t, i) => {
    const o = 12 + i * 16;
    head.write(t.tag, o, 'latin1');
    head.writeUInt32BE(t.checksum, o + 4);
    head.writeUInt32BE(offset, o + 8);
    head.writeUInt32BE(t.data.length, o + 12);
    const pad = (4 - (t.data.length % 4)) % 4;
    parts.push(t.data, Buffer.alloc(pad));
    offset += t.data.length + pad;
  });
  return Buffer.concat(parts);
}

/** An sfnt (TrueType) font as its tables by tag. */
export interface Sfnt {
  tables: Map<string, Buffer>;
}

export function readSfnt(sfnt: Buffer): Sfnt {
  const tables = new Map<string, Buffer>();
  for (let i = 0; i < sfnt.readUInt16BE(4); i++) {
    const o = 12 + i * 16;
    const at = sfnt.readUInt32BE(o + 8);
    tables.set(sfnt.toString('latin1', o, o + 4), sfnt.subarray(at, at + sfnt.readUInt32BE(o + 12)));
  }
  return { tables };
}

/** A table the font must have, by its tag. */
export function sfntTable(font: Sfnt, tag: string): Buffer {
  const t = font.tables.get(tag);
  if (!t) throw new Error(`font has no ${tag} table`);
  return t;
}

/** A name of the font (1 family, 2 style, 4 full, 5 version) as UTF-16LE, the Windows English entry. */
function name(names: Buffer, id: number): Buffer {
  const count = names.readUInt16BE(2);
  const strings = names.readUInt16BE(4);
  let found: Buffer | undefined;
  for (let i = 0; i < count; i++) {
    const o = 6 + i * 12;
    const [platform, encoding, language, nameId] = [names.readUInt16BE(o), names.readUInt16BE(o + 2), names.readUInt16BE(o + 4), names.readUInt16BE(o + 6)];
    if (platform !== 3 || encoding !== 1 || nameId !== id) continue;
    const at = strings + names.readUInt16BE(o + 10);
    const value = Buffer.from(names.subarray(at, at + names.readUInt16BE(o + 8)));
    if (!found || language === 0x409) found = value;
  }
  // The name table is big-endian UTF-16; the EOT header wants little-endian.
  return found ? found.swap16() : Buffer.alloc(0);
}

/** The font (a TrueType sfnt) as Embedded OpenType 2.1, uncompressed. */
export function eot(sfnt: Buffer): Buffer {
  const font = readSfnt(sfnt);
  const os2 = sfntTable(font, 'OS/2');
  const names = sfntTable(font, 'name');
  const fixed = Buffer.alloc(82);
  fixed.writeUInt32LE(sfnt.length, 4); // FontDataSize
  fixed.writeUInt32LE(0x00020001, 8); // Version
  fixed.writeUInt32LE(0, 12); // Flags: no subsetting, compression or obfuscation
  os2.copy(fixed, 16, 32, 42); // FontPANOSE
  fixed.writeUInt8(1, 26); // Charset: DEFAULT_CHARSET
  fixed.writeUInt8(os2.readUInt16BE(62) & 1, 27); // Italic, from fsSelection
  fixed.writeUInt32LE(os2.readUInt16BE(4), 28); // Weight
  fixed.writeUInt16LE(os2.readUInt16BE(8), 32); // fsType
  fixed.writeUInt16LE(0x504c, 34); // MagicNumber
  for (let i = 0; i < 4; i++) fixed.writeUInt32LE(os2.readUInt32BE(42 + 4 * i), 36 + 4 * i); // UnicodeRange1–4
  for (let i = 0; i < 2; i++) fixed.writeUInt32LE(os2.readUInt16BE(0) >= 1 ? os2.readUInt32BE(78 + 4 * i) : 0, 52 + 4 * i); // CodePageRange1–2
  fixed.writeUInt32LE(sfntTable(font, 'head').readUInt32BE(8), 60); // CheckSumAdjustment
  // Reserved1–4 and Padding1 stay zero.
  const strings = [1, 2, 5, 4].flatMap((id, i) => {
    const value = name(names, id);
    const size = Buffer.alloc(2);
    size.writeUInt16LE(value.length);
    return [...(i ? [Buffer.alloc(2)] : []), size, value]; // Padding2–5 between the strings
  });
  // Padding5, then an empty RootString.
  const header = Buffer.concat([fixed, ...strings, Buffer.alloc(2), Buffer.alloc(2)]);
  const out = Buffer.concat([header, sfnt]);
  out.writeUInt32LE(out.length, 0); // EOTSize
  return out;
}
