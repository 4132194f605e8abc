/**
 * One published build as the server sees it: generated files as bodies ready to send (index.html
 * with the live client added), copied files by their source path. Replaced as a whole after a
 * good rebuild, so a request never sees half of one build and half of another.
 */
import { escapeHtml } from '../core/base/markdown.js';
import type { OutputFile } from '../core/write/output-file.js';
import { injectLiveClient } from './live-client.js';
import { withRehearsalSave, type RehearsalEndpoint } from './rehearsal-endpoint.js';
import { bodyOf, type Body } from './source-files.js';

export const EVENTS_PATH = '/__talkdeck/events';

export interface Site {
  version: string;
  /** Output path → generated body. */
  bodies: ReadonlyMap<string, Body>;
  /** Output path → file to copy (read through SourceFiles). */
  copies: ReadonlyMap<string, string>;
}

/** `save`: where the speaker view saves rehearsals, and the token; only index.html gets it. */
export function makeSite(version: string, files: ReadonlyMap<string, OutputFile>, save?: RehearsalEndpoint['page']): Site {
  const bodies = new Map<string, Body>();
  const copies = new Map<string, string>();
  for (const [path, file] of files) {
    if ('copyFrom' in file) copies.set(path, file.copyFrom);
    else if (path !== 'index.html') bodies.set(path, bodyOf(file.content));
    else {
      const page = injectLiveClient(file.content, { version, endpoint: EVENTS_PATH });
      bodies.set(path, bodyOf(save ? withRehearsalSave(page, save) : page));
    }
  }
  return { version, bodies, copies };
}

/** Served while no build has succeeded yet: the client on it shows the problems and waits. */
export function waitingSite(version: string, deckName: string): Site {
  const page = `<!doctype html>
<html lang="en">
<head><meta charset="utf-8"><title>${escapeHtml(deckName)}: not built yet</title></head>
<body>
<main><h1>${escapeHtml(deckName)}</h1><p>The deck has not been built yet: fix the problems shown and this page updates by itself.</p></main>
</body>
</html>
`;
  return makeSite(version, new Map([['index.html', { content: page }]]));
}

