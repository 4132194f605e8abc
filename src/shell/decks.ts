/** Finding decks on disk and reading one into the pure core's input. */
import { closeSync, existsSync, lstatSync, openSync, readdirSync, readFileSync, readSync, realpathSync, statSync } from 'node:fs';
import { basename, dirname, join, relative, resolve, sep } from 'node:path';
import { decodeUtf8 } from '../core/base/encoding.js';
import { TalkdeckError } from '../core/base/errors.js';
import { LINK_OUTSIDE } from '../core/base/resources.js';
import { quoteArg } from '../core/base/quote-arg.js';
import { suggest } from '../core/base/suggest.js';
import type { DeckInput, ModelInput } from '../core/pipeline.js';
import type { Renderer } from '../core/write/html/renderer.js';
import { overlay, templateName, type TemplateSet, type TemplateSource } from '../core/write/html/templates.js';
import { builtinTemplatesDir, fontPackageRoot, fontsRoot, highlightStylesRoot, katexRoot, revealRoot, version } from './paths.js';
import { readRehearsals, rehearsalsInput } from './rehearsals.js';

/** The file that makes a folder a deck, named after the folder; the first is what `init` writes. */
export const DECK_FILES = ['deck.yaml', 'deck.yml', 'deck.md'] as const;
export const DECK_FILE = DECK_FILES[0];

/** Files a deck can be written in (a `.md` deck is read by the Markdown reader). */
const DECK_EXTENSIONS = /\.(ya?ml|md)$/i;
/** A YAML file elsewhere in a folder is a deck when it has a top-level `slides:` list. */
const LOOKS_LIKE_DECK = /^slides[ \t]*:/m;

export interface DeckLocation {
  /** Names the output: `dist/<name>/`. The folder's name for `deck.yaml`, else the file's stem. */
  name: string;
  dir: string;
  /** The deck file itself (`deck.yaml`, `deck.yml`, `deck.md`, or e.g. `a.yaml`). */
  file: string;
}

const byName = (a: DeckLocation, b: DeckLocation): number => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0);

/**
 * The decks a command means when none is named:
 * - the folder itself holds decks (`deck.yaml`, `deck.yml`, `deck.md`, or YAML files with a
 *   `slides:` list such as `a.yaml` and `b.yaml`): those;
 * - else a project with `content/`: every `content/<name>/` that holds a deck file.
 * Sorted by name.
 */
export function discoverDecks(cwd: string, contentDir = 'content'): DeckLocation[] {
  const here = decksInFolder(resolve(cwd));
  if (here.length) return here;
  const root = resolve(cwd, contentDir);
  if (!isDirectory(root)) return [];
  return readdirSync(root, { withFileTypes: true })
    .filter((d) => d.isDirectory())
    .flatMap((d) => {
      const file = deckFileIn(join(root, d.name));
      return file ? [{ name: d.name, dir: join(root, d.name), file }] : [];
    })
    .sort(byName);
}

/** The decks in one folder: its deck file, named after the folder, and named deck files beside it. */
export function decksInFolder(dir: string): DeckLocation[] {
  if (!isDirectory(dir)) return [];
  const own = deckFileIn(dir);
  const decks: DeckLocation[] = own && basename(dir) ? [{ name: basename(dir), dir, file: own }] : [];
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const file = join(dir, entry.name);
    if (!entry.isFile() || file === own || !/\.ya?ml$/i.test(entry.name) || (DECK_FILES as readonly string[]).includes(entry.name)) continue;
    if (LOOKS_LIKE_DECK.test(readFileSync(file, 'utf8'))) decks.push({ name: stem(entry.name), dir, file });
  }
  return decks.sort(byName);
}

/** The folder's deck file, if it has one; two of them are a mistake worth stopping for. */
function deckFileIn(dir: string): string | undefined {
  const present = DECK_FILES.filter((f) => isFile(join(dir, f)));
  // deck.yaml beside deck.md is what `talkdeck import` leaves: the YAML is built, and every build
  // says so (see shadowedMarkdown). Two YAML deck files are a mistake worth stopping for.
  const yaml = present.filter((f) => f !== 'deck.md');
  if (yaml.length > 1) {
    throw new TalkdeckError({
      code: 'usage',
      file: join(dir, yaml[1]!),
      message: `Two deck files in one folder: ${yaml.join(' and ')}`,
      hint: 'keep one of them (or rename one, e.g. to a.yaml, to build it as a deck of its own)',
    });
  }
  return present[0] ? join(dir, present[0]) : undefined;
}

