import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { RouteHandler } from './localService';

/**
 * One HTTP origin for the whole embedded default. Handlers claim path prefixes; the longest
 * matching prefix wins, so `/api/` (functions) and `/sites/aigov/_api/` (SharePoint) coexist.
 */
export class OriginServer {
  private readonly routes: RouteHandler[] = [];
  private readonly server: Server;

  constructor() {
    this.server = createServer((req, res) => {
      this.dispatch(req, res).catch((err: unknown) => {
        if (!res.headersSent) {
          res.writeHead(500, { 'content-type': 'text/plain; charset=utf-8' });
        }
        res.end(`Internal error: ${err instanceof Error ? err.message : String(err)}`);
      });
    });
    // Long-poll style clients (durable waitForCompletion) must not be cut by Node's default timeouts.
    this.server.requestTimeout = 0;
    this.server.keepAliveTimeout = 5000;
  }

  mount(route: RouteHandler): void {
    this.routes.push(route);
    this.routes.sort((a, b) => b.prefix.length - a.prefix.length);
  }

  async listen(port: number, host = '127.0.0.1'): Promise<number> {
    await new Promise<void>((resolve, reject) => {
      this.server.once('error', reject);
      this.server.listen(port, host, () => {
        this.server.off('error', reject);
        resolve();
      });
    });
    return (this.server.address() as AddressInfo).port;
  }

  async close(): Promise<void> {
    this.server.closeAllConnections();
    await new Promise<void>((resolve) => this.server.close(() => resolve()));
  }

  private async dispatch(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const path = (req.url ?? '/').split('?')[0];
    const lower = path.toLowerCase();
    const route = this.routes.find((r) => lower.startsWith(r.prefix.toLowerCase()));
    if (!route) {
      res.writeHead(404, { 'content-type': 'text/plain; charset=utf-8' });
      res.end(`Nothing is served at ${path}. The index page at / lists what is.`);
      return;
    }
    await route.handle(req, res);
  }
}

/** Reads a request body fully (bodies here are small JSON, forms or $batch payloads). */
export async function readBody(req: IncomingMessage): Promise<Buffer> {
  const chunks: Buffer[] = [];
  for await (const chunk of req) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks);
}

/** What readJson answers when the body does not parse as JSON, so the caller can say what it expects. */
export const NOT_JSON: unique symbol = Symbol('not JSON');

/** Reads a request body as JSON: the parsed value, or NOT_JSON. */
export async function readJson(req: IncomingMessage): Promise<unknown> {
  try {
    return JSON.parse((await readBody(req)).toString('utf8')) as unknown;
  } catch {
    return NOT_JSON;
  }
}

export function sendJson(res: ServerResponse, status: number, body: unknown, headers: Record<string, string> = {}): void {
  const text = JSON.stringify(body);
  res.writeHead(status, { 'content-type': 'application/json; charset=utf-8', ...headers });
  res.end(text);
}
