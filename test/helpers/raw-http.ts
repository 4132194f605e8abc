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

/**
 * `body` is sent as it is, with a Content-Length unless the headers name a length or chunked
 * encoding. A server may answer before it has read all of a body and close the connection: the
 * answer counts, whatever happens to the rest.
 */
export function rawRequest(
  port: number,
  target: string,
  /** `address`: where to connect (127.0.0.1 unless given), whatever the Host header says. */
  opts: { method?: string; host?: string; headers?: Record<string, string>; body?: string | Buffer; address?: string } = {},
): Promise<RawResponse> {
  const headers = { ...opts.headers };
  const named = Object.keys(headers).some((k) => /^(content-length|transfer-encoding)$/i.test(k));
  if (opts.body !== undefined && !named) headers['Content-Length'] = String(Buffer.byteLength(opts.body));
  const head = [
    `${opts.method ?? 'GET'} ${target} HTTP/1.1`,
    `Host: ${opts.host ?? `127.0.0.1:${port}`}`,
    'Connection: close',
    ...Object.entries(headers).map(([k, v]) => `${k}: ${v}`),
  ].join('\r\n');
  return new Promise((resolve, reject) => {
    const socket = connect(port, opts.address ?? '127.0.0.1');
    const chunks: Buffer[] = [];
    socket.on('data', (c) => chunks.push(c));
    socket.on('error', (error) => {
      if (!chunks.length) reject(error);
    });
    socket.on('close', () => {
      const text = Buffer.concat(chunks).toString('latin1');
      const split = text.indexOf('\r\n\r\n');
      const [statusLine, ...lines] = text.slice(0, split).split('\r\n');
      const status = Number(/^HTTP\/1\.1 (\d{3})/.exec(statusLine ?? '')?.[1]);
      if (!status) return reject(new Error(`not an HTTP response: ${text.slice(0, 200)}`));
      const headers = Object.fromEntries(lines.map((l) => [l.slice(0, l.indexOf(':')).toLowerCase(), l.slice(l.indexOf(':') + 1).trim()]));
      resolve({ status, headers, body: text.slice(split + 4) });
    });
    socket.write(`${head}\r\n\r\n`);
    if (opts.body !== undefined) socket.write(opts.body);
  });
}
