import { describe, expect, it } from 'vitest';
import { findBrowser } from '../src/shell/find-browser.js';
import { TalkdeckError } from '../src/core/base/errors.js';

/** A computer on which exactly these paths are executable browsers. */
const machine = (...paths: string[]) => (path: string) => paths.includes(path);

function failure(run: () => unknown): TalkdeckError {
  try {
    run();
  } catch (error) {
    expect(error).toBeInstanceOf(TalkdeckError);
    return error as TalkdeckError;
  }
  throw new Error('expected findBrowser to throw');
}

describe('findBrowser', () => {
  it('takes the flag first, then CHROME_PATH, then install paths, then PATH', () => {
    const all = machine('/my/chrome', '/env/chrome', '/usr/bin/chromium', '/opt/bin/google-chrome');
    const env = { CHROME_PATH: '/env/chrome', PATH: '/opt/bin' };
    expect(findBrowser({ explicit: '/my/chrome', env, platform: 'linux', isExecutable: all })).toEqual({ path: '/my/chrome', via: 'flag' });
    expect(findBrowser({ env, platform: 'linux', isExecutable: all })).toEqual({ path: '/env/chrome', via: 'CHROME_PATH' });
    expect(findBrowser({ env: { PATH: '/opt/bin' }, platform: 'linux', isExecutable: all })).toEqual({ path: '/usr/bin/chromium', via: 'install path' });
    expect(findBrowser({ env: { PATH: '/usr/local/bin:/opt/bin' }, platform: 'linux', isExecutable: machine('/opt/bin/google-chrome') })).toEqual({
      path: '/opt/bin/google-chrome',
      via: 'PATH',
    });
  });

  it('knows where macOS and Windows keep their browsers', () => {
    expect(findBrowser({ env: {}, platform: 'darwin', isExecutable: machine('/Applications/Google Chrome.app/Contents/MacOS/Google Chrome') }).via).toBe('install path');
    const edge = 'C:\\Program Files (x86)\\Microsoft\\Edge\\Application\\msedge.exe';
    expect(findBrowser({ env: { 'PROGRAMFILES(X86)': 'C:\\Program Files (x86)' }, platform: 'win32', isExecutable: machine(edge) })).toEqual({ path: edge, via: 'install path' });
  });

  it('skips a CHROME_PATH that is not there, and says so (issue 22)', () => {
    expect(findBrowser({ env: { CHROME_PATH: '/gone' }, platform: 'linux', isExecutable: machine('/usr/bin/chromium') })).toEqual({
      path: '/usr/bin/chromium',
      via: 'install path',
      skipped: '/gone',
    });
  });

  it('does not look elsewhere when the flag names a missing browser', () => {
    const e = failure(() => findBrowser({ explicit: '/gone/chrome', env: {}, platform: 'linux', isExecutable: machine('/usr/bin/chromium') }));
    expect(e.code).toBe('browser-not-found');
    expect(e.exitCode).toBe(3);
    expect(e.message).toContain('/gone/chrome');
    expect(e.hint).toContain('sudo apt-get install chromium');
  });

  it('without any browser says what to install, how to point talkdeck at one, and what it tried', () => {
    const e = failure(() => findBrowser({ env: { CHROME_PATH: '/env/chrome', PATH: '/usr/local/bin' }, platform: 'linux', isExecutable: () => false }));
    expect(e.code).toBe('browser-not-found');
    expect(e.exitCode).toBe(3);
    expect(e.hint).toContain('sudo apt-get install chromium');
    expect(e.hint).toContain('--browser-path <path> or the CHROME_PATH environment variable');
    expect(e.hint).toContain('/env/chrome (CHROME_PATH)');
    expect(e.hint).toContain('/usr/bin/chromium (install path)');
    const mac = failure(() => findBrowser({ env: {}, platform: 'darwin', isExecutable: () => false }));
    expect(mac.hint).toContain('install Google Chrome');
    // One line, as every hint: the terminal shows a line break in a hint as `\x0a` (issue 22).
    expect(e.hint).not.toContain('\n');
  });
});
