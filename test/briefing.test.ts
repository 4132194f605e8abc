// The real briefing, checked as an editor would before a talk: notes, sources, alternatives.
import { parse } from 'node-html-parser';
import { describe, expect, it } from 'vitest';
import { buildFolder, ROOT } from './helpers/build.js';

const NON_CONTENT = new Set(['title', 'agenda', 'section', 'sources']);

describe('the briefing „Kolumbien als globaler Partner der NATO“', async () => {
  const result = await buildFolder(`${ROOT}/content/kolumbien-nato`);
  const model = result.model!;
  const file = result.files.get('index.html');
  const doc = parse(file && 'content' in file ? file.content : '');
  const words = (text: string | undefined): number => (text ?? '').split(/\s+/).filter(Boolean).length;

  it('builds cleanly, in German', () => {
    expect(result.errors).toEqual([]);
    expect(result.warnings).toEqual([]);
    expect(doc.querySelector('html')?.getAttribute('lang')).toBe('de');
    // The talk itself; backup slides for questions come after it.
    const talk = model.slides.filter((s) => !s.backup);
    expect(talk.length).toBeGreaterThanOrEqual(20);
    expect(talk.length).toBeLessThanOrEqual(26);
  });

  it('has speaker notes on every content slide, 60–140 words each', () => {
    const content = model.slides.filter((s) => !NON_CONTENT.has(s.layout));
    expect(content.length).toBeGreaterThan(15);
    for (const slide of content) {
      const n = words(slide.notesText);
      expect(n, `notes of slide ${slide.number} „${slide.title}“`).toBeGreaterThanOrEqual(60);
      expect(n, `notes of slide ${slide.number} „${slide.title}“`).toBeLessThanOrEqual(140);
    }
    expect(doc.querySelectorAll('.slides > section').filter((s) => !NON_CONTENT.has(s.getAttribute('data-layout')!)).every((s) => s.querySelector('aside.notes'))).toBe(true);
  });

  it('has notes for about 20 minutes at 130 words per minute', () => {
    const total = model.slides.filter((s) => !s.backup).reduce((sum, s) => sum + words(s.notesText), 0);
    expect(total / 130).toBeGreaterThan(17);
    expect(total / 130).toBeLessThan(23);
  });

  it('cites only defined references and lists every reference it defines', async () => {
    const { parse: parseYaml } = await import('yaml');
    const { readFileSync } = await import('node:fs');
    const deck = parseYaml(readFileSync(`${ROOT}/content/kolumbien-nato/deck.yaml`, 'utf8')) as {
      references: Record<string, unknown>;
      slides: { cite?: string[] }[];
    };
    const defined = Object.keys(deck.references).sort();
    const cited = [...new Set(deck.slides.flatMap((s) => s.cite ?? []))].sort();
    expect(cited).toEqual(defined);
    const listed = doc.querySelectorAll('.td-sources li').map((li) => li.id.replace(/^ref-/, '')).sort();
    expect(listed).toEqual(defined);
  });

  it('gives every image and map a text alternative', () => {
    for (const img of doc.querySelectorAll('img')) expect(img.getAttribute('alt')?.trim()).toBeTruthy();
    const maps = doc.querySelectorAll('svg.world-map');
    expect(maps.length).toBeGreaterThan(0);
    for (const svg of maps) {
      expect(svg.getAttribute('role')).toBe('img');
      const [titleId, descId] = svg.getAttribute('aria-labelledby')!.split(' ');
      expect(doc.getElementById(titleId!)?.text.trim()).toBeTruthy();
      expect(doc.getElementById(descId!)?.text).toContain('Kolumbien');
    }
  });

  it('states the article date and never calls Colombia a member', () => {
    const slideText = doc.querySelectorAll('.slides > section').map((s) => {
      s.querySelector('aside.notes')?.remove();
      return s.text;
    });
    expect(slideText[0]).toContain('Stand: Artikel 1/2024');
    for (const text of slideText) {
      // Colombia is a global partner: membership may be named only to deny it.
      expect(text.replace(/nicht Mitglied der NATO/g, '')).not.toMatch(
        /Mitglied der NATO|NATO-Mitglied|ist Mitglied|trat der NATO bei|NATO-Beitritt|Beitritt zur NATO|Verbündete/,
      );
    }
  });
});
