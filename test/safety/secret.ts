/**
 * A planted secret: a distinctive picture (solid magenta, a colour no theme uses) outside the
 * deck folder, where a hostile deck would look for it — beside the project (`../../secret.png`
 * from `content/deck/`), as the working folder's own file (`secret.png`, where resvg would
 * resolve a relative path), and at a fixed absolute path the fixtures name. After a run,
 * `secretTraces` looks for it in everything written: its bytes or their base64 in any file, and
 * its colour in every picture — PNG files (the PowerPoint file's media included) and each page of
 * every PDF as pdftoppm renders it.
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { deflateSync, inflateSync } from 'node:zlib';
import { readZip } from '../../src/core/write/pptx/ooxml/zip.js';

/** The absolute path hostile fixtures name. */
export const PLANTED = '/tmp/talkdeck-planted-secret.png';

/** 48×48, solid magenta, as a plain RGB PNG. */
export function secretPng(): Buffer {
  const size = 48;
  const row = Buffer.concat([Buffer.from([0]), Buffer.alloc(size * 3, Buffer.from([255, 0, 255]))]);
  const chunk = (type: string, data: Buffer): Buffer => {
    const head = Buffer.alloc(8);
    head.writeUInt32BE(data.length, 0);
    head.write(type, 4, 'latin1');
    const crc = Buffer.alloc(4);
    crc.writeUInt32BE(crc32(Buffer.concat([head.subarray(4), data])), 0);
    return Buffer.concat([head, data, crc]);
  };
  const ihdr = Buffer.alloc(13);
  ihdr.writeUInt32BE(size, 0);
  ihdr.writeUInt32BE(size, 4);
  ihdr.set([8, 2, 0, 0, 0], 8);
  return Buffer.concat([
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    chunk('IHDR', ihdr),
    chunk('IDAT', deflateSync(Buffer.concat(Array.from({ length: size }, () => row)))),
    chunk('IEND', Buffer.alloc(0)),
  ]);
}

/** Plants the secret beside the project's decks and at the absolute path; returns the project. */
export function plantSecrets(project: string): string {
  const png = secretPng();
  writeFileSync(join(project, 'secret.png'), png);
  writeFileSync(join(project, 'secret.svg'), `<svg xmlns="http://www.w3.org/2000/svg" width="48" height="48"><rect width="48" height="48" fill="#f0f"/></svg>\n`);
  writeFileSync(join(project, 'secret.css'), `body { background: #f0f; }\n`);
  // Several test files plant it at once: the same bytes, written whole.
  const tmp = `${PLANTED}.${process.pid}`;
  writeFileSync(tmp, png);
  spawnSync('mv', ['-f', tmp, PLANTED]);
  return project;
}

/** Files below `dir` (relative names) that carry the secret, each with how. */
export function secretTraces(dir: string): string[] {
  const png = secretPng();
  const b64 = png.toString('base64');
  const found: string[] = [];
  for (const entry of readdirSync(dir, { recursive: true, withFileTypes: true })) {
    const full = join(entry.parentPath, entry.name);
    if (!statSync(full).isFile()) continue;
    const name = full.slice(dir.length + 1);
    const bytes = readFileSync(full);
    if (bytes.includes(png) || bytes.includes(b64)) found.push(`${name}: the secret's bytes`);
    if (/\.png$/i.test(name) && magentaPixels(decodePng(bytes)) > 0) found.push(`${name}: the secret's colour`);
    if (/\.pptx$/i.test(name)) {
      for (const [media, data] of readZip(bytes) ?? []) {
        if (/\.png$/i.test(media) && magentaPixels(decodePng(Buffer.from(data))) > 0) found.push(`${name} ${media}: the secret's colour`);
      }
    }
    if (/\.pdf$/i.test(name)) {
      pdfPages(full).forEach((page, i) => {
        if (magentaPixels(page) > 0) found.push(`${name} page ${i + 1}: the secret's colour`);
      });
    }
  }
  return found;
}

