// Speaking time: the estimate itself, and where it ends up (data-timing, the agenda).
import { parse } from 'node-html-parser';
import { describe, expect, it } from 'vitest';
import { countWords } from '../src/core/base/markdown.js';
import { estimateTiming, formatDuration, slideSeconds } from '../src/core/model/timing.js';
import { TIMING_DEFAULTS } from '../src/core/deck/settings.js';
import { buildFolder, fixture } from './helpers/build.js';

describe('the estimate', () => {
  it('counts words as a reader does, ignoring markup and dashes', () => {
    expect(countWords('Eins **zwei** – [drei](https://example.org) `vier`\n\n- fünf')).toBe(5);
    expect(countWords('')).toBe(0);
  });

  it('is words at the speaking rate plus a fixed time per slide, in whole seconds', () => {
    const t = { wordsPerMinute: 120, secondsPerSlide: 10, tolerancePercent: 15 };
    expect(slideSeconds(undefined, t)).toBe(10);
    expect(slideSeconds(Array(60).fill('wort').join(' '), t)).toBe(40);
    expect(slideSeconds('ein Wort', t)).toBe(11);
  });

  it('sums per section (slides before the first section form their own group) and compares with the duration', () => {
    const words = (n: number): string => Array(n).fill('w').join(' ');
    const t = estimateTiming(
      [
        { layout: 'title', title: 'T' },
        { layout: 'section', title: 'A' },
        { layout: 'points', title: 'a1', notes: words(130) },
        { layout: 'section', title: 'B' },
        { layout: 'points', title: 'b1', notes: words(65) },
      ],
      2,
      TIMING_DEFAULTS,
    );
    expect(t.slides).toEqual([5, 5, 65, 5, 35]);
    expect(t.sections).toEqual([
      { title: undefined, first: 0, count: 1, seconds: 5 },
      { title: 'A', first: 1, count: 2, seconds: 70 },
      { title: 'B', first: 3, count: 2, seconds: 40 },
    ]);
    expect(t.totalSeconds).toBe(115);
    expect(t.durationSeconds).toBe(120);
    expect(t.deviationPercent).toBe(-4.2);
    expect(estimateTiming([{ layout: 'title', title: 'T' }], undefined, TIMING_DEFAULTS).deviationPercent).toBeUndefined();
  });

  it('estimates backup slides but leaves them out of the sections and the total', () => {
    const words = (n: number): string => Array(n).fill('w').join(' ');
    const t = estimateTiming(
      [
        { layout: 'section', title: 'A' },
        { layout: 'points', title: 'a1', notes: words(130) },
        { layout: 'section', title: 'Backup', backup: true },
        { layout: 'points', title: 'x', notes: words(130), backup: true },
      ],
      1,
      TIMING_DEFAULTS,
    );
    expect(t.slides).toEqual([5, 65, 5, 65]);
    expect(t.sections).toEqual([{ title: 'A', first: 0, count: 2, seconds: 70 }]);
    expect(t.totalSeconds).toBe(70);
  });

  it('formats durations as minutes and seconds', () => {
    expect(formatDuration(0)).toBe('0:00');
    expect(formatDuration(1265)).toBe('21:05');
    expect(formatDuration(-75)).toBe('-1:15');
  });
});

describe('in the built deck', async () => {
  const result = await buildFolder(fixture('timing-agenda'));
  const file = result.files.get('index.html');
  const doc = parse(file && 'content' in file ? file.content : '');

  it('every slide carries its estimate as reveal.js data-timing', () => {
    expect(result.errors).toEqual([]);
    const timings = doc.querySelectorAll('.slides > section').map((s) => s.getAttribute('data-timing'));
    // title, agenda, section, 65 words, section, 130 words
    expect(timings).toEqual(['5', '5', '5', '35', '5', '65']);
  });

  it('the agenda shows whole minutes per section, in the deck language', () => {
    const items = doc.querySelectorAll('.td-agenda li');
    expect(items.map((li) => li.querySelector('a')?.text)).toEqual(['Erster Teil', 'Zweiter Teil']);
    // 5 + 35 s rounds to 1 minute, 5 + 65 s to 1 minute too; never 0.
    expect(items.map((li) => li.querySelector('.td-agenda-time')?.text)).toEqual(['ca. 1 Min.', 'ca. 1 Min.']);
  });

  it('the agenda shows no times unless asked', async () => {
    const plain = await buildFolder(fixture('lint/agenda-sections-ok'));
    const f = plain.files.get('index.html');
    expect(parse(f && 'content' in f ? f.content : '').querySelectorAll('.td-agenda-time')).toHaveLength(0);
  });

  it('reveal.js gets the slot as totalTime', () => {
    const script = doc.querySelectorAll('script').map((s) => s.text).find((t) => t.includes('Reveal.initialize'))!;
    const config = JSON.parse(/Reveal\.initialize\(Object\.assign\((\{.*\}), \{ plugins/s.exec(script)![1]!) as { totalTime: number };
    expect(config.totalTime).toBe(180);
  });
});
