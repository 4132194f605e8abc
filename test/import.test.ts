/** `talkdeck import`: a Markdown deck becomes a deck.yaml with talkdeck's layouts, nothing lost. */
import { cpSync, existsSync, mkdtempSync, readFileSync, writeFileSync, mkdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parse } from 'yaml';
import { parse as parseHtml } from 'node-html-parser';
import { describe, expect, it } from 'vitest';
import { importMarkdownDeck, insideDeck } from '../src/core/read/markdown/to-deck-yaml.js';
import { talkdeck } from './helpers/cli.js';
import { CORPUS, DECKS, EXPECTED, markdownDeckFolder } from './helpers/markdown-corpus.js';

const FIXTURE = join(import.meta.dirname, 'fixtures/import-mapping');
const read = (dir: string, shown = 'deck.md') => markdownDeckFolder(dir, shown);

describe('import: each slide becomes the layout that says exactly what it said', () => {
  const plan = importMarkdownDeck(read(FIXTURE));

  it('maps title page, bullets, image, stacks, free Markdown and notes; keeps remote images allowed', () => {
    expect(plan.deck).toEqual({
      title: 'Lage im Norden',
      lang: 'de',
      duration: 15,
      theme: 'night', // a reveal.js theme, offline with its web fonts, as in the .md build
      transition: 'fade', // revealOptions map onto the deck's own fields
      lint: { 'remote-resource': 'warning' },
      slides: [
        { layout: 'title', title: 'Lage im Norden', subtitle: 'Stand: März' },
        { title: 'Drei Punkte', points: ['Erstens', { text: 'Zweitens', points: ['mit *Unterpunkt*'] }, 'Drittens'], notes: 'Ruhig beginnen.' },
        { layout: 'image', title: 'Karte', src: 'img/map.png', alt: 'Karte der Region' },
        { layout: 'markdown', body: '## Unter der Karte\n\n| Jahr | Wert |\n| --- | --- |\n| 2023 | 4,2 |\n', below: true },
        { layout: 'markdown', body: '## Zahlen im Code\n\n```python\nprint(42)\n```\n', below: true, notes: 'Zweite Notiz.' },
        { layout: 'markdown', body: '<!-- .slide: data-background="img/background.jpg" -->\n\n## Hintergrund\n' },
        { layout: 'section', title: 'Nächster Abschnitt' },
        { layout: 'markdown', body: '## Fremdes Bild\n\n![Logo](https://example.org/logo.png)\n\n![Außerhalb](../outside.png)\n' },
      ],
    });
  });

  it('writes YAML that reads back as the same deck', () => {
    expect(parse(plan.yaml)).toEqual(plan.deck);
  });

  it('lists the local files to copy; warns about one outside the deck', () => {
    expect(plan.files).toEqual(['img/background.jpg', 'img/map.png']);
    expect(plan.warnings.map((w) => [w.severity, w.message])).toEqual([
      ['warning', '`../outside.png` on slide 8 is outside the deck folder; it is not copied'],
    ]);
  });

  it('follows what CSS, srcset and inline SVG load: copies those inside, warns about those outside (issue 23)', () => {
    const dir = mkdtempSync(join(tmpdir(), 'talkdeck-import-css-'));
    mkdirSync(join(dir, 'img'));
    for (const f of ['bg.png', 'wide.png', 'pic.png']) writeFileSync(join(dir, 'img', f), 'png');
    writeFileSync(
      join(dir, 'deck.md'),
      [
        '# CSS',
        '<div style="background:url(/tmp/talkdeck-planted-secret.png)">a</div>',
        '<style>.a { background: url(img/bg.png) } .b { background: image-set("../secret.png" 1x) }</style>',
        '<img srcset="img/wide.png 2x, ../../up.png 1x" alt="">',
        '<svg><image href="img/pic.png"/><image xlink:href="file:///etc/x.png"/></svg>',
        '<img src="data:image/png;base64,iVBORw0KGgo=" alt="">',
        '',
      ].join('\n'),
    );
    const css = importMarkdownDeck(read(dir));
    expect(css.files).toEqual(['img/bg.png', 'img/pic.png', 'img/wide.png']);
    expect(css.warnings.map((w) => w.message.replace(/ on slide.*/, '')).sort()).toEqual(['`../../up.png`', '`../secret.png`', '`/tmp/talkdeck-planted-secret.png`', '`file:///etc/x.png`']);
  });

  it('keeps paths inside the deck folder, and only those', () => {
    expect(insideDeck('./a/../img/x.png')).toBe('img/x.png');
    expect(insideDeck('.\\assets\\y.png')).toBe('assets/y.png');
    expect(insideDeck('img/a%20b.png')).toBe('img/a b.png');
    expect(insideDeck('../x.png')).toBeUndefined();
    expect(insideDeck('/etc/passwd')).toBeUndefined();
    expect(insideDeck('file:///etc/passwd')).toBeUndefined();
  });
});

