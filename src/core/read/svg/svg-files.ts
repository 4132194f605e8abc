/**
 * The SVG files a deck ships, checked and sanitised once for every output (the HTML build, the
 * single file, the PDF, the PowerPoint file and its PNG fallback, `serve`): first bounded
 * (svg-limits.ts: a bomb is an error at its place), then sanitised (svg-sanitize.ts: script and
 * the like removed, each removal a warning at its place). Every reference inside goes through the
 * deck's resource rule, relative to the SVG's own folder: a picture of the deck folder is
 * embedded as a `data:` URI — an SVG shown as a picture loads no file itself in a browser, while
 * resvg would read any path from the disk, so embedding makes both show the same — and anything
 * else (another folder, the network, a path of the computer it is built on) is removed.
 *
 * A plain drawing (svg-plain.ts) ships as it is, without loading the sanitiser.
 *
 * Results are kept by content, so `talkdeck serve` sanitises an SVG again only when it, or a
 * picture it embeds, changed.
 */
import { createHash } from 'node:crypto';
import { TalkdeckError } from '../../base/errors.js';
import { pictureSize } from '../../base/image-header.js';
import { checkReference, isLocal, isRefusal, type Admit } from '../../base/resources.js';
import { svgLimitProblems } from './svg-limits.js';
import { isPlainSvg } from './svg-plain.js';
import type { Decision, ReferenceRule } from './svg-sanitize.js';

export interface SvgFilesInput {
  /** The deck's SVG files, relative to the deck folder. */
  files: readonly string[];
  /** The deck folder as shown to the user (`content/x`), for problem places. */
  shownDir: string;
  read: (relativePath: string) => string;
  readBytes: (relativePath: string, limit?: number) => Uint8Array;
  exists: (relativePath: string) => boolean;
  admit?: Admit | undefined;
}

export interface SvgFilesResult {
  /** Deck file → the SVG to ship in its place. */
  contents: Map<string, string>;
  errors: TalkdeckError[];
  warnings: TalkdeckError[];
}

const DATA_RASTER = /^data:image\/(png|jpeg|jpg|gif|webp);/i;
const DATA_FONT = /^data:(font\/(woff2?|ttf|otf)|application\/(font-woff2?|x-font-woff|font-sfnt|x-font-ttf|x-font-opentype));/i;
const MIME: Record<string, string> = { png: 'image/png', jpeg: 'image/jpeg', gif: 'image/gif', webp: 'image/webp' };
const HINT_DRAWN = 'a picture in a deck is only drawn: nothing in it runs or loads; the rest of the drawing is shipped as it was';
const HINT = 'embed the picture in the SVG (Inkscape: Extensions › Images › Embed Images) or put it in the deck folder beside the SVG';

interface Cached {
  /** Deck files the result embeds, with the hash of their bytes when it was made. */
  deps: Map<string, string>;
  /** The SVG to ship; undefined for a plain file (shipped as it is) and for a refused one (errors). */
  svg: string | undefined;
  errors: TalkdeckError[];
  warnings: TalkdeckError[];
}
const cache = new Map<string, Cached>();
const CACHE_LIMIT = 200;
const hash = (data: string | Uint8Array): string => createHash('sha256').update(data).digest('base64url');

export async function checkSvgFiles(input: SvgFilesInput): Promise<SvgFilesResult> {
  const result: SvgFilesResult = { contents: new Map(), errors: [], warnings: [] };
  for (const file of input.files) {
    const checked = await checkSvgFile(file, input);
    if (checked.svg !== undefined) result.contents.set(file, checked.svg);
    result.errors.push(...checked.errors);
    result.warnings.push(...checked.warnings);
  }
  return result;
}

