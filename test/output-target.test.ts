// `--out` names a file when it ends in the export's extension (issue 10): the shared rule, then
// pdf, handout and build --single-file through the real CLI.
import { execFileSync } from 'node:child_process';
import { cpSync, existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parse } from 'node-html-parser';
import { describe, expect, it } from 'vitest';
import { outputTargets } from '../src/cli/output-target.js';
import { TalkdeckError } from '../src/core/base/errors.js';
import { fixture } from './helpers/build.js';
import { project, runCli, talkdeck } from './helpers/cli.js';

describe('outputTargets', () => {
  const dir = project({});
  const pdf = { cwd: dir, extensions: ['.pdf'], what: 'a PDF' } as const;

  it('a folder: <out>/<deck><suffix><ext> for each deck', () => {
    const target = outputTargets({ ...pdf, out: 'dist', deckCount: 2, suffix: '-notes' });
    expect(target('a')).toBe(join(dir, 'dist/a-notes.pdf'));
    expect(target('b')).toBe(join(dir, 'dist/b-notes.pdf'));
  });

  it('a file of the right kind, for one deck: that file, whatever the deck', () => {
    expect(outputTargets({ ...pdf, out: 'talks/Talk.PDF', deckCount: 1 })('a')).toBe(join(dir, 'talks/Talk.PDF'));
  });

  it('a file name with several decks, or a file of another kind, is a usage error', () => {
    const fail = (out: string, deckCount: number): TalkdeckError => {
      try {
        outputTargets({ ...pdf, out, deckCount });
      } catch (error) {
        return error as TalkdeckError;
      }
      throw new Error(`no error for --out ${out}`);
    };
    const several = fail('talk.pdf', 3);
    expect([several.code, several.exitCode]).toEqual(['usage', 2]);
    expect(several.message).toBe('--out talk.pdf names one file, but there are 3 decks');
    expect(fail('talk.html', 1).message).toBe('--out talk.html names a .html file, but this command writes a PDF (.pdf)');
  });

  it('an existing folder stays a folder, even with a file-like name', () => {
    mkdirSync(join(dir, 'old.pdf'));
    expect(outputTargets({ ...pdf, out: 'old.pdf', deckCount: 2 })('a')).toBe(join(dir, 'old.pdf/a.pdf'));
  });
});

