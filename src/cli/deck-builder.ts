/**
 * Building decks in memory, shared by every command: which decks a run means, and what the
 * decks of one run share (config file, built-in templates, renderer).
 */
import { readdirSync } from 'node:fs';
import { relative } from 'node:path';
import { quoteArg } from '../core/base/quote-arg.js';
import { TalkdeckError } from '../core/base/errors.js';
import { buildDeck, modelDeck, type DeckBuild, type DeckInput, type ModelInput } from '../core/pipeline.js';
import type { Renderer } from '../core/write/html/renderer.js';
import type { TemplateSet } from '../core/write/html/templates.js';
import type { SettingsLayer } from '../core/deck/settings.js';
import { loadConfig } from '../shell/config.js';
import { discoverDecks, readDeck, readTemplates, resolveDeck, templatesFor, type DeckLocation } from '../shell/decks.js';
import { builtinTemplatesDir } from '../shell/paths.js';
import { deckAtRevision } from '../shell/deck-versions.js';
import { diskHashes } from '../shell/git.js';
import { loadRenderer, withPrecompiled } from '../shell/renderer.js';
import type { Io } from './io.js';

export function selectDecks(io: Io, names: string[]): DeckLocation[] {
  const decks = names.length ? names.map((n) => resolveDeck(io.cwd, n)) : discoverDecks(io.cwd);
  if (!decks.length) throw noDecks(io);
  // Two decks of one name would write the same output, the second over the first.
  const seen = new Map<string, DeckLocation>();
  for (const deck of decks) {
    const other = seen.get(deck.name);
    if (other && other.file !== deck.file) {
      throw new TalkdeckError({
        code: 'usage',
        file: relative(io.cwd, deck.file),
        message: `Two decks named \`${deck.name}\` (${relative(io.cwd, other.file)} and ${relative(io.cwd, deck.file)}) would be written to the same place`,
        hint: 'rename one of the deck files or folders',
      });
    }
    seen.set(deck.name, deck);
  }
  return [...seen.values()];
}

/**
 * Nothing to work on: no deck in this folder and no content/<name>/ folder with decks. Markdown
 * talks in the folder are not taken by themselves (only a deck.md is): the hint names one.
 */
export function noDecks(io: Pick<Io, 'cwd' | 'command'>): TalkdeckError {
  const command = `talkdeck ${io.command ?? 'build'}`;
  let talks: string[] = [];
  try {
    talks = readdirSync(io.cwd).filter((f) => /\.(md|markdown)$/i.test(f) && !/^readme\./i.test(f)).sort();
  } catch {
    // an unreadable folder: the general hint
  }
  return new TalkdeckError({
    code: 'no-decks',
    message: 'No decks found: this folder has no deck.yaml, deck.md or YAML file with `slides:`, and no content/<name>/ with one',
    hint: talks.length
      ? `name a Markdown deck, e.g. ${command} ${quoteArg(talks[0]!)} (here: ${talks.slice(0, 5).join(', ')}${talks.length > 5 ? ', …' : ''}); only a file called deck.md is found by itself`
      : `create one with \`talkdeck init my-talk\`, or name a deck folder or file, e.g. ${command} path/to/deck.yaml`,
  });
}

/** What one run shares across its decks. */
export interface DeckBuilder {
  /** Builds one deck in memory; a problem that stops it early (unreadable file, broken template) becomes its error. */
  build(deck: DeckLocation): Promise<DeckBuild>;
}

/**
 * Loads, once per run, what every deck's build needs: the project's config file and the built-in
 * templates with their renderer. A broken config file stops the whole run (main() reports it),
 * since it would break every deck alike. `cli` holds settings given as flags; `since`, a git
 * revision each deck is compared with (its build then carries the change set).
 */
export async function createDeckBuilder(io: Io, cli?: SettingsLayer, config = loadConfig(io.cwd), since?: string): Promise<DeckBuilder> {
  const builtin: TemplateSet = await withPrecompiled(readTemplates(builtinTemplatesDir(), io.cwd));
  let shared: Renderer | undefined;
  return {
    async build(deck) {
      try {
        const templates = templatesFor(deck, io.cwd, builtin);
        const renderer = templates === builtin ? (shared ??= await loadRenderer(builtin)) : await loadRenderer(templates);
        const layers = { config, cli };
        const earlier = since === undefined ? undefined : await earlierModel(deck, io.cwd, since, layers);
        if (earlier && 'errors' in earlier) return { name: deck.name, files: new Map(), model: undefined, slides: undefined, errors: earlier.errors, warnings: [] };
        return await buildDeck({ ...readDeck(deck, io.cwd, renderer), layers, since: earlier, hash: earlier && diskHashes(deck.dir) });
      } catch (error) {
        if (!(error instanceof TalkdeckError)) throw error;
        return { name: deck.name, files: new Map(), model: undefined, slides: undefined, errors: [error], warnings: [] };
      }
    },
  };
}

/**
 * The deck as it was at a git revision, modelled, for a build that marks what changed since
 * (`--since`); the problems of that version when it cannot be modelled.
 */
export async function earlierModel(deck: DeckLocation, cwd: string, since: string, layers: ModelInput['layers']): Promise<NonNullable<DeckInput['since']> | { errors: TalkdeckError[] }> {
  const version = deckAtRevision(deck, cwd, since);
  const { model, errors } = await modelDeck({ ...version.input, layers });
  if (!model || errors.length) return { errors };
  return { label: version.label, revision: version.revision, model, hash: version.hash };
}

/** Builds the given decks in memory (for tests and tools). */
export async function buildDecks(io: Io, decks: DeckLocation[], cli?: SettingsLayer): Promise<DeckBuild[]> {
  const builder = await createDeckBuilder(io, cli);
  const results: DeckBuild[] = [];
  for (const deck of decks) results.push(await builder.build(deck));
  return results;
}

