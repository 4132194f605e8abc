/**
 * Watches folders for anything that may change a build. chokidar keeps the watches alive across
 * editors' save tricks (write a temporary file, rename it over the original; delete and
 * re-create). Its normalised events are throttled per file and can drop the last of several
 * quick saves, so its raw events count too: the builder compares contents anyway, a spare
 * trigger costs a few reads. A watched folder that is removed and comes back (a branch switch,
 * a folder restored from a backup) is watched again: a second watcher looks at its parent.
 */
import { basename, dirname } from 'node:path';
import { watch, type FSWatcher } from 'chokidar';

export interface Watcher {
  close(): Promise<void>;
}

/** Folders never worth a rebuild. */
const IGNORED_DIRS = /(^|[/\\])(node_modules|\.git|\.svn|\.hg)([/\\]|$)/;

/** Editors' temporary and backup files: dotfiles (`.deck.yaml.swp`, `.#deck.yaml`), `deck.yaml~`, vim's `4913`, `*.tmp`. */
export function isScratchFile(path: string): boolean {
  const name = basename(path);
  return name.startsWith('.') || name.endsWith('~') || name === '4913' || /\.(sw[a-p]|tmp|bak)$|___jb_(tmp|old)___$/i.test(name);
}

export async function watchFolders(folders: string[], onChange: () => void, onError: (error: Error) => void): Promise<Watcher> {
  const reportError = (error: unknown): void => onError(error instanceof Error ? error : new Error(String(error)));
  const start = async (): Promise<FSWatcher> => {
    const watcher = watch(folders, {
      ignoreInitial: true,
      ignored: (path) => IGNORED_DIRS.test(path),
      // Editors that delete and re-create within 100 ms are seen as one change.
      atomic: true,
      // A link in the deck folder may point anywhere, even back up (a loop): builds follow the
      // files the deck names, the watcher does not follow links.
      followSymlinks: false,
      depth: 8,
    });
    watcher.on('all', (_event, path) => {
      if (!isScratchFile(path)) onChange();
    });
    watcher.on('raw', (_event, path) => {
      if (!path || !isScratchFile(path)) onChange();
    });
    watcher.on('error', reportError);
    await ready(watcher);
    return watcher;
  };

  let folderWatcher = await start();
  let restarting: Promise<void> = Promise.resolve();
  const parents = [...new Set(folders.map((f) => dirname(f)))];
  const parentWatcher = watch(parents, {
    ignoreInitial: true,
    depth: 0,
    ignored: (path) => !parents.includes(path) && !folders.includes(path),
  });
  parentWatcher.on('addDir', (path) => {
    if (!folders.includes(path)) return;
    restarting = restarting.then(async () => {
      await folderWatcher.close();
      folderWatcher = await start();
      onChange();
    });
  });
  parentWatcher.on('unlinkDir', () => onChange());
  parentWatcher.on('error', reportError);
  await ready(parentWatcher);

  return {
    close: async () => {
      await restarting;
      await Promise.all([folderWatcher.close(), parentWatcher.close()]);
    },
  };
}

/** Not events.once(): it rejects on an 'error' event, and a watch error is only a warning. */
function ready(watcher: FSWatcher): Promise<void> {
  return new Promise((resolve) => watcher.once('ready', () => resolve()));
}
