// Rehearsals teach the plan: records in a deck's rehearsals/ (test/fixtures/rehearsals has two,
// made for its slides, plus files that are not records), the pace measured in them, the pacing
// and the finding they lead to, and the `talkdeck rehearsals` report.
import { cpSync, mkdtempSync, readFileSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parse } from 'node-html-parser';
import { describe, expect, it } from 'vitest';
import { checkRehearsal, parseRehearsal, type RehearsalRecord } from '../src/core/deck/rehearsal.js';
import { slideFingerprint } from '../src/core/model/fingerprint.js';
import { measuredPace, recordPace } from '../src/core/model/rehearsals.js';
import { readRehearsals } from '../src/shell/rehearsals.js';
import type { DeckRehearsalsReport, SlideReport } from '../src/cli/rehearsals-report.js';
import { buildFolder, fixture, ROOT } from './helpers/build.js';
import { talkdeck } from './helpers/cli.js';

const FIXTURE = fixture('rehearsals');
const record = (name: string): RehearsalRecord => JSON.parse(readFileSync(join(FIXTURE, 'rehearsals', name), 'utf8')) as RehearsalRecord;
const FIRST = '2025-05-01_12-00-00.json';
const SECOND = '2025-05-02_12-00-00.json';

/** A copy of the fixture in a temporary project (content/rehearsals), to edit. */
function copy(): { root: string; deck: string } {
  const root = mkdtempSync(join(tmpdir(), 'talkdeck-rehearsals-'));
  cpSync(FIXTURE, join(root, 'content', 'rehearsals'), { recursive: true });
  return { root, deck: join(root, 'content', 'rehearsals', 'deck.yaml') };
}

function report(cwd: string, deck: string): DeckRehearsalsReport {
  const r = talkdeck(cwd, ['rehearsals', deck, '--format', 'json']);
  expect(r.code, r.stderr).toBe(0);
  return (JSON.parse(r.stdout) as { decks: DeckRehearsalsReport[] }).decks[0]!;
}
const byId = (slides: SlideReport[], id: string): SlideReport => slides.find((s) => s.id === id)!;

describe('a slide fingerprint', () => {
  const slide = { title: 'Lage', points: ['eins', { text: 'zwei', points: ['drei'] }], notes: 'Was ich sage,\n  in ganzen Sätzen.' };

  it('is the documented hash, so records made today keep matching', () => {
    // Computed apart from talkdeck, by the algorithm in fingerprint.ts:
    // python3 -c "import json,hashlib; print(hashlib.sha256(json.dumps(['Was ich sage, in ganzen Sätzen.',
    //   {'points':['eins',{'points':['drei'],'text':'zwei'}],'title':'Lage'}], separators=(',',':'),
    //   ensure_ascii=False).encode()).hexdigest()[:16])"
    expect(slideFingerprint(slide)).toBe('d6028d5f434f9db8');
  });

  it('keeps through re-wrapping, key order and how the slide looks; changes with any word said or shown', () => {
    const same = [
      { notes: 'Was ich sage, in ganzen Sätzen.', points: slide.points, title: 'Lage' },
      { ...slide, background: '#0b2545', transition: 'none', id: 'lage', steps: true, cite: ['x'], below: true },
    ];
    for (const s of same) expect(slideFingerprint(s)).toBe(slideFingerprint(slide));
    const different = [
      { ...slide, notes: 'Was ich sage, in halben Sätzen.' },
      { ...slide, title: 'Lage 2024' },
      { ...slide, points: ['eins', { text: 'zwei', points: ['vier'] }] },
      { ...slide, notes: undefined },
    ];
    for (const s of different) expect(slideFingerprint(s)).not.toBe(slideFingerprint(slide));
  });
});

describe('a rehearsal record', () => {
  it('is what the fixture holds, and nothing else', () => {
    expect(checkRehearsal(record(FIRST))).toHaveProperty('record');
    const bad: [object, string][] = [
      [{ ...record(FIRST), file: '../../deck.yaml' }, 'Unrecognized key: "file"'],
      [{ ...record(FIRST), total: -1 }, 'total: '],
      [{ ...record(FIRST), recorded: 'yesterday' }, 'recorded: '],
      [{ ...record(FIRST), slides: [{ ...record(FIRST).slides[0]!, fingerprint: '../x' }] }, 'slides[0].fingerprint: a fingerprint is 16 hexadecimal digits'],
      [{ ...record(FIRST), format: 'pptx-timings' }, 'format: '],
    ];
    for (const [data, problem] of bad) expect((checkRehearsal(data) as { problem: string }).problem).toContain(problem);
    expect(parseRehearsal('{"format":')).toEqual({ problem: expect.stringMatching(/^not valid JSON/) });
  });
});