/**
 * A deck named on the command line: a name under content/, a deck folder, a deck file (`.yaml`,
 * `.yml` or `.md`), or a deck file's name without its extension (`talkdeck build a` for a.yaml).
 */
export function resolveDeck(cwd: string, arg: string, contentDir = 'content'): DeckLocation {
  const candidates = [resolve(cwd, contentDir, arg), resolve(cwd, arg)];
  for (const c of candidates) {
    if (isDirectory(c)) {
      const file = deckFileIn(c);
      if (file) return { name: basename(c), dir: c, file };
      continue;
    }
    for (const f of [c, ...['.yaml', '.yml', '.md'].map((ext) => c + ext)]) {
      if (isFile(f) && DECK_EXTENSIONS.test(f)) return locationOf(f);
    }
  }
  throw new TalkdeckError({ code: 'deck-not-found', message: `No deck \`${arg}\` found`, hint: notFoundHint(cwd, arg, candidates, contentDir) });
}

/** A deck file's location: `deck.yaml` is named after its folder, any other file after itself. */
function locationOf(file: string): DeckLocation {
  const dir = dirname(file);
  const isFolderDeck = (DECK_FILES as readonly string[]).includes(basename(file).toLowerCase());
  // A deck file at the file-system root has no folder name to go by.
  return { name: isFolderDeck && basename(dir) ? basename(dir) : stem(basename(file)), dir, file };
}

function notFoundHint(cwd: string, arg: string, candidates: string[], contentDir: string): string {
  const folder = candidates.find(isDirectory);
  if (folder) return `${shown(cwd, folder)} has no ${DECK_FILES.join(', ')}; create one with talkdeck init ${quoteArg(shown(cwd, folder))}`;
  let known: string[] = [];
  try {
    known = discoverDecks(cwd, contentDir).map((d) => d.name);
  } catch {
    // A folder with two deck files: that is reported when it is built, not here.
  }
  const guess = suggest(arg.replace(DECK_EXTENSIONS, ''), known);
  if (guess) return `did you mean \`${guess}\`?`;
  if (known.length) return `decks here: ${known.join(', ')}`;
  return `looked for ${candidates.map((c) => shown(cwd, c)).join(' and ')}; create a deck with talkdeck init ${quoteArg(arg)}`;
}

const shown = (cwd: string, path: string): string => relative(cwd, path) || '.';
const stem = (name: string): string => name.replace(DECK_EXTENSIONS, '');
const isFile = (p: string): boolean => statSync(p, { throwIfNoEntry: false })?.isFile() ?? false;
const isDirectory = (p: string): boolean => statSync(p, { throwIfNoEntry: false })?.isDirectory() ?? false;

/** Every `.hbs` file below `dir`, by template name. */
export function readTemplates(dir: string, cwd: string): TemplateSet {
  const set = new Map<string, TemplateSource>();
  if (!existsSync(dir)) return set;
  for (const entry of readdirSync(dir, { recursive: true, withFileTypes: true })) {
    if (!entry.isFile() || !entry.name.endsWith('.hbs')) continue;
    const full = join(entry.parentPath, entry.name);
    const name = templateName(relative(dir, full));
    const file = relative(cwd, full);
    set.set(name, { name, file, source: readText(full, file) });
  }
  return set;
}

/** Built-in templates, overlaid by the deck's own `templates/` folder when it has one. */
export function templatesFor(deck: DeckLocation, cwd: string, builtin?: TemplateSet): TemplateSet {
  const base = builtin ?? readTemplates(builtinTemplatesDir(), cwd);
  const own = readDeckTemplates(deck, cwd);
  return own.size ? overlay(base, own) : base;
}

