/**
 * `talkdeck serve` as a process: what it serves, what it refuses, and how it follows saves.
 * One server for the whole file; every test waits for the server's own events, never for time.
 */
import { execFileSync, spawn } from 'node:child_process';
import { existsSync, mkdirSync, readdirSync, readFileSync, renameSync, rmSync, symlinkSync, unlinkSync, writeFileSync } from 'node:fs';
import { createServer, type Server } from 'node:net';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { main } from '../src/cli/main.js';
import { rawRequest } from './helpers/raw-http.js';
import { getText, projectWith, slideText, type Project } from './helpers/serve-fixture.js';
import { EventStream, startServe, type Served } from './helpers/serve-process.mjs';

const SECRET = 'top-secret-4f1c9b';
const BIN = new URL('../bin/talkdeck.js', import.meta.url).pathname;

let project: Project;
let served: Served;
let stream: EventStream;
let original: string;

beforeAll(async () => {
  project = projectWith('serve-live');
  original = project.read();
  writeFileSync(join(project.root, 'secret.txt'), `${SECRET}\n`);
  symlinkSync(join(project.root, 'secret.txt'), join(project.deckDir, 'images', 'leak.svg'));
  symlinkSync(project.root, join(project.deckDir, 'outside'));
  served = await startServe(project.root, ['live']);
  stream = await EventStream.connect(served.url);
});

afterAll(async () => {
  stream?.close();
  await served?.stop();
  project?.remove();
});

const page = async (): Promise<string> => (await getText(served.url)).body;
const buildNumber = (version: string): number => Number(version.split('-').pop());

/** Writes deck.yaml and resolves with the reload it causes. */
async function saveAndReload(text: string, save = project.write): Promise<string> {
  const from = stream.mark();
  save(text);
  const { data } = await stream.waitFor('reload', { from });
  return data.version as string;
}

