/**
 * Building decks in memory, shared by every command: which decks a run means, and what the
 * decks of one run share (config file, built-in templates, renderer).
 */
import { TalkdeckError } from '../core/errors.js';
import { buildDeck, type DeckBuild } from '../core/pipeline.js';
import type { Renderer } from '../core/render/renderer.js';
import type { TemplateSet } from '../core/render/templates.js';
import type { SettingsLayer } from '../core/settings.js';
import { loadConfig } from '../shell/config.js';
import { discoverDecks, readDeck, readTemplates, resolveDeck, templatesFor, type DeckLocation } from '../shell/decks.js';
import { builtinTemplatesDir } from '../shell/paths.js';
import { loadRenderer, withPrecompiled } from '../shell/renderer.js';
import type { Io } from './io.js';

export function selectDecks(io: Io, names: string[]): DeckLocation[] {
  if (names.length) return names.map((n) => resolveDeck(io.cwd, n));
  const found = discoverDecks(io.cwd);
  if (!found.length) {
    throw new TalkdeckError({
      code: 'no-decks',
      message: 'No decks found under content/',
      hint: 'create content/<name>/deck.yaml, or name a deck folder or file: talkdeck build path/to/deck.yaml',
    });
  }
  return found;
}

/** What one run shares across its decks. */
export interface DeckBuilder {
  /** Builds one deck in memory; a problem that stops it early (unreadable file, broken template) becomes its error. */
  build(deck: DeckLocation): Promise<DeckBuild>;
}

/**
 * Loads, once per run, what every deck's build needs: the project's config file and the built-in
 * templates with their renderer. A broken config file stops the whole run (main() reports it),
 * since it would break every deck alike. `cli` holds settings given as flags.
 */
export async function createDeckBuilder(io: Io, cli?: SettingsLayer, config = loadConfig(io.cwd)): Promise<DeckBuilder> {
  const builtin: TemplateSet = await withPrecompiled(readTemplates(builtinTemplatesDir(), io.cwd));
  let shared: Renderer | undefined;
  return {
    async build(deck) {
      try {
        const templates = templatesFor(deck, io.cwd, builtin);
        const renderer = templates === builtin ? (shared ??= await loadRenderer(builtin)) : await loadRenderer(templates);
        return await buildDeck({ ...readDeck(deck, io.cwd, renderer), layers: { config, cli } });
      } catch (error) {
        if (!(error instanceof TalkdeckError)) throw error;
        return { name: deck.name, files: new Map(), model: undefined, errors: [error], warnings: [] };
      }
    },
  };
}

/** Builds the given decks in memory (for tests and tools). */
export async function buildDecks(io: Io, decks: DeckLocation[], cli?: SettingsLayer): Promise<DeckBuild[]> {
  const builder = await createDeckBuilder(io, cli);
  const results: DeckBuild[] = [];
  for (const deck of decks) results.push(await builder.build(deck));
  return results;
}

