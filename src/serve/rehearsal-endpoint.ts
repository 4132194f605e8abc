/**
 * The one thing `talkdeck serve` writes: a finished rehearsal, posted by the speaker view of the
 * preview page, saved as `rehearsals/<date-time>.json` in the deck folder (shell/save-rehearsal.ts).
 *
 * Only the preview page, on this computer, may use it. A request is refused, and nothing is
 * written, unless every one of these holds:
 * - it is `POST` to exactly REHEARSALS_PATH (no query, no other path: nothing in the request
 *   names a file);
 * - it comes from this computer (a loopback peer) and names it (a loopback `Host`), so neither
 *   another computer nor a web page that points a name of its own at 127.0.0.1 can write;
 * - its `Origin` is the server's own (`http://<Host>`), and a browser's `Sec-Fetch-Site`, when
 *   sent, says `same-origin`;
 * - it carries the token the server put into its own page at start (random, 256 bits, in no other
 *   response), in a header, which no cross-origin request may send without a preflight we never
 *   answer;
 * - its body is JSON (`Content-Type: application/json`), at most MAX_BODY_BYTES, and a valid
 *   record (core/deck/rehearsal.ts) of the deck being served. The file is written from the
 *   checked record, not from the bytes that came in.
 */
import { randomBytes, timingSafeEqual } from 'node:crypto';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { checkRehearsal, type RehearsalRecord } from '../core/deck/rehearsal.js';
import { saveRehearsal } from '../shell/save-rehearsal.js';

/** Where the speaker view saves a rehearsal. */
export const REHEARSALS_PATH = '/__talkdeck/rehearsals';
/** A record of a 3000-slide deck is about 400 kB as the page sends it. */
export const MAX_BODY_BYTES = 1024 * 1024;
export const TOKEN_HEADER = 'x-talkdeck-token';
/** The page's data block with the endpoint and token (ids starting `talkdeck-` are talkdeck's own). */
export const SAVE_DATA_ID = 'talkdeck-rehearsal-save';

export interface RehearsalEndpoint {
  /** What the server's own page is given, and nothing else is. */
  readonly page: { url: string; token: string; header: string };
  handle(req: IncomingMessage, res: ServerResponse): void;
}

export interface RehearsalEndpointOptions {
  deckName: string;
  deckDir: string;
  /** Told about each saved record (`rehearsals/….json`, relative to the deck folder). */
  onSaved: (file: string, record: RehearsalRecord) => void;
  /** Told about a failure to write (permissions, a full disk); the page is told too. */
  onError: (error: unknown) => void;
}