interface Pixels {
  width: number;
  height: number;
  /** RGB or RGBA, row by row. */
  data: Buffer;
  channels: number;
}

/** Pixels that are clearly the secret's magenta (anti-aliased edges aside). */
function magentaPixels(img: Pixels | undefined): number {
  if (!img) return 0;
  let n = 0;
  for (let i = 0; i < img.width * img.height; i++) {
    const o = i * img.channels;
    const alpha = img.channels === 4 ? img.data[o + 3]! : 255;
    if (alpha > 200 && img.data[o]! > 200 && img.data[o + 1]! < 60 && img.data[o + 2]! > 200) n++;
  }
  return n;
}

/** Every page of a PDF as pdftoppm renders it (PPM, 30 dpi). */
function pdfPages(file: string): Pixels[] {
  const out = mkdtempSync(join(tmpdir(), 'talkdeck-pages-'));
  try {
    const r = spawnSync('pdftoppm', ['-r', '30', file, join(out, 'p')]);
    if (r.status !== 0) throw new Error(`pdftoppm failed on ${file}: ${r.stderr}`);
    return readdirSync(out)
      .sort()
      .map((f) => readPpm(readFileSync(join(out, f))));
  } finally {
    rmSync(out, { recursive: true, force: true });
  }
}

function readPpm(b: Buffer): Pixels {
  const header = /^P6\s+(\d+)\s+(\d+)\s+255\s/.exec(b.subarray(0, 64).toString('latin1'));
  if (!header) throw new Error('not a binary PPM');
  return { width: Number(header[1]), height: Number(header[2]), data: b.subarray(header[0].length), channels: 3 };
}

/** An 8-bit RGB or RGBA PNG, not interlaced (what resvg and the fixtures write); else undefined. */
function decodePng(b: Buffer): Pixels | undefined {
  if (b.length < 33 || b.readUInt32BE(12) !== 0x49484452) return undefined;
  const width = b.readUInt32BE(16);
  const height = b.readUInt32BE(20);
  const [depth, type, , , interlace] = b.subarray(24, 29);
  if (depth !== 8 || (type !== 2 && type !== 6) || interlace !== 0 || width * height > 40e6) return undefined;
  const channels = type === 6 ? 4 : 3;
  const idat: Buffer[] = [];
  for (let i = 8; i + 8 <= b.length; ) {
    const length = b.readUInt32BE(i);
    if (b.toString('latin1', i + 4, i + 8) === 'IDAT') idat.push(b.subarray(i + 8, i + 8 + length));
    i += 12 + length;
  }
  let raw: Buffer;
  try {
    raw = inflateSync(Buffer.concat(idat));
  } catch {
    return undefined; // a header without its picture: nothing to see
  }
  const stride = width * channels;
  const data = Buffer.alloc(stride * height);
  for (let y = 0; y < height; y++) {
    const filter = raw[y * (stride + 1)]!;
    const line = raw.subarray(y * (stride + 1) + 1, (y + 1) * (stride + 1));
    for (let x = 0; x < stride; x++) {
      const a = x >= channels ? data[y * stride + x - channels]! : 0;
      const up = y > 0 ? data[(y - 1) * stride + x]! : 0;
      const c = x >= channels && y > 0 ? data[(y - 1) * stride + x - channels]! : 0;
      const p = a + up - c;
      const predictor = [0, a, up, (a + up) >> 1, Math.abs(p - a) <= Math.abs(p - up) && Math.abs(p - a) <= Math.abs(p - c) ? a : Math.abs(p - up) <= Math.abs(p - c) ? up : c][filter] ?? 0;
      data[y * stride + x] = (line[x]! + predictor) & 0xff;
    }
  }
  return { width, height, data, channels };
}

function crc32(data: Buffer): number {
  let crc = 0xffffffff;
  for (const byte of data) {
    crc ^= byte;
    for (let k = 0; k < 8; k++) crc = crc & 1 ? (crc >>> 1) ^ 0xedb88320 : crc >>> 1;
  }
  return (crc ^ 0xffffffff) >>> 0;
}