async function checkSvgFile(file: string, input: SvgFilesInput): Promise<Cached> {
  const shown = `${input.shownDir}/${file}`;
  const at = (line: number, column: number, message: string, hint: string, severity: 'error' | 'warning', code: 'image-too-large' | 'unsupported-image' | 'sanitized'): TalkdeckError =>
    new TalkdeckError({ code, severity, file: shown, line, column, message, hint });
  if (/\.svgz$/i.test(file)) {
    return { deps: new Map(), svg: undefined, warnings: [], errors: [at(1, 1, 'A compressed SVG (.svgz) is not read', 'save it as a plain .svg file', 'error', 'unsupported-image')] };
  }
  const text = input.read(file);
  const key = `${file}\0${hash(text)}`;
  const known = cache.get(key);
  if (known && [...known.deps].every(([dep, h]) => input.exists(dep) && hash(input.readBytes(dep)) === h)) return known;

  const limits = svgLimitProblems(text);
  if (limits.length) {
    return remember(key, { deps: new Map(), svg: undefined, warnings: [], errors: limits.map((p) => at(p.line, p.column, p.message, p.hint, 'error', p.unreadable ? 'unsupported-image' : 'image-too-large')) });
  }
  // Most drawings have nothing to remove: they ship as they are, and jsdom is not loaded.
  if (isPlainSvg(text)) return remember(key, { deps: new Map(), svg: undefined, errors: [], warnings: [] });
  const deps = new Map<string, string>();
  const { sanitizeSvg, SvgRefused } = await import('./svg-sanitize.js');
  let sanitized: ReturnType<typeof sanitizeSvg>;
  try {
    sanitized = sanitizeSvg(text, referenceRule(file, input, deps));
  } catch (cause) {
    if (!(cause instanceof SvgRefused)) throw cause;
    return remember(key, { deps, svg: undefined, warnings: [], errors: [at(cause.line, cause.column, cause.message, 'open and save it in a drawing program, or export it again', 'error', 'unsupported-image')] });
  }
  // jsdom keeps each parsed document until the current job ends (see svg-sanitize.ts): yield.
  await new Promise((resolve) => setImmediate(resolve));
  return remember(key, {
    deps,
    svg: sanitized.svg,
    errors: [],
    warnings: sanitized.removed.map((r) => at(r.line, r.column, r.message, r.reference ? HINT : HINT_DRAWN, 'warning', 'sanitized')),
  });
}

function remember(key: string, value: Cached): Cached {
  if (cache.size >= CACHE_LIMIT) cache.clear();
  cache.set(key, value);
  return value;
}

/** The resource rule for references inside `file`, relative to its folder; embedded pictures are recorded in `deps`. */
function referenceRule(file: string, input: SvgFilesInput, deps: Map<string, string>): ReferenceRule {
  const base = file.includes('/') ? file.slice(0, file.lastIndexOf('/')) : '';
  return (url, where): Decision => {
    const compact = url.replace(/[\u0000-\u0020\u007f]+/g, '');
    if (/^(javascript|vbscript):/i.test(compact)) return { drop: 'is a javascript: link, which runs script' };
    const picture = !where.importing && (where.css || where.tag === 'image' || where.tag === 'feimage');
    if (/^data:/i.test(compact)) {
      if ((where.font && DATA_FONT.test(compact)) || (picture && DATA_RASTER.test(compact))) return { keep: true };
      return { drop: 'is a data: URL that is not a PNG, JPEG, GIF or WebP picture (an SVG or page in it would not be checked)' };
    }
    // A link in a picture is never followed; it loads nothing.
    if (where.tag === 'a' && !where.css && /^(https?:|mailto:)/i.test(compact)) return { keep: true };
    const checked = checkReference(url, { base, exists: input.exists, admit: input.admit });
    if (isRefusal(checked)) return { drop: checked.reason };
    if (isLocal(checked) && picture) {
      const bytes = input.readBytes(checked.path);
      const size = pictureSize(bytes);
      const mime = size && MIME[size.type];
      if (mime) {
        deps.set(checked.path, hash(bytes));
        return { replace: `data:${mime};base64,${Buffer.from(bytes).toString('base64')}` };
      }
    }
    return { drop: 'is a file an SVG shown as a picture cannot load; only PNG, JPEG, GIF and WebP pictures of the deck folder are embedded' };
  };
}
