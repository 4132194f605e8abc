/**
 * `talkdeck serve`'s rehearsal endpoint, the one request that writes: it saves a checked record
 * as rehearsals/<date-time>.json for the server's own page, and refuses everything else (another
 * origin or host, no or a wrong token, a body too large or not a record, path tricks) with the
 * right status and nothing written. The page gets the token and the exact endpoint in its policy.
 */
import { lstatSync, readdirSync, readFileSync, renameSync, rmSync, symlinkSync, mkdirSync } from 'node:fs';
import { networkInterfaces } from 'node:os';
import { join, relative } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { RehearsalRecord } from '../src/core/deck/rehearsal.js';
import { rawRequest, type RawResponse } from './helpers/raw-http.js';
import { getText, projectWith, type Project } from './helpers/serve-fixture.js';
import { EventStream, startServe, type Served } from './helpers/serve-process.mjs';

const ENDPOINT = '/__talkdeck/rehearsals';

let project: Project;
let served: Served;
let token: string;
let record: RehearsalRecord;

beforeAll(async () => {
  project = projectWith('rehearsals', 'rehearsals');
  // The fixture's records are for reading; this test starts from an empty folder.
  rmSync(join(project.deckDir, 'rehearsals'), { recursive: true });
  record = JSON.parse(readFileSync(new URL('./fixtures/rehearsals/rehearsals/2025-05-01_12-00-00.json', import.meta.url), 'utf8')) as RehearsalRecord;
  served = await startServe(project.root, ['rehearsals']);
  const page = (await getText(served.url)).body;
  token = JSON.parse(/<script type="application\/json" id="talkdeck-rehearsal-save">(.*?)<\/script>/.exec(page)![1]!).token as string;
});

afterAll(async () => {
  await served?.stop();
  project?.remove();
});

/** Every file in the deck folder (links not followed), to show a refused request wrote nothing. */
function files(): string[] {
  const out: string[] = [];
  const walk = (dir: string): void => {
    for (const entry of readdirSync(dir, { withFileTypes: true })) {
      const full = join(dir, entry.name);
      out.push(relative(project.root, full));
      if (entry.isDirectory()) walk(full);
    }
  };
  walk(project.root);
  return out.sort();
}

const origin = (): string => `http://127.0.0.1:${served.port}`;

/** A POST as the page sends it; `opts` changes one thing at a time. */
function post(
  opts: { target?: string; host?: string; headers?: Record<string, string | undefined>; body?: string | Buffer; address?: string; port?: number } = {},
): Promise<RawResponse> {
  const headers: Record<string, string> = {};
  const all = { Origin: origin(), 'Content-Type': 'application/json', 'X-Talkdeck-Token': token, 'Sec-Fetch-Site': 'same-origin', ...opts.headers };
  for (const [k, v] of Object.entries(all)) if (v !== undefined) headers[k] = v;
  return rawRequest(opts.port ?? served.port, opts.target ?? ENDPOINT, {
    method: 'POST',
    host: opts.host,
    headers,
    body: opts.body ?? JSON.stringify(record),
    address: opts.address,
  });
}

async function refused(request: Promise<RawResponse>, status: number): Promise<RawResponse> {
  const before = files();
  const res = await request;
  expect(res.status).toBe(status);
  expect(files()).toEqual(before);
  return res;
}

