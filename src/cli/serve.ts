/**
 * `talkdeck serve`: build the deck in memory, serve it, rebuild on every save and tell the open
 * browsers. A failed rebuild keeps the last good build online and shows the problems in the
 * terminal and over the deck. Loaded only when the command runs (it pulls in the watcher).
 */
import { isAbsolute, relative } from 'node:path';
import { TalkdeckError } from '../core/errors.js';
import { discoverDecks, resolveDeck, type DeckLocation } from '../shell/decks.js';
import { builtinTemplatesDir, packageRoot } from '../shell/paths.js';
import { debounce } from '../serve/debounce.js';
import { createDevBuilder, type DevBuildResult } from '../serve/dev-build.js';
import { isLoopback, startServer, type RunningServer } from '../serve/http-server.js';
import type { LiveProblem } from '../serve/live-client.js';
import { LiveEvents } from '../serve/live-events.js';
import { makeSite, waitingSite, type Site } from '../serve/site.js';
import { SourceFiles } from '../serve/source-files.js';
import { watchFolders, type Watcher } from '../serve/watch.js';
import type { Io } from './io.js';
import { formatProblem, useColor } from './report.js';

export interface ServeOptions {
  deck: string | undefined;
  port: number;
  host: string;
  open: boolean;
  debug: boolean;
}

/** Quiet time after the last save before rebuilding: editors write in a few steps. */
const QUIET_MS = 8;
/** A steady stream of saves still rebuilds this often. */
const MAX_WAIT_MS = 250;
/** How long deck.yaml may be missing before that is reported: editors replace it by rename. */
const MISSING_GRACE_MS = 250;

