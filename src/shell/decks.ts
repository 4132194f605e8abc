/** Finding decks on disk and reading one into the pure core's input. */
import { existsSync, lstatSync, readdirSync, readFileSync, realpathSync, statSync } from 'node:fs';
import { basename, dirname, join, relative, resolve, sep } from 'node:path';
import { TalkdeckError } from '../core/errors.js';
import { LINK_OUTSIDE } from '../core/resources.js';
import type { DeckInput } from '../core/pipeline.js';
import type { Renderer } from '../core/render/renderer.js';
import { overlay, templateName, type TemplateSet, type TemplateSource } from '../core/render/templates.js';
import { builtinTemplatesDir, fontsRoot, highlightStylesRoot, katexRoot, revealRoot } from './paths.js';

export const DECK_FILE = 'deck.yaml';
/** A Markdown deck (reveal-md or Marp dialect), used when a folder has no deck.yaml. */
export const MARKDOWN_DECK_FILE = 'deck.md';

/** The deck file of a folder: deck.yaml, else deck.md; undefined when it has neither. */
function deckFileIn(dir: string): string | undefined {
  for (const name of [DECK_FILE, MARKDOWN_DECK_FILE]) if (existsSync(join(dir, name))) return join(dir, name);
  return undefined;
}

export interface DeckLocation {
  name: string;
  dir: string;
  file: string;
}

/** `content/<name>/deck.yaml` for every deck folder, sorted by name. */
export function discoverDecks(cwd: string, contentDir = 'content'): DeckLocation[] {
  const root = resolve(cwd, contentDir);
  if (!existsSync(root)) return [];
  return readdirSync(root, { withFileTypes: true })
    .filter((d) => d.isDirectory() && deckFileIn(join(root, d.name)))
    .map((d) => ({ name: d.name, dir: join(root, d.name), file: deckFileIn(join(root, d.name))! }))
    .sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
}

/** A deck named on the command line: a name under content/, a folder, or a deck file. */
export function resolveDeck(cwd: string, arg: string, contentDir = 'content'): DeckLocation {
  const candidates = [resolve(cwd, contentDir, arg), resolve(cwd, arg)];
  for (const c of candidates) {
    const inFolder = existsSync(c) && statSync(c).isDirectory() ? deckFileIn(c) : undefined;
    if (inFolder) return { name: basename(c), dir: c, file: inFolder };
    if (existsSync(c) && statSync(c).isFile() && /\.(ya?ml|md|markdown)$/i.test(c)) {
      const dir = dirname(c);
      // The folder's name names the output; a deck file at the file-system root has none.
      if (basename(dir)) return { name: basename(dir), dir, file: c };
    }
  }
  const known = discoverDecks(cwd, contentDir).map((d) => d.name);
  throw new TalkdeckError({
    code: 'deck-not-found',
    message: `No deck \`${arg}\` found (looked for ${relative(cwd, candidates[0]!) || '.'}${sep}${DECK_FILE} and ${arg})`,
    hint: known.length ? `decks here: ${known.join(', ')}` : `create ${contentDir}/<name>/${DECK_FILE}`,
  });
}

/** Every `.hbs` file below `dir`, by template name. */
export function readTemplates(dir: string, cwd: string): TemplateSet {
  const set = new Map<string, TemplateSource>();
  if (!existsSync(dir)) return set;
  for (const entry of readdirSync(dir, { recursive: true, withFileTypes: true })) {
    if (!entry.isFile() || !entry.name.endsWith('.hbs')) continue;
    const full = join(entry.parentPath, entry.name);
    const name = templateName(relative(dir, full));
    set.set(name, { name, file: relative(cwd, full), source: readFileSync(full, 'utf8') });
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
 * The deck's own `templates/` folder under the resource rule (core/resources.ts): links — the
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
  return deckInput(deck, cwd, renderer, readFileSync(deck.file, 'utf8'));
}

/** The core's input for deck text already read (the dev server compares it before building). */
export function deckInput(deck: DeckLocation, cwd: string, renderer: Renderer, text: string): DeckInput {
  refuseLinkOutside(deck, 'style.css', cwd);
  return {
    name: deck.name,
    file: relative(cwd, deck.file) || deck.file,
    text,
    revealMdJson: /\.(md|markdown)$/i.test(deck.file) ? revealMdJson(deck, cwd) : undefined,
    exists: fileInDeck(deck),
    read: (rel) => readInDeck(deck, rel, cwd),
    roots: {
      reveal: revealRoot(),
      themes: join(builtinTemplatesDir(), 'themes'),
      plugins: join(builtinTemplatesDir(), 'plugins'),
      fonts: fontsRoot(),
      deck: deck.dir,
      katex: katexRoot(),
      highlightStyles: highlightStylesRoot(),
    },
    renderer,
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
