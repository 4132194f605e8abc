/**
 * `talkdeck init`: a new deck folder from templates/init/<lang>/, with the YAML language
 * server's modeline pointing at the deck schema. Nothing is overwritten: when any file exists,
 * nothing is written at all.
 */
import { existsSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, isAbsolute, join, relative, resolve, sep } from 'node:path';
import { pathToFileURL } from 'node:url';
import { TalkdeckError } from '../core/base/errors.js';
import { DECK_FILE } from './decks.js';
import { builtinTemplatesDir, packageRoot } from './paths.js';

export const INIT_LANGS = ['de', 'en'] as const;
export type InitLang = (typeof INIT_LANGS)[number];

const SCHEMA = join('schema', 'deck.schema.json');

export interface ScaffoldFile {
  /** Absolute path of the file to create. */
  path: string;
  content: string | Buffer;
}

/**
 * What the modeline's `$schema=` says. Editors resolve a relative path from the deck file, so:
 * - a relative path when the schema lies inside the deck's project (the nearest folder with a
 *   package.json): this repository's content/<deck>/ gets `../../schema/deck.schema.json`, a
 *   project with talkdeck installed gets `../../node_modules/talkdeck/schema/deck.schema.json`,
 *   and the link survives moving or cloning the project;
 * - otherwise (a deck outside any project, talkdeck run through npx or a global install) a
 *   file:// URL of the schema this talkdeck ships; also when the path has spaces, which the
 *   modeline cannot carry.
 */
export function schemaReference(deckDir: string, schemaFile: string, projectRoot: string | undefined): string {
  const inside = projectRoot !== undefined && !relative(projectRoot, schemaFile).startsWith('..') && !isAbsolute(relative(projectRoot, schemaFile));
  const rel = relative(deckDir, schemaFile).split(sep).join('/');
  if (inside && !/\s/.test(rel)) return rel;
  return pathToFileURL(schemaFile).href;
}

/** The nearest folder at or above `dir` that has a package.json. */
export function projectRootOf(dir: string): string | undefined {
  for (let d = resolve(dir); ; d = dirname(d)) {
    if (existsSync(join(d, 'package.json'))) return d;
    if (dirname(d) === d) return undefined;
  }
}

/** The schema an editor should use: the project's installed talkdeck, else the running one. */
export function schemaFileFor(deckDir: string): string {
  for (let d = resolve(deckDir); ; d = dirname(d)) {
    const installed = join(d, 'node_modules', 'talkdeck', SCHEMA);
    if (existsSync(installed)) return installed;
    if (dirname(d) === d) break;
  }
  return join(packageRoot(), SCHEMA);
}

/** `markdown`: a `deck.md` in reveal-md's dialect instead of a `deck.yaml`. */
export function planScaffold(target: string, lang: InitLang, markdown = false): ScaffoldFile[] {
  const source = join(builtinTemplatesDir(), 'init', markdown ? `markdown-${lang}` : lang);
  const modeline = `# yaml-language-server: $schema=${schemaReference(target, schemaFileFor(target), projectRootOf(target))}\n`;
  return readdirSync(source, { recursive: true, withFileTypes: true })
    .filter((e) => e.isFile())
    .map((e) => {
      const rel = relative(source, join(e.parentPath, e.name));
      const bytes = readFileSync(join(source, rel));
      return { path: join(target, rel), content: rel === DECK_FILE ? modeline + bytes.toString('utf8') : bytes };
    })
    .sort((a, b) => (a.path < b.path ? -1 : 1));
}

/** Writes the files, or none of them when any exists already. */
export function writeScaffold(files: ScaffoldFile[], cwd: string): void {
  const existing = files.filter((f) => existsSync(f.path)).map((f) => relative(cwd, f.path) || f.path);
  if (existing.length) {
    throw new TalkdeckError({
      code: 'file-exists',
      file: existing[0],
      message: `Not overwriting ${existing.join(', ')}`,
      hint: 'choose a new folder, e.g. talkdeck init my-talk',
    });
  }
  for (const f of files) {
    mkdirSync(dirname(f.path), { recursive: true });
    // `wx`: fail rather than overwrite, should a file appear after the check above.
    writeFileSync(f.path, f.content, { flag: 'wx' });
  }
}
