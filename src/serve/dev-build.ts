/**
 * Rebuilds one deck for the dev server, redoing only what changed. Before building it compares
 * what the last build read (deck text, templates, which files existed, the copied files' stat
 * signatures) with the disk: a save that changed nothing (or an editor touching a file) costs
 * a few reads. Templates are compiled again only when one changed; maps are memoised in the
 * core. Nothing is written to disk.
 */
import { statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { TalkdeckError } from '../core/base/errors.js';
import { buildDeck, type DeckBuild, type DeckInput } from '../core/pipeline.js';
import type { OutputFile } from '../core/write/output-file.js';
import type { Renderer } from '../core/write/html/renderer.js';
import type { SettingsLayer } from '../core/deck/settings.js';
import type { TemplateSet } from '../core/write/html/templates.js';
import { deckInput, fileInDeck, readTemplates, readText, templatesFor, type DeckLocation } from '../shell/decks.js';
import { diskHashes } from '../shell/git.js';
import { builtinTemplatesDir } from '../shell/paths.js';
import { loadRenderer, withPrecompiled } from '../shell/renderer.js';
import { rehearsalsSignature } from '../shell/rehearsals.js';
import { signature } from './source-files.js';

export type DevBuildResult =
  /** Nothing the build reads has changed since the last attempt. */
  | { kind: 'unchanged' }
  /** deck.yaml is not there: deleted, or an editor is replacing it right now. */
  | { kind: 'missing-deck'; error: TalkdeckError }
  | { kind: 'failed'; errors: TalkdeckError[]; warnings: TalkdeckError[]; ms: number }
  /** `outputChanged` is false when the output is byte for byte what is already served. */
  | { kind: 'built'; build: DeckBuild; outputChanged: boolean; ms: number };

export interface DevBuilderOptions {
  deck: DeckLocation;
  cwd: string;
  /** Read the built-in templates on every rebuild (when developing talkdeck itself). */
  builtinMayChange: boolean;
  /** The project's talkdeck.config, read once when the server starts. */
  config?: SettingsLayer | undefined;
  /** `serve --since`: the earlier version, modelled once, whose changes every build marks. */
  since?: DeckInput['since'];
}

interface Inputs {
  text: string;
  templatesKey: string;
  /** The rehearsals/ folder's listing: a saved rehearsal changes the plan. */
  rehearsals: string;
  /** `exists()` questions the core asked, with their answers. */
  exists: Map<string, boolean>;
  /** Copied file → stat signature. */
  copies: Map<string, string>;
}

interface Output {
  files: ReadonlyMap<string, OutputFile>;
  copies: Map<string, string>;
}

export interface DevBuilder {
  /** One rebuild at a time: the caller serialises them. */
  rebuild(): Promise<DevBuildResult>;
}

export function createDevBuilder(opts: DevBuilderOptions): DevBuilder {
  const { deck, cwd } = opts;
  const exists = fileInDeck(deck);
  let builtin: TemplateSet | undefined;
  let compiled: { key: string; renderer: Renderer } | undefined;
  let last: Inputs | undefined;
  let good: Output | undefined;

  const unchanged = (text: string, templatesKey: string, rehearsals: string): boolean =>
    last !== undefined &&
    last.text === text &&
    last.templatesKey === templatesKey &&
    last.rehearsals === rehearsals &&
    [...last.exists].every(([path, answer]) => exists(path) === answer) &&
    [...last.copies].every(([path, sig]) => stat(path) === sig);

  return {
    async rebuild() {
      const started = performance.now();
      const ms = (): number => Math.round(performance.now() - started);
      let text: string;
      try {
        text = readText(deck.file, relative(cwd, deck.file) || deck.file);
      } catch (cause) {
        last = undefined;
        if (cause instanceof TalkdeckError) return { kind: 'failed', errors: [cause], warnings: [], ms: ms() };
        const error = deckUnreadable(deck, cwd, cause);
        if ((cause as NodeJS.ErrnoException).code === 'ENOENT') return { kind: 'missing-deck', error };
        return { kind: 'failed', errors: [error], warnings: [], ms: ms() };
      }
      if (!builtin || opts.builtinMayChange) builtin = await withPrecompiled(readTemplates(builtinTemplatesDir(), cwd));
      let templates: TemplateSet;
      try {
        templates = templatesFor(deck, cwd, builtin);
      } catch (error) {
        if (!(error instanceof TalkdeckError)) throw error;
        last = undefined; // the folder is read again on the next save
        return { kind: 'failed', errors: [error], warnings: [], ms: ms() };
      }
      const templatesKey = JSON.stringify([...templates.values()].map((t) => [t.name, t.file, t.source]));
      const rehearsals = rehearsalsSignature(deck.dir);
      if (unchanged(text, templatesKey, rehearsals)) return { kind: 'unchanged' };

      // Recorded only once the attempt has a result: after a bug, the same inputs are tried again.
      const attempt: Inputs = { text, templatesKey, rehearsals, exists: new Map(), copies: new Map() };
      if (compiled?.key !== templatesKey) {
        try {
          compiled = { key: templatesKey, renderer: await loadRenderer(templates) };
        } catch (error) {
          compiled = undefined;
          if (!(error instanceof TalkdeckError)) throw error;
          last = attempt;
          return { kind: 'failed', errors: [error], warnings: [], ms: ms() };
        }
      }
      let input: ReturnType<typeof deckInput>;
      try {
        input = deckInput(deck, cwd, compiled.renderer, text);
      } catch (error) {
        if (!(error instanceof TalkdeckError)) throw error;
        last = undefined; // a link is not compared like a file: look again on the next save
        return { kind: 'failed', errors: [error], warnings: [], ms: ms() };
      }
      const build = await buildDeck({
        ...input,
        layers: { config: opts.config },
        since: opts.since,
        hash: opts.since && diskHashes(deck.dir),
        exists: (path) => {
          const answer = exists(path);
          attempt.exists.set(path, answer);
          return answer;
        },
        // A file the build reads (style.css) is compared like a copied one, even when the build fails.
        read: (path) => {
          attempt.copies.set(join(deck.dir, path), stat(join(deck.dir, path)));
          return input.read(path);
        },
        // Pictures the build measures, and those an SVG embeds, are compared the same way.
        readBytes: (path, limit) => {
          attempt.copies.set(join(deck.dir, path), stat(join(deck.dir, path)));
          return input.readBytes(path, limit);
        },
      });
      last = attempt;
      if (build.errors.length) return { kind: 'failed', errors: build.errors, warnings: build.warnings, ms: ms() };

      for (const file of build.files.values()) if ('copyFrom' in file) attempt.copies.set(file.copyFrom, stat(file.copyFrom));
      const output: Output = { files: build.files, copies: attempt.copies };
      const outputChanged = !good || !sameOutput(good, output);
      good = output;
      return { kind: 'built', build, outputChanged, ms: ms() };
    },
  };
}

function stat(path: string): string {
  const st = statSync(path, { throwIfNoEntry: false });
  return st ? signature(st) : 'missing';
}

function sameOutput(a: Output, b: Output): boolean {
  if (a.files.size !== b.files.size || a.copies.size !== b.copies.size) return false;
  for (const [path, file] of a.files) {
    const other = b.files.get(path);
    if (!other) return false;
    if ('content' in file ? !('content' in other) || other.content !== file.content : !('copyFrom' in other) || other.copyFrom !== file.copyFrom) {
      return false;
    }
  }
  return [...a.copies].every(([path, sig]) => b.copies.get(path) === sig);
}

function deckUnreadable(deck: DeckLocation, cwd: string, cause: unknown): TalkdeckError {
  const file = relative(cwd, deck.file) || deck.file;
  const missing = (cause as NodeJS.ErrnoException).code === 'ENOENT';
  return new TalkdeckError({
    code: missing ? 'deck-not-found' : 'io',
    file,
    message: missing ? `${file} is gone (deleted or renamed)` : `Could not read ${file}: ${(cause as Error).message}`,
    hint: missing ? 'restore or re-create it; until then the last good build is served' : 'check the file permissions',
    cause,
  });
}
