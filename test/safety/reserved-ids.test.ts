// talkdeck's own ids live under `talkdeck-`, which slide ids cannot take: a slide titled like one
// gets another id, and no id in the page appears twice (a clash made the dev server's live client
// remove a slide with `id: talkdeck-problems`).
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parse } from 'node-html-parser';
import { afterAll, describe, expect, it } from 'vitest';
import { talkdeck } from '../helpers/cli.js';

describe('reserved ids', () => {
  const dir = mkdtempSync(join(tmpdir(), 'talkdeck-ids-'));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('titles that slug to talkdeck’s ids, and ids like its generated ones, build without a clash', () => {
    mkdirSync(join(dir, 'content/ids'), { recursive: true });
    writeFileSync(
      join(dir, 'content/ids/deck.yaml'),
      [
        'title: Ids',
        'references:',
        '  a: { title: Source A }',
        'slides:',
        '  - title: Talkdeck problems',
        '    points: [a]',
        '    cite: [a]',
        '  - title: Second',
        '    id: ref-a',
        '    points: [b]',
        '  - layout: map',
        '    title: Where',
        '    id: where',
        '    groups: [{ label: Here, countries: [COL] }]',
        '  - title: Map ids',
        '    id: map-where-title',
        '    points: [c]',
        '  - layout: sources',
      ].join('\n') + '\n',
    );
    const run = talkdeck(dir, ['build', 'ids']);
    expect(run.code, run.stderr).toBe(0);
    const doc = parse(readFileSync(join(dir, 'dist/ids/index.html'), 'utf8'));
    const ids = doc.querySelectorAll('[id]').map((e) => e.id);
    expect(new Set(ids).size, 'every id once').toBe(ids.length);
    const slides = doc.querySelectorAll('.slides > section').map((s) => s.id);
    expect(slides).toEqual(['slide-talkdeck-problems', 'ref-a', 'where', 'map-where-title', 'sources']);
    expect(slides.some((id) => id.startsWith('talkdeck-'))).toBe(false);
    expect(ids.filter((id) => !slides.includes(id)).every((id) => id.startsWith('talkdeck-'))).toBe(true);
  });
});
