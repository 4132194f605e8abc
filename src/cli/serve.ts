/**
 * `talkdeck serve`: build the deck in memory, serve it, rebuild on every save and tell the open
 * browsers. A failed rebuild keeps the last good build online and shows the problems in the
 * terminal and over the deck. Loaded only when the command runs (it pulls in the watcher).
 */
import { loadConfig } from '../shell/config.js';
import { networkInterfaces } from 'node:os';
import { isAbsolute, join, relative } from 'node:path';
import { exitCodeFor, TalkdeckError } from '../core/base/errors.js';
import { quoteArg } from '../core/base/quote-arg.js';
import { discoverDecks, resolveDeck, type DeckLocation } from '../shell/decks.js';
import { earlierModel, noDecks } from './deck-builder.js';
import { builtinTemplatesDir, packageRoot } from '../shell/paths.js';
import { debounce } from '../serve/debounce.js';
import { createDevBuilder, type DevBuildResult } from '../serve/dev-build.js';
import { isLoopback, startServer, urlOf, type RunningServer } from '../serve/http-server.js';
import type { LiveProblem } from '../serve/live-client.js';
import { LiveSite } from '../serve/live-site.js';
import { createRehearsalEndpoint } from '../serve/rehearsal-endpoint.js';
import { formatDuration } from '../core/model/timing.js';
import { SourceFiles } from '../serve/source-files.js';
import { watchFolders, type Watcher } from '../serve/watch.js';
import type { Io } from './io.js';
import { formatProblem, printProblems, status, useColor } from './report.js';
import { count } from './plural.js';

export interface ServeOptions {
  deck: string | undefined;
  port: number;
  host: string;
  open: boolean;
  debug: boolean;
  /** Mark in the speaker view what changed since this git revision (read once, at the start). */
  since?: string | undefined;
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
  const print = (e: TalkdeckError): void => void io.stderr.write(formatProblem(e, { color }, io.cwd, opts.debug) + '\n');
  // The overlay shows the place as a heading, so the text starts after it.
  const live = (e: TalkdeckError): LiveProblem => ({
    location: e.location,
    text: formatProblem(e, { color: false }, io.cwd, opts.debug).replace(`${e.location}: `, ''),
  });
  const time = (): string => new Date().toTimeString().slice(0, 8);

  // Developing talkdeck itself (not installed under node_modules): its templates change too.
  const developing = !/[/\\]node_modules[/\\]/.test(packageRoot());
  const folders = developing ? [deck.dir, builtinTemplatesDir()] : [deck.dir];
  const config = loadConfig(io.cwd);
  // The earlier version does not change while serving: modelled once.
  const since = opts.since === undefined ? undefined : await earlierModel(deck, io.cwd, opts.since, { config });
  if (since && 'errors' in since) {
    printProblems(io, since.errors, opts.debug);
    return exitCodeFor(since.errors);
  }
  const builder = createDevBuilder({ deck, cwd: io.cwd, builtinMayChange: developing, config, since });
  const rehearsals = createRehearsalEndpoint({
    deckName: deck.name,
    deckDir: deck.dir,
    onSaved: (file, record) =>
      void io.stdout.write(`✓ ${time()} ${deck.name}: rehearsal saved as ${shown(io, join(deck.dir, file))} (${formatDuration(record.total)})\n`),
    onError: (error) => io.stderr.write(`✗ ${time()} ${deck.name}: could not save a rehearsal: ${(error as Error)?.message ?? String(error)}\n`),
  });
  const site = new LiveSite(deck.name, rehearsals.page);
  const stillServing = (): string => (site.built ? 'still serving the last good build' : 'the browser shows the problems until they are fixed');
  let printedWarnings = '';
  let missingSince: number | undefined;

