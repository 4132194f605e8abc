/** Finding decks on disk and reading one into the pure core's input. */
import { existsSync, readdirSync, readFileSync, realpathSync, statSync } from 'node:fs';
import { basename, dirname, join, relative, resolve, sep } from 'node:path';
import { TalkdeckError } from '../core/errors.js';
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
  const own = readTemplates(join(deck.dir, 'templates'), cwd);
  return own.size ? overlay(base, own) : base;
}

export function readDeck(deck: DeckLocation, cwd: string, renderer: Renderer): DeckInput {
  return deckInput(deck, cwd, renderer, readFileSync(deck.file, 'utf8'));
}

/** The core's input for deck text already read (the dev server compares it before building). */
export function deckInput(deck: DeckLocation, cwd: string, renderer: Renderer, text: string): DeckInput {
  return {
    name: deck.name,
    file: relative(cwd, deck.file) || deck.file,
    text,
    revealMdJson: /\.(md|markdown)$/i.test(deck.file) ? revealMdJson(deck, cwd) : undefined,
    exists: fileInDeck(deck),
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
