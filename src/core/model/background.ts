/**
 * A slide's `background`: a colour, or an image under a dark veil so that text stays readable.
 * The tone it reports lets every writer pick light or dark text without looking at the value.
 */
import type { TalkdeckError } from '../base/errors.js';
import { isDark, parseHexColour } from '../base/colour.js';
import { errorAt, type KeyPath, type SourceFile } from '../base/source.js';
import type { LayoutContext } from './layouts/context.js';
import type { BackgroundModel } from './types.js';

/** Opacity of a background image over black: white text on the brightest pixel still has 4.7:1. */
export const BACKGROUND_IMAGE_OPACITY = 0.45;
const IMAGE_EXTENSIONS = /\.(png|jpe?g|gif|webp|svg|avif)$/i;

export function slideBackground(
  value: string | undefined,
  keyPath: KeyPath,
  resource: LayoutContext['resource'],
  report: (e: TalkdeckError) => void,
  source: SourceFile,
): BackgroundModel | undefined {
  if (value === undefined) return undefined;
  const rgb = parseHexColour(value);
  if (rgb) return { color: value.toLowerCase(), tone: isDark(rgb) ? 'dark' : 'light' };
  if (!IMAGE_EXTENSIONS.test(value)) {
    report(
      errorAt(source, keyPath, {
        code: 'schema',
        message: `\`background\` must be a colour such as #0b2545 or an image file, got \`${value}\``,
        hint: 'write a hex colour (#rgb or #rrggbb) or the path of a .png, .jpg, .svg or .webp inside the deck folder',
      }),
    );
    return undefined;
  }
  const image = resource(value, keyPath, 'Background image');
  return image ? { image, color: '#000000', opacity: BACKGROUND_IMAGE_OPACITY, tone: 'dark' } : undefined;
}