describe('serving', () => {
  it('serves index.html as `talkdeck build` writes it, plus the live client and where to save a rehearsal, and writes nothing to disk', async () => {
    const before = readdirSync(project.deckDir, { recursive: true }).sort();
    const html = await page();
    execFileSync(process.execPath, [BIN, 'build', 'live', '--out', 'built'], { cwd: project.root, stdio: 'ignore' });
    const built = readFileSync(join(project.root, 'built', 'live', 'index.html'), 'utf8');
    rmSync(join(project.root, 'built'), { recursive: true });

    const scripts = (h: string): string[] => [...h.matchAll(/<script\b[^>]*>([\s\S]*?)<\/script>/g)].map((m) => m[1]!);
    const added = scripts(html).filter((s) => !scripts(built).includes(s));
    expect(added).toHaveLength(2);
    expect(added[0]).toContain('new EventSource');
    expect(scripts(built).some((s) => s.includes('EventSource'))).toBe(false);
    // The rehearsal endpoint and its token, as data (not run), for the speaker view to save to.
    expect(Object.keys(JSON.parse(added[1]!))).toEqual(['url', 'token', 'header']);
    // Besides these (the client admitted by the page's nonce), serve opens the page's policy to
    // its own server (the response's header narrows it to the two endpoints), and changes nothing else.
    expect(built).toContain("connect-src 'none'");
    const served = html
      .replace(/<script data-talkdeck-live nonce="[\w-]+">[\s\S]*?<\/script>\n/, '')
      .replace(/<script type="application\/json" id="talkdeck-rehearsal-save">[^<]*<\/script>\n/, '');
    expect(served).toBe(built.replace("connect-src 'none'", "connect-src 'self'"));

    expect(existsSync(join(project.root, 'dist'))).toBe(false);
    expect(readdirSync(project.deckDir, { recursive: true }).sort()).toEqual(before);
  });

  it.each([
    ['/', 'text/html; charset=utf-8'],
    ['/reveal/reveal.js', 'text/javascript; charset=utf-8'],
    ['/reveal/reveal.css', 'text/css; charset=utf-8'],
    ['/theme/briefing.css', 'text/css; charset=utf-8'],
    ['/theme/fonts/source-sans-3-latin-400-normal.woff2', 'font/woff2'],
    ['/theme/fonts/LICENSE', 'text/plain; charset=utf-8'],
    ['/assets/images/dot.svg', 'image/svg+xml; charset=utf-8'],
    ['/assets/style.css', 'text/css; charset=utf-8'],
  ])('%s is %s', async (path, type) => {
    const res = await rawRequest(served.port, path);
    expect(res.status).toBe(200);
    expect(res.headers['content-type']).toBe(type);
    expect(res.headers['x-content-type-options']).toBe('nosniff');
  });

  it('answers HEAD without a body, 304 for an unchanged file, 405 for other methods', async () => {
    const full = await rawRequest(served.port, '/reveal/reveal.css');
    const head = await rawRequest(served.port, '/reveal/reveal.css', { method: 'HEAD' });
    expect(head.status).toBe(200);
    expect(head.body).toBe('');
    expect(head.headers['content-length']).toBe(full.headers['content-length']);
    const again = await rawRequest(served.port, '/reveal/reveal.css', { headers: { 'If-None-Match': full.headers.etag! } });
    expect(again.status).toBe(304);
    const post = await rawRequest(served.port, '/', { method: 'POST' });
    expect(post.status).toBe(405);
    expect(post.headers.allow).toBe('GET, HEAD');
  });

  it.each([
    '/../secret.txt',
    '/../../etc/passwd',
    '/reveal/../../secret.txt',
    '/%2e%2e/secret.txt',
    '/%2E%2E/%2E%2E/etc/passwd',
    '/.%2e/secret.txt',
    '/%252e%252e/secret.txt',
    '/%252e%252e%252fsecret.txt',
    '/..%2fsecret.txt',
    '/..%5csecret.txt',
    '/..\\secret.txt',
    '//etc/passwd',
    '/%2fetc%2fpasswd',
    `/${'..%2f'.repeat(8)}etc/passwd`,
    '/outside/secret.txt',
    '/assets/outside/secret.txt',
    '/assets/../../secret.txt',
    '/deck.yaml',
    '/content/live/deck.yaml',
    '/package.json',
    '/node_modules/reveal.js/package.json',
    'http://127.0.0.1/../secret.txt',
  ])('%s gets no file from outside the deck', async (target) => {
    const res = await rawRequest(served.port, target);
    expect([400, 403, 404]).toContain(res.status);
    expect(res.body).not.toContain(SECRET);
    expect(res.body).not.toContain('root:');
    expect(res.body).not.toContain('"name"');
    expect(res.body).not.toContain('slides:');
  });

  it('lists no folders', async () => {
    for (const folder of ['/reveal/', '/reveal', '/theme/', '/theme/fonts/', '/assets/', '/assets/images/']) {
      expect((await rawRequest(served.port, folder)).status, folder).toBe(404);
    }
  });

  it('answers only loopback host names (no DNS rebinding)', async () => {
    expect((await rawRequest(served.port, '/', { host: `evil.example:${served.port}` })).status).toBe(403);
    expect((await rawRequest(served.port, '/', { host: `localhost:${served.port}` })).status).toBe(200);
    expect((await rawRequest(served.port, '/', { host: `[::1]:${served.port}` })).status).toBe(200);
  });

  it('refuses an image that links to a file outside the deck folder', async () => {
    // The build itself treats such a link as a missing image (the same rule as talkdeck build),
    // so the file never enters what is served.
    const withLeak = original.replace('src: images/dot.svg', 'src: images/leak.svg');
    const from = stream.mark();
    project.write(withLeak);
    const { data } = await stream.waitFor('problems', { from, test: (d) => d.length > 0 });
    expect((data as { text: string }[]).map((p) => p.text).join('\n')).toContain('Image `images/leak.svg` not found in the deck folder');
    const res = await rawRequest(served.port, '/assets/images/leak.svg');
    expect([403, 404]).toContain(res.status);
    expect(res.body).not.toContain(SECRET);
    // Back to the last good deck: the output is unchanged, so the problems clear without a reload.
    const fixed = stream.mark();
    project.write(original);
    await stream.waitFor('problems', { from: fixed, test: (d) => d.length === 0 });
  });
});