export function createRehearsalEndpoint(opts: RehearsalEndpointOptions): RehearsalEndpoint {
  const token = randomBytes(32).toString('base64url');
  const expected = Buffer.from(token);
  const tokenMatches = (given: string | string[] | undefined): boolean => {
    if (typeof given !== 'string') return false;
    const bytes = Buffer.from(given);
    return bytes.length === expected.length && timingSafeEqual(bytes, expected);
  };

  return {
    page: { url: REHEARSALS_PATH, token, header: TOKEN_HEADER },
    handle(req, res) {
      if (req.url !== REHEARSALS_PATH) return answer(res, 400, { error: 'The rehearsal endpoint takes no query' });
      if (req.method !== 'POST') {
        res.setHeader('Allow', 'POST');
        return answer(res, 405, { error: 'Method not allowed' });
      }
      const host = req.headers.host;
      if (!isLoopbackPeer(req.socket.remoteAddress) || !LOOPBACK_HOST.test(host ?? '')) {
        return answer(res, 403, { error: 'Rehearsals are saved only from this computer (open the preview at its 127.0.0.1 or localhost address)' });
      }
      const site = req.headers['sec-fetch-site'];
      if (req.headers.origin !== `http://${host}` || (site !== undefined && site !== 'same-origin')) return answer(res, 403, { error: 'Forbidden origin' });
      if (!tokenMatches(req.headers[TOKEN_HEADER])) return answer(res, 403, { error: 'Missing or wrong token: reload the preview page' });
      if (!/^application\/json\s*(;|$)/i.test(req.headers['content-type'] ?? '')) return answer(res, 415, { error: 'Send the record as application/json' });
      const declared = Number(req.headers['content-length']);
      if (declared > MAX_BODY_BYTES) return tooLarge(req, res, declared);

      const chunks: Buffer[] = [];
      let size = 0;
      req.on('data', (chunk: Buffer) => {
        size += chunk.length;
        // tooLarge takes the request over: these listeners are gone.
        if (size > MAX_BODY_BYTES) return tooLarge(req, res, declared || size);
        chunks.push(chunk);
      });
      req.on('end', () => {
        let data: unknown;
        try {
          data = JSON.parse(Buffer.concat(chunks).toString('utf8'));
        } catch {
          return answer(res, 400, { error: 'The body is not JSON' });
        }
        const checked = checkRehearsal(data);
        if ('problem' in checked) return answer(res, 422, { error: `Not a rehearsal record: ${checked.problem}` });
        if (checked.record.deck !== opts.deckName) {
          return answer(res, 422, { error: `A rehearsal of deck \`${checked.record.deck}\`, but this server shows \`${opts.deckName}\`` });
        }
        let file: string;
        try {
          file = saveRehearsal(opts.deckDir, checked.record);
        } catch (error) {
          opts.onError(error);
          return answer(res, 500, { error: `Could not save the rehearsal: ${(error as Error).message}` });
        }
        opts.onSaved(file, checked.record);
        answer(res, 201, { file });
      });
      req.on('error', () => res.destroy());
    },
  };
}

/**
 * Refuses a body over MAX_BODY_BYTES without keeping any of it. The rest is read and dropped,
 * and only then answered (413), so the page gets the answer rather than a broken connection;
 * a sender that goes on past a bound (or says it will) is cut off.
 */
function tooLarge(req: IncomingMessage, res: ServerResponse, declared: number): void {
  const bound = 16 * MAX_BODY_BYTES;
  const refuse = (): void => {
    res.setHeader('Connection', 'close');
    answer(res, 413, { error: `A rehearsal record is at most ${MAX_BODY_BYTES / 1024} kB` });
  };
  if (declared > bound) {
    refuse();
    res.on('finish', () => req.socket.destroy());
    return;
  }
  let dropped = 0;
  req.removeAllListeners('data');
  req.removeAllListeners('end');
  req.on('data', (chunk: Buffer) => {
    dropped += chunk.length;
    if (dropped > bound) req.socket.destroy();
  });
  req.on('end', refuse);
  req.resume();
}

function answer(res: ServerResponse, status: number, body: { error: string } | { file: string }): void {
  const text = JSON.stringify(body);
  res.writeHead(status, {
    'Content-Length': Buffer.byteLength(text),
    'Content-Type': 'application/json; charset=utf-8',
    'Cache-Control': 'no-store',
    'X-Content-Type-Options': 'nosniff',
    'Cross-Origin-Resource-Policy': 'same-origin',
  });
  res.end(text);
}

/** The preview as this computer opens it: `127.0.0.1`, `localhost` or `[::1]`, with the port. */
const LOOPBACK_HOST = /^(127\.0\.0\.1|localhost|\[::1\]):\d+$/;

function isLoopbackPeer(address: string | undefined): boolean {
  return !!address && (address === '::1' || /^(::ffff:)?127\.\d+\.\d+\.\d+$/.test(address));
}

/** The page's data block the deck side of the rehearsal extension reads (before `</body>`). */
export function withRehearsalSave(html: string, page: RehearsalEndpoint['page']): string {
  const tag = `<script type="application/json" id="${SAVE_DATA_ID}">${JSON.stringify(page).replace(/</g, '\\u003c')}</script>\n`;
  const at = html.toLowerCase().lastIndexOf('</body>');
  return at === -1 ? html + tag : html.slice(0, at) + tag + html.slice(at);
}
