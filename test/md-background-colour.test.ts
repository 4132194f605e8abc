/** reveal.js's `data-background` takes a colour or a file: a colour name is not a missing image. */
import { join } from 'node:path';
import { expect, it } from 'vitest';
import { talkdeck } from './helpers/cli.js';

it('a colour name in `data-background` builds; a missing file in it is reported with its line', () => {
  const r = talkdeck(join(import.meta.dirname, 'fixtures/md-background-colour'), ['check', 'deck.md']);
  expect(r.code).toBe(1);
  expect(r.stderr).toMatch(/deck\.md:7:1: error: Background image `img\/missing\.png` not found/);
  expect(r.stderr).not.toContain('maroon');
});
