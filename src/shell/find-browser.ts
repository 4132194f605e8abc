/**
 * Finds a Chrome or Chromium installed on this computer; talkdeck never downloads one.
 * Order: an explicit path (flag) → CHROME_PATH → the usual install paths of this platform →
 * names on PATH. When none is found, the error lists every place that was tried.
 */
import { accessSync, constants, statSync } from 'node:fs';
import { delimiter, join } from 'node:path';
import { TalkdeckError } from '../core/base/errors.js';

export interface FindBrowserOptions {
  explicit?: string | undefined;
  env?: Record<string, string | undefined>;
  platform?: NodeJS.Platform;
  /** Injected for tests. */
  isExecutable?: (path: string) => boolean;
}

export interface FoundBrowser {
  path: string;
  /** How it was found: 'flag', 'CHROME_PATH', 'install path' or 'PATH'. */
  via: string;
  /** A CHROME_PATH that names no browser, passed over for this one: worth a warning. */
  skipped?: string;
}

const INSTALL_PATHS: Partial<Record<NodeJS.Platform, (env: Record<string, string | undefined>) => string[]>> = {
  linux: () => [
    '/usr/bin/chromium',
    '/usr/bin/chromium-browser',
    '/usr/bin/google-chrome',
    '/usr/bin/google-chrome-stable',
    '/snap/bin/chromium',
    '/opt/google/chrome/chrome',
    '/usr/bin/microsoft-edge',
  ],
  darwin: (env) => [
    '/Applications/Google Chrome.app/Contents/MacOS/Google Chrome',
    '/Applications/Chromium.app/Contents/MacOS/Chromium',
    '/Applications/Microsoft Edge.app/Contents/MacOS/Microsoft Edge',
    ...(env.HOME ? [join(env.HOME, 'Applications/Google Chrome.app/Contents/MacOS/Google Chrome')] : []),
  ],
  win32: (env) =>
    [env.PROGRAMFILES, env['PROGRAMFILES(X86)'], env.LOCALAPPDATA]
      .filter((d): d is string => Boolean(d))
      .flatMap((d) => [
        `${d}\\Google\\Chrome\\Application\\chrome.exe`,
        `${d}\\Chromium\\Application\\chrome.exe`,
        `${d}\\Microsoft\\Edge\\Application\\msedge.exe`,
      ]),
};

const PATH_NAMES = ['chromium', 'chromium-browser', 'google-chrome', 'google-chrome-stable', 'chrome', 'msedge'];

function defaultIsExecutable(path: string): boolean {
  try {
    if (!statSync(path).isFile()) return false;
    accessSync(path, constants.X_OK);
    return true;
  } catch {
    return false;
  }
}

export function findBrowser(opts: FindBrowserOptions = {}): FoundBrowser {
  const env = opts.env ?? process.env;
  const platform = opts.platform ?? process.platform;
  const ok = opts.isExecutable ?? defaultIsExecutable;
  const tried: string[] = [];
  const attempt = (path: string | undefined, via: string): FoundBrowser | undefined => {
    if (!path) return undefined;
    tried.push(`${path} (${via})`);
    return ok(path) ? { path, via } : undefined;
  };

  if (opts.explicit) {
    const found = attempt(opts.explicit, 'flag');
    if (found) return found;
    throw new TalkdeckError({
      code: 'browser-not-found',
      message: `The browser given with --browser-path was not found or is not executable: ${opts.explicit}`,
      hint: guidance(platform, ['give the full path of the Chrome, Chromium or Edge program itself']),
    });
  }
  const fromEnv = attempt(env.CHROME_PATH, 'CHROME_PATH');
  if (fromEnv) return fromEnv;
  // Set, but naming no browser (an old install, a typo): the search goes on, and says so.
  const skipped = env.CHROME_PATH ? { skipped: env.CHROME_PATH } : {};
  for (const p of INSTALL_PATHS[platform]?.(env) ?? []) {
    const found = attempt(p, 'install path');
    if (found) return { ...found, ...skipped };
  }
  const exe = platform === 'win32' ? '.exe' : '';
  for (const dir of (env.PATH ?? '').split(platform === 'win32' ? ';' : delimiter).filter(Boolean)) {
    for (const name of PATH_NAMES) {
      const found = attempt(join(dir, name + exe), 'PATH');
      if (found) return { ...found, ...skipped };
    }
  }
  throw new TalkdeckError({
    code: 'browser-not-found',
    message: 'No Chrome or Chromium found on this computer',
    hint: guidance(platform, [
      `tried: ${tried.length ? tried.slice(0, 8).join(', ') + (tried.length > 8 ? ` and ${tried.length - 8} more` : '') : 'nothing'}`,
    ]),
  });
}

const INSTALL: Partial<Record<NodeJS.Platform, string>> = {
  linux: 'install Chromium (Debian/Ubuntu: `sudo apt-get install chromium`, Fedora: `sudo dnf install chromium`) or Google Chrome',
  darwin: 'install Google Chrome (or Chromium: `brew install --cask chromium`)',
  win32: 'install Google Chrome, or use the Microsoft Edge that comes with Windows',
};

/** What to install on this platform and how to point talkdeck at a browser, plus details: one line, as every hint. */
function guidance(platform: NodeJS.Platform, details: string[]): string {
  return [
    `${INSTALL[platform] ?? 'install Google Chrome or Chromium'} – talkdeck prints with it and never downloads one;`,
    'if one is installed in an unusual place, point talkdeck at it: --browser-path <path> or the CHROME_PATH environment variable;',
    ...details,
  ].join(' ');
}

/** Flags for a headless Chromium that must not reach the network or leave state behind. */
export const HEADLESS_ARGS = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--no-first-run',
  '--disable-quic',
];
