/**
 * Issue 23: `serve --host 0.0.0.0` skipped the Host check, so a web page could point a name it owns
 * at this computer (DNS rebinding) and read the deck with its notes. Every bind checks Host now:
 * loopback names always, plus the names and addresses the server was asked to listen on — for a
 * wildcard, this computer's own addresses and name, which is what colleagues type.
 */
import { hostname, networkInterfaces } from 'node:os';
import { afterAll, describe, expect, it } from 'vitest';
import { rawRequest } from './helpers/raw-http.js';
import { projectWith, type Project } from './helpers/serve-fixture.js';
import { startServe, type Served } from './helpers/serve-process.mjs';

const running: { served: Served; project: Project }[] = [];
afterAll(async () => {
  for (const r of running) {
    await r.served.stop();
    r.project.remove();
  }
});

async function serveOn(host: string): Promise<Served> {
  const project = projectWith('serve-live');
  const served = await startServe(project.root, ['live', '--host', host]);
  running.push({ served, project });
  return served;
}

/** This computer's own addresses other computers reach it by (IPv6 in brackets, as in a Host header). */
const ownAddresses = Object.values(networkInterfaces())
  .flatMap((list) => list ?? [])
  .filter((a) => !a.internal && !a.address.startsWith('fe80:'))
  .map((a) => (a.family === 'IPv6' ? `[${a.address}]` : a.address));

describe('serve checks the Host header on every bind', () => {
  it('on 0.0.0.0: refuses a foreign name, answers loopback, this computer’s addresses and its name', async () => {
    const served = await serveOn('0.0.0.0');
    const status = async (host: string): Promise<number> => (await rawRequest(served.port, '/', { host: `${host}:${served.port}` })).status;
    expect(await status('evil.example')).toBe(403);
    expect(await status('rebind.127.0.0.1.nip.io')).toBe(403);
    expect(await status('127.0.0.1')).toBe(200);
    expect(await status('localhost')).toBe(200);
    expect(await status(hostname())).toBe(200);
    for (const address of ownAddresses) expect(await status(address), address).toBe(200);
  });

  it.runIf(ownAddresses.some((a) => !a.startsWith('[')))('on an explicit address: that address and loopback, nothing else', async () => {
    const address = ownAddresses.find((a) => !a.startsWith('['))!;
    const served = await serveOn(address);
    const status = async (host: string): Promise<number> => (await rawRequest(served.port, '/', { host: `${host}:${served.port}`, address })).status;
    expect(await status(address)).toBe(200);
    expect(await status('evil.example')).toBe(403);
    expect(await status(hostname())).toBe(403);
  });
});
