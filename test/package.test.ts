/**
 * The package as a user gets it: `npm pack`, installed into an empty project from the tarball,
 * then `init`, `build`, `check` and `pdf` run through the installed bin — nothing from this
 * repository's node_modules or src/. Dependencies come from the npm cache (`--prefer-offline`).
 */
import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parse } from 'node-html-parser';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { REPO, runProgram, type Run } from './helpers/cli.js';

const run = (cmd: string, args: string[], cwd: string): Promise<Run> => runProgram(cmd, args, cwd, { npm_config_update_notifier: 'false' });

let tmp: string;
let tarball: string;
let files: string[];
let install: Run;
let project: string;
const bin = (): string => join(project, 'node_modules/.bin/talkdeck');

beforeAll(async () => {
  tmp = mkdtempSync(join(tmpdir(), 'talkdeck-pack-'));
  // lib/ was compiled by the test setup; `prepack` would compile again under the other tests' feet.
  const packed = await run('npm', ['pack', '--ignore-scripts', '--json', '--pack-destination', tmp], REPO);
  expect(packed.code, packed.stderr).toBe(0);
  const [info] = JSON.parse(packed.stdout) as [{ filename: string; files: { path: string }[] }];
  tarball = join(tmp, info.filename);
  files = info.files.map((f) => f.path).sort();

  project = join(tmp, 'my project'); // a space in the path, as on many laptops
  mkdirSync(project);
  writeFileSync(join(project, 'package.json'), JSON.stringify({ name: 'my-talks', private: true }));
  install = await run('npm', ['install', '--save-dev', '--prefer-offline', '--no-audit', '--no-fund', tarball], project);
}, 180_000);

afterAll(() => {
  if (tmp) rmSync(tmp, { recursive: true, force: true });
});

describe('the packed tarball', () => {
  it('holds the compiled CLI, schema, templates, themes and no repository-only files', () => {
    for (const f of ['bin/talkdeck.js', 'lib/cli.js', 'lib/precompiled-templates.js', 'schema/deck.schema.json', 'templates/page.hbs', 'templates/themes/briefing.css', 'templates/init/en/deck.yaml', 'README.md', 'package.json']) {
      expect(files).toContain(f);
    }
    for (const prefix of ['content/', 'test/', 'bench/', '.ci/', 'src/', 'scripts/', 'node_modules/']) {
      expect(files.filter((f) => f.startsWith(prefix))).toEqual([]);
    }
    expect(files.filter((f) => f.endsWith('.map') || f === 'lib/meta.json')).toEqual([]);
  });

  it('installs without asking to run install scripts of its own', () => {
    expect(install.code, install.stderr).toBe(0);
    expect(install.stderr).not.toMatch(/talkdeck@[\d.]+ \(/);
  });

  it('gives a working talkdeck: init, build, check and pdf in a project of its own', async () => {
    expect(install.code, install.stderr).toBe(0);
    const version = await run(bin(), ['--version'], project);
    expect(version.stdout.trim()).toBe(JSON.parse(readFileSync(join(REPO, 'package.json'), 'utf8')).version);

    const init = await run(bin(), ['init', 'content/my-talk'], project);
    expect(init.code, init.stderr).toBe(0);
    // The editor schema is the installed package's, by a relative path.
    expect(readFileSync(join(project, 'content/my-talk/deck.yaml'), 'utf8')).toMatch(/^# yaml-language-server: \$schema=\.\.\/\.\.\/node_modules\/talkdeck\/schema\/deck\.schema\.json\n/);

    const build = await run(bin(), ['build'], project);
    expect(build.code, build.stderr).toBe(0);
    const html = parse(readFileSync(join(project, 'dist/my-talk/index.html'), 'utf8'));
    const slides = html.querySelectorAll('.slides > section').length;
    expect(slides).toBeGreaterThan(10);
    // reveal.js, the theme and its fonts are copied from the installed packages.
    const assets = readdirSync(join(project, 'dist/my-talk'), { recursive: true }).map(String);
    expect(assets.some((f) => f.endsWith('reveal.js'))).toBe(true);
    expect(assets.some((f) => f.endsWith('.woff2'))).toBe(true);
    for (const link of html.querySelectorAll('link[rel=stylesheet], script[src]')) {
      const ref = link.getAttribute('href') ?? link.getAttribute('src')!;
      expect(existsSync(join(project, 'dist/my-talk', ref)), ref).toBe(true);
    }

    const check = await run(bin(), ['check', '--format', 'json'], project);
    expect(check.code, check.stderr).toBe(0);

    const pdf = await run(bin(), ['pdf'], project);
    expect(pdf.code, pdf.stderr).toBe(0);
    const pages = /Pages:\s+(\d+)/.exec(execFileSync('pdfinfo', [join(project, 'dist/my-talk.pdf')], { encoding: 'utf8' }))?.[1];
    expect(Number(pages)).toBe(slides);
  }, 120_000);
});
