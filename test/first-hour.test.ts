/**
 * Issue 22: what a newcomer trips over in the first hour — the small slips (item 5), the
 * installed tool's wording (item 6), `import` (item 7) and outputs that differed by format
 * (item 8). Each test runs the command as the
 * user did and asserts the exact message and place; fixtures in test/fixtures/issue-22/.
 */
import { cpSync, existsSync, mkdirSync, mkdtempSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import MarkdownIt from 'markdown-it';
import { describe, expect, it } from 'vitest';
import { main, type Io } from '../src/cli/main.js';
import { buildFolder, fixture } from './helpers/build.js';
import { talkdeck } from './helpers/cli.js';

interface Captured {
  code: number;
  stdout: string;
  stderr: string;
}

/** main() in-process, as the bin calls it, in `cwd`. */
async function run(cwd: string, args: string[], env: Record<string, string> = {}): Promise<Captured> {
  let stdout = '';
  let stderr = '';
  const io: Io = {
    stdout: { write: (s: string) => (stdout += s), isTTY: false },
    stderr: { write: (s: string) => (stderr += s), isTTY: false },
    cwd,
    env,
  };
  const code = await main(args, io);
  return { code, stdout, stderr };
}

const ISSUE = fixture('issue-22');

/** A fixture of this issue, a folder (its deck.yaml) or a deck.md in one. */
function buildFolderOrFile(path: string): ReturnType<typeof buildFolder> {
  return buildFolder(join(ISSUE, path.replace(/\/deck\.md$/, '')));
}
const lastLine = (text: string): string => text.trimEnd().split('\n').at(-1)!;

describe('summaries', () => {
  it('count every slide of a failed deck, not only the valid ones', async () => {
    const r = await run(ISSUE, ['check', 'summary-count']);
    expect(r.code).toBe(1);
    expect(lastLine(r.stderr)).toBe('✗ summary-count: 3 slides, 4 errors');
  });

  it('give no count for a file that could not be read', async () => {
    const r = await run(ISSUE, ['check', 'yaml-key-indent']);
    expect(lastLine(r.stderr)).toBe('✗ yaml-key-indent: 1 error');
  });
});

/** Every problem of a check run as `line:column code message → hint`, for exact comparison. */
async function problemsOf(path: string): Promise<string[]> {
  const result = await buildFolderOrFile(path);
  return [...result.errors, ...result.warnings]
    .sort((a, b) => (a.line ?? 0) - (b.line ?? 0) || (a.column ?? 0) - (b.column ?? 0))
    .map((p) => `${p.line}:${p.column} ${p.code} ${p.message} → ${p.hint}`);
}

describe('did-you-mean knows the words people use (issue 22 item 5, issue 19)', () => {
  it('layout: bullets → points', async () => {
    expect(await problemsOf('layout-synonym')).toEqual([
      '3:13 unknown-layout Unknown layout "bullets" on slide 1 → did you mean `points`? Layouts: title, agenda, section, points, compare, timeline, figures, quote, image, map, table, chart, sources, closing, markdown',
    ]);
  });

  it('image → src, bullets → points, speaker notes → notes: one message each, no "missing field" echo', async () => {
    expect(await problemsOf('key-synonym')).toEqual([
      '5:5 unknown-key Unknown key `image` on slide 1 → did you mean `src`?',
      '9:5 unknown-key Unknown key `bullets` on slide 2 → did you mean `points`?',
      '10:5 unknown-key Unknown key `speaker notes` on slide 2 → did you mean `notes`?',
    ]);
  });

  it('a chart\'s fields without `layout: chart` (or under another layout): one error naming the layout', async () => {
    expect(await problemsOf('chart-without-layout')).toEqual([
      '3:5 unknown-key Slide 1 has the fields of `layout: chart` (`chart`, `categories`, `series` and `unit`), but no `layout`, so it is read as a bullet slide → add `layout: chart` to the slide',
      '10:13 unknown-key Slide 2 is `layout: image`, but `categories` and `series` are fields of `layout: chart` → change it to `layout: chart`, or remove `categories` and `series`',
    ]);
  });

  it('a count that does not match, written with decimal commas, says so', async () => {
    const hint = (pair: string, point: string) =>
      `YAML separates list items with commas, so \`${pair}\` is two numbers: write decimals with a point (${point}); talkdeck prints them in the deck's language`;
    expect(await problemsOf('decimal-comma')).toEqual([
      `9:33 chart-shape Series \`Umsatz\` has 6 values, but there are 3 categories → ${hint('3,1', '3.1')}`,
      `15:9 table-shape Row 1 has 3 cells, but the table has 2 columns → ${hint('2,5', '2.5')}`,
    ]);
  });

  it('Marp directives: a misspelt one in the front matter or a comment', async () => {
    const problems = await problemsOf('marp-lines/deck.md');
    expect(problems).toContain('3:1 unknown-key Front-matter key `paginte` is not read by talkdeck; it is ignored → did you mean `paginate`?');
    expect(problems).toContain('9:1 marp-unsupported `_paginte` is not a Marp directive, so this comment is a speaker note → did you mean `_paginate`?');
  });
});

describe('Markdown decks report at the right line (issue 22 item 5, issue 23 item 8)', () => {
  it('reveal-md: a revealOptions typo at its key, notes-missing at the slide\'s first line of text', async () => {
    expect(await problemsOf('md-lines/deck.md')).toEqual([
      '5:1 unknown-key reveal.js option `contols` is not supported by talkdeck; it is ignored → did you mean `controls`?',
      expect.stringMatching(/^12:1 notes-missing Slide 2 \(“Second”\) has no speaker notes/),
    ]);
  });

  it('Marp: ![bg] at its line, and a footer\'s problems at the footer directive, inside the file', async () => {
    const problems = await problemsOf('marp-lines/deck.md');
    expect(problems.filter((p) => /sanitized|missing-file/.test(p)).map((p) => p.split(' → ')[0])).toEqual([
      '4:1 sanitized Removed the event-handler attribute `onclick` from <b>: scripts in a deck do not run (slide 1)',
      '4:1 sanitized Removed the event-handler attribute `onclick` from <b>: scripts in a deck do not run (slide 2)',
      '13:1 missing-file Background image `missing.png` not found in the deck folder (slide 2)',
    ]);
  });
});

describe('font-coverage', () => {
  it('suggests a font for each script it finds, Arabic ones for Arabic letters', async () => {
    const [problem] = await problemsOf('font-scripts');
    expect(problem).toContain('(Arabic: e.g. Noto Sans Arabic; Chinese, Japanese or Korean: e.g. Noto Sans CJK)');
  });
});

describe('the command line', () => {
  it.each([
    [['outline', '--wpm', 'abc'], 'error: --wpm abc: expected a positive number of words per minute [usage]'],
    [['check', '--rule', 'notes-mising=error'], 'error: --rule notes-mising=error: no lint rule is called `notes-mising` [usage]\n  hint: did you mean --rule notes-missing=error?'],
    [['check', '--rule', 'notes-missing=eror'], 'error: --rule notes-missing=eror: `eror` is not a severity [usage]\n  hint: did you mean --rule notes-missing=error?'],
    [['build', '--single'], 'talkdeck: Unknown option --single; did you mean --single-file?'],
    [['buidl', '--sinlge-file'], 'talkdeck: Unknown command `buidl`; did you mean `build`?\ntalkdeck: Unknown option --sinlge-file; did you mean --single-file?'],
    [['import'], 'talkdeck: talkdeck import needs the Markdown deck to import, e.g. `talkdeck import talk.md` (writes talk.yaml beside it)\nRun `talkdeck import --help` for usage.'],
  ])('talkdeck %j', async (argv, message) => {
    const r = await run(ISSUE, argv);
    expect(r.code).toBe(2);
    expect(r.stderr.trimEnd().startsWith(message), r.stderr).toBe(true);
  });

  it('help speaks of the user\'s decks, not of this repository\'s', async () => {
    for (const command of ['build', 'check', 'serve', 'outline', 'pdf', 'pptx', 'handout', 'import']) {
      const help = (await run(ISSUE, [command, '--help'])).stdout;
      expect(help, command).not.toContain('kolumbien');
      if (command !== 'import') expect(help, command).toMatch(/\.md\b/);
    }
  });

  it('in a folder of Markdown talks, "no decks" names one, with the command that was run', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'talkdeck-talks-'));
    for (const name of ['b-talk.md', 'a-talk.md', 'README.md']) writeFileSync(join(dir, name), '# Talk\n');
    const r = await run(dir, ['pptx']);
    expect(r.code).toBe(1);
    expect(r.stderr).toContain('hint: name a Markdown deck, e.g. talkdeck pptx a-talk.md (here: a-talk.md, b-talk.md); only a file called deck.md is found by itself');
  });
});