describe('the rehearsal endpoint', () => {
  it('saves a record from the page as rehearsals/<date-time>.json, and never over another', async () => {
    const first = await post();
    expect(first.status).toBe(201);
    const { file } = JSON.parse(first.body) as { file: string };
    expect(file).toMatch(/^rehearsals\/\d{4}-\d\d-\d\d_\d\d-\d\d-\d\d(-\d+)?\.json$/);
    expect(JSON.parse(readFileSync(join(project.deckDir, file), 'utf8'))).toEqual(record);
    const second = JSON.parse((await post()).body) as { file: string };
    expect(second.file).not.toBe(file);
    expect(readdirSync(join(project.deckDir, 'rehearsals')).sort()).toEqual([file, second.file].map((f) => f.slice('rehearsals/'.length)).sort());
    expect(served.stdout()).toMatch(/rehearsal saved as content\/rehearsals\/rehearsals\/[\d_-]+\.json \(1:52\)/);
  });

  it('refuses another origin, another host, and a request without or with a wrong token', async () => {
    await refused(post({ headers: { Origin: 'http://evil.example' } }), 403);
    await refused(post({ headers: { Origin: undefined } }), 403);
    await refused(post({ headers: { Origin: `http://localhost:${served.port}` } }), 403);
    await refused(post({ headers: { 'Sec-Fetch-Site': 'cross-site' } }), 403);
    await refused(post({ host: `evil.example:${served.port}`, headers: { Origin: `http://evil.example:${served.port}` } }), 403);
    await refused(post({ headers: { 'X-Talkdeck-Token': undefined } }), 403);
    await refused(post({ headers: { 'X-Talkdeck-Token': token.replace(/^./, (c) => (c === 'A' ? 'B' : 'A')) } }), 403);
    await refused(post({ headers: { 'X-Talkdeck-Token': token.slice(1) } }), 403);
  });

  it('refuses a body too large, not JSON, or not a record of this deck', async () => {
    const big = Buffer.alloc(1024 * 1024 + 1, 32);
    await refused(post({ body: big }), 413);
    // The same without a length: counted while it comes in.
    const chunked = Buffer.concat([Buffer.from(`${big.length.toString(16)}\r\n`), big, Buffer.from('\r\n0\r\n\r\n')]);
    await refused(post({ body: chunked, headers: { 'Transfer-Encoding': 'chunked' } }), 413);
    await refused(post({ body: 'file=../../deck.yaml' }), 400);
    await refused(post({ headers: { 'Content-Type': 'text/plain' } }), 415);
    await refused(post({ body: '{"slides": []}' }), 422);
    const named = await refused(post({ body: JSON.stringify({ ...record, file: '../../deck.yaml' }) }), 422);
    expect(JSON.parse(named.body).error).toContain('Unrecognized key: "file"');
    await refused(post({ body: JSON.stringify({ ...record, deck: 'another-talk' }) }), 422);
  });

  it('is the only path that takes a POST, and takes no query', async () => {
    for (const target of [
      `${ENDPOINT}/../../deck.yaml`,
      `${ENDPOINT}/x.json`,
      `${ENDPOINT}/%2e%2e%2fdeck.yaml`,
      '/__talkdeck/%72ehearsals',
      `/__talkdeck/rehearsals/..%2f..%2fdeck.yaml`,
      `//__talkdeck/rehearsals`,
      `http://127.0.0.1:${served.port}${ENDPOINT}`,
      '/deck.yaml',
      '/',
    ]) {
      await refused(post({ target }), 405);
    }
    await refused(post({ target: `${ENDPOINT}?file=../deck.yaml` }), 400);
    await refused(rawRequest(served.port, ENDPOINT, { headers: { Origin: origin(), 'X-Talkdeck-Token': token } }), 405);
  });

  it('writes only into a rehearsals folder inside the deck folder', async () => {
    const dir = join(project.deckDir, 'rehearsals');
    const outside = join(project.root, 'elsewhere');
    mkdirSync(outside);
    renameSync(dir, `${dir}-saved`);
    symlinkSync(outside, dir);
    try {
      const res = await post();
      expect(res.status).toBe(500);
      expect(readdirSync(outside)).toEqual([]);
    } finally {
      rmSync(dir);
      renameSync(`${dir}-saved`, dir);
    }
    expect(lstatSync(dir).isDirectory()).toBe(true);
  });

  it('gives the token to the page only, and the page may connect to exactly its events and this endpoint', async () => {
    const page = await rawRequest(served.port, '/');
    expect(page.headers['content-security-policy']).toBe(
      `frame-ancestors 'none'; connect-src ${origin()}/__talkdeck/events ${origin()}${ENDPOINT}`,
    );
    expect(page.body).toContain(token);
    for (const target of ['/reveal/reveal.js', '/plugin/speaker-rehearsal.js', '/nothing-here', '/favicon.ico']) {
      const res = await rawRequest(served.port, target);
      expect(res.body, target).not.toContain(token);
      expect(JSON.stringify(res.headers), target).not.toContain(token);
    }
    const stream = await EventStream.connect(served.url);
    try {
      expect(JSON.stringify(stream.events)).not.toContain(token);
    } finally {
      stream.close();
    }
  });
});

// Listening on every address, the preview can be opened from other computers, but only this one saves.
const lan = Object.values(networkInterfaces())
  .flat()
  .find((a) => a && a.family === 'IPv4' && !a.internal)?.address;

describe.skipIf(!lan)('the rehearsal endpoint, listening on every address', () => {
  it('refuses a request from another computer, even one that names 127.0.0.1', async () => {
    const open = await startServe(project.root, ['rehearsals', '--host', '0.0.0.0']);
    try {
      const page = (await rawRequest(open.port, '/', { address: lan })).body;
      const theirs = JSON.parse(/id="talkdeck-rehearsal-save">(.*?)<\/script>/.exec(page)![1]!).token as string;
      const headers = { Origin: `http://127.0.0.1:${open.port}`, 'X-Talkdeck-Token': theirs };
      await refused(post({ port: open.port, address: lan, host: `127.0.0.1:${open.port}`, headers }), 403);
      await refused(post({ port: open.port, address: lan, host: `${lan}:${open.port}`, headers: { ...headers, Origin: `http://${lan}:${open.port}` } }), 403);
      const here = await post({ port: open.port, host: `127.0.0.1:${open.port}`, headers });
      expect(here.status).toBe(201);
    } finally {
      await open.stop();
    }
  });
});
