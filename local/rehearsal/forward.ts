import { createServer, request as httpRequest, type IncomingHttpHeaders, type IncomingMessage, type RequestListener, type Server, type ServerResponse } from 'node:http';
import { createServer as createHttpsServer } from 'node:https';
import type { AddressInfo } from 'node:net';

export const HOP_BY_HOP = new Set(['connection', 'keep-alive', 'proxy-connection', 'transfer-encoding', 'upgrade', 'te', 'trailer']);

/** Where a rehearsal front passes requests on; known only once the runtime listens, hence a function. */
export type Upstream = string | (() => string);

/** Passes the request on to the upstream with the given headers, as a front end does, and streams the answer back. */
export function forward(req: IncomingMessage, res: ServerResponse, upstream: Upstream, headers: IncomingHttpHeaders): void {
  const target = new URL(typeof upstream === 'string' ? upstream : upstream());
  const out = { ...headers, host: target.host, 'x-forwarded-host': req.headers.host ?? '', 'x-forwarded-proto': 'https' };
  const onward = httpRequest({ host: target.hostname, port: target.port, method: req.method, path: req.url, headers: out }, (up) => {
    const back: IncomingHttpHeaders = {};
    for (const [name, value] of Object.entries(up.headers)) if (!HOP_BY_HOP.has(name)) back[name] = value;
    res.writeHead(up.statusCode ?? 502, back);
    up.pipe(res);
  });
  onward.on('error', () => {
    if (!res.headersSent) res.writeHead(502, { 'content-type': 'text/plain' });
    res.end('upstream unavailable');
  });
  req.pipe(onward);
}

export interface Listening {
  origin: string;
  close(): Promise<void>;
}

/** Listens on a free port of this computer: HTTPS on the rehearsal's certificate (for localhost) when given one. */
export async function listen(handler: RequestListener, tls?: { key: string; cert: string }): Promise<Listening> {
  const server: Server = tls ? createHttpsServer({ ...tls, minVersion: 'TLSv1.2' }, handler) : createServer(handler);
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    origin: tls ? `https://localhost:${port}` : `http://127.0.0.1:${port}`,
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
