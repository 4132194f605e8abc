/**
 * `talkdeck pdf` end to end, read back with poppler's pdfinfo/pdftotext. Rendering takes
 * seconds, so the whole file makes three renders and every assertion reuses them.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'parse5';
import { parse as parseYaml } from 'yaml';
import { buildDecks } from '../src/cli/build.js';
import { resolveDeck } from '../src/shell/decks.js';
import { REPO, runCli, tempProject, type CliResult } from './helpers/cli.js';

const briefingYaml = parseYaml(readFileSync(join(REPO, 'content/kolumbien-nato/deck.yaml'), 'utf8')) as {
  title: string;
  author: string;
  marking: string;
  slides: unknown[];
};
const io = { stdout: { write: () => true }, stderr: { write: () => true }, cwd: REPO, env: {} };
const briefing = (await buildDecks(io, [resolveDeck(REPO, 'kolumbien-nato')]))[0]!.model!;
const EPOCH = 1_700_000_000;

let dir: string;
let plain: CliResult;
let notes: CliResult;
let fixed: CliResult;

beforeAll(async () => {
  dir = tempProject([
    { name: 'kolumbien-nato', from: 'content/kolumbien-nato' },
    { name: 'pdf-steps', from: 'test/fixtures/pdf-steps' },
    { name: 'pdf-size', from: 'test/fixtures/pdf-size' },
  ]);
  // One after the other: three browsers at once would crowd a 2-core machine.
  plain = await runCli(dir, ['pdf', 'kolumbien-nato', 'pdf-steps', 'pdf-size']);
  notes = await runCli(dir, ['pdf', 'kolumbien-nato', '--notes']);
  fixed = await runCli(dir, ['pdf', 'kolumbien-nato', '--out', 'fixed'], { SOURCE_DATE_EPOCH: String(EPOCH) });
  // Three renders of the briefing on a shared 2-core machine.
}, 240_000);

afterAll(() => {
  if (dir) rmSync(dir, { recursive: true, force: true });
});

const pdf = (name: string): string => join(dir, name);

function info(file: string, ...args: string[]): Record<string, string> {
  const out = execFileSync('pdfinfo', [...args, file], { encoding: 'utf8' });
  return Object.fromEntries(out.split('\n').flatMap((l) => (/^([^:]+):\s*(.*)$/.exec(l) ? [[RegExp.$1, RegExp.$2]] : [])));
}

/** The text of some pages, as pdftotext extracts it (white space squashed). */
function text(file: string, first?: number, last?: number): string {
  const range = first ? ['-f', String(first), '-l', String(last ?? first)] : [];
  return squash(execFileSync('pdftotext', [...range, file, '-'], { encoding: 'utf8' }));
}

/** The text of every page (pdftotext ends each page with a form feed). */
function pages(file: string): string[] {
  return execFileSync('pdftotext', [file, '-'], { encoding: 'utf8' }).split('\f').slice(0, -1).map(squash);
}

/** pdftotext drops the hyphen of a word like NATO-kritischer broken at a line end: compare without both. */
const letters = (s: string): string => s.replace(/[\s-]+/g, '');

const squash = (s: string): string => s.replace(/\s+/g, ' ').trim();
const htmlText = (html: string): string => {
  const walk = (n: { nodeName: string; value?: string; childNodes?: unknown[] }): string =>
    n.nodeName === '#text' ? n.value! : (n.childNodes ?? []).map((c) => walk(c as typeof n)).join('');
  return squash(walk(parse(html) as never));
};

