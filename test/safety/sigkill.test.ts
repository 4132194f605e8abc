/**
 * A large build killed with SIGKILL (no handler runs, nothing is cleaned up) at several moments:
 * the previous dist/ stays byte for byte as it was, and the next build succeeds and leaves no
 * temporary folders behind. Moments are chosen by watching the output folder, not by timers.
 */
import { spawn, spawnSync } from 'node:child_process';
import { cpSync, existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
// @ts-expect-error: a plain .mjs module without types, shared with the benchmark
import { generateDeck } from '../../bench/generate.mjs';
import { REPO, snapshot, talkdeck } from '../helpers/cli.js';

const SLIDES = 1500;
const dir = mkdtempSync(join(tmpdir(), 'talkdeck-kill-'));
const dist = join(dir, 'dist');
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const temporaries = (): string[] => (existsSync(dist) ? readdirSync(dist).filter((e) => /^\.big\.(tmp|old)-/.test(e)) : []);

/** Starts a build and SIGKILLs it once `moment()` is true; resolves with how it ended. */
function killWhen(moment: () => boolean): Promise<{ killed: boolean }> {
  const child = spawn(process.execPath, [join(REPO, 'bin/talkdeck.js'), 'build', 'big'], { cwd: dir, stdio: 'ignore' });
  return new Promise((resolve) => {
    const timer = setInterval(() => {
      try {
        if (moment()) child.kill('SIGKILL');
      } catch {
        /* the folder changed under us: look again */
      }
    }, 1);
    child.on('exit', (_code, signal) => {
      clearInterval(timer);
      resolve({ killed: signal === 'SIGKILL' });
    });
  });
}

function equal(a: Record<string, string>, b: Record<string, string>): boolean {
  return JSON.stringify(Object.entries(a).sort()) === JSON.stringify(Object.entries(b).sort());
}

/** A whole output folder: its marker lists exactly the files in it, and the page is complete. */
function complete(folder: string): boolean {
  const marker = JSON.parse(readFileSync(join(folder, '.talkdeck.json'), 'utf8')) as { files: string[] };
  const present = Object.keys(snapshot(folder)).filter((f) => f !== '.talkdeck.json').sort();
  return JSON.stringify(present) === JSON.stringify([...marker.files].sort()) && readFileSync(join(folder, 'index.html'), 'utf8').trimEnd().endsWith('</html>');
}

describe('SIGKILL during a large build', () => {
  mkdirSync(join(dir, 'content/big'), { recursive: true });
  const deckFile = join(dir, 'content/big/deck.yaml');
  writeFileSync(deckFile, generateDeck(SLIDES) as string);

  it('leaves the previous output intact at every moment, and the next build succeeds', { timeout: 600_000 }, async () => {
    expect(talkdeck(dir, ['build', 'big']).code).toBe(0);
    const before = snapshot(join(dist, 'big'));
    expect(Object.keys(before).length).toBeGreaterThan(10);
    // The next build would change the page: a half-swapped folder could not go unnoticed.
    writeFileSync(deckFile, readFileSync(deckFile, 'utf8').replace('title: Benchmark deck', 'title: Benchmark deck, revised'));

    let t = 0;
    const moments: [string, () => boolean][] = [
      ['while it starts and parses', () => (t ||= performance.now()) > 0 && performance.now() - t > 300],
      ['as the temporary folder appears', () => temporaries().some((e) => e.includes('.tmp-'))],
      ['while files are written', () => temporaries().some((e) => existsSync(join(dist, e, 'index.html')))],
      ['during the swap', () => temporaries().some((e) => e.includes('.old-'))],
    ];
    const previous = join(dir, 'previous');
    cpSync(join(dist, 'big'), previous, { recursive: true });
    const outcomes: string[] = [];
    for (const [name, moment] of moments) {
      const { killed } = await killWhen(moment);
      const now = existsSync(join(dist, 'big')) ? snapshot(join(dist, 'big')) : undefined;
      const swapped = now !== undefined && !equal(now, before);
      outcomes.push(`${name}: ${!killed ? 'finished first' : swapped ? 'killed after the new output was in place' : 'killed'}`);
      if (now === undefined) {
        // Killed between the two renames: the previous output is whole under its .old- name,
        // and the next build puts it back (see the next test).
        const old = temporaries().find((e) => e.includes('.old-'))!;
        expect(snapshot(join(dist, old)), `after a kill ${name}`).toEqual(before);
      } else if (swapped) {
        // Killed (or finished) after the new output was renamed into place: it is whole.
        expect(complete(join(dist, 'big')), `after a kill ${name}`).toBe(true);
      } else {
        expect(now, `after a kill ${name}`).toEqual(before);
      }
      // Back to the previous output for the next moment.
      rmSync(join(dist, 'big'), { recursive: true, force: true });
      cpSync(previous, join(dist, 'big'), { recursive: true });
    }
    expect(outcomes.filter((o) => o.endsWith(': killed')).length, outcomes.join('\n')).toBeGreaterThanOrEqual(3);

    const next = talkdeck(dir, ['build', 'big']);
    expect(next.code, next.stderr).toBe(0);
    expect(readFileSync(join(dist, 'big/index.html'), 'utf8')).toContain('Benchmark deck, revised');
    expect(temporaries(), 'no temporary folders left').toEqual([]);
  });

  it('puts back the previous output when a build was killed between the two renames', { timeout: 600_000 }, () => {
    // The state such a kill leaves: no target, the previous output under `.old-<pid>-`, by a
    // process that is gone. Made by hand, as the window is a few microseconds wide.
    const dead = spawnSync(process.execPath, ['-e', '']).pid!;
    const previous = snapshot(join(dist, 'big'));
    const old = join(dist, `.big.old-${dead}-abc123`);
    cpSync(join(dist, 'big'), old, { recursive: true });
    rmSync(join(dist, 'big'), { recursive: true });
    writeFileSync(deckFile, readFileSync(deckFile, 'utf8').replace('title: Benchmark deck, revised', 'title: ['));
    const failed = talkdeck(dir, ['build', 'big']);
    expect(failed.code).toBe(1);
    writeFileSync(deckFile, readFileSync(deckFile, 'utf8').replace('title: [', 'title: Benchmark deck, third'));
    expect(talkdeck(dir, ['build', 'big']).code).toBe(0);
    expect(temporaries()).toEqual([]);
    expect(Object.keys(snapshot(join(dist, 'big'))).sort()).toEqual(Object.keys(previous).sort());
    expect(readFileSync(join(dist, 'big/index.html'), 'utf8')).toContain('Benchmark deck, third');
  });
});
