/**
 * The PowerPoint file read as a recipient reads it: the briefing, the example deck and a deck made
 * to stress the fitting (16:10 and 4:3), exported by the real CLI, rendered by LibreOffice once
 * without Source Sans 3 (DejaVu Sans draws it, as on most computers that open the file) and once
 * with it, then held to the layout checks — no two lines drawn over each other, no text off the
 * page, no word of the slide broken across lines, no text out of its shaded box
 * (test/helpers/layout-defects.ts). Below, the checks themselves on hand-made pdftotext output,
 * so that they are known to find what they claim to.
 */
import { execFileSync } from 'node:child_process';
import { readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runCli, tempProject } from './helpers/cli.js';
import { findDefects, formatDefects, layoutDefects, parseBboxLayout } from './helpers/layout-defects.js';
import { renderPptx, type FontMode } from './helpers/pptx-render.js';
import { pptxSlides } from './helpers/pptx-slides.js';

const hasLibreOffice = (() => {
  try {
    execFileSync('soffice', ['--version'], { stdio: 'ignore' });
    execFileSync('pdftotext', ['-v'], { stdio: 'ignore' });
    return true;
  } catch {
    return false;
  }
})();

const DECKS = [
  { name: 'kolumbien-nato', from: 'content/kolumbien-nato' },
  { name: 'example', from: 'content/example' },
  // Made to stress the fitting: long compounds, titles, table words, timeline rows, legend entries; 16:10.
  { name: 'stress', from: 'test/fixtures/pptx-stress' },
  // The same at 4:3, where every line is shorter.
  { name: 'stress-4x3', from: 'test/fixtures/pptx-stress' },
];
const MODES: FontMode[] = ['without', 'with'];

describe.skipIf(!hasLibreOffice)('the .pptx as LibreOffice draws it, with and without Source Sans 3', () => {
  let dir: string;
  let pdfs: Map<FontMode, Promise<string[]>>;
  const pptx = (deck: string): string => join(dir, 'dist', `${deck}.pptx`);
  beforeAll(async () => {
    dir = tempProject(DECKS);
    const stress = join(dir, 'content/stress-4x3/deck.yaml');
    writeFileSync(stress, readFileSync(stress, 'utf8').replace(/^size: "16:10"$/m, 'size: "4:3"'));
    const r = await runCli(dir, ['pptx']);
    expect(r.code, r.stderr).toBe(0);
    const files = DECKS.map((d) => pptx(d.name));
    // Both font situations at once, each one LibreOffice start for all decks.
    pdfs = new Map(MODES.map((font) => [font, renderPptx(files, { font, outDir: join(dir, 'pdf') })]));
    // A failed render fails the tests that await it, not the hook.
    for (const p of pdfs.values()) p.catch(() => undefined);
  }, 120_000);
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('numbers the talk\'s slides "3 / 26" with a live field, the backup slides A1 …', async () => {
    const pdf = (await pdfs.get('without')!)[0]!;
    const page = (n: number) => execFileSync('pdftotext', ['-f', String(n), '-l', String(n), pdf, '-'], { encoding: 'utf8' });
    // LibreOffice recomputes fields: the number it shows is the slide's place, whatever the file said.
    expect(page(3)).toMatch(/^3 \/ 26$/m);
    expect(page(26)).toMatch(/^26 \/ 26$/m);
    expect(page(28)).toMatch(/^A1$/m);
  }, 180_000);

  for (const [i, deck] of DECKS.entries()) {
    for (const font of MODES) {
      it(`${deck.name}, ${font} Source Sans 3: nothing collides, leaves the slide or breaks mid-word`, async () => {
        const pdf = (await pdfs.get(font)!)[i]!;
        expect(formatDefects(await layoutDefects(pdf, await pptxSlides(pptx(deck.name))))).toBe('');
      }, 180_000);
    }
  }
});

// The checks themselves, on hand-made pdftotext output (no LibreOffice needed).
const page = (blocks: [number, number, number, number, string][][]): string =>
  `<doc><page width="960" height="540"><flow>${blocks
    .map((block) => `<block>${block.map(([x0, y0, x1, y1, text]) => `<line xMin="${x0}" yMin="${y0}" xMax="${x1}" yMax="${y1}"><word xMin="${x0}" yMin="${y0}" xMax="${x1}" yMax="${y1}">${text}</word></line>`).join('')}</block>`)
    .join('')}</flow></page></doc>`;

describe('the layout checks', () => {
  it('find lines drawn over each other, but not a paragraph’s own lines', () => {
    const ok = parseBboxLayout(page([[[40, 100, 300, 130, 'eins'], [40, 127, 300, 157, 'zwei']]]));
    expect(findDefects(ok)).toEqual([]);
    const bad = parseBboxLayout(page([[[40, 100, 300, 130, 'eins']], [[40, 112, 300, 142, 'zwei']]]));
    expect(findDefects(bad).map((d) => d.kind)).toEqual(['overlap']);
  });

  it('find text off the page', () => {
    expect(findDefects(parseBboxLayout(page([[[40, -8, 300, 30, 'Titel']]]))).map((d) => d.kind)).toEqual(['off-page']);
    expect(findDefects(parseBboxLayout(page([[[40, 520, 300, 548, 'Fuß']]]))).map((d) => d.kind)).toEqual(['off-page']);
  });

  it('find a word of the slide broken across lines, not a break at a hyphen', () => {
    const split = parseBboxLayout(page([[[40, 100, 300, 130, 'Partnerschaftsforma'], [40, 127, 90, 157, 'ten']]]));
    expect(findDefects(split, [['in Partnerschaftsformaten']]).map((d) => d.kind)).toEqual(['split-word']);
    const hyphen = parseBboxLayout(page([[[40, 100, 300, 130, 'NATO-'], [40, 127, 90, 157, 'Partner']]]));
    expect(findDefects(hyphen, [['NATO-Partner']])).toEqual([]);
  });

  it('find a line that hangs out of its shaded box', () => {
    const frame = { name: 'Summary', xMin: 30, yMin: 90, xMax: 600, yMax: 135, text: 'Tempo und Umfang bestimmt jeder Partner' };
    const inside = parseBboxLayout(page([[[40, 100, 400, 128, 'Tempo und Umfang bestimmt jeder Partner']]]));
    expect(findDefects(inside, [{ texts: [frame.text], frames: [frame] }])).toEqual([]);
    const below = parseBboxLayout(page([[[40, 100, 400, 128, 'Tempo und Umfang bestimmt jeder'], [40, 126, 120, 154, 'Partner']]]));
    expect(findDefects(below, [{ texts: [frame.text], frames: [frame] }]).map((d) => d.kind)).toEqual(['outside-frame']);
    // The bullet of a list item just above the box is not the box's text.
    const bullet = parseBboxLayout(page([[[40, 60, 46, 85, '•']], [[40, 100, 400, 128, 'Tempo und Umfang bestimmt jeder Partner']]]));
    expect(findDefects(bullet, [{ texts: [frame.text], frames: [frame] }])).toEqual([]);
  });
});
