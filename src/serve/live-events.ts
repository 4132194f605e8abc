/**
 * Server-Sent Events to the open browsers: `hello` on connect (the current build and its
 * problems), `reload` after a build that changed the output, `problems` when the list changes.
 */
import type { IncomingMessage, ServerResponse } from 'node:http';
import type { LiveProblem } from './live-client.js';

export interface LiveState {
  version: string;
  problems: LiveProblem[];
}

/** Proxies drop idle connections; a comment now and then keeps this one open. */
const KEEPALIVE_MS = 25_000;

export class LiveEvents {
  private readonly clients = new Set<ServerResponse>();
  private readonly keepalive: NodeJS.Timeout;

  constructor(private readonly state: () => LiveState) {
    this.keepalive = setInterval(() => this.write(':\n\n'), KEEPALIVE_MS);
  }

  get size(): number {
    return this.clients.size;
  }

  attach(req: IncomingMessage, res: ServerResponse): void {
    res.writeHead(200, {
      'Content-Type': 'text/event-stream; charset=utf-8',
      'Cache-Control': 'no-store',
      Connection: 'keep-alive',
      'X-Content-Type-Options': 'nosniff',
    });
    // Reconnect soon after a restart of the server (and then reload: see `hello`).
    res.write(`retry: 1000\n\n${frame('hello', this.state())}`);
    this.clients.add(res);
    req.socket.setNoDelay(true);
    const drop = (): void => {
      this.clients.delete(res);
    };
    req.on('close', drop);
    res.on('error', drop);
  }

  reload(version: string): void {
    this.write(frame('reload', { version }));
  }

  problems(problems: LiveProblem[]): void {
    this.write(frame('problems', problems));
  }

  /** Ends every stream; the browsers retry and find the server gone, or restarted. */
  close(): void {
    clearInterval(this.keepalive);
    for (const res of this.clients) res.end();
    this.clients.clear();
  }

  private write(text: string): void {
    for (const res of this.clients) res.write(text);
  }
}

function frame(event: string, data: unknown): string {
  // JSON has no raw newlines, so the data fits on one `data:` line.
  return `event: ${event}\ndata: ${JSON.stringify(data)}\n\n`;
}