/**
 * The deck's own `templates/` folder under the resource rule (core/base/resources.ts): links — the
 * folder itself, a sub-folder or a template file — are followed when they lead to a place inside
 * the deck folder and refused with an error when they lead outside, the same answer `fileInDeck`
 * gives for images and style.css. (Before, a linked folder was followed and a linked file silently
 * skipped: neither told the user anything.) Templates are code run on the deck: one from elsewhere
 * would change what a passed-on deck shows without being part of it.
 */
export function readDeckTemplates(deck: DeckLocation, cwd: string): TemplateSet {
  const set = new Map<string, TemplateSource>();
  const top = join(deck.dir, 'templates');
  if (!existsSync(top)) return set;
  const root = realpathSync(deck.dir);
  const seen = new Set<string>();
  const walk = (dir: string): void => {
    for (const entry of readdirSync(dir, { withFileTypes: true }).sort((a, b) => (a.name < b.name ? -1 : 1))) {
      const full = join(dir, entry.name);
      const real = realPath(full);
      if (real === undefined) continue; // a link to nothing holds no template
      if (!real.startsWith(root + sep)) {
        const file = relative(cwd, full) || full;
        throw new TalkdeckError({ code: LINK_OUTSIDE.code, file, message: `${file} ${LINK_OUTSIDE.reason} (${real})`, hint: LINK_OUTSIDE.hint });
      }
      const stat = statSync(real);
      if (stat.isDirectory()) {
        if (seen.has(real)) continue; // a link back up: already read
        seen.add(real);
        walk(full);
      } else if (stat.isFile() && entry.name.endsWith('.hbs')) {
        const name = templateName(relative(top, full));
        set.set(name, { name, file: relative(cwd, full), source: readFileSync(real, 'utf8') });
      }
    }
  };
  const check = realpathSync(top);
  if (!check.startsWith(root + sep)) {
    const file = relative(cwd, top) || top;
    throw new TalkdeckError({ code: LINK_OUTSIDE.code, file, message: `${file} ${LINK_OUTSIDE.reason} (${check})`, hint: LINK_OUTSIDE.hint });
  }
  if (!statSync(check).isDirectory()) return set;
  seen.add(check);
  walk(top);
  return set;
}

export function readDeck(deck: DeckLocation, cwd: string, renderer: Renderer): DeckInput {
  return deckInput(deck, cwd, renderer, readText(deck.file, relative(cwd, deck.file) || deck.file));
}

/** A text file the user wrote (deck, template, config): UTF-8, or a located `encoding` error. */
export function readText(path: string, shownAs: string): string {
  return decodeUtf8(shownAs, readFileSync(path));
}

/** The core's input for deck text already read (the dev server compares it before building). */
export function deckInput(deck: DeckLocation, cwd: string, renderer: Renderer, text: string): DeckInput {
  refuseLinkOutside(deck, 'style.css', cwd);
  return {
    ...modelInput(deck, cwd, text),
    read: (rel) => readInDeck(deck, rel, cwd),
    readBytes: (rel, limit) => readBytesInDeck(deck, rel, cwd, limit),
    roots: {
      reveal: revealRoot(),
      themes: join(builtinTemplatesDir(), 'themes'),
      plugins: join(builtinTemplatesDir(), 'plugins'),
      fonts: fontsRoot(),
      fontPackage: fontPackageRoot,
      readText: (path) => readFileSync(path, 'utf8'),
      deck: deck.dir,
      katex: katexRoot(),
      highlightStyles: highlightStylesRoot(),
    },
    renderer,
    rehearsals: rehearsalsInput(readRehearsals(deck, cwd)),
    talkdeckVersion: version(),
  };
}

/** What the model is made from (no page is written): `talkdeck diff` reads both versions so. */
export function modelInput(deck: DeckLocation, cwd: string, text: string): ModelInput {
  return {
    name: deck.name,
    file: relative(cwd, deck.file) || deck.file,
    text,
    revealMdJson: /\.(md|markdown)$/i.test(deck.file) ? revealMdJson(deck, cwd) : undefined,
    notices: shadowedMarkdown(deck, cwd),
    exists: fileInDeck(deck),
  };
}