describe('following saves', () => {
  it('rebuilds on save and reloads the browsers with the new text', async () => {
    await saveAndReload(original.replace('The fifth slide, as first written', 'The fifth slide, edited'));
    expect(slideText(await page(), 'fifth-slide')).toContain('The fifth slide, edited');
  });

  it('reloads nobody for a save that changes nothing, or only a comment', async () => {
    const text = project.read();
    const versionBefore = buildNumber(stream.events.filter((e) => e.event === 'reload').at(-1)!.data.version);
    project.write(text);
    const out = served.stdout().length;
    project.write(`${text}\n# a comment only\n`);
    await until(() => served.stdout().slice(out).includes('output unchanged'));
    const version = await saveAndReload(text.replace('- seven', '- seven, edited'));
    expect(buildNumber(version)).toBe(versionBefore + 1);
  });

  it('follows an editor that saves by writing a temporary file and renaming it', async () => {
    const text = project.read().replace('- two', '- two, saved atomically');
    await saveAndReload(text, (t) => {
      const tmp = join(project.deckDir, '.deck.yaml.tmp-1234');
      writeFileSync(tmp, t);
      renameSync(tmp, project.deckFile);
    });
    expect(slideText(await page(), 'second-slide')).toContain('two, saved atomically');
  });

  it('shows YAML errors with file:line:column, keeps serving the last good build, and clears them when fixed', async () => {
    const good = project.read();
    const before = await page();
    const broken = good.replace('  - title: Fourth slide\n', '  - title: Fourth slide\n   points: [unclosed\n');
    const line = broken.split('\n').findIndex((l) => l.includes('[unclosed')) + 1;
    const from = stream.mark();
    const errOut = served.stderr().length;
    project.write(broken);
    const { data: problems } = await stream.waitFor('problems', { from, test: (d) => d.length > 0 });
    const locations = (problems as { location: string }[]).map((p) => p.location);
    expect(locations.some((l) => new RegExp(`^content/live/deck\\.yaml:${line}:\\d+$`).test(l)), locations.join(', ')).toBe(true);
    expect(served.stderr().slice(errOut)).toMatch(new RegExp(`content/live/deck\\.yaml:${line}:\\d+`));
    expect(await page()).toBe(before);

    // A second mistake elsewhere: the code frame shows the file as it is now, not as first read.
    const again = stream.mark();
    project.write(good.replace('  - title: Seventh slide\n', '  - title: Seventh slide\n    layout: carousel\n'));
    const { data: next } = await stream.waitFor('problems', { from: again, test: (d) => d.length > 0 && d[0].text.includes('carousel') });
    expect(next[0].text).toMatch(/\|\s+layout: carousel/);

    const fixedFrom = stream.mark();
    project.write(good);
    await stream.waitFor('problems', { from: fixedFrom, test: (d) => d.length === 0 });
    expect(await page()).toBe(before);
  });

  it('waits for a deleted deck.yaml to come back, then serves it', async () => {
    const text = project.read();
    const from = stream.mark();
    unlinkSync(project.deckFile);
    const { data } = await stream.waitFor('problems', { from, test: (d) => d.length > 0 });
    expect(data[0].text).toContain('is gone');
    await saveAndReload(text.replace('- three', '- three, re-created'));
    expect(slideText(await page(), 'third-slide')).toContain('three, re-created');
  });

  it('reloads when an image or the stylesheet changes, and serves the new file', async () => {
    await saveAndReload('<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 10 10"><rect width="10" height="10"/></svg>\n', (t) =>
      writeFileSync(join(project.deckDir, 'images', 'dot.svg'), t),
    );
    expect((await getText(`${served.url}assets/images/dot.svg`)).body).toContain('<rect');
    await saveAndReload('.td-slide h2 { color: rebeccapurple; }\n', (t) => writeFileSync(join(project.deckDir, 'style.css'), t));
    expect((await getText(`${served.url}assets/style.css`)).body).toContain('rebeccapurple');
  });

  it('uses, reports and forgets a template of the deck folder', async () => {
    const dir = join(project.deckDir, 'templates', 'layouts');
    const file = join(dir, 'points.hbs');
    await saveAndReload('<h2>{{{titleHtml}}}</h2><p class="own-template">own</p>\n', (t) => {
      mkdirSync(dir, { recursive: true });
      writeFileSync(file, t);
    });
    expect(await page()).toContain('<p class="own-template">own</p>');

    const from = stream.mark();
    writeFileSync(file, '<h2>{{{titleHtml}}}</h2>\n{{#if points}}\n<p>unclosed</p>\n');
    const { data } = await stream.waitFor('problems', { from, test: (d) => d.length > 0 });
    expect(data[0].location).toMatch(/^content\/live\/templates\/layouts\/points\.hbs/);

    await saveAndReload('', () => rmSync(join(project.deckDir, 'templates'), { recursive: true }));
    expect(await page()).not.toContain('own-template');
  });

  it('survives 200 rapid saves, good and broken, and serves the last one', async () => {
    const base = project.read();
    for (let i = 0; i < 200; i++) {
      project.write(i % 7 === 3 ? `${base}\n  - title: [broken ${i}\n` : base.replace('- four', `- four, save ${i}`));
      if (i % 3 === 0) await new Promise((r) => setTimeout(r, 1));
    }
    const from = stream.mark();
    project.write(base.replace('- four', '- four, the last save'));
    await stream.waitFor('reload', { from, timeoutMs: 60_000 });
    await until(async () => slideText(await page(), 'fourth-slide')?.includes('the last save') ?? false);
    expect(served.proc.exitCode).toBeNull();
  });
});

