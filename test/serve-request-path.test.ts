import { describe, it, expect } from 'vitest';
import { requestPath } from '../src/serve/request-path.js';

describe('requestPath: request targets to paths of the built deck', () => {
  it.each([
    ['/', 'index.html'],
    ['/?receiver&progress=false', 'index.html'],
    ['/index.html#/fifth-slide', 'index.html'],
    ['/reveal/plugin/notes.js', 'reveal/plugin/notes.js'],
    ['/assets/images/Karte%20Kolumbien.svg', 'assets/images/Karte Kolumbien.svg'],
    ['/assets/%C3%BCbersicht.png', 'assets/übersicht.png'],
    // Folders and odd spellings are plain misses (404), never listings or other files.
    ['/theme/', 'theme/'],
    ['//etc/passwd', '/etc/passwd'],
    ['/%252e%252e/package.json', '%2e%2e/package.json'],
  ])('%s → %s', (target, path) => {
    expect(requestPath(target)).toEqual({ kind: 'file', path });
  });

  it.each([
    '/../package.json',
    '/reveal/../../package.json',
    '/./index.html',
    '/%2e%2e/package.json',
    '/%2E%2E/%2e%2e/etc/passwd',
    '/.%2e/package.json',
    '/..%2fpackage.json',
    '/..%2Fpackage.json',
    '/..%5cpackage.json',
    '/..\\package.json',
    '/assets/x%00.svg',
    '/C:%5cWindows%5cwin.ini',
  ])('%s is forbidden', (target) => {
    expect(requestPath(target)).toEqual({ kind: 'forbidden' });
  });

  it.each(['http://127.0.0.1/index.html', '*', 'index.html', '/%e0%a4%a', '/%'])('%s is a bad request', (target) => {
    expect(requestPath(target)).toEqual({ kind: 'bad' });
  });
});