describe('--out naming a file', () => {
  it('build --single-file --out talk.html writes that one file', () => {
    const dir = project({ minimal: fixture('minimal') });
    const r = talkdeck(dir, ['build', '--single-file', '--out', 'talk.html']);
    expect(r.code, r.stderr).toBe(0);
    expect(statSync(join(dir, 'talk.html')).isFile()).toBe(true);
    expect(parse(readFileSync(join(dir, 'talk.html'), 'utf8')).querySelectorAll('.slides > section').length).toBe(1);
    expect(existsSync(join(dir, 'dist'))).toBe(false);
  });

  it('a file where a folder should be is a located write error (exit 3), for every export', () => {
    const dir = project({ minimal: fixture('minimal') });
    writeFileSync(join(dir, 'afile'), 'mine');
    for (const args of [['handout', '--out', 'afile/x.md'], ['build', '--single-file', '--out', 'afile/x.html'], ['pptx', '--out', 'afile/x.pptx'], ['build', '--out', 'afile'], ['build', '--out', 'afile/x']]) {
      const r = talkdeck(dir, args);
      expect(r.code, `${args.join(' ')}: ${r.stderr}`).toBe(3);
      expect(r.stderr).toMatch(/^error: Could not write afile\/(x\.\w+|minimal|x\/minimal): afile is a file, where a folder is needed \(E(EXIST|NOTDIR)\) \[io\]$/m);
      expect(r.stderr).not.toMatch(/internal error|\n\s+at /);
      expect(readFileSync(join(dir, 'afile'), 'utf8')).toBe('mine');
    }
  });

  it('handout --out notes.md writes Markdown to notes.md, and never over a file of the user', () => {
    const dir = project({ minimal: fixture('minimal') });
    const r = talkdeck(dir, ['handout', '--out', 'notes.md']);
    expect(r.code, r.stderr).toBe(0);
    const md = readFileSync(join(dir, 'notes.md'), 'utf8');
    expect(md).toMatch(/^# Minimal$/m);
    expect(md).not.toMatch(/<html/i);
    expect(talkdeck(dir, ['handout', '--out', 'notes.md']).code, 'its own file is replaced').toBe(0);

    writeFileSync(join(dir, 'mine.md'), 'my own notes');
    const refused = talkdeck(dir, ['handout', '--out', 'mine.md']);
    expect(refused.code).toBe(1);
    expect(refused.stderr).toContain('mine.md exists and was not made by talkdeck');
    expect(readFileSync(join(dir, 'mine.md'), 'utf8')).toBe('my own notes');
  });

  it('with several decks a file name is a usage error, and nothing is written', () => {
    const dir = project({ minimal: fixture('minimal'), other: fixture('minimal') });
    for (const args of [['build', '--single-file', '--out', 'talk.html'], ['handout', '--out', 'notes.md'], ['pdf', '--out', 'talk.pdf']]) {
      const r = talkdeck(dir, args);
      expect(r.code, args.join(' ')).toBe(2);
      expect(r.stderr).toContain('names one file, but there are 2 decks');
    }
    expect(readdirSync(dir)).toEqual(['content']);
  });

  it('a folder that cannot be written is exit 3 with the path as given (issue 22)', () => {
    const dir = project({ minimal: fixture('minimal') });
    for (const [args, file] of [[['build', '--out', '/proc/self'], '/proc/self/minimal'], [['pptx', '--out', '/proc/self'], '/proc/self/minimal.pptx']] as const) {
      const r = talkdeck(dir, [...args]);
      expect(r.code, `${args.join(' ')}: ${r.stderr}`).toBe(3);
      expect(r.stderr.split('\n')[0]).toBe(`error: Could not write ${file}: nothing can be created there (ENOENT) [io]`);
    }
  });

  it('names what it wrote as errors name it: next to the project relative, far away as given (issue 22)', () => {
    // The project two folders down, so the other temporary folder is three levels up from it.
    const dir = join(mkdtempSync(join(tmpdir(), 'talkdeck-')), 'a/b');
    cpSync(fixture('minimal'), join(dir, 'content/minimal'), { recursive: true });
    const far = mkdtempSync(join(tmpdir(), 'talkdeck-far-'));
    const wrote = (args: string[]): string => {
      const r = talkdeck(dir, args);
      expect(r.code, r.stderr).toBe(0);
      return r.stdout.trim().replace(/^.*→ /, '').replace(/ \(.*\)$/, '');
    };
    expect(wrote(['pptx', '--out', '../up.pptx'])).toBe('../up.pptx');
    expect(wrote(['pptx', '--out', join(far, 'far.pptx')])).toBe(join(far, 'far.pptx'));
    expect(wrote(['handout', '--out', join(far, 'far.html')])).toBe(join(far, 'far.html'));
    expect(wrote(['build', '--single-file', '--out', join(far, 'far-single.html')])).toBe(join(far, 'far-single.html'));
    expect(wrote(['build', '--out', far])).toBe(join(far, 'minimal/index.html'));
  });

  it('a document name of another kind is a usage error, never a folder of that name (issue 22)', () => {
    const dir = project({ minimal: fixture('minimal') });
    const cases = [
      [['pptx', '--out', 'slides.ppt'], '--out slides.ppt names a .ppt file, but this command writes a PowerPoint file (.pptx)'],
      [['handout', '--out', 'notes.txt'], '--out notes.txt names a .txt file, but this command writes an HTML handout (.html)'],
      [['pdf', '--out', 'talk.txt'], '--out talk.txt names a .txt file, but this command writes a PDF (.pdf)'],
      [['build', '--out', 'talk.docx'], '--out talk.docx names a file, but a deck is a folder of files'],
    ] as const;
    for (const [args, message] of cases) {
      const r = talkdeck(dir, [...args]);
      expect(r.code, args.join(' ')).toBe(2);
      expect(r.stderr.split('\n')[0]).toBe(`error: ${message} [usage]`);
    }
    expect(readdirSync(dir)).toEqual(['content']);
    // A name with a dot that is no document's stays a folder.
    expect(talkdeck(dir, ['build', '--out', 'talks.example.org']).code).toBe(0);
    expect(statSync(join(dir, 'talks.example.org/minimal/index.html')).isFile()).toBe(true);
  });

  it('build without --single-file does not make a folder called talk.html', () => {
    const dir = project({ minimal: fixture('minimal') });
    const r = talkdeck(dir, ['build', '--out', 'talk.html']);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('add --single-file');
    expect(readdirSync(dir)).toEqual(['content']);
  });

  it('pdf --out talk.pdf prints to that file', async () => {
    const dir = project({ minimal: fixture('minimal') });
    const r = await runCli(dir, ['pdf', 'minimal', '--out', 'talk.pdf']);
    expect(r.code, r.stderr).toBe(0);
    expect(statSync(join(dir, 'talk.pdf')).isFile()).toBe(true);
    expect(execFileSync('pdfinfo', [join(dir, 'talk.pdf')], { encoding: 'utf8' })).toMatch(/^Pages:\s+1$/m);
  }, 60_000);
});
