/**
 * One TrueType font out of several subsets of it (fontsource ships Source Sans 3 cut by script:
 * Latin, Latin Extended, Greek, …), because PowerPoint embeds one file per face: the first font
 * is kept whole (its glyph ids, kerning and layout tables stay valid), the others' glyphs are
 * appended after it, their composite glyphs renumbered, and one character map covers all.
 * Characters in several subsets keep the first one's glyph.
 */
import { maxOf, minOf } from '../../../base/extent.js';
import { readSfnt, sfntTable, type Sfnt } from './font-data.js';

/** Each glyph's outline bytes. */
function glyphs(font: Sfnt): Buffer[] {
  const count = sfntTable(font, 'maxp').readUInt16BE(4);
  const loca = sfntTable(font, 'loca');
  const glyf = sfntTable(font, 'glyf');
  const long = sfntTable(font, 'head').readInt16BE(50) === 1;
  const at = (i: number): number => (long ? loca.readUInt32BE(4 * i) : 2 * loca.readUInt16BE(2 * i));
  return Array.from({ length: count }, (_, i) => glyf.subarray(at(i), at(i + 1)));
}

/** Each glyph's advance and left side bearing. */
function metrics(font: Sfnt): [number, number][] {
  const count = sfntTable(font, 'maxp').readUInt16BE(4);
  const long = sfntTable(font, 'hhea').readUInt16BE(34);
  const hmtx = sfntTable(font, 'hmtx');
  return Array.from({ length: count }, (_, i) =>
    i < long ? [hmtx.readUInt16BE(4 * i), hmtx.readInt16BE(4 * i + 2)] : [hmtx.readUInt16BE(4 * (long - 1)), hmtx.readInt16BE(4 * long + 2 * (i - long))],
  );
}

/** The Unicode character map (format 4 or 12 of the Windows or Unicode platform): code point → glyph. */
export function characterMap(font: Sfnt | Buffer): Map<number, number> {
  const cmap = sfntTable(Buffer.isBuffer(font) ? readSfnt(font) : font, 'cmap');
  let best: { offset: number; format: number } | undefined;
  for (let i = 0; i < cmap.readUInt16BE(2); i++) {
    const [platform, encoding, offset] = [cmap.readUInt16BE(4 + i * 8), cmap.readUInt16BE(6 + i * 8), cmap.readUInt32BE(8 + i * 8)];
    const format = cmap.readUInt16BE(offset);
    if (((platform === 3 && (encoding === 1 || encoding === 10)) || platform === 0) && (format === 4 || format === 12) && (!best || format === 12)) best = { offset, format };
  }
  const map = new Map<number, number>();
  if (!best) return map;
  const s = cmap.subarray(best.offset);
  if (best.format === 12) {
    for (let i = 0; i < s.readUInt32BE(12); i++) {
      const [from, to, glyph] = [s.readUInt32BE(16 + i * 12), s.readUInt32BE(20 + i * 12), s.readUInt32BE(24 + i * 12)];
      for (let c = from; c <= to; c++) map.set(c, glyph + c - from);
    }
    return map;
  }
  const segments = s.readUInt16BE(6) / 2;
  for (let i = 0; i < segments; i++) {
    const end = s.readUInt16BE(14 + 2 * i);
    const start = s.readUInt16BE(16 + 2 * segments + 2 * i);
    const delta = s.readInt16BE(16 + 4 * segments + 2 * i);
    const rangeAt = 16 + 6 * segments + 2 * i;
    const rangeOffset = s.readUInt16BE(rangeAt);
    for (let c = start; c <= end && c !== 0xffff; c++) {
      const raw = rangeOffset === 0 ? c : s.readUInt16BE(rangeAt + rangeOffset + 2 * (c - start));
      const glyph = rangeOffset !== 0 && raw === 0 ? 0 : (raw + delta) & 0xffff;
      if (glyph) map.set(c, glyph);
    }
  }
  return map;
}

/** A composite glyph with its component glyph ids renumbered (simple glyphs as they are). */
function renumbered(glyph: Buffer, id: (old: number) => number): Buffer {
  if (glyph.length === 0 || glyph.readInt16BE(0) >= 0) return glyph;
  const out = Buffer.from(glyph);
  let at = 10;
  for (;;) {
    const flags = out.readUInt16BE(at);
    out.writeUInt16BE(id(out.readUInt16BE(at + 2)), at + 2);
    at += 4 + (flags & 0x0001 ? 4 : 2) + (flags & 0x0008 ? 2 : flags & 0x0040 ? 4 : flags & 0x0080 ? 8 : 0);
    if (!(flags & 0x0020)) return out;
  }
}