describe('talkdeck pdf', () => {
  it('prints the deck\'s slide size, tables and charts with their numbers in the deck language', () => {
    const file = pdf('dist/pdf-size.pdf');
    // The page is the slide box (no screen margin): 16:9 is 960×540 pt, as PowerPoint's and
    // Marp's 16:9 slides, and 4:3 (960×720 px) 720×540 pt (issue 22).
    expect(info(file)['Page size']).toBe('720 x 540 pts');
    expect(info(pdf('dist/pdf-steps.pdf'))['Page size']).toBe('960 x 540 pts');
    const [table, chart] = pages(file);
    expect(table).toContain('IPCP 6');
    expect(chart).toContain('3,1');
    expect(chart).toContain('3,0');
  });

  it('reports each deck on stdout and nothing on a non-terminal stderr', () => {
    expect(plain.stderr).toBe('');
    expect(plain.code).toBe(0);
    expect(plain.stdout).toMatch(/✓ kolumbien-nato: 28 slides → dist\/kolumbien-nato\.pdf \(\d+\.\d s\)/);
    expect(plain.stdout).toMatch(/✓ pdf-steps: 3 slides → dist\/pdf-steps\.pdf/);
  });

  it('makes one 16:9 page per slide', () => {
    const meta = info(pdf('dist/kolumbien-nato.pdf'));
    expect(Number(meta.Pages)).toBe(briefingYaml.slides.length);
    const sizes = execFileSync('pdfinfo', ['-f', '1', '-l', meta.Pages!, pdf('dist/kolumbien-nato.pdf')], { encoding: 'utf8' })
      .split('\n')
      .flatMap((l) => (/^Page\s+\d+ size:\s+([\d.]+) x ([\d.]+) pts/.exec(l) ? [[Number(RegExp.$1), Number(RegExp.$2)]] : []));
    expect(sizes).toHaveLength(briefingYaml.slides.length);
    for (const [w, h] of sizes) expect([w, h]).toEqual([960, 540]);
  });

  it('shows step-by-step slides once, in their final state', () => {
    expect(Number(info(pdf('dist/pdf-steps.pdf')).Pages)).toBe(3);
    expect(text(pdf('dist/pdf-steps.pdf'), 2)).toMatch(/First step appears.*Second step appears.*Third step appears/);
    expect(text(pdf('dist/pdf-steps.pdf'), 3)).toMatch(/Early event.*Late event/);
  });

  it('has selectable text and the deck’s metadata', () => {
    expect(text(pdf('dist/kolumbien-nato.pdf'), 1)).toContain(briefingYaml.title);
    const meta = info(pdf('dist/kolumbien-nato.pdf'));
    expect(meta.Title).toBe(briefingYaml.title);
    expect(meta.Author).toBe(briefingYaml.author);
    expect(meta.Creator).toBe('talkdeck');
    expect(meta.Tagged).toBe('yes');
  });

  it('prints the deck’s marking on every page', () => {
    const texts = pages(pdf('dist/kolumbien-nato.pdf'));
    expect(texts).toHaveLength(briefingYaml.slides.length);
    for (const [i, t] of texts.entries()) expect(t, `page ${i + 1}`).toContain(briefingYaml.marking);
  });

  it('with --notes adds the speaker notes after their slides', () => {
    expect(notes.code).toBe(0);
    const withNotes = briefing.slides.filter((s) => s.notesHtml);
    expect(Number(info(pdf('dist/kolumbien-nato-notes.pdf')).Pages)).toBe(briefing.slides.length + withNotes.length);
    const all = text(pdf('dist/kolumbien-nato-notes.pdf'));
    for (const slide of withNotes) expect(letters(all), `notes of slide ${slide.number}`).toContain(letters(htmlText(slide.notesHtml!)));
    // The first notes page follows the first slide that has notes, headed by it, in the deck's language.
    const first = withNotes[0]!;
    expect(text(pdf('dist/kolumbien-nato-notes.pdf'), first.number + 1)).toContain(`Notizen · Folie ${first.number} · ${first.title}`);
  });

  it('gives the same bytes for the same deck, apart from the creation date', () => {
    expect(fixed.code).toBe(0);
    const a = readFileSync(pdf('dist/kolumbien-nato.pdf'));
    const b = readFileSync(pdf('fixed/kolumbien-nato.pdf'));
    expect(info(pdf('fixed/kolumbien-nato.pdf'), '-isodates').CreationDate).toBe(new Date(EPOCH * 1000).toISOString().replace('.000', ''));
    expect(b.length).toBe(a.length);
    // Every differing byte lies inside one of the two dates, `(D:YYYYMMDDHHmmSSZ)`.
    const dates = [...b.toString('latin1').matchAll(/\(D:\d{14}Z\)/g)].map((m) => [m.index, m.index + m[0].length]);
    expect(dates).toHaveLength(2);
    const differing = [...a.keys()].filter((i) => a[i] !== b[i]);
    expect(differing.length).toBeGreaterThan(0);
    for (const i of differing) expect(dates.some(([from, to]) => i >= from! && i < to!), `byte ${i}`).toBe(true);
  });

  it('refuses to replace a PDF it did not make, before printing anything', async () => {
    mkdirSync(join(dir, 'mine'));
    writeFileSync(join(dir, 'mine/kolumbien-nato.pdf'), '%PDF-1.4 not made by talkdeck');
    const refused = await runCli(dir, ['pdf', 'kolumbien-nato', '--out', 'mine']);
    expect(refused.code).toBe(1);
    expect(refused.stderr).toContain('mine/kolumbien-nato.pdf exists and was not made by talkdeck [foreign-output]');
    expect(readFileSync(join(dir, 'mine/kolumbien-nato.pdf'), 'utf8')).toBe('%PDF-1.4 not made by talkdeck');
  });

  it('gives up after --timeout with a clear message and writes nothing', async () => {
    const result = await runCli(dir, ['pdf', 'pdf-steps', '--timeout', '0.001', '--out', 'slow']);
    expect(result.code).toBe(3);
    expect(result.stderr).toContain('The browser did not finish the PDF within 0.001 s');
    expect(result.stderr).toContain('--timeout 180');
    expect(existsSync(join(dir, 'slow/pdf-steps.pdf'))).toBe(false);
  });
});

describe('talkdeck pdf without a browser', () => {
  it('exits 3 with what to install and how to point talkdeck at it, and writes nothing', async () => {
    const bare = tempProject([{ name: 'kolumbien-nato', from: 'content/kolumbien-nato' }]);
    try {
      const result = await runCli(bare, ['pdf', '--browser-path', join(bare, 'no-such-chrome')]);
      expect(result.code).toBe(3);
      expect(result.stderr).toContain('[browser-not-found]');
      expect(result.stderr).toContain('sudo apt-get install chromium');
      expect(result.stderr).toContain('--browser-path <path> or the CHROME_PATH environment variable');
      expect(existsSync(join(bare, 'dist'))).toBe(false);
    } finally {
      rmSync(bare, { recursive: true, force: true });
    }
  });
});