describe('talkdeck import (issue 22 item 7)', () => {
  it('without --out writes talk.yaml beside talk.md, the deck `talk`; -o names a folder or a .yaml file', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'talkdeck-import-'));
    cpSync(fixture('issue-22/marp-import'), join(dir, 'talks'), { recursive: true });
    renameSync(join(dir, 'talks/deck.md'), join(dir, 'talks/q3.md'));
    const beside = await run(dir, ['import', 'talks/q3.md']);
    expect(beside.code, beside.stderr).toBe(0);
    expect(beside.stdout).toContain('created talks/q3.yaml');
    expect((await run(join(dir, 'talks'), ['check', '--format', 'json'])).stdout).toContain('"name": "q3"');
    expect((await run(dir, ['import', 'talks/q3.md', '-o', 'imported'])).stdout).toContain('created imported/deck.yaml');
    expect((await run(dir, ['import', 'talks/q3.md', '-o', 'briefing.yaml'])).stdout).toContain('created briefing.yaml');
  });
});

describe('outputs that differed by format (issue 22 item 8; the fit itself in fit-browser.test.ts)', () => {
  it('a slide that says too much: check says whether it is shrunk or cut, the same for every output, and --strict fails on both', async () => {
    const r = await run(ISSUE, ['check', 'overflow', '--strict']);
    expect(r.code).toBe(1);
    expect(r.stderr.split('\n').filter((l) => l.includes('warning:'))).toEqual([
      'overflow/deck.yaml:4:5: warning: Slide 1 (“Thirteen points”) probably does not fit: its text needs about 164 % of the space, so it is shrunk to fit (in the HTML deck, the PDF and the PowerPoint file alike) (slides[0]) [overflow-estimate]',
      'overflow/deck.yaml:44:5: warning: Slide 4 (“Far too much”) probably does not fit: its text needs about 323 % of the space, more than it can shrink to (half size): the rest is cut off (slides[3]) [overflow-estimate]',
    ]);
    expect(r.stderr).toContain('✗ overflow: 5 slides, 2 warnings (--strict)');
  });

  it('the Markdown handout keeps every picture, with its alt text, copied next to the handout', () => {
    const dir = mkdtempSync(join(tmpdir(), 'talkdeck-handout-'));
    cpSync(join(ISSUE, 'handout-images'), join(dir, 'deck'), { recursive: true });
    const r = talkdeck(dir, ['handout', 'deck', '--format', 'md', '--out', 'out/h.md']);
    expect(r.code, r.stderr).toBe(0);
    expect(r.stdout).toBe('✓ deck: handout of 3 slides → out/h.md (pictures in out/h_files/)\n');
    const tokens = new MarkdownIt().parse(readFileSync(join(dir, 'out/h.md'), 'utf8'), {});
    const images = tokens.flatMap((t) => (t.children ?? []).filter((c) => c.type === 'image'));
    // Each link, resolved from the handout's folder as a viewer does, is the deck's own file.
    const linked = images.map((i) => [i.content, readFileSync(join(dir, 'out', decodeURI(String(i.attrGet('src')))))] as const);
    const file = (name: string) => readFileSync(join(ISSUE, 'handout-images/images', name));
    expect(linked).toEqual([
      ['the plan', file('plan.svg')],
      ['the office', file('photo.png')],
      ['The new office from the street', file('photo.png')],
      ['the plan again', file('plan.svg')],
    ]);
    expect(images.map((i) => i.attrGet('src'))).toEqual(['h_files/images/plan.svg', 'h_files/images/photo.png', 'h_files/images/photo.png', 'h_files/images/plan.svg']);
    // A second run replaces its own pictures; a folder of that name that talkdeck did not make is left alone.
    expect(talkdeck(dir, ['handout', 'deck', '--format', 'md', '--out', 'out/h.md']).code).toBe(0);
    mkdirSync(join(dir, 'mine_files'));
    writeFileSync(join(dir, 'mine_files/notes.txt'), 'mine');
    const refused = talkdeck(dir, ['handout', 'deck', '--format', 'md', '--out', 'mine.md']);
    expect(refused.code).toBe(1);
    expect(refused.stderr).toContain('mine_files');
    expect(existsSync(join(dir, 'mine.md'))).toBe(false);
    expect(readFileSync(join(dir, 'mine_files/notes.txt'), 'utf8')).toBe('mine');
  });

  it('reveal: { hash: true } is a deck option like the others (what it does: fit-browser.test.ts)', async () => {
    const dir = join(mkdtempSync(join(tmpdir(), 'talkdeck-hash-')), 'hash');
    mkdirSync(dir);
    writeFileSync(join(dir, 'deck.yaml'), 'title: Hash\nreveal: { hash: true }\nslides:\n  - title: One\n    points: [a]\n    notes: Say a.\n');
    expect(await run(dir, ['check', '--strict'])).toEqual({ code: 0, stdout: '✓ hash: 1 slide, no problems · speaking time ≈ 0:06 (no duration set)\n', stderr: '' });
  });
});