/** Runs of consecutive code points whose glyph ids are consecutive too. */
function runsOf(map: Map<number, number>): [number, number, number][] {
  const runs: [number, number, number][] = [];
  for (const [c, g] of [...map].sort((a, b) => a[0] - b[0])) {
    const last = runs[runs.length - 1];
    if (last && c === last[1] + 1 && g === last[2] + (c - last[0])) last[1] = c;
    else runs.push([c, c, g]);
  }
  return runs;
}

/** A cmap table: format 4 for the Basic Multilingual Plane (Windows reads it), format 12 for all. */
function cmapTable(map: Map<number, number>): Buffer {
  const bmp = runsOf(new Map([...map].filter(([c]) => c < 0xffff)));
  const segments = [...bmp.map(([from, to, g]) => ({ from, to, delta: (g - from) & 0xffff })), { from: 0xffff, to: 0xffff, delta: 1 }];
  const n = segments.length;
  const f4 = Buffer.alloc(16 + 8 * n);
  const selector = Math.floor(Math.log2(n));
  f4.writeUInt16BE(4, 0);
  f4.writeUInt16BE(f4.length, 2);
  f4.writeUInt16BE(2 * n, 6);
  f4.writeUInt16BE(2 * 2 ** selector, 8);
  f4.writeUInt16BE(selector, 10);
  f4.writeUInt16BE(2 * n - 2 * 2 ** selector, 12);
  segments.forEach((seg, i) => {
    f4.writeUInt16BE(seg.to, 14 + 2 * i);
    f4.writeUInt16BE(seg.from, 16 + 2 * n + 2 * i);
    f4.writeUInt16BE(seg.delta, 16 + 4 * n + 2 * i);
    // idRangeOffset: 0 (the delta alone gives the glyph)
  });
  const all = runsOf(map);
  const f12 = Buffer.alloc(16 + 12 * all.length);
  f12.writeUInt16BE(12, 0);
  f12.writeUInt32BE(f12.length, 4);
  f12.writeUInt32BE(all.length, 12);
  all.forEach(([from, to, g], i) => {
    f12.writeUInt32BE(from, 16 + 12 * i);
    f12.writeUInt32BE(to, 20 + 12 * i);
    f12.writeUInt32BE(g, 24 + 12 * i);
  });
  const head = Buffer.alloc(4 + 8 * 2);
  head.writeUInt16BE(2, 2);
  head.writeUInt16BE(3, 4);
  head.writeUInt16BE(1, 6);
  head.writeUInt32BE(head.length, 8);
  head.writeUInt16BE(3, 12);
  head.writeUInt16BE(10, 14);
  head.writeUInt32BE(head.length + f4.length, 16);
  return Buffer.concat([head, f4, f12]);
}

const checksum = (data: Buffer): number => {
  const padded = Buffer.concat([data, Buffer.alloc((4 - (data.length % 4)) % 4)]);
  let sum = 0;
  for (let i = 0; i < padded.length; i += 4) sum = (sum + padded.readUInt32BE(i)) >>> 0;
  return sum;
};

/** An sfnt of these tables, in tag order, with checksums and the head's checksum adjustment. */
function writeSfnt(tables: Map<string, Buffer>): Buffer {
  const tags = [...tables.keys()].sort();
  const count = tags.length;
  const selector = Math.floor(Math.log2(count));
  const dir = Buffer.alloc(12 + 16 * count);
  dir.writeUInt32BE(0x00010000, 0);
  dir.writeUInt16BE(count, 4);
  dir.writeUInt16BE(16 * 2 ** selector, 6);
  dir.writeUInt16BE(selector, 8);
  dir.writeUInt16BE(16 * count - 16 * 2 ** selector, 10);
  const head = Buffer.from(tables.get('head')!);
  head.writeUInt32BE(0, 8);
  tables.set('head', head);
  let offset = dir.length;
  const bodies: Buffer[] = [];
  tags.forEach((tag, i) => {
    const data = tables.get(tag)!;
    dir.write(tag, 12 + 16 * i, 'latin1');
    dir.writeUInt32BE(checksum(data), 16 + 16 * i);
    dir.writeUInt32BE(offset, 20 + 16 * i);
    dir.writeUInt32BE(data.length, 24 + 16 * i);
    const padded = Buffer.concat([data, Buffer.alloc((4 - (data.length % 4)) % 4)]);
    bodies.push(padded);
    offset += padded.length;
  });
  const out = Buffer.concat([dir, ...bodies]);
  const headAt = out.readUInt32BE(20 + 16 * tags.indexOf('head'));
  out.writeUInt32BE((0xb1b0afba - checksum(out)) >>> 0, headAt + 8);
  return out;
}

