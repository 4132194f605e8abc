/**
 * The deck's images as PowerPoint shows them: PNG, JPEG and GIF as they are; an SVG beside a PNG
 * rendering of it, which viewers without SVG support draw. Each file is read once.
 */
import { TalkdeckError } from '../../../base/errors.js';
import type { Image } from '../presentation.js';
import { rasterSize } from './image-size.js';

export interface ImageSource {
  /** The bytes of an image the model names (e.g. `assets/images/x.png`). */
  readAsset(src: string): Uint8Array;
  /** Renders an SVG to PNG at about `widthPx` wide; `name` (`images/x.svg`) is named in its problems. */
  rasterizeSvg(svg: Uint8Array, widthPx: number, name: string): { png: Uint8Array; width: number; height: number };
  /** The deck file, named in errors. */
  file?: string | undefined;
}

/** `slideW`: the slide's width in px; an SVG is rendered at twice it, sharp on a projector. */
export function imageLoader(source: ImageSource, slideW: number): (src: string, where: string) => Image {
  const images = new Map<string, Image>();
  const svgImage = (bytes: Uint8Array, src: string, where: string): Image => {
    let png: ReturnType<ImageSource['rasterizeSvg']>;
    try {
      png = source.rasterizeSvg(bytes, 2 * slideW, src.replace(/^assets\//, ''));
    } catch (error) {
      if (!(error instanceof TalkdeckError)) throw error;
      // Placed like the other image problems: the deck file and the slide that shows it.
      throw new TalkdeckError({ code: error.code, ...(source.file ? { file: source.file } : {}), message: `${where}: ${error.message}`, ...(error.hint ? { hint: error.hint } : {}) });
    }
    return { raster: png.png, rasterExt: 'png', svg: bytes, width: png.width, height: png.height };
  };
  const rasterImage = (bytes: Uint8Array, src: string, where: string): Image => {
    const size = rasterSize(bytes);
    if (!size) {
      throw new TalkdeckError({
        code: 'unsupported-image',
        ...(source.file ? { file: source.file } : {}),
        message: `${where}: ${src.replace(/^assets\//, '')} is not a PNG, JPEG, GIF or SVG image, which PowerPoint needs`,
        hint: 'save the image as PNG, JPEG or SVG and point the slide at that file',
      });
    }
    return { raster: bytes, rasterExt: size.ext, width: size.width, height: size.height };
  };
  return (src, where) => {
    const cached = images.get(src);
    if (cached) return cached;
    const bytes = source.readAsset(src);
    const image = /\.svg$/i.test(src) ? svgImage(bytes, src, where) : rasterImage(bytes, src, where);
    images.set(src, image);
    return image;
  };
}
