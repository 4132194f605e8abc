/**
 * A picture's size in pixels from the first bytes of its file, without decoding it, so that a
 * picture too large to decode is refused before a browser or resvg tries: a 20000×20000 PNG of a
 * few bytes took Chromium to 3.1 GB while printing the PDF (4 bytes a pixel decoded). The format
 * is recognised by its content, as browsers do, not by the file name.
 *
 * PNG (IHDR), JPEG (the frame header, past fill bytes and stand-alone markers), GIF (every
 * frame: one may be far larger than the "logical screen" in the header, and each is decoded),
 * WebP (VP8, VP8L, VP8X), BMP, ICO (each entry, PNG entries by their own header) and AVIF (the
 * `ispe` property). Anything else is not a picture this module knows: undefined.
 */

export interface PictureSize {
  type: 'png' | 'jpeg' | 'gif' | 'webp' | 'bmp' | 'ico' | 'avif';
  width: number;
  height: number;
  /** Frames decoded one after another (an animated GIF), when more than one. */
  frames?: number;
}

/** The budget: no side over 16,384 px and at most 40 megapixels (160 MB decoded), frames together at most four times that. */
const PICTURE_LIMITS = { side: 16_384, pixels: 40e6 };

const u16be = (b: Uint8Array, i: number): number => (b[i]! << 8) | b[i + 1]!;
const u16le = (b: Uint8Array, i: number): number => b[i]! | (b[i + 1]! << 8);
const u24le = (b: Uint8Array, i: number): number => b[i]! | (b[i + 1]! << 8) | (b[i + 2]! << 16);
const u32be = (b: Uint8Array, i: number): number => ((b[i]! << 24) >>> 0) + ((b[i + 1]! << 16) | (b[i + 2]! << 8) | b[i + 3]!);
const u32le = (b: Uint8Array, i: number): number => (b[i]! | (b[i + 1]! << 8) | (b[i + 2]! << 16) | (b[i + 3]! << 24)) >>> 0;
const ascii = (b: Uint8Array, i: number, n: number): string => String.fromCharCode(...b.subarray(i, i + n));

/** Whether the bytes start like a GIF: its frames may be anywhere in the file, so read it whole. */
export function isGif(b: Uint8Array): boolean {
  return b.length >= 6 && (ascii(b, 0, 6) === 'GIF87a' || ascii(b, 0, 6) === 'GIF89a');
}

export function pictureSize(b: Uint8Array): PictureSize | undefined {
  if (b.length >= 24 && u32be(b, 0) === 0x89504e47 && u32be(b, 4) === 0x0d0a1a0a && ascii(b, 12, 4) === 'IHDR') {
    return { type: 'png', width: u32be(b, 16), height: u32be(b, 20) };
  }
  if (b.length >= 4 && b[0] === 0xff && b[1] === 0xd8) return jpeg(b);
  if (b.length >= 10 && isGif(b)) return gif(b);
  if (b.length >= 30 && ascii(b, 0, 4) === 'RIFF' && ascii(b, 8, 4) === 'WEBP') return webp(b);
  if (b.length >= 26 && ascii(b, 0, 2) === 'BM') return { type: 'bmp', width: Math.abs(u32le(b, 18) | 0), height: Math.abs(u32le(b, 22) | 0) };
  if (b.length >= 6 && u16le(b, 0) === 0 && u16le(b, 2) === 1 && u16le(b, 4) > 0) return ico(b);
  if (b.length >= 12 && ascii(b, 4, 4) === 'ftyp' && /^(avif|avis|mif1|heic)/.test(ascii(b, 8, 4))) return avif(b);
  return undefined;
}

/** Why a picture is too large to decode, or undefined. */
export function pictureTooLarge(size: PictureSize): string | undefined {
  const { side, pixels } = PICTURE_LIMITS;
  const area = size.width * size.height;
  const mp = (n: number): string => `${(n / 1e6).toLocaleString('en', { maximumFractionDigits: 0 })} megapixels`;
  if (size.width > side || size.height > side) return `is ${size.width}×${size.height} pixels, more than ${side.toLocaleString('en')} on a side`;
  if (area > pixels) return `is ${size.width}×${size.height} pixels (${mp(area)}; at most ${mp(pixels)})`;
  if ((size.frames ?? 1) * area > 4 * pixels) return `has ${size.frames} frames of ${size.width}×${size.height} pixels (at most ${mp(4 * pixels)} together)`;
  return undefined;
}