describe('talkdeck import (the real CLI)', () => {
  it('writes deck.yaml with the modeline and copies the images; never overwrites', () => {
    const out = join(mkdtempSync(join(tmpdir(), 'talkdeck-import-')), 'imported');
    const first = talkdeck(FIXTURE, ['import', 'deck.md', '--out', out]);
    expect(first.code, first.stderr).toBe(0);
    const text = readFileSync(join(out, 'deck.yaml'), 'utf8');
    expect(text.split('\n')[0]).toMatch(/^# yaml-language-server: \$schema=\S+deck\.schema\.json$/);
    expect(parse(text).slides).toHaveLength(8);
    expect(readFileSync(join(out, 'img/map.png'))).toEqual(readFileSync(join(FIXTURE, 'img/map.png')));
    expect(existsSync(join(out, 'img/background.jpg'))).toBe(true);
    expect(first.stderr).toContain('outside the deck folder');

    const again = talkdeck(FIXTURE, ['import', 'deck.md', '--out', out]);
    expect(again.code).toBe(1);
    expect(again.stderr).toMatch(/Not overwriting .*deck\.yaml.*\[file-exists\]/);
    expect(readFileSync(join(out, 'deck.yaml'), 'utf8')).toBe(text);
  });

  it('writes nothing when a different file has the name of an image to copy', () => {
    const out = mkdtempSync(join(tmpdir(), 'talkdeck-import-'));
    mkdirSync(join(out, 'img'));
    writeFileSync(join(out, 'img/map.png'), 'mine');
    const r = talkdeck(FIXTURE, ['import', 'deck.md', '--out', out]);
    expect(r.code).toBe(1);
    expect(r.stderr).toMatch(/Not overwriting .*img\/map\.png/);
    expect(readFileSync(join(out, 'img/map.png'), 'utf8')).toBe('mine');
    expect(existsSync(join(out, 'deck.yaml'))).toBe(false);
    expect(existsSync(join(out, 'img/background.jpg'))).toBe(false);
  });

  it('without --out writes deck.yaml next to the .md, where it takes precedence; images stay', () => {
    const dir = mkdtempSync(join(tmpdir(), 'talkdeck-import-'));
    cpSync(FIXTURE, join(dir, 'talk'), { recursive: true });
    const r = talkdeck(dir, ['import', 'talk/deck.md']);
    expect(r.code, r.stderr).toBe(0);
    expect(r.stdout).not.toContain('copied');
    expect(parse(readFileSync(join(dir, 'talk/deck.yaml'), 'utf8')).title).toBe('Lage im Norden');
    const check = talkdeck(dir, ['check', 'talk', '--format', 'json']);
    expect(JSON.parse(check.stdout).decks[0].file).toBe('talk/deck.yaml');
  });

  it('refuses a file that is not Markdown, with a usage exit code', () => {
    const r = talkdeck(FIXTURE, ['import', 'img/map.png']);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('is not a Markdown file');
  });
});

describe('import of the whole corpus', () => {
  it.each(DECKS)('%s: every slide and every note survives', (name) => {
    const markdown = read(join(CORPUS, name), `${name}/deck.md`);
    if (markdown.problems.some((p) => p.severity === 'error')) return; // the reader refuses it; see the corpus test
    const plan = importMarkdownDeck(markdown);
    const source = markdown.deck;
    const slides = plan.deck.slides as Record<string, unknown>[];
    expect(slides).toHaveLength(EXPECTED[name]!.total);
    expect(slides.filter((s) => s.notes).length).toBe(EXPECTED[name]!.withNotes);
    expect(slides.map((s) => s.notes ?? '')).toEqual(source.slides.map((s) => (s.notes ?? '').trim()));
    expect(slides.filter((s) => !s.below)).toHaveLength(EXPECTED[name]!.horizontal);
    expect(parse(plan.yaml)).toEqual(plan.deck);
  });
});

describe('a Marp deck imports into layouts (issue 22, item 2)', () => {
  // footer, header, paginate, `_class: lead` (title page and a section), an ordered list, `![bg]`,
  // a hex backgroundColor, and a split background that has no talkdeck field.
  const MARP = join(import.meta.dirname, 'fixtures/issue-22/marp-import');
  const plan = importMarkdownDeck(read(MARP));

  it('maps the directives onto talkdeck fields, and keeps free Markdown only for what has none', () => {
    const { slides, ...meta } = plan.deck as { slides: Record<string, unknown>[] };
    // The header repeats the title; the footer is what `marking` is for. paginate: slide numbers stay.
    expect(meta).toEqual({ title: 'Q3 update', theme: 'white', marking: 'ACME · internal' });
    expect(slides.map((s) => [s.layout ?? 'points', s.title ?? null, s.background ?? null])).toEqual([
      ['title', 'Q3 update', null],
      ['points', 'Agenda', null],
      ['section', 'Where we are', null],
      ['section', 'The new office', 'photo.png'],
      ['points', 'What changed', '#0b2545'],
      ['markdown', null, null],
    ]);
    expect(slides[1]!.points).toEqual(['Where we are', 'What changed', 'What we do next']);
    expect(slides[2]!.subtitle).toBe('Revenue and costs');
    expect(slides[5]!.body).toBe('## Next steps\n\nHire two people, ship the app.\n');
    expect(plan.files).toEqual(['photo.png']);
  });

  it('without paginate, the imported deck shows no slide numbers either', () => {
    const markdown = read(MARP);
    const unpaginated = importMarkdownDeck({ ...markdown, deck: { ...markdown.deck, paginate: false } });
    expect((unpaginated.deck as { reveal?: unknown }).reveal).toEqual({ slideNumber: false });
  });

  it('round trip: the imported deck.yaml builds the slides, notes, backgrounds and footer the .md shows', () => {
    const dir = mkdtempSync(join(tmpdir(), 'talkdeck-marp-'));
    cpSync(MARP, join(dir, 'md'), { recursive: true });
    expect(talkdeck(dir, ['import', 'md/deck.md', '--out', 'yaml']).code).toBe(0);
    for (const deck of ['md/deck.md', 'yaml']) expect(talkdeck(dir, ['build', deck, '--out', 'out']).code, deck).toBe(0);
    const slidesOf = (file: string) => {
      const page = parseHtml(readFileSync(join(dir, 'out', file, 'index.html'), 'utf8'));
      const config = /Reveal\.initialize\(Object\.assign\((\{.*?\}), \{ plugins/s.exec(page.querySelectorAll('script').map((s) => s.textContent).join('\n'))![1]!;
      return {
        numbers: (JSON.parse(config) as { slideNumber?: unknown }).slideNumber !== false,
        footer: page.querySelector('.td-marking')?.text.trim() ?? page.querySelector('.td-marp-footer')?.text.trim(),
        slides: page.querySelectorAll('.slides > section').map((s) => ({
          heading: s.querySelector('h1, h2')?.text.trim(),
          items: s.querySelectorAll('li').map((li) => li.childNodes[0]!.text.trim()),
          notes: s.querySelector('aside.notes')?.text.trim(),
          background: s.getAttribute('data-background-image') ?? s.getAttribute('data-background-color') ?? null,
        })),
      };
    };
    const fromMd = slidesOf('md');
    const fromYaml = slidesOf('yaml');
    expect(fromYaml.slides.map((s) => ({ ...s, background: s.background?.replace(/^assets\//, '') ?? null }))).toEqual(
      fromMd.slides.map((s) => ({ ...s, background: s.background?.replace(/^assets\//, '') ?? null })),
    );
    expect(fromMd.footer).toBe('ACME · internal');
    expect(fromYaml.footer).toBe(fromMd.footer);
    expect(fromYaml.numbers).toBe(fromMd.numbers);
  });
});
