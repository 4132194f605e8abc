// The briefing against an edited copy (test/fixtures/diff-briefing/edited.yaml: three points
// reworded, one slide moved, one figure changed, one slide added): the report says exactly that
// and nothing else. Then the same two versions as two commits of a git repository, through the
// shipped CLI with --since, and what it says when --since cannot be answered.
import { copyFileSync, mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { fixture, ROOT } from './helpers/build.js';
import { talkdeck } from './helpers/cli.js';
import { diffJsonOf, repoWithTwoVersions, reportLines } from './helpers/diff.js';

const BRIEFING = join(ROOT, 'content/kolumbien-nato/deck.yaml');
const EDITED = fixture('diff-briefing/edited.yaml');

/** Exactly the edit, as the report's lines (numbers first). */
const EXPECTED = [
  '# Soldaten und Polizisten in der Operation Artemisa: 23.000 → 24.000',
  'changed kurzfassung',
  '  points[4] changed',
  'changed umwelt',
  '  figures[0].value changed',
  'changed petro-kurs',
  '  points[3] changed',
  'moved petro-un 19 → 21',
  'changed fazit',
  '  points[1] changed',
  'added diskussion',
  '  title added',
  '  points[0] added',
  '  points[1] added',
  '  points[2] added',
  '  notes added',
];

describe('the briefing against an edited copy', () => {
  it('reports the three rewordings, the move, the figure and the added slide, and nothing else', async () => {
    const { code, report, stderr } = await diffJsonOf(ROOT, [BRIEFING, EDITED]);
    expect(code, stderr).toBe(0);
    const deck = report.decks[0]!;
    expect(deck.counts).toEqual({ added: 1, removed: 0, moved: 1, changed: 4, unchanged: 23 });
    expect(reportLines(deck)).toEqual(EXPECTED);
    expect(deck.deckFields).toEqual([]);
  });
});

describe('talkdeck diff --since in a git repository', () => {
  let repo: string;

  beforeAll(() => {
    repo = repoWithTwoVersions({ prefix: 'talkdeck-diff-git-', file: 'content/kolumbien-nato/deck.yaml', first: BRIEFING, tag: 'v1-approved', message: 'Briefing, approved', next: EDITED, commitNext: true });
  });

  it('diff --since HEAD~1 through the CLI reports the edit, counts first', () => {
    const r = talkdeck(repo, ['diff', '--since', 'HEAD~1']);
    expect(r.code, r.stderr).toBe(0);
    const lines = r.stdout.split('\n');
    expect(lines[0]).toMatch(/^kolumbien-nato: changes since HEAD~1 \([0-9a-f]{7}, \d{4}-\d\d-\d\d: Briefing, approved\)$/);
    expect(lines[1]).toBe('  1 added, 0 removed, 1 moved, 4 changed, 23 unchanged · speaking time 21:16 → 21:33 (+0:17)');
    // Numbers come before the slides.
    expect(lines.slice(3, 5)).toEqual(['Numbers', '  14 · Umwelt, Klima und Sicherheit — Soldaten und Polizisten in der Operation Artemisa: 23.000 → 24.000']);
    expect(r.stdout).toContain('point 5: Rückzug {+aus der Partnerschaft+} laut Autor kurz- bis mittelfristig [-kaum zu erwarten-]{+unwahrscheinlich+}');
    expect(r.stdout).toContain('↕  21  Zwei Präsidenten, zwei Tonlagen  moved (was slide 19)');
  });

  it('the JSON of --since v1-approved names the commit and says the same as the two files', () => {
    const r = talkdeck(repo, ['diff', 'kolumbien-nato', '--since', 'v1-approved', '--format', 'json']);
    expect(r.code, r.stderr).toBe(0);
    const report = JSON.parse(r.stdout);
    const deck = report.decks[0];
    expect(deck.since).toBe('v1-approved');
    expect(deck.revision.subject).toBe('Briefing, approved');
    expect(deck.before.file).toBe('v1-approved:content/kolumbien-nato/deck.yaml');
    expect(reportLines(deck)).toEqual(EXPECTED);
  });

  it('says in one line why --since cannot be answered, with exit code 2', () => {
    const oneLine = (r: { code: number | null; stderr: string }, pattern: RegExp) => {
      expect(r.code).toBe(2);
      expect(r.stderr.trim().split('\n')).toHaveLength(1);
      expect(r.stderr).toMatch(pattern);
    };
    oneLine(talkdeck(repo, ['diff', '--since', 'v1-aproved']), /error: Unknown git revision `v1-aproved` \(did you mean `v1-approved`\?\) \[git\]/);
    oneLine(talkdeck(repo, ['diff', '--since=--output=x']), /`--output=x` is not a git revision/);
    // A deck that did not exist at that revision.
    mkdirSync(join(repo, 'content/neu'));
    writeFileSync(join(repo, 'content/neu/deck.yaml'), 'title: Neu\nslides:\n  - title: Eins\n');
    oneLine(talkdeck(repo, ['diff', 'neu', '--since', 'HEAD']), /content\/neu\/deck\.yaml did not exist at HEAD \([0-9a-f]{7}/);
    // Not a repository.
    const plain = mkdtempSync(join(tmpdir(), 'talkdeck-diff-plain-'));
    copyFileSync(BRIEFING, join(plain, 'deck.yaml'));
    oneLine(talkdeck(plain, ['diff', '--since', 'HEAD']), /deck\.yaml is not in a git repository/);
    // No git on the PATH.
    oneLine(talkdeck(repo, ['diff', 'kolumbien-nato', '--since', 'HEAD'], { PATH: '/nonexistent' }), /git is not installed/);
  });
});