  const printWarnings = (warnings: TalkdeckError[]): void => {
    const text = JSON.stringify(warnings.map(live));
    if (text === printedWarnings) return;
    printedWarnings = text;
    for (const w of warnings) print(w);
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
        if (!site.showProblems([live(result.error)])) return;
        print(result.error);
        io.stderr.write(status`✗ ${time()} ${deck.name}: ${stillServing()}\n`);
        return;
      }
      case 'failed': {
        printWarnings(result.warnings);
        printProblems(io, result.errors, opts.debug);
        const n = result.errors.length;
        io.stderr.write(status`✗ ${time()} ${deck.name}: ${count(n, 'problem')}; ${stillServing()}\n`);
        site.showProblems(result.errors.map(live));
        return;
      }
      case 'built': {
        printWarnings(result.build.warnings);
        const done = status`✓ ${time()} ${deck.name}: ${count(result.build.model?.slides.length ?? 0, 'slide')} in ${result.ms} ms`;
        if (!result.outputChanged) {
          site.showProblems([]);
          io.stdout.write(`${done}, output unchanged\n`);
          return;
        }
        const browsers = site.publish(result.build.files);
        io.stdout.write(`${done}${browsers ? `, reloading ${browsers} browser${browsers === 1 ? '' : 's'}` : ''}\n`);
      }
    }
  };

  const rebuildOnce = async (): Promise<void> => {
    try {
      apply(await builder.rebuild());
    } catch (error) {
      // A bug in talkdeck: report it with its stack, keep serving the last good build.
      io.stderr.write(`talkdeck: internal error while rebuilding. Please report it with the output below.\n${stackOf(error)}\n`);
      site.showProblems([{ location: '', text: `Internal error in talkdeck (see the terminal): ${(error as Error)?.message ?? String(error)}` }]);
    }
  };
  // Rebuilds never overlap: a save during a rebuild asks for one more when it is done.
  let running: Promise<void> | undefined;
  let again = false;
  const rebuild = (): Promise<void> => {
    if (running) {
      again = true;
      return running;
    }
    running = (async () => {
      do {
        again = false;
        await rebuildOnce();
      } while (again);
    })().finally(() => {
      running = undefined;
    });
    return running;
  };
  const rebuilds = debounce(rebuild, QUIET_MS, MAX_WAIT_MS);

  let server: RunningServer | undefined;
  let watcher: Watcher | undefined;
  try {
    await rebuild();
    const refused = new Set<string>();
    server = await startServer({
      host: opts.host,
      port: opts.port,
      site: () => site.current,
      sources: new SourceFiles([deck.dir]),
      events: site.events,
      rehearsals,
      onRefused: (path) => {
        if (refused.has(path)) return;
        refused.add(path);
        io.stderr.write(status`warning: not serving ${shown(io, path)}: it links to a file outside the deck folder\n`);
      },
      onError: (error) => io.stderr.write(`talkdeck: internal error while serving a request:\n${stackOf(error)}\n`),
    });
    watcher = await watchFolders(folders, () => rebuilds.trigger(), (error) => io.stderr.write(`warning: watching for changes failed: ${error.message}\n`));
    if (stop.aborted) return 0;
    printBanner(io, deck, server, opts.host, folders);
    if (since) io.stdout.write(`  The speaker view (S) marks what changed since ${opts.since}; D lists the changed slides.\n\n`);
    if (opts.open) await openBrowser(io, server.url);
    await new Promise<void>((resolve) => {
      if (stop.aborted) resolve();
      else stop.addEventListener('abort', () => resolve(), { once: true });
    });
    return 0;
  } finally {
    rebuilds.cancel();
    await running;
    site.close();
    await Promise.all([watcher?.close(), server?.close()]);
  }
}

function chooseDeck(io: Io, name: string | undefined): DeckLocation {
  if (name) return resolveDeck(io.cwd, name);
  const decks = discoverDecks(io.cwd);
  if (decks.length === 1) return decks[0]!;
  if (!decks.length) throw noDecks(io);
  throw new TalkdeckError({
    code: 'usage',
    message: 'Name the deck to serve',
    hint: `e.g. talkdeck serve ${quoteArg(decks[0]!.name)} (decks here: ${decks.map((d) => d.name).join(', ')})`,
  });
}

function printBanner(io: Io, deck: DeckLocation, server: RunningServer, host: string, folders: string[]): void {
  io.stdout.write(status`\n  ${deck.name} → ${server.url}\n`);
  if (!isLoopback(host)) {
    const elsewhere = host === '0.0.0.0' || host === '::' ? networkAddresses() : [host];
    for (const address of elsewhere) io.stdout.write(`  ${' '.repeat(deck.name.length)}   ${urlOf(address, server.port)} (network)\n`);
    io.stdout.write('  Other computers on the network can open the deck.\n');
  }
  io.stdout.write(status`\n  Watching ${folders.map((f) => `${shown(io, f)}/`).join(' and ')}; saving a file reloads the browser.\n`);
  io.stdout.write('  Press Ctrl-C to stop.\n\n');
}

/** A path relative to the working directory when it is below it, else in full. */
function shown(io: Io, path: string): string {
  const rel = relative(io.cwd, path);
  return rel.startsWith('..') || isAbsolute(rel) ? path : rel || '.';
}

/** This computer's IPv4 addresses that other computers may reach. */
function networkAddresses(): string[] {
  return Object.values(networkInterfaces())
    .flatMap((list) => list ?? [])
    .filter((a) => a.family === 'IPv4' && !a.internal)
    .map((a) => a.address);
}

async function openBrowser(io: Io, url: string): Promise<void> {
  const failed = (): void => void io.stderr.write(`Could not open a browser; open ${url} yourself.\n`);
  try {
    const { default: open } = await import('open');
    const child = await open(url);
    child.once('error', failed);
    child.unref();
  } catch {
    failed();
  }
}

function stackOf(error: unknown): string {
  return (error as Error)?.stack ?? String(error);
}
