/**
 * SVG → PNG for the PowerPoint export: PowerPoint shows an SVG picture only next to a raster
 * fallback, and older versions and other viewers show only the fallback. resvg (a native
 * module) renders it without a browser — in a child process of its own, with a time limit:
 *
 * - resvg-js 2.6.2 aborts the whole process on an internal panic (thx/resvg-js#287: one line of
 *   SVG is enough), which no `catch` can stop;
 * - a render has no time bound (a kilobyte of blurred shapes takes minutes), and neither an
 *   AbortSignal nor terminating a worker stops the native call; only killing a process does.
 *
 * The SVG it gets is the deck's sanitised copy (core/read/svg/): every reference in it is `#id`
 * or an embedded picture. resvg would otherwise read any path from the disk by itself, relative
 * to its working folder — which is an empty folder, in case anything ever slips through.
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { TalkdeckError } from '../core/base/errors.js';

const require = createRequire(import.meta.url);

/** Enough for any drawing a slide holds, on a slow computer. */
export const RASTERIZE_TIMEOUT_MS = 30_000;

/** Runs in the child: the SVG on stdin, width and height (8 bytes) and the PNG on stdout. */
const CHILD = `
const { Resvg } = require(process.argv[1]);
const chunks = [];
process.stdin.on('data', (c) => chunks.push(c));
process.stdin.on('end', () => {
  const image = new Resvg(Buffer.concat(chunks), {
    fitTo: { mode: 'width', value: Number(process.argv[2]) },
    font: { loadSystemFonts: true, defaultFontFamily: 'DejaVu Sans' },
  }).render();
  const size = Buffer.alloc(8);
  size.writeUInt32BE(image.width, 0);
  size.writeUInt32BE(image.height, 4);
  process.stdout.write(Buffer.concat([size, image.asPng()]));
});`;

/** `name` says which file it is in a problem (e.g. `images/chart.svg`). */
export function rasterizeSvg(svg: Uint8Array, widthPx: number, name?: string, timeout = RASTERIZE_TIMEOUT_MS): { png: Uint8Array; width: number; height: number } {
  const cwd = mkdtempSync(join(tmpdir(), 'talkdeck-resvg-'));
  try {
    const run = spawnSync(process.execPath, ['-e', CHILD, require.resolve('@resvg/resvg-js'), String(widthPx)], {
      input: svg,
      cwd,
      timeout,
      killSignal: 'SIGKILL',
      maxBuffer: 512 * 2 ** 20,
    });
    if (run.status === 0 && run.stdout.length >= 8) {
      return { width: run.stdout.readUInt32BE(0), height: run.stdout.readUInt32BE(4), png: run.stdout.subarray(8) };
    }
    throw failure(run, timeout, name);
  } finally {
    rmSync(cwd, { recursive: true, force: true });
  }
}

function failure(run: ReturnType<typeof spawnSync>, timeout: number, name: string | undefined): TalkdeckError {
  const what = name ? `the SVG ${name}` : 'an SVG';
  const stderr = String(run.stderr ?? '');
  const timedOut = run.signal === 'SIGKILL' || (run.error as NodeJS.ErrnoException | undefined)?.code === 'ETIMEDOUT';
  // resvg's own words: "nodes limit reached", a panic's message, …
  const said = /panicked at [^\n]*\n([^\n]+)/.exec(stderr)?.[1] ?? /Error: ([^\n]+)/.exec(stderr)?.[1];
  return new TalkdeckError({
    code: 'unsupported-image',
    message: timedOut
      ? `resvg took more than ${timeout / 1000} s to draw ${what} as the PNG PowerPoint shows beside it, and was stopped`
      : `resvg could not draw ${what} as the PNG PowerPoint shows beside it${said ? `: ${said.trim()}` : run.signal ? ` (it crashed: ${run.signal})` : ''}`,
    hint: 'simplify the drawing (fewer filters and copies of copies), or save it as a PNG and use that',
  });
}