describe('the measured pace', () => {
  it('is the notes’ words over the time on their slides less the time per slide, median over rehearsals', () => {
    // First: 130 words in (35-5)+(20-5)+(25-5) = 65 s; second: 130 words in 35+17+24 = 76 s.
    expect(recordPace(record(FIRST), 5)).toBe(120);
    expect(recordPace(record(SECOND), 5)).toBe(103);
    expect(measuredPace([record(FIRST), record(SECOND)], 5)).toBe(112);
  });

  it('leaves out slides that were skipped rather than spoken', () => {
    const r = record(FIRST);
    const skipped = { ...r, slides: r.slides.map((s) => (s.id === 'thirty-words' ? { ...s, seconds: 6 } : s.id === 'changed-since' ? { ...s, seconds: 4 } : s)) };
    // 30 words in 1 s (1800 wpm) and 40 words in less than the time per slide: only the first slide counts.
    expect(recordPace(skipped, 5)).toBe(120);
    expect(recordPace({ ...r, slides: [] }, 5)).toBeUndefined();
  });
});

describe('a deck with rehearsals', () => {
  it('estimates at the measured pace, paces each slide with its rehearsed median, and the estimate where the slide changed since', async () => {
    const build = await buildFolder(FIXTURE);
    expect(build.errors).toEqual([]);
    const model = build.model!;
    expect(model.timing.settings.wordsPerMinute).toBe(112);
    expect(model.rehearsals).toMatchObject({ pace: 112, paceUsed: true, rehearsedSlides: 6 });
    // 60 words at 112 per minute: 5 + 32.1 s.
    expect(model.slides.map((s) => s.timing)).toEqual([5, 5, 37, 21, 5, 26, 5]);
    const html = parse((build.files.get('index.html') as { content: string }).content);
    const timing = html.querySelectorAll('.slides section[id]').map((s) => [s.id, Number(s.getAttribute('data-timing'))]);
    expect(timing).toEqual([
      ['rehearsed-talk', 13],
      ['part-one', 5],
      ['sixty-words', 38],
      ['thirty-words', 21],
      ['part-two', 5],
      ['changed-since', 26],
      ['thank-you', 10],
    ]);
    expect(model.rehearsals!.plannedSeconds).toBe(118);
  });

  it('keeps a pace set on purpose', async () => {
    const build = await buildFolder(FIXTURE, { cli: { timing: { wordsPerMinute: 150 } } });
    expect(build.model!.timing.settings.wordsPerMinute).toBe(150);
    expect(build.model!.rehearsals).toMatchObject({ pace: 112, paceUsed: false });
  });

  it('says at `duration` when the talk as rehearsed overruns the slot, and warns about a broken record', async () => {
    const { warnings } = await buildFolder(FIXTURE);
    const overrun = warnings.find((w) => w.code === 'rehearsal-overrun')!;
    expect(overrun.location).toBe('test/fixtures/rehearsals/deck.yaml:7:11');
    expect(overrun.message).toBe('The talk as rehearsed takes 1:58, 0:28 over the 1:30 slot (6 of 7 slides as rehearsed, 1 estimated)');
    const broken = warnings.filter((w) => w.code === 'rehearsal-file');
    expect(broken.map((w) => w.file)).toEqual(['test/fixtures/rehearsals/rehearsals/broken.json']);
    expect(broken[0]!.message).toMatch(/^Not a rehearsal record talkdeck can read \(not valid JSON/);
  });

  it('reads only its own records from inside the deck folder, and skips the rest with the reason', () => {
    const { root, deck } = copy();
    const dir = join(deck, '..', 'rehearsals');
    writeFileSync(join(root, 'outside.json'), JSON.stringify(record(FIRST)));
    symlinkSync(join(root, 'outside.json'), join(dir, 'linked.json'));
    writeFileSync(join(dir, 'huge.json'), Buffer.alloc(5 * 1024 * 1024, 32));
    writeFileSync(join(dir, 'latin1.json'), Buffer.from('{"deck": "Zürich"}', 'latin1'));
    writeFileSync(join(dir, '.rehearsal-1234.tmp'), 'half a record');
    const read = readRehearsals({ dir: join(deck, '..'), name: 'rehearsals' }, root);
    expect(read.files.map((f) => f.file)).toEqual([`content/rehearsals/rehearsals/${FIRST}`, `content/rehearsals/rehearsals/${SECOND}`]);
    expect(read.skipped.map((s) => [s.file.replace('content/rehearsals/rehearsals/', ''), s.invalid])).toEqual([
      ['broken.json', true],
      ['huge.json', true],
      ['latin1.json', true],
      ['linked.json', true],
      ['notes.txt', false],
      ['other-talk.json', false],
    ]);
    expect(read.skipped.find((s) => s.file.endsWith('linked.json'))!.reason).toBe('is a link to a place outside the deck folder');
  });
});

describe('talkdeck rehearsals', () => {
  it('reports per slide the estimate, the last rehearsal, the median, the trend and slides that always run long', () => {
    const r = report(ROOT, 'test/fixtures/rehearsals');
    expect(r.pace).toEqual({ measured: 112, usedByEstimate: true, estimateWordsPerMinute: 112 });
    expect(r.slides.map((s) => [s.id, s.estimateSeconds, s.lastSeconds, s.medianSeconds, s.trendSeconds, s.alwaysLong, s.lastStale])).toEqual([
      ['rehearsed-talk', 5, 14, 13, 2, true, false],
      ['part-one', 5, 4, 5, -2, false, false],
      ['sixty-words', 37, 40, 38, 5, false, false],
      ['thirty-words', 21, 22, 21, 2, false, false],
      ['part-two', 5, 5, 5, 0, false, false],
      ['changed-since', 26, 29, null, null, false, true],
      ['thank-you', 5, 11, 10, 2, false, false],
    ]);
    expect(r.total).toEqual({ estimateSeconds: 104, plannedSeconds: 118, lastSeconds: 125, medianSeconds: 118.5, trendSeconds: 13 });
    expect(r.rehearsals.map((x) => [x.file, x.pace, x.changedSlides])).toEqual([
      [`test/fixtures/rehearsals/rehearsals/${FIRST}`, 120, ['changed-since']],
      [`test/fixtures/rehearsals/rehearsals/${SECOND}`, 103, ['changed-since']],
    ]);
    expect(r.skipped.map((s) => s.file.replace('test/fixtures/rehearsals/rehearsals/', ''))).toEqual(['broken.json', 'notes.txt', 'other-talk.json']);

    const text = talkdeck(ROOT, ['rehearsals', 'test/fixtures/rehearsals']);
    expect(text.code).toBe(0);
    const line = (start: string): string => text.stdout.split('\n').find((l) => l.trimStart().startsWith(start))!;
    expect(line('1 ').split(/\s{2,}/).filter(Boolean)).toEqual(['1', 'Rehearsed talk', '0:05', '0:14', '0:13', '+0:02', 'always long']);
    expect(line('6 ').split(/\s{2,}/).filter(Boolean)).toEqual(['6', 'Forty words', '0:26', '0:29*', '–']);
    expect(text.stdout).toContain('Pace: 112 words per minute, measured in the rehearsals; the estimate uses it.');
    expect(text.stdout).toContain('other-talk.json: a rehearsal of deck `other-talk`, not of `rehearsals`');
  });

  it('marks records stale for a slide whose notes were edited since, and leaves them out of the median', () => {
    const { root, deck } = copy();
    expect(byId(report(root, 'rehearsals').slides, 'thirty-words')).toMatchObject({ lastSeconds: 22, lastStale: false, medianSeconds: 21 });
    const marker = '  - title: Thirty words\n    points: [Third point]\n    notes: |\n      ';
    const text = readFileSync(deck, 'utf8');
    expect(text).toContain(marker);
    writeFileSync(deck, text.replace(marker, `${marker}Also `));
    const after = report(root, 'rehearsals');
    expect(byId(after.slides, 'thirty-words')).toMatchObject({ lastSeconds: 22, lastStale: true, medianSeconds: null, trendSeconds: null });
    expect(after.rehearsals.map((x) => x.changedSlides)).toEqual([
      ['thirty-words', 'changed-since'],
      ['thirty-words', 'changed-since'],
    ]);
    // The pace comes from the words each record kept: an edit does not change it.
    expect(after.pace.measured).toBe(112);
    expect(talkdeck(root, ['rehearsals', 'rehearsals']).stdout).toMatch(/^ +4 +Thirty words +0:22 +0:22\* +–$/m);
  });

  it('says how to start when there are none', () => {
    const r = talkdeck(ROOT, ['rehearsals', 'test/fixtures/timing-agenda']);
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('No rehearsals yet. Open the deck (talkdeck serve, or the built index.html), press S for the speaker view');
  });
});
