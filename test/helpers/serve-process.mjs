// Runs `talkdeck serve` as users do (the shipped bin) and listens to its live-reload events like a
// browser would. Plain JavaScript, so bench/serve.mjs uses it too; types in serve-process.d.mts.
import { spawn } from 'node:child_process';
import { request } from 'node:http';
import { fileURLToPath } from 'node:url';

const BIN = fileURLToPath(new URL('../../bin/talkdeck.js', import.meta.url));

/** Starts `talkdeck serve <args> --port 0` in `cwd` and resolves once it prints its URL. */
export function startServe(cwd, args, { timeoutMs = 60_000, env = {} } = {}) {
  const proc = spawn(process.execPath, [...(process.env.TALKDECK_PROF ? ['--cpu-prof', '--cpu-prof-dir=' + process.env.TALKDECK_PROF] : []), BIN, 'serve', ...args, '--port', '0'], {
    cwd,
    env: { ...process.env, NO_COLOR: '1', ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let stdout = '';
  let stderr = '';
  const exited = new Promise((resolve) => proc.once('exit', (code, signal) => resolve({ code, signal })));
  return new Promise((resolve, reject) => {
    let started = false;
    const timer = setTimeout(() => fail(new Error(`talkdeck serve printed no URL in ${timeoutMs} ms`)), timeoutMs);
    const fail = (error) => {
      if (started) return;
      clearTimeout(timer);
      proc.kill('SIGKILL');
      reject(new Error(`${error.message}\nstdout:\n${stdout}\nstderr:\n${stderr}`));
    };
    proc.stdout.setEncoding('utf8').on('data', (chunk) => {
      stdout += chunk;
      const m = /→ (http:\/\/[^\s]+)/.exec(stdout);
      if (!m || started) return;
      started = true;
      clearTimeout(timer);
      const url = m[1];
      resolve({
        url,
        port: Number(new URL(url).port),
        proc,
        exited,
        stdout: () => stdout,
        stderr: () => stderr,
        async stop(signal = 'SIGINT') {
          if (proc.exitCode === null && proc.signalCode === null) proc.kill(signal);
          return exited;
        },
      });
    });
    proc.stderr.setEncoding('utf8').on('data', (chunk) => {
      stderr += chunk;
    });
    exited.then(({ code }) => fail(new Error(`talkdeck serve exited with ${code} before printing its URL`)));
  });
}

/** The server's event stream, recorded; `waitFor` looks at events from a mark on. */
export class EventStream {
  /** @type {{ event: string, data: unknown, at: number }[]} */
  events = [];
  #waiters = new Set();
  #req;

  static connect(baseUrl) {
    const stream = new EventStream();
    return new Promise((resolve, reject) => {
      stream.#req = request(new URL('/__talkdeck/events', baseUrl), { headers: { Accept: 'text/event-stream' } }, (res) => {
        if (res.statusCode !== 200) return reject(new Error(`event stream answered ${res.statusCode}`));
        let buffer = '';
        res.setEncoding('utf8').on('data', (chunk) => {
          buffer += chunk;
          let end;
          while ((end = buffer.indexOf('\n\n')) !== -1) {
            stream.#receive(buffer.slice(0, end));
            buffer = buffer.slice(end + 2);
          }
        });
        res.on('error', () => {});
        stream.waitFor('hello').then(() => resolve(stream), reject);
      });
      stream.#req.on('error', reject);
      stream.#req.end();
    });
  }

  /** Index of the next event, for `waitFor(…, { from })`. */
  mark() {
    return this.events.length;
  }

  /** The first event named `event` from index `from` on for which `test(data)` holds. */
  waitFor(event, { from = 0, test = () => true, timeoutMs = 30_000 } = {}) {
    const found = this.events.slice(from).find((e) => e.event === event && test(e.data));
    if (found) return Promise.resolve(found);
    return new Promise((resolve, reject) => {
      const waiter = {
        check: (e) => {
          if (e.event !== event || !test(e.data)) return;
          clearTimeout(timer);
          this.#waiters.delete(waiter);
          resolve(e);
        },
      };
      const timer = setTimeout(() => {
        this.#waiters.delete(waiter);
        reject(new Error(`no \`${event}\` event in ${timeoutMs} ms; got: ${this.events.slice(from).map((e) => e.event).join(', ') || 'nothing'}`));
      }, timeoutMs);
      this.#waiters.add(waiter);
    });
  }

  close() {
    this.#req?.destroy();
  }

  #receive(block) {
    let event = 'message';
    const data = [];
    for (const line of block.split('\n')) {
      if (line.startsWith('event: ')) event = line.slice(7);
      else if (line.startsWith('data: ')) data.push(line.slice(6));
    }
    if (!data.length) return;
    const e = { event, data: JSON.parse(data.join('\n')), at: performance.now() };
    this.events.push(e);
    for (const waiter of [...this.#waiters]) waiter.check(e);
  }
}