export async function runServe(io: Io, opts: ServeOptions, stop: AbortSignal): Promise<number> {
  const deck = chooseDeck(io, opts.deck);
  const color = useColor(io.stderr, io.env);
  const shown = (path: string): string => {
    const rel = relative(io.cwd, path);
    return rel.startsWith('..') || isAbsolute(rel) ? path : rel || '.';
  };
  const problemText = (e: TalkdeckError): string => formatProblem(e, { color: false }, io.cwd, opts.debug);
  const print = (e: TalkdeckError): void => void io.stderr.write(formatProblem(e, { color }, io.cwd, opts.debug) + '\n');
  const time = (): string => new Date().toTimeString().slice(0, 8);

  // Developing talkdeck itself (not installed under node_modules): its templates change too.
  const developing = !/[/\\]node_modules[/\\]/.test(packageRoot());
  const builder = createDevBuilder({ deck, cwd: io.cwd, builtinMayChange: developing });
  const session = Date.now().toString(36);
  let builds = 0;
  let site: Site = waitingSite(`${session}-0`, deck.name);
  let problems: LiveProblem[] = [];
  let printedWarnings = '';
  let missingSince: number | undefined;
  const events = new LiveEvents(() => ({ version: site.version, problems }));
  const sources = new SourceFiles([deck.dir]);
  const refused = new Set<string>();

  const stillServing = (): string => (builds ? 'still serving the last good build' : 'the browser shows the problems until they are fixed');
  const setProblems = (next: LiveProblem[]): void => {
    if (JSON.stringify(next) === JSON.stringify(problems)) return;
    problems = next;
    events.problems(problems);
  };

  const apply = (result: DevBuildResult): void => {
    if (result.kind !== 'missing-deck') missingSince = undefined;
    switch (result.kind) {
      case 'unchanged':
        return;
      case 'missing-deck': {
        missingSince ??= performance.now();
        const waited = performance.now() - missingSince;
        if (waited < MISSING_GRACE_MS) return rebuilds.retryIn(MISSING_GRACE_MS - waited);
        if (problems.length === 1 && problems[0]!.text === problemText(result.error)) return;
        print(result.error);
        io.stderr.write(`✗ ${time()} ${deck.name}: ${stillServing()}\n`);
        return setProblems([{ location: result.error.location, text: problemText(result.error) }]);
      }
      case 'failed': {
        printWarnings(result.warnings);
        for (const e of result.errors) print(e);
        const n = result.errors.length;
        io.stderr.write(`✗ ${time()} ${deck.name}: ${n} problem${n === 1 ? '' : 's'}; ${stillServing()}\n`);
        return setProblems(result.errors.map((e) => ({ location: e.location, text: problemText(e) })));
      }
      case 'built': {
        printWarnings(result.build.warnings);
        const slides = result.build.model?.slides.length ?? 0;
        if (result.outputChanged) {
          site = makeSite(`${session}-${++builds}`, result.build.files);
          // Clients that reload get `hello` with the new problems (none); the rest are told now.
          problems = [];
          events.reload(site.version);
          const browsers = events.size;
          io.stdout.write(
            `✓ ${time()} ${deck.name}: ${slides} slides in ${result.ms} ms${browsers ? `, reloading ${browsers} browser${browsers === 1 ? '' : 's'}` : ''}\n`,
          );
        } else {
          io.stdout.write(`✓ ${time()} ${deck.name}: ${slides} slides in ${result.ms} ms, output unchanged\n`);
          setProblems([]);
        }
      }
    }
  };

  const printWarnings = (warnings: TalkdeckError[]): void => {
    const text = warnings.map(problemText).join('\n');
    if (text === printedWarnings) return;
    printedWarnings = text;
    for (const w of warnings) print(w);
  };

  const rebuild = (): void => {
    try {
      apply(builder.rebuild());
    } catch (error) {
      // A bug in talkdeck: report it with its stack, keep serving the last good build.
      io.stderr.write(`talkdeck: internal error while rebuilding. Please report it with the output below.\n${(error as Error)?.stack ?? String(error)}\n`);
      setProblems([{ location: '', text: `Internal error in talkdeck (see the terminal): ${(error as Error)?.message ?? String(error)}` }]);
    }
  };
  const rebuilds = debounce(rebuild, QUIET_MS, MAX_WAIT_MS);

  let server: RunningServer | undefined;
  let watcher: Watcher | undefined;
  try {
    rebuild();
    server = await startServer({
      host: opts.host,
      port: opts.port,
      site: () => site,
      sources,
      events,
      onRefused: (path) => {
        if (refused.has(path)) return;
        refused.add(path);
        io.stderr.write(`warning: not serving ${shown(path)}: it links to a file outside the deck folder\n`);
      },
      onError: (error) => io.stderr.write(`talkdeck: internal error while serving a request:\n${(error as Error)?.stack ?? String(error)}\n`),
    });
    const folders = developing ? [deck.dir, builtinTemplatesDir()] : [deck.dir];
    watcher = await watchFolders(folders, () => rebuilds.trigger(), (error) => io.stderr.write(`warning: watching for changes failed: ${error.message}\n`));
    if (stop.aborted) return 0;

    io.stdout.write(`\n  ${deck.name} → ${server.url}\n\n`);
    io.stdout.write(`  Watching ${folders.map((f) => `${shown(f)}/`).join(' and ')}; saving a file reloads the browser.\n`);
    if (!isLoopback(opts.host)) {
      io.stdout.write(`  Listening on ${opts.host}: other computers on the network can open the deck.\n`);
    }
    io.stdout.write('  Press Ctrl-C to stop.\n\n');
    if (opts.open) await openBrowser(io, server.url);
    await new Promise<void>((resolve) => {
      if (stop.aborted) resolve();
      else stop.addEventListener('abort', () => resolve(), { once: true });
    });
    return 0;
  } finally {
    rebuilds.cancel();
    events.close();
    await Promise.all([watcher?.close(), server?.close()]);
  }
}

function chooseDeck(io: Io, name: string | undefined): DeckLocation {
  if (name) return resolveDeck(io.cwd, name);
  const decks = discoverDecks(io.cwd);
  if (decks.length === 1) return decks[0]!;
  throw new TalkdeckError({
    code: decks.length ? 'usage' : 'no-decks',
    message: decks.length ? 'Name the deck to serve' : 'No decks found under content/',
    hint: decks.length ? `e.g. talkdeck serve ${decks[0]!.name} (decks here: ${decks.map((d) => d.name).join(', ')})` : 'create content/<name>/deck.yaml, or name a deck folder or file',
  });
}

async function openBrowser(io: Io, url: string): Promise<void> {
  try {
    const { default: open } = await import('open');
    const child = await open(url);
    child.once('error', () => io.stderr.write(`Could not open a browser; open ${url} yourself.\n`));
    child.unref();
  } catch {
    io.stderr.write(`Could not open a browser; open ${url} yourself.\n`);
  }
}
