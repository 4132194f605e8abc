/**
 * HTTP requests written byte for byte on a socket: fetch() and http.get() normalise `..` and
 * encode the path, which is exactly what a traversal test must not do.
 */
import { connect } from 'node:net';

export interface RawResponse {
  status: number;
  headers: Record<string, string>;
  body: string;
}

export function rawRequest(
  port: number,
  target: string,
  opts: { method?: string; host?: string; headers?: Record<string, string>; address?: string } = {},
): Promise<RawResponse> {
  const head = [
    `${opts.method ?? 'GET'} ${target} HTTP/1.1`,
    `Host: ${opts.host ?? `127.0.0.1:${port}`}`,
    'Connection: close',
    ...Object.entries(opts.headers ?? {}).map(([k, v]) => `${k}: ${v}`),
  ].join('\r\n');
  return new Promise((resolve, reject) => {
    const socket = connect(port, opts.address ?? '127.0.0.1');
    const chunks: Buffer[] = [];
    socket.on('data', (c) => chunks.push(c));
    socket.on('error', reject);
    socket.on('end', () => {
      const text = Buffer.concat(chunks).toString('latin1');
      const split = text.indexOf('\r\n\r\n');
      const [statusLine, ...lines] = text.slice(0, split).split('\r\n');
      const status = Number(/^HTTP\/1\.1 (\d{3})/.exec(statusLine ?? '')?.[1]);
      if (!status) return reject(new Error(`not an HTTP response: ${text.slice(0, 200)}`));
      const headers = Object.fromEntries(lines.map((l) => [l.slice(0, l.indexOf(':')).toLowerCase(), l.slice(l.indexOf(':') + 1).trim()]));
      resolve({ status, headers, body: text.slice(split + 4) });
    });
    socket.write(`${head}\r\n\r\n`);
  });
}
