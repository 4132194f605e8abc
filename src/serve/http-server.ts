/**
 * The dev server's HTTP side. It serves the current Site from memory and nothing else: a request
 * path is looked up in the build's file map (see request-path.ts), so there is no way to name a
 * file the deck does not use, no directory listing, and no disk write.
 */
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { hostname, networkInterfaces } from 'node:os';
import { lookup } from 'mrmime';
import { TalkdeckError } from '../core/base/errors.js';
import type { LiveEvents } from './live-events.js';
import { requestPath } from './request-path.js';
import { REHEARSALS_PATH, type RehearsalEndpoint } from './rehearsal-endpoint.js';
import { EVENTS_PATH, type Site } from './site.js';
import { OutsideFolderError, type Body, type SourceFiles } from './source-files.js';

export interface ServerOptions {
  host: string;
  port: number;
  site: () => Site;
  sources: SourceFiles;
  events: LiveEvents;
  /** Where the speaker view saves rehearsals: the only request that writes. */
  rehearsals?: RehearsalEndpoint | undefined;
  /** Told about each file refused because it links out of its folder. */
  onRefused: (path: string) => void;
  /** Told about a bug while answering a request; the server carries on. */
  onError: (error: unknown) => void;
}

export interface RunningServer {
  /** The URL to open on this computer. */
  url: string;
  port: number;
  close(): Promise<void>;
}

export async function startServer(opts: ServerOptions): Promise<RunningServer> {
  const hostAllowed = hostCheck(opts.host);
  const server = createServer((req, res) => {
    try {
      handle(req, res, opts, hostAllowed);
    } catch (error) {
      // A bug must not take the server down while someone is presenting from it.
      if (!res.headersSent) text(res, 500, 'Internal error in talkdeck serve');
      else res.destroy();
      opts.onError(error);
    }
  });
  await listen(server, opts.host, opts.port);
  const { port } = server.address() as AddressInfo;
  // Listening on all addresses includes loopback, the one address sure to work here.
  const host = opts.host === '0.0.0.0' || opts.host === '::' ? '127.0.0.1' : opts.host;
  return {
    url: urlOf(host, port),
    port,
    close: () =>
      new Promise<void>((resolve) => {
        server.close(() => resolve());
        // Keep-alive sockets and event streams would hold close() open.
        server.closeAllConnections();
      }),
  };
}

export function urlOf(host: string, port: number): string {
  return `http://${host.includes(':') ? `[${host}]` : host}:${port}/`;
}

function listen(server: Server, host: string, port: number): Promise<void> {
  return new Promise((resolve, reject) => {
    server.once('error', (error: NodeJS.ErrnoException) => reject(listenError(error, host, port)));
    server.listen({ host, port, exclusive: true }, () => resolve());
  });
}

function listenError(error: NodeJS.ErrnoException, host: string, port: number): TalkdeckError | Error {
  const where = `${host}:${port}`;
  switch (error.code) {
    case 'EADDRINUSE':
      return new TalkdeckError({
        code: 'io',
        message: `Port ${port} is already in use on ${host}`,
        hint: `another program (perhaps another talkdeck serve) listens there; stop it, choose a port with --port <n>, or let talkdeck pick a free one with --port 0`,
        cause: error,
      });
    case 'EACCES':
      return new TalkdeckError({
        code: 'io',
        message: `Not allowed to listen on ${where}`,
        hint: 'ports below 1024 need administrator rights; use a port above 1024, e.g. --port 8080',
        cause: error,
      });
    case 'EADDRNOTAVAIL':
    case 'ENOTFOUND':
    case 'EAI_AGAIN':
      return new TalkdeckError({
        code: 'io',
        message: `Cannot listen on host \`${host}\`: it is not an address of this computer`,
        hint: 'leave --host out for this computer only, or give one of its addresses (0.0.0.0 for all)',
        cause: error,
      });
    default:
      return error;
  }
}

function handle(req: IncomingMessage, res: ServerResponse, opts: ServerOptions, hostAllowed: (header: string | undefined) => boolean): void {
  // A web page could point a name it owns at this computer (DNS rebinding) and read the deck:
  // only the names the server listens on may ask.
  if (!hostAllowed(req.headers.host)) {
    return text(res, 403, 'Forbidden host: talkdeck serve answers only the names it listens on; start it with --host <name> to be reached by another name');
  }
  if (opts.rehearsals && (req.url ?? '').split('?', 1)[0] === REHEARSALS_PATH) return opts.rehearsals.handle(req, res);
  if (req.method !== 'GET' && req.method !== 'HEAD') {
    res.setHeader('Allow', 'GET, HEAD');
    return text(res, 405, 'Method not allowed');
  }
  const target = req.url ?? '/';
  if (target.split('?', 1)[0] === EVENTS_PATH) return opts.events.attach(req, res);

  const resolved = requestPath(target);
  if (resolved.kind === 'bad') return text(res, 400, 'Bad request');
  if (resolved.kind === 'forbidden') return text(res, 403, 'Forbidden');
  const site = opts.site();
  let body = site.bodies.get(resolved.path);
  const source = site.copies.get(resolved.path);
  if (!body && source !== undefined) {
    try {
      body = opts.sources.read(source);
    } catch (error) {
      if (error instanceof OutsideFolderError) {
        opts.onRefused(source);
        return text(res, 403, 'Forbidden: the file links outside the deck folder');
      }
      // Removed since the build: the next rebuild will say so.
      return text(res, 404, 'Not found');
    }
  }
  if (!body) {
    // Browsers ask for an icon on their own; a deck has none, and a 404 would be a console error.
    if (resolved.path === 'favicon.ico') return void res.writeHead(204, { 'Cache-Control': 'no-cache' }).end();
    return text(res, 404, 'Not found');
  }
  send(req, res, resolved.path, body);
}