describe('starting and stopping', () => {
  it('stops on Ctrl-C with browsers connected, and exits by itself', async () => {
    const other = await startServe(project.root, ['live']);
    const client = await EventStream.connect(other.url);
    const exit = await other.stop('SIGINT');
    client.close();
    expect(exit).toEqual({ code: 0, signal: null });
  });

  it('starts with a broken deck: the page shows the problems, and the deck once fixed', async () => {
    const broken = projectWith('serve-live', 'broken');
    const good = broken.read();
    broken.write(good.replace('  - title: Seventh slide\n', '  - title: Seventh slide\n    layout: carousel\n'));
    const other = await startServe(broken.root, ['broken']);
    try {
      await until(() => /content\/broken\/deck\.yaml:\d+:\d+: error: .*carousel/.test(other.stderr()));
      const client = await EventStream.connect(other.url);
      const hello = client.events[0]!.data;
      expect(hello.problems[0].text).toContain('carousel');
      const waiting = await getText(other.url);
      expect(waiting.status).toBe(200);
      expect(waiting.body).toContain('new EventSource');

      const from = client.mark();
      broken.write(good);
      await client.waitFor('reload', { from });
      expect(slideText((await getText(other.url)).body, 'seventh-slide')).toContain('seven');
      client.close();
    } finally {
      await other.stop();
      broken.remove();
    }
  });

  it('says so when the port is taken', async () => {
    const blocker: Server = createServer();
    await new Promise<void>((r) => blocker.listen(0, '127.0.0.1', () => r()));
    const port = (blocker.address() as { port: number }).port;
    try {
      const proc = spawn(process.execPath, [BIN, 'serve', 'live', '--port', String(port)], { cwd: project.root, env: { ...process.env, NO_COLOR: '1' } });
      let stderr = '';
      proc.stderr.setEncoding('utf8').on('data', (c) => (stderr += c));
      const code = await new Promise<number | null>((r) => proc.once('exit', (c) => r(c)));
      expect(code).toBe(3);
      expect(stderr).toContain(`Port ${port} is already in use`);
      expect(stderr).toContain('--port 0');
    } finally {
      blocker.close();
    }
  });

  it('rejects a bad port and an unknown deck before starting anything', async () => {
    const io = () => {
      let err = '';
      return { io: { stdout: { write: () => true }, stderr: { write: (t: string) => (err += t) }, cwd: project.root, env: { NO_COLOR: '1' } }, err: () => err };
    };
    const a = io();
    expect(await main(['serve', 'live', '--port', '70000'], a.io)).toBe(2);
    expect(a.err()).toContain('--port must be a whole number');
    const b = io();
    expect(await main(['serve', 'nope'], b.io)).toBe(1);
    expect(b.err()).toContain('No deck `nope` found');
  });
});

async function until(check: () => boolean | Promise<boolean>, timeoutMs = 20_000): Promise<void> {
  const end = Date.now() + timeoutMs;
  while (!(await check())) {
    if (Date.now() > end) throw new Error('condition not met in time');
    await new Promise((r) => setTimeout(r, 20));
  }
}
