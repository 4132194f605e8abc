/**
 * resvg draws the PowerPoint file's PNG fallback in a child process (shell/rasterize-svg.ts): a
 * panic inside resvg-js 2.6.2 (thx/resvg-js#287) would otherwise abort talkdeck itself, and a
 * costly drawing would never end. Both become a TalkdeckError naming the file.
 */
import { describe, expect, it } from 'vitest';
import { TalkdeckError } from '../src/core/base/errors.js';
import { rasterizeSvg } from '../src/shell/rasterize-svg.js';

const svg = (body: string, viewBox = '0 0 200 200'): Uint8Array => Buffer.from(`<svg xmlns="http://www.w3.org/2000/svg" viewBox="${viewBox}">${body}</svg>`);

/** A TalkdeckError with this code and message. */
const problem = (message: RegExp | string): unknown =>
  expect.objectContaining({ constructor: TalkdeckError, code: 'unsupported-image', message: typeof message === 'string' ? message : expect.stringMatching(message) });

describe('drawing an SVG as PNG', () => {
  it('draws an ordinary SVG', () => {
    const png = rasterizeSvg(svg('<rect width="200" height="100" fill="teal"/>'), 400, 'images/ok.svg');
    expect([png.width, png.height]).toEqual([400, 400]);
    expect(Buffer.from(png.png.subarray(1, 4)).toString('latin1')).toBe('PNG');
  });

  it('survives a panic inside resvg and names the file', () => {
    expect(() => rasterizeSvg(svg('<rect x="450" width="100%" height="100%" opacity="0.99"/>'), 400, 'images/panic.svg')).toThrow(
      problem(/^resvg could not draw the SVG images\/panic\.svg as the PNG PowerPoint shows beside it: called `Option::unwrap\(\)`/),
    );
  });

  it('stops a drawing that takes too long', () => {
    const blurred = `<filter id="f"><feGaussianBlur stdDeviation="20"/></filter>${'<rect width="200" height="200" filter="url(#f)"/>'.repeat(200)}`;
    expect(() => rasterizeSvg(svg(blurred), 1920, 'images/slow.svg', 300)).toThrow(
      problem('resvg took more than 0.3 s to draw the SVG images/slow.svg as the PNG PowerPoint shows beside it, and was stopped'),
    );
  });
});
