// `talkdeck check` (lint, timing, --strict, --format json, config file) and `talkdeck outline`,
// run in-process through main(), in temporary projects.
import { cpSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { main, type Io } from '../src/cli/main.js';
import { fixture, ROOT } from './helpers/build.js';
import { project } from './helpers/cli.js';

interface Captured {
  code: number;
  stdout: string;
  stderr: string;
}

async function run(cwd: string, args: string[], env: Record<string, string> = {}, tty = false): Promise<Captured> {
  let stdout = '';
  let stderr = '';
  const io: Io = {
    stdout: { write: (s: string) => (stdout += s), isTTY: tty },
    stderr: { write: (s: string) => (stderr += s), isTTY: tty },
    cwd,
    env,
  };
  const code = await main(args, io);
  return { code, stdout, stderr };
}

/** A project with decks that trigger known findings: max-bullets (5:7) and notes-missing (3:5). */
function lintProject(): string {
  return project({ busy: fixture('lint/severity-in-deck'), clean: fixture('minimal'), bullets: fixture('lint/max-bullets-over') });
}

interface Report {
  version: number;
  ok: boolean;
  strict: boolean;
  decks: {
    name: string;
    file: string;
    ok: boolean;
    slides: number | null;
    errors: number;
    warnings: number;
    timing: { totalSeconds: number; durationSeconds: number | null; slides: { seconds: number }[]; sections: { seconds: number }[] } | null;
    problems: { severity: string; code: string; message: string; file: string | null; line: number | null; column: number | null; path: string | null; hint: string | null }[];
  }[];
  problems: unknown[];
}

describe('talkdeck check --format json', () => {
  it('reports decks, problems and timings in a fixed shape', async () => {
    const dir = lintProject();
    const r = await run(dir, ['check', '--format', 'json']);
    expect(r.code).toBe(1); // busy makes max-bullets an error
    expect(r.stderr).toBe('');
    const report = JSON.parse(r.stdout) as Report;
    expect(Object.keys(report)).toEqual(['version', 'ok', 'strict', 'decks', 'problems']);
    expect(report).toMatchObject({ version: 1, ok: false, strict: false, problems: [] });
    expect(report.decks.map((d) => [d.name, d.ok, d.errors, d.warnings])).toEqual([
      ['bullets', true, 0, 2],
      ['busy', false, 1, 0],
      ['clean', true, 0, 0],
    ]);
    const bullets = report.decks[0]!;
    expect(Object.keys(bullets)).toEqual(['name', 'file', 'ok', 'slides', 'errors', 'warnings', 'timing', 'problems']);
    expect(bullets.file).toBe('content/bullets/deck.yaml');
    for (const p of bullets.problems) {
      expect(Object.keys(p)).toEqual(['severity', 'code', 'message', 'file', 'line', 'column', 'path', 'hint']);
    }
    expect(bullets.problems.map((p) => [p.code, p.line, p.column, p.path])).toEqual([
      ['max-bullets', 5, 7, 'slides[0].points'],
      ['max-bullets', 21, 9, 'slides[1].right.points'],
    ]);
    expect(report.decks[1]!.problems[0]).toMatchObject({ severity: 'error', code: 'max-bullets', file: 'content/busy/deck.yaml', line: 7 });
    const timing = bullets.timing!;
    expect(timing.totalSeconds).toBe(timing.slides.reduce((a, s) => a + s.seconds, 0));
    expect(timing.totalSeconds).toBe(timing.sections.reduce((a, s) => a + s.seconds, 0));
    expect(timing.durationSeconds).toBeNull();
  });

  it('is the same, byte for byte, on every run', async () => {
    const dir = lintProject();
    const first = await run(dir, ['check', '--format', 'json']);
    const second = await run(dir, ['check', '--format', 'json']);
    expect(second.stdout).toBe(first.stdout);
  });
});

describe('talkdeck check for people', () => {
  it('prints each finding with its place and rule, and the speaking time per deck', async () => {
    const r = await run(lintProject(), ['check', 'bullets', 'clean']);
    expect(r.code).toBe(0);
    expect(r.stderr).toContain('content/bullets/deck.yaml:5:7: warning: Slide 1 (“Seven bullets”) has 7 bullets (more than 6)');
    expect(r.stderr).toContain('[max-bullets]');
    expect(r.stdout).toMatch(/✓ bullets: 2 slides, 2 warnings · speaking time ≈ \d+:\d\d \(no duration set\)/);
    expect(r.stdout).toMatch(/✓ clean: 1 slides, no problems/);
  });

  it('fails on warnings with --strict', async () => {
    const r = await run(lintProject(), ['check', 'bullets', '--strict']);
    expect(r.code).toBe(1);
    expect(r.stderr).toContain('✗ bullets: 2 slides, 2 warnings (--strict)');
    expect((await run(lintProject(), ['check', 'clean', '--strict'])).code).toBe(0);
  });

  it('uses colour only on a terminal, and never with NO_COLOR', async () => {
    const ESC = '\x1b[';
    expect((await run(lintProject(), ['check', 'bullets'])).stderr).not.toContain(ESC);
    expect((await run(lintProject(), ['check', 'bullets'], {}, true)).stderr).toContain(ESC);
    expect((await run(lintProject(), ['check', 'bullets'], { NO_COLOR: '1' }, true)).stderr).not.toContain(ESC);
  });

  it('takes severities from the config file, the deck and --rule, in that order', async () => {
    const dir = lintProject();
    writeFileSync(join(dir, 'talkdeck.config.yaml'), 'lint:\n  max-bullets: off\n  notes-missing: error\n');
    // bullets: the config file switches max-bullets off. busy: the deck sets it to error and notes-missing off.
    const fromConfig = await run(dir, ['check', 'bullets', 'busy', '--format', 'json']);
    const report = JSON.parse(fromConfig.stdout) as Report;
    expect(report.decks.map((d) => d.problems.map((p) => `${p.code}:${p.severity}`))).toEqual([[], ['max-bullets:error']]);
    const fromFlag = await run(dir, ['check', 'busy', '--rule', 'max-bullets=warning', '--format', 'json']);
    expect((JSON.parse(fromFlag.stdout) as Report).decks[0]!.problems.map((p) => `${p.code}:${p.severity}`)).toEqual(['max-bullets:warning']);
    expect(fromFlag.code).toBe(0);
  });

  it('reports a broken config file at its place, and a wrong --rule as a usage error', async () => {
    const dir = lintProject();
    writeFileSync(join(dir, 'talkdeck.config.json'), '{\n  "lint": { "max-bulets": "error" }\n}\n');
    const broken = await run(dir, ['check', 'clean']);
    expect(broken.code).toBe(1);
    expect(broken.stderr).toContain('talkdeck.config.json:2:13: error: Unknown key `max-bulets`');
    expect(broken.stderr).toContain('did you mean `max-bullets`?');
    const usage = await run(lintProject(), ['check', '--rule', 'max-bullets=loud']);
    expect(usage.code).toBe(2);
    expect(usage.stderr).toContain('--rule max-bullets=loud');
  });
});

describe('the briefing', () => {
  it('check reports its estimated speaking time against the 20-minute slot', async () => {
    const r = await run(ROOT, ['check', 'kolumbien-nato', '--format', 'json']);
    const deck = (JSON.parse(r.stdout) as Report).decks[0]!;
    expect(deck.problems).toEqual([]);
    expect(deck.timing!.durationSeconds).toBe(1200);
    // Within the 15 % the timing rule allows, else check would warn.
    expect(Math.abs(deck.timing!.totalSeconds - 1200)).toBeLessThanOrEqual(180);
    const human = await run(ROOT, ['check', 'kolumbien-nato']);
    expect(human.stdout).toMatch(/✓ kolumbien-nato: 28 slides, no problems · speaking time ≈ \d+:\d\d for a 20:00 slot/);
  });
});

describe('talkdeck outline', () => {
  it('prints every slide with its time, a subtotal per section and the total', async () => {
    const dir = project({ talk: fixture('timing-agenda') });
    const r = await run(dir, ['outline', 'talk']);
    expect(r.code).toBe(0);
    const lines = r.stdout.split('\n');
    expect(lines[0]).toBe('Zeit pro Abschnitt (talk)');
    const cells = (line: string | undefined): string[] => (line ?? '').trim().split(/\s{2,}/);
    const rows = lines.filter((l) => /^\s+\d+\s/.test(l)).map(cells);
    expect(rows.map((c) => [c[0], c[2]])).toEqual([
      ['1', '0:05'],
      ['2', '0:05'],
      ['3', '0:05'],
      ['4', '0:35'],
      ['5', '0:05'],
      ['6', '1:05'],
    ]);
    expect(rows[2]![1]).toBe('§ Erster Teil');
    const subtotals = lines.filter((l) => l.includes('Σ')).map(cells);
    expect(subtotals).toEqual([
      ['Σ Before the first section', '0:10'],
      ['Σ Erster Teil', '0:40'],
      ['Σ Zweiter Teil', '1:10'],
    ]);
    expect(cells(lines.find((l) => l.trim().startsWith('Total')))).toEqual(['Total', '2:00']);
    expect(r.stdout).toContain('speaking time ≈ 2:00 for a 3:00 slot (−33.3 %)');
  });

  it('honours --wpm', async () => {
    const dir = project({ talk: fixture('timing-agenda') });
    const r = await run(dir, ['outline', 'talk', '--wpm', '65']);
    expect(r.stdout).toContain('notes at 65 words/min + 5 s per slide');
    // 65 words → 60 s + 5, 130 words → 120 s + 5, four slides without notes → 4 × 5 s
    expect(r.stdout).toMatch(/Total\s+3:30/);
  });

  it('reports errors instead of an outline for a broken deck', async () => {
    const dir = project({ bad: fixture('misspelt-key') });
    cpSync(fixture('minimal'), join(dir, 'content/good'), { recursive: true });
    const r = await run(dir, ['outline', 'bad', 'good']);
    expect(r.code).toBe(1);
    expect(r.stderr).toContain('✗ bad: fix the errors above');
    expect(r.stdout).toContain('Minimal (good)');
  });
});
