/** The resource rule's pure half: what a reference's text alone decides (src/core/base/resources.ts). */
import { describe, expect, it } from 'vitest';
import { checkReference, localReference } from '../src/core/base/resources.js';

describe('localReference', () => {
  it.each([
    ['images/a.svg', 'images/a.svg', 'images/a.svg'],
    ['./images/../images/a.svg', 'images/a.svg', 'images/a.svg'],
    ['images\\a.svg', 'images/a.svg', 'images/a.svg'],
    ['images/my%20pic.png', 'images/my pic.png', 'images/my%20pic.png'],
    ['images/my pic.png', 'images/my pic.png', 'images/my%20pic.png'],
    ['fonts/f.woff2?v=2#iefix', 'fonts/f.woff2', 'fonts/f.woff2'],
    ['100%25.png', '100%.png', '100%25.png'],
    ['a#b.png', 'a', 'a'],
  ])('%s is the deck file %s', (ref, path, url) => {
    expect(localReference(ref)).toEqual({ path, url });
  });

  it('resolves against the folder of the file that refers, never above the deck folder', () => {
    expect(localReference('../fonts/f.woff2', { base: 'css' })).toEqual({ path: 'fonts/f.woff2', url: 'fonts/f.woff2' });
    expect(localReference('../../f.woff2', { base: 'css' })).toMatchObject({ reason: expect.stringContaining('leads out') });
  });

  it.each([
    ['https://tracker.example/p.gif', 'remote-resource', 'network'],
    ['HTTP://x/y', 'remote-resource', 'network'],
    ['//tracker.example/p.gif', 'remote-resource', 'network'],
    ['\\\\server\\share\\p.gif', 'remote-resource', 'network'],
    ['/etc/passwd', 'missing-file', 'absolute'],
    ['C:\\Users\\me\\p.png', 'missing-file', 'absolute'],
    ['file:///etc/passwd', 'missing-file', 'file: URL'],
    ['javascript:alert(1)', 'missing-file', 'not a file'],
    ['data:image/png;base64,AAAA', 'missing-file', 'not a file'],
    ['../secret.svg', 'missing-file', 'leads out'],
    ['images/../../secret.svg', 'missing-file', 'leads out'],
    ['%2e%2e/%2e%2e/secret.svg', 'missing-file', 'percent-encoding'],
    ['%2E./secret.svg', 'missing-file', 'percent-encoding'],
    ['images%2f..%2f..%2fsecret.svg', 'missing-file', 'percent-encoding'],
    ['images%5c..%5csecret.svg', 'missing-file', 'percent-encoding'],
    ['images/ok.png\0', 'missing-file', 'control character'],
    ['images/%00.png', 'missing-file', 'percent-encoding'],
    ['100%.png', 'missing-file', 'percent-encoding'],
    ['', 'missing-file', 'empty'],
    ['images/', 'missing-file', 'folder'],
    ['.', 'missing-file', 'folder'],
  ])('%s is refused (%s: %s)', (ref, code, reason) => {
    const decided = localReference(ref);
    expect(decided).toMatchObject({ code, reason: expect.stringContaining(reason) });
    expect(decided).toHaveProperty('hint');
  });

  it('lets CSS keep data: URIs and in-page fragments, which load nothing', () => {
    expect(localReference('data:image/gif;base64,R0lG', { allowEmbedded: true })).toEqual({ embedded: true });
    expect(localReference('#blur', { allowEmbedded: true })).toEqual({ embedded: true });
  });
});

describe('checkReference', () => {
  it('asks the file system only about references the text allows, and refuses what is not there', () => {
    const asked: string[] = [];
    const exists = (p: string): boolean => (asked.push(p), p === 'images/a.svg');
    expect(checkReference('images/a.svg', { exists })).toEqual({ path: 'images/a.svg', url: 'images/a.svg' });
    expect(checkReference('images/b.svg', { exists })).toMatchObject({ code: 'missing-file', reason: 'not found in the deck folder' });
    expect(checkReference('../a.svg', { exists })).toMatchObject({ reason: expect.stringContaining('leads out') });
    expect(asked).toEqual(['images/a.svg', 'images/b.svg']);
  });
});
