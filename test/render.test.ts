// Rendering, asserted on the parsed HTML of real builds.
import { parse, type HTMLElement } from 'node-html-parser';
import { describe, expect, it } from 'vitest';
import type { DeckBuild } from '../src/core/pipeline.js';
import { assignIds, slugify } from '../src/core/model/slug.js';
import { buildFolder, fixture, ROOT } from './helpers/build.js';

function html(result: DeckBuild): HTMLElement {
  const file = result.files.get('index.html');
  if (!file || !('content' in file)) throw new Error(`no index.html: ${result.errors.map((e) => e.message).join('; ')}`);
  return parse(file.content);
}

describe('rendering the markup fixture', async () => {
  const result = await buildFolder(fixture('markup'));
  const doc = html(result);
  const sections = doc.querySelectorAll('.slides > section');

  it('builds without errors and sets the language from the deck', () => {
    expect(result.errors).toEqual([]);
    expect(doc.querySelector('html')?.getAttribute('lang')).toBe('de-AT');
  });

  it('escapes text and renders Markdown without raw HTML', () => {
    const title = sections[3]!.querySelector('h2')!;
    expect(title.querySelector('script')).toBeNull();
    expect(title.text).toBe('Über Größe & <script>alert(1)</script>');
    expect(title.querySelector('em')?.text).toBe('Größe');
    expect(sections[3]!.querySelector('li strong')?.text).toBe('fett');
    expect(sections[3]!.querySelector('li code')?.text).toBe('code');
    expect(doc.querySelector('title')?.text).toBe('Markup <b>and</b> escaping');
    const notes = sections[3]!.querySelector('aside.notes')!;
    expect(notes.querySelectorAll('p')).toHaveLength(2);
    expect(notes.querySelector('img')).toBeNull();
  });

  it('gives every slide a stable, unique id', () => {
    expect(sections.map((s) => s.id)).toEqual([
      'markup-b-and-b-escaping', // raw HTML is text, so <b> stays in the title
      'agenda',
      'erster-teil',
      'ueber-groesse-script-alert-1-script',
      'ueber-groesse',
      'zweiter-teil',
      'quellen',
    ]);
  });

  it('links the agenda to the sections', () => {
    const links = sections[1]!.querySelectorAll('.td-agenda a');
    expect(links.map((a) => [a.getAttribute('href'), a.text])).toEqual([
      ['#/erster-teil', 'Erster Teil'],
      ['#/zweiter-teil', 'Zweiter Teil'],
    ]);
  });

  it('numbers references by first citation and lists only cited ones, in German', () => {
    expect(sections[6]!.querySelector('h2')?.text).toBe('Quellen');
    const items = sections[6]!.querySelectorAll('.td-sources li');
    expect(items.map((li) => li.id)).toEqual(['talkdeck-ref-a', 'talkdeck-ref-b']);
    expect(sections[3]!.querySelector('.td-cite')?.text).toBe('Quelle: [1] Mustermann 2019');
    expect(sections[4]!.querySelector('.td-cite')?.text).toBe('Quellen: [2] Other 2020; [1] Mustermann 2019');
    expect(sections[4]!.querySelector('.td-cite a')?.getAttribute('href')).toBe('#/quellen');
  });

  it('reveals top-level bullets step by step only when asked', () => {
    const items = sections[3]!.querySelector('.td-points')!.children.filter((c) => c.tagName === 'LI');
    expect(items.map((li) => li.classList.contains('fragment'))).toEqual([true, true]);
    expect(sections[3]!.querySelectorAll('ul ul li.fragment')).toHaveLength(0);
    expect(sections[4]!.querySelectorAll('.fragment')).toHaveLength(0);
  });

  it('loads only local files, relative to the deck folder', () => {
    const refs = [
      ...doc.querySelectorAll('link').map((l) => l.getAttribute('href')!),
      ...doc.querySelectorAll('script[src]').map((s) => s.getAttribute('src')!),
    ];
    expect(refs.length).toBeGreaterThan(4);
    for (const ref of refs) {
      expect(ref).not.toMatch(/^(https?:)?\/\//);
      expect(result.files.has(ref), `${ref} is part of the output`).toBe(true);
    }
  });

  it('is deterministic', async () => {
    const again = await buildFolder(fixture('markup'));
    expect(again.files).toEqual(result.files);
  });
});

describe('templates', () => {
  it('a deck can override a built-in partial', async () => {
    const doc = html(await buildFolder(fixture('template-override')));
    expect(doc.querySelector('h2.own-heading')?.text).toBe('Heading from an overridden partial');
  });
});

describe('the example deck', async () => {
  const result = await buildFolder(`${ROOT}/content/example`);
  const doc = html(result);
  it('uses every layout', async () => {
    const { LAYOUT_NAMES } = await import('../src/core/deck/layouts.js');
    const used = new Set(doc.querySelectorAll('.slides section[data-layout]').map((s) => s.getAttribute('data-layout')));
    expect([...used].sort()).toEqual([...LAYOUT_NAMES].sort());
  });
  it('gives the image and the map a text alternative', () => {
    expect(doc.querySelector('.td-figure img')?.getAttribute('alt')).toMatch(/load, validate, model, render and write/);
    const svg = doc.querySelector('.td-map svg')!;
    const desc = doc.getElementById(svg.getAttribute('aria-labelledby')!.split(' ')[1]!);
    expect(desc?.text).toContain('Colombia');
  });
  it('copies the image into the output', () => {
    expect(result.files.get('assets/images/pipeline.svg')).toEqual({ copyFrom: `${ROOT}/content/example/images/pipeline.svg` });
  });
});

describe('slide ids', () => {
  it('transliterate German and keep ASCII', () => {
    expect(slugify('Maßnahmen für Öl & Gas – Überblick')).toBe('massnahmen-fuer-oel-gas-ueberblick');
    expect(slugify('Ça va, señor?')).toBe('ca-va-senor');
  });
  it('do not change when a slide is inserted before', () => {
    const before = assignIds([{ title: 'A', fallback: 's1' }, { title: 'B', fallback: 's2' }]);
    const after = assignIds([{ title: 'New', fallback: 's1' }, { title: 'A', fallback: 's2' }, { title: 'B', fallback: 's3' }]);
    expect(after.slice(1)).toEqual(before);
  });
  it('keep explicit ids and number clashes', () => {
    expect(assignIds([{ title: 'A', fallback: 'x' }, { title: 'A', fallback: 'y' }, { title: 'B', explicit: 'a-2', fallback: 'z' }])).toEqual([
      'a',
      'a-3',
      'a-2',
    ]);
  });
});
