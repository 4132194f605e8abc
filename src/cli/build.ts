/** `talkdeck build`: the pure core per deck, then the atomic writer. Shared by the other commands: selecting and building decks. */
import { relative, resolve } from 'node:path';
import { TalkdeckError, exitCodeFor } from '../core/errors.js';
import { buildDeck, type DeckBuild } from '../core/pipeline.js';
import type { Renderer } from '../core/render/renderer.js';
import type { SettingsLayer } from '../core/settings.js';
import type { TemplateSet } from '../core/render/templates.js';
import { loadConfig } from '../shell/config.js';
import { discoverDecks, readDeck, readTemplates, resolveDeck, templatesFor, type DeckLocation } from '../shell/decks.js';
import { builtinTemplatesDir } from '../shell/paths.js';
import { loadRenderer, withPrecompiled } from '../shell/renderer.js';
import { writeDeckOutput } from '../shell/write-output.js';
import type { Io } from './io.js';
import { formatProblem, useColor } from './report.js';

export interface BuildOptions {
  decks: string[];
  out: string;
  force: boolean;
  debug: boolean;
}

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

/**
 * Builds (or checks) decks in memory; one shared set of built-in templates for all. The
 * project's config file is read here, once; `cli` holds settings given as flags.
 */
export async function buildDecks(io: Io, decks: DeckLocation[], cli?: SettingsLayer, config = loadConfig(io.cwd)): Promise<DeckBuild[]> {
  const builtin: TemplateSet = await withPrecompiled(readTemplates(builtinTemplatesDir(), io.cwd));
  let shared: Renderer | undefined;
  const results: DeckBuild[] = [];
  for (const deck of decks) {
    const templates = templatesFor(deck, io.cwd, builtin);
    const renderer = templates === builtin ? (shared ??= await loadRenderer(builtin)) : await loadRenderer(templates);
    results.push(await buildDeck({ ...readDeck(deck, io.cwd, renderer), layers: { config, cli } }));
  }
  return results;
}

/** One deck in memory; a problem that stops it early (unreadable file …) becomes its error. */
export async function buildOne(io: Io, deck: DeckLocation, cli?: SettingsLayer, config?: SettingsLayer): Promise<DeckBuild> {
  try {
    return (await buildDecks(io, [deck], cli, config ?? loadConfig(io.cwd)))[0]!;
  } catch (error) {
    if (!(error instanceof TalkdeckError)) throw error;
    return { name: deck.name, files: new Map(), model: undefined, errors: [error], warnings: [] };
  }
}

export async function runBuild(io: Io, opts: BuildOptions): Promise<number> {
  const color = useColor(io.stderr, io.env);
  const decks = selectDecks(io, opts.decks);
  const problems: TalkdeckError[] = [];
  for (const deck of decks) {
    const started = performance.now();
    const result = await buildOne(io, deck);
    for (const w of result.warnings) io.stderr.write(formatProblem(w, { color }, io.cwd, opts.debug) + '\n');
    if (result.errors.length) {
      for (const e of result.errors) io.stderr.write(formatProblem(e, { color }, io.cwd, opts.debug) + '\n');
      const n = result.errors.length;
      io.stderr.write(
        `✗ ${deck.name}: ${n} problem${n === 1 ? '' : 's'}; previous output left unchanged\n`,
      );
      problems.push(...result.errors);
      continue;
    }
    const slides = result.model?.slides.length ?? 0;
    try {
      const target = writeDeckOutput({ outDir: resolve(io.cwd, opts.out), name: deck.name, files: result.files, force: opts.force, cwd: io.cwd });
      const ms = Math.round(performance.now() - started);
      io.stdout.write(`✓ ${deck.name}: ${slides} slides → ${relative(io.cwd, target) || target}/index.html (${ms} ms)\n`);
    } catch (error) {
      if (!(error instanceof TalkdeckError)) throw error;
      io.stderr.write(formatProblem(error, { color }, io.cwd, opts.debug) + '\n');
      problems.push(error);
    }
  }
  return exitCodeFor(problems);
}