function jpeg(b: Uint8Array): PictureSize | undefined {
  let i = 2;
  while (i + 3 < b.length) {
    if (b[i] !== 0xff) return undefined;
    let marker = b[i + 1]!;
    // Fill bytes: any number of 0xFF may precede a marker.
    while (marker === 0xff && i + 2 < b.length) marker = b[++i + 1]!;
    // Stand-alone markers carry no length: TEM, RST0–7, SOI.
    if (marker === 0x01 || (marker >= 0xd0 && marker <= 0xd8)) {
      i += 2;
      continue;
    }
    if (marker === 0xd9 || marker === 0xda) return undefined; // the end, or the scan, before any frame header
    const length = u16be(b, i + 2);
    if (length < 2) return undefined;
    // SOF0–SOF15 except DHT (C4), JPG (C8), DAC (CC): precision, height, width.
    if (marker >= 0xc0 && marker <= 0xcf && marker !== 0xc4 && marker !== 0xc8 && marker !== 0xcc) {
      return i + 9 <= b.length ? { type: 'jpeg', height: u16be(b, i + 5), width: u16be(b, i + 7) } : undefined;
    }
    i += 2 + length;
  }
  return undefined;
}

function gif(b: Uint8Array): PictureSize {
  let width = u16le(b, 6);
  let height = u16le(b, 8);
  let frames = 0;
  let i = 13;
  if (b[10]! & 0x80) i += 3 * (1 << ((b[10]! & 7) + 1)); // global colour table
  const skipSubBlocks = (): void => {
    while (i < b.length && b[i] !== 0) i += b[i]! + 1;
    i++;
  };
  while (i < b.length) {
    const block = b[i];
    if (block === 0x3b) break; // trailer
    if (block === 0x21) {
      i += 2;
      skipSubBlocks();
      continue;
    }
    if (block !== 0x2c || i + 10 > b.length) break;
    // An image descriptor: a frame may reach beyond the logical screen; decoders allocate for it.
    frames++;
    width = Math.max(width, u16le(b, i + 1) + u16le(b, i + 5));
    height = Math.max(height, u16le(b, i + 3) + u16le(b, i + 7));
    const packed = b[i + 9]!;
    i += 10;
    if (packed & 0x80) i += 3 * (1 << ((packed & 7) + 1)); // local colour table
    i++; // LZW minimum code size
    skipSubBlocks();
  }
  return { type: 'gif', width, height, ...(frames > 1 ? { frames } : {}) };
}

function webp(b: Uint8Array): PictureSize | undefined {
  const chunk = ascii(b, 12, 4);
  if (chunk === 'VP8X') return { type: 'webp', width: u24le(b, 24) + 1, height: u24le(b, 27) + 1 };
  if (chunk === 'VP8L' && b[20] === 0x2f) {
    const bits = u32le(b, 21);
    return { type: 'webp', width: (bits & 0x3fff) + 1, height: ((bits >>> 14) & 0x3fff) + 1 };
  }
  if (chunk === 'VP8 ' && b[23] === 0x9d && b[24] === 0x01 && b[25] === 0x2a) {
    return { type: 'webp', width: u16le(b, 26) & 0x3fff, height: u16le(b, 28) & 0x3fff };
  }
  return undefined;
}

function ico(b: Uint8Array): PictureSize | undefined {
  let width = 0;
  let height = 0;
  for (let n = 0, at = 6; n < u16le(b, 4) && at + 16 <= b.length; n++, at += 16) {
    const offset = u32le(b, at + 12);
    // A PNG entry says its own size; the directory's byte (0 for 256) may not.
    const png = offset + 24 <= b.length ? pictureSize(b.subarray(offset, offset + 24)) : undefined;
    width = Math.max(width, png?.width ?? (b[at] || 256));
    height = Math.max(height, png?.height ?? (b[at + 1] || 256));
  }
  return width ? { type: 'ico', width, height } : undefined;
}

function avif(b: Uint8Array): PictureSize | undefined {
  // The image spatial extents property: size, 'ispe', version and flags, width, height.
  let width = 0;
  let height = 0;
  for (let i = 4; i + 16 <= b.length; i++) {
    if (b[i] !== 0x69 || ascii(b, i, 4) !== 'ispe') continue;
    width = Math.max(width, u32be(b, i + 8));
    height = Math.max(height, u32be(b, i + 12));
  }
  return width ? { type: 'avif', width, height } : undefined;
}
