// The widest advance of each character among the fonts that plausibly draw a talkdeck .pptx:
// Source Sans 3 (the theme's font, embedded), Liberation Sans (Arial's metrics: PowerPoint's
// substitute on Windows) and DejaVu Sans (LibreOffice's on Linux). The PowerPoint writer fits
// text against these, so that no substitute wraps it into more lines than were planned.
//
//   node scripts/advance-widths.mjs           write src/core/model/advance-widths.ts
//   node scripts/advance-widths.mjs --check   exit 1 when that file is not what the fonts give
//
// Fonts: Debian's fonts-dejavu-core and fonts-liberation (read from /usr/share/fonts), and the
// WOFF files of @fontsource/source-sans-3 (a dependency). Read once, here; never at run time.
import { readFileSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { inflateSync } from 'node:zlib';

const ROOT = join(dirname(fileURLToPath(import.meta.url)), '..');
export const TARGET = join(ROOT, 'src/core/model/advance-widths.ts');
const SYSTEM = '/usr/share/fonts/truetype';
const FONTSOURCE = join(dirname(createRequire(import.meta.url).resolve('@fontsource/source-sans-3')), 'files');
const SUBSETS = ['latin', 'latin-ext', 'greek', 'greek-ext', 'cyrillic', 'cyrillic-ext', 'vietnamese'];

/** Regular and italic count as regular (a slanted face is no wider), bold and bold italic as bold. */
const FACES = {
  regular: {
    system: ['dejavu/DejaVuSans.ttf', 'dejavu/DejaVuSans-Oblique.ttf', 'liberation/LiberationSans-Regular.ttf', 'liberation/LiberationSans-Italic.ttf'],
    fontsource: ['400-normal', '400-italic'],
  },
  bold: {
    system: ['dejavu/DejaVuSans-Bold.ttf', 'dejavu/DejaVuSans-BoldOblique.ttf', 'liberation/LiberationSans-Bold.ttf', 'liberation/LiberationSans-BoldItalic.ttf'],
    fontsource: ['700-normal', '700-italic'],
  },
};

/** The blocks a deck's text is written in; other characters are measured at 1 em. */
export const RANGES = [
  [0x0020, 0x007e], // Basic Latin
  [0x00a0, 0x024f], // Latin-1, Latin Extended A and B
  [0x0370, 0x03ff], // Greek
  [0x0400, 0x04ff], // Cyrillic
  [0x1e00, 0x1eff], // Latin Extended Additional (Vietnamese)
  [0x2000, 0x206f], // General Punctuation (dashes, quotes, spaces)
  [0x20a0, 0x20bf], // Currency signs
  [0x2100, 0x214f], // Letterlike symbols (№, ™)
  [0x2190, 0x21ff], // Arrows
  [0x2212, 0x2212], // Minus sign
  [0x25a0, 0x25ff], // Geometric shapes (the list markers ● ■)
];

/** A WOFF 1.0 file's tables, or a TTF's. */
function tables(buf) {
  const out = {};
  if (buf.toString('latin1', 0, 4) === 'wOFF') {
    for (let i = 0; i < buf.readUInt16BE(12); i++) {
      const o = 44 + i * 20;
      const [off, comp, orig] = [buf.readUInt32BE(o + 4), buf.readUInt32BE(o + 8), buf.readUInt32BE(o + 12)];
      const raw = buf.subarray(off, off + comp);
      out[buf.toString('latin1', o, o + 4)] = comp < orig ? inflateSync(raw) : raw;
    }
    return out;
  }
  for (let i = 0; i < buf.readUInt16BE(4); i++) {
    const o = 12 + i * 16;
    const off = buf.readUInt32BE(o + 8);
    out[buf.toString('latin1', o, o + 4)] = buf.subarray(off, off + buf.readUInt32BE(o + 12));
  }
  return out;
}

/** Code point → advance in 1/1000 em, from the font's Unicode cmap (format 4 or 12) and hmtx. */
function advances(file) {
  const t = tables(readFileSync(file));
  const upm = t.head.readUInt16BE(18);
  const longMetrics = t.hhea.readUInt16BE(34);
  const advance = (glyph) => Math.round((t.hmtx.readUInt16BE(4 * Math.min(glyph, longMetrics - 1)) * 1000) / upm);
  const cmap = t.cmap;
  let best;
  for (let i = 0; i < cmap.readUInt16BE(2); i++) {
    const [platform, encoding, offset] = [cmap.readUInt16BE(4 + i * 8), cmap.readUInt16BE(6 + i * 8), cmap.readUInt32BE(8 + i * 8)];
    const format = cmap.readUInt16BE(offset);
    if ((platform === 3 && (encoding === 1 || encoding === 10)) || platform === 0) if (!best || format === 12) best = { offset, format };
  }
  const s = cmap.subarray(best.offset);
  const map = new Map();
  if (best.format === 4) {
    const segments = s.readUInt16BE(6) / 2;
    for (let i = 0; i < segments; i++) {
      const end = s.readUInt16BE(14 + 2 * i);
      const start = s.readUInt16BE(16 + 2 * segments + 2 * i);
      const delta = s.readInt16BE(16 + 4 * segments + 2 * i);
      const rangeAt = 16 + 6 * segments + 2 * i;
      const rangeOffset = s.readUInt16BE(rangeAt);
      for (let c = start; c <= end && c !== 0xffff; c++) {
        const g = rangeOffset === 0 ? (c + delta) & 0xffff : s.readUInt16BE(rangeAt + rangeOffset + 2 * (c - start));
        const glyph = rangeOffset === 0 || g === 0 ? g : (g + delta) & 0xffff;
        if (glyph) map.set(c, advance(glyph));
      }
    }
  } else {
    for (let i = 0; i < s.readUInt32BE(12); i++) {
      const [from, to, glyph] = [s.readUInt32BE(16 + i * 12), s.readUInt32BE(20 + i * 12), s.readUInt32BE(24 + i * 12)];
      for (let c = from; c <= to; c++) map.set(c, advance(glyph + c - from));
    }
  }
  return map;
}

export function generate() {
  const widest = {};
  for (const [weight, face] of Object.entries(FACES)) {
    const fonts = [
      ...face.system.map((f) => join(SYSTEM, f)),
      ...face.fontsource.flatMap((style) => SUBSETS.map((subset) => join(FONTSOURCE, `source-sans-3-${subset}-${style}.woff`))),
    ].map(advances);
    widest[weight] = RANGES.map(([from, to]) =>
      Array.from({ length: to - from + 1 }, (_, i) => Math.max(0, ...fonts.map((f) => f.get(from + i) ?? 0))),
    );
  }
  const rows = (values) => values.map((v, i) => (i % 24 === 0 ? `\n    ${v}` : v)).join(',');
  const table = (weight) => widest[weight].map((values) => `  [${rows(values)},\n  ]`).join(',\n');
  return (
    '// Generated by scripts/advance-widths.mjs from DejaVu Sans, Liberation Sans and Source Sans 3: do not edit.\n' +
    '// Per character, the widest advance of the three in 1/1000 em (0: none of them has it).\n\n' +
    '/** The blocks measured: first and last code point. */\n' +
    `export const ADVANCE_RANGES: readonly (readonly [number, number])[] = [\n${RANGES.map(([a, b]) => `  [0x${a.toString(16).padStart(4, '0')}, 0x${b.toString(16).padStart(4, '0')}],`).join('\n')}\n];\n\n` +
    '/** Regular (and italic) advances, per range. */\n' +
    `export const REGULAR_ADVANCES: readonly (readonly number[])[] = [\n${table('regular')},\n];\n\n` +
    '/** Bold (and bold italic) advances, per range. */\n' +
    `export const BOLD_ADVANCES: readonly (readonly number[])[] = [\n${table('bold')},\n];\n`
  );
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const text = generate();
  if (process.argv.includes('--check')) {
    if (readFileSync(TARGET, 'utf8') !== text) {
      console.error(`${TARGET} is not what the fonts give: run node scripts/advance-widths.mjs`);
      process.exit(1);
    }
  } else writeFileSync(TARGET, text);
}