/**
 * No other web page may frame the preview or hold a handle on its window: reveal.js's
 * postMessage API answers whoever frames a deck (every speaker note, by `getSlideNotes`), and
 * a URL query can switch it back on. So every response refuses framing (`DENY`), except a
 * speaker-view preview (`?receiver`), which only the speaker view of the same origin may
 * frame; and pages open in a browsing context of their own (COOP), so a page that opened the
 * deck in a window cannot message it either. Our files are not for other origins at all (CORP).
 */
export function isolationHeaders(target: string): Record<string, string> {
  const query = target.includes('?') ? target.slice(target.indexOf('?') + 1) : '';
  const preview = /(^|&)receiver(&|=|$)/.test(query);
  return {
    'X-Frame-Options': preview ? 'SAMEORIGIN' : 'DENY',
    'Content-Security-Policy': `frame-ancestors ${preview ? "'self'" : "'none'"}`,
    'Cross-Origin-Opener-Policy': 'same-origin',
    'Cross-Origin-Resource-Policy': 'same-origin',
  };
}

/**
 * The page's connections, in the policy header: exactly the event stream and the rehearsal
 * endpoint of the origin the browser asked (the page's own policy says `'self'`; a page obeys
 * both). A source expression cannot name an IPv6 address: those keep `'self'`.
 */
export function connectSources(host: string | undefined): string {
  if (!host || !/^[A-Za-z0-9.-]+(:\d+)?$/.test(host)) return "connect-src 'self'";
  return `connect-src http://${host}${EVENTS_PATH} http://${host}${REHEARSALS_PATH}`;
}

function send(req: IncomingMessage, res: ServerResponse, path: string, body: Body): void {
  const headers = isolationHeaders(req.url ?? '/');
  headers['Content-Security-Policy'] += `; ${connectSources(req.headers.host)}`;
  for (const [name, value] of Object.entries(headers)) res.setHeader(name, value);
  res.setHeader('Content-Type', contentType(path));
  res.setHeader('ETag', body.etag);
  // Always ask again (cheap with the ETag): a reload must never show a stale file.
  res.setHeader('Cache-Control', 'no-cache');
  res.setHeader('X-Content-Type-Options', 'nosniff');
  if (req.headers['if-none-match'] === body.etag) {
    res.statusCode = 304;
    res.end();
    return;
  }
  res.setHeader('Content-Length', body.data.length);
  res.statusCode = 200;
  res.end(req.method === 'HEAD' ? undefined : body.data);
}

export function contentType(path: string): string {
  const type = lookup(path);
  // The only output file without an extension is the fonts' LICENSE.
  if (!type) return 'text/plain; charset=utf-8';
  return /^text\/|\+xml$|^application\/(json|javascript)$/.test(type) ? `${type}; charset=utf-8` : type;
}

function text(res: ServerResponse, status: number, message: string): void {
  res.writeHead(status, { 'Content-Type': 'text/plain; charset=utf-8', 'X-Content-Type-Options': 'nosniff', 'Cache-Control': 'no-store' });
  res.end(`${message}\n`);
}

export function isLoopback(host: string): boolean {
  return host === 'localhost' || host === '::1' || /^127\.\d+\.\d+\.\d+$/.test(host);
}

/**
 * Which Host headers a server bound to `host` answers: loopback names always; an explicit host
 * adds itself (`--host 192.168.1.5`, `--host mybox.lan`); a wildcard (`0.0.0.0`, `::`) adds what
 * other computers reach this one by — its addresses, read again on each request as networks come
 * and go, and its name. A name some web page owns never matches: that is the DNS-rebinding attack.
 */
export function hostCheck(host: string): (header: string | undefined) => boolean {
  const wildcard = host === '0.0.0.0' || host === '::';
  const explicit = wildcard || isLoopback(host) ? undefined : asHostName(host);
  return (header) => {
    if (!header) return false;
    const name = (header.startsWith('[') ? header.slice(0, header.indexOf(']') + 1) : header.replace(/:\d+$/, '')).toLowerCase();
    if (name === 'localhost' || name.endsWith('.localhost') || name === '[::1]' || /^127\.\d+\.\d+\.\d+$/.test(name)) return true;
    if (explicit !== undefined) return name === explicit;
    if (!wildcard) return false;
    const own = hostname().toLowerCase();
    if (name === own || name === `${own}.local`) return true;
    return Object.values(networkInterfaces()).some((list) => list?.some((a) => asHostName(a.address) === name));
  };
}

/** A host as it appears in a Host header: lower case, an IPv6 address in brackets. */
function asHostName(host: string): string {
  return (host.includes(':') && !host.startsWith('[') ? `[${host}]` : host).toLowerCase();
}