/**
 * `reveal-md.json` as reveal-md reads it (from the working folder) and next to the deck, the
 * deck's own last so it wins; the front matter overrides both.
 */
function revealMdJson(deck: DeckLocation, cwd: string): { file: string; text: string }[] {
  const places = [...new Set([resolve(cwd, 'reveal-md.json'), join(deck.dir, 'reveal-md.json')])];
  return places.filter((p) => existsSync(p)).map((p) => ({ file: relative(cwd, p) || p, text: readFileSync(p, 'utf8') }));
}

/** A deck file as text; a file that cannot be read is the user's to fix, not a crash. */
function readInDeck(deck: DeckLocation, rel: string, cwd: string): string {
  const full = join(deck.dir, rel);
  try {
    return readFileSync(full, 'utf8');
  } catch (cause) {
    const file = relative(cwd, full) || full;
    throw new TalkdeckError({ code: 'io', file, message: `Could not read ${file}: ${(cause as Error).message}`, hint: 'check the file permissions', cause });
  }
}

/** Up to `limit` bytes of a deck file (a picture's header), or all of it. */
function readBytesInDeck(deck: DeckLocation, rel: string, cwd: string, limit?: number): Uint8Array {
  const full = join(deck.dir, rel);
  try {
    if (limit === undefined) return readFileSync(full);
    const fd = openSync(full, 'r');
    try {
      const buffer = Buffer.alloc(limit);
      return buffer.subarray(0, readSync(fd, buffer, 0, limit, 0));
    } finally {
      closeSync(fd);
    }
  } catch (cause) {
    const file = relative(cwd, full) || full;
    throw new TalkdeckError({ code: 'io', file, message: `Could not read ${file}: ${(cause as Error).message}`, hint: 'check the file permissions', cause });
  }
}

/**
 * A deck file the build looks for by name (style.css) that is a link to a place outside the deck
 * folder: an error, like a linked template, rather than a stylesheet silently left out.
 */
function refuseLinkOutside(deck: DeckLocation, rel: string, cwd: string): void {
  const full = join(deck.dir, rel);
  if (!lstatSync(full, { throwIfNoEntry: false })?.isSymbolicLink()) return;
  const real = realPath(full);
  const root = realPath(deck.dir);
  if (real === undefined || root === undefined || real.startsWith(root + sep)) return;
  const file = relative(cwd, full) || full;
  throw new TalkdeckError({ code: LINK_OUTSIDE.code, file, message: `${file} ${LINK_OUTSIDE.reason} (${real})`, hint: LINK_OUTSIDE.hint });
}

/** A folder deck built from deck.yaml while a deck.md lies beside it: said, so nothing is silent. */
function shadowedMarkdown(deck: DeckLocation, cwd: string): TalkdeckError[] {
  const md = join(deck.dir, 'deck.md');
  if (!/^deck\.ya?ml$/i.test(basename(deck.file)) || !isFile(md)) return [];
  return [
    new TalkdeckError({
      code: 'usage',
      severity: 'warning',
      file: relative(cwd, md) || md,
      message: `deck.md is not built: ${basename(deck.file)} in the same folder takes precedence`,
      hint: 'build the Markdown deck by naming its file (talkdeck build path/to/deck.md), or move one of the two into a folder of its own',
    }),
  ];
}

function realPath(path: string): string | undefined {
  try {
    return realpathSync(path);
  } catch {
    return undefined;
  }
}

/** Whether a path relative to the deck folder is a file inside it (also while it is being replaced). */
export function fileInDeck(deck: DeckLocation): (relativePath: string) => boolean {
  // Only files really inside the deck folder: a link to a file elsewhere would publish it.
  const root = realpathSync(deck.dir);
  return (rel) => {
    // A NUL would make the file system calls throw; no file name contains one.
    if (rel.includes('\0')) return false;
    const full = join(deck.dir, rel);
    if (!(statSync(full, { throwIfNoEntry: false })?.isFile() ?? false)) return false;
    try {
      const real = realpathSync(full);
      return real.startsWith(root + sep);
    } catch {
      return false; // removed between the two looks
    }
  };
}