/** The fonts (TrueType sfnts, subsets of one face) as one; a single font comes back as it is. */
export function mergeFonts(sfnts: readonly Buffer[]): Buffer {
  if (sfnts.length === 1) return sfnts[0]!;
  const fonts = sfnts.map(readSfnt);
  const base = fonts[0]!;
  const outlines: Buffer[] = [];
  const widths: [number, number][] = [];
  const map = new Map<number, number>();
  fonts.forEach((font, f) => {
    const first = outlines.length;
    // Every font's .notdef (glyph 0) but the first's is left out: glyph g of a later font is first + g - 1.
    const id = (g: number): number => (f === 0 ? g : g === 0 ? 0 : first + g - 1);
    const own = glyphs(font);
    const advances = metrics(font);
    own.forEach((glyph, g) => {
      if (f > 0 && g === 0) return;
      outlines.push(renumbered(glyph, id));
      widths.push(advances[g]!);
    });
    for (const [c, g] of characterMap(font)) if (!map.has(c)) map.set(c, id(g));
  });
  // glyf with long loca offsets, each glyph on a 4-byte boundary.
  const padded = outlines.map((g) => Buffer.concat([g, Buffer.alloc((4 - (g.length % 4)) % 4)]));
  const loca = Buffer.alloc(4 * (padded.length + 1));
  padded.reduce((at, g, i) => (loca.writeUInt32BE(at, 4 * i), at + g.length), 0);
  loca.writeUInt32BE(padded.reduce((n, g) => n + g.length, 0), 4 * padded.length);
  const hmtx = Buffer.alloc(4 * widths.length);
  widths.forEach(([advance, lsb], i) => (hmtx.writeUInt16BE(advance, 4 * i), hmtx.writeInt16BE(lsb, 4 * i + 2)));
  const head = Buffer.from(sfntTable(base, 'head'));
  head.writeInt16BE(1, 50); // indexToLocFormat: long
  const hhea = Buffer.from(sfntTable(base, 'hhea'));
  hhea.writeUInt16BE(maxOf(widths.map(([a]) => a)), 10);
  hhea.writeUInt16BE(widths.length, 34);
  // maxp 1.0: the glyph count, and each limit the largest of the fonts'.
  const maxp = Buffer.from(sfntTable(base, 'maxp'));
  maxp.writeUInt16BE(outlines.length, 4);
  if (maxp.readUInt32BE(0) === 0x00010000) {
    for (let o = 6; o + 2 <= maxp.length; o += 2) maxp.writeUInt16BE(maxOf(fonts.map((f) => sfntTable(f, 'maxp').readUInt16BE(o))), o);
  }
  // OS/2: the Unicode ranges of all, and the first and last character.
  const os2 = Buffer.from(sfntTable(base, 'OS/2'));
  for (let o = 42; o < 58; o += 4) os2.writeUInt32BE(fonts.reduce((bits, f) => (bits | sfntTable(f, 'OS/2').readUInt32BE(o)) >>> 0, 0), o);
  const codes = [...map.keys()];
  os2.writeUInt16BE(Math.min(0xffff, minOf(codes)), 64);
  os2.writeUInt16BE(Math.min(0xffff, maxOf(codes)), 66);
  // post 3.0: no glyph names (the first font's names do not cover the appended glyphs).
  const post = Buffer.from(sfntTable(base, 'post').subarray(0, 32));
  post.writeUInt32BE(0x00030000, 0);
  const tables = new Map(base.tables);
  for (const [tag, data] of Object.entries({ head, hhea, maxp, 'OS/2': os2, post, hmtx, loca, glyf: Buffer.concat(padded), cmap: cmapTable(map) })) tables.set(tag, data);
  return writeSfnt(tables);
}
