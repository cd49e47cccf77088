import type { IncomingMessage, ServerResponse } from 'node:http';
import { readBody } from '../server/originServer';
import type { RouteHandler } from '../server/localService';
import type { FunctionRegistry, InvocationResult } from './functionRegistry';
import type { RpcTypedData } from './invoker';
import { compileRoute, type CompiledRoute } from './routeTemplate';

interface HttpFunction {
  name: string;
  methods?: string[];
  route: CompiledRoute;
}

/** Nullable fields arrive wrapped (`{ value }`), as the worker's protobuf shapes them. */
interface Nullable<T> {
  value?: T;
}

interface RpcCookie {
  name: string;
  value: string;
  domain?: Nullable<string>;
  path?: Nullable<string>;
  expires?: Nullable<unknown>;
  secure?: Nullable<boolean>;
  httpOnly?: Nullable<boolean>;
  sameSite?: 'none' | 'lax' | 'strict' | 'explicitNone';
  maxAge?: Nullable<number>;
}

interface RpcHttpResponse {
  statusCode?: string;
  headers?: Record<string, string>;
  cookies?: RpcCookie[];
  body?: RpcTypedData | null;
}

/** Serves the app's HTTP triggers under `/{routePrefix}/`, as the Functions host does. */
export function createHttpTriggerRoute(registry: FunctionRegistry, routePrefix: string, origin: () => string): RouteHandler {
  const prefix = routePrefix ? `/${routePrefix.replace(/^\/+|\/+$/g, '')}` : '';
  let table: HttpFunction[] | undefined;
  const functions = (): HttpFunction[] =>
    (table ??= registry
      .list()
      .filter((f) => f.triggerType.toLowerCase() === 'httptrigger')
      .map((f) => ({
        name: f.name,
        methods: (f.trigger.methods as string[] | undefined)?.map((m) => m.toUpperCase()),
        route: compileRoute((f.trigger.route as string | undefined) ?? f.name),
      }))
      .sort((a, b) => b.route.specificity - a.route.specificity));

  return {
    prefix: prefix + '/',
    handle: async (req, res) => {
      const url = new URL(req.url ?? '/', origin());
      const path = url.pathname.slice(prefix.length);
      const method = (req.method ?? 'GET').toUpperCase();
      let methodMismatch = false;
      for (const fn of functions()) {
        const params = fn.route.match(path);
        if (!params) continue;
        if (fn.methods && fn.methods.length > 0 && !fn.methods.includes(method)) {
          methodMismatch = true;
          continue;
        }
        await invokeHttp(registry, fn.name, req, res, url, params, method);
        return;
      }
      res.writeHead(methodMismatch ? 405 : 404, { 'content-type': 'text/plain; charset=utf-8' });
      res.end(methodMismatch ? `${method} is not allowed here.` : `No function answers ${url.pathname}.`);
    },
  };
}

async function invokeHttp(
  registry: FunctionRegistry,
  name: string,
  req: IncomingMessage,
  res: ServerResponse,
  url: URL,
  params: Record<string, string>,
  method: string,
): Promise<void> {
  const body = method === 'GET' || method === 'HEAD' ? undefined : await readBody(req);
  const headers: Record<string, string> = {};
  for (const [k, v] of Object.entries(req.headers)) {
    if (v !== undefined) headers[k] = Array.isArray(v) ? v.join(', ') : v;
  }
  const query: Record<string, string> = {};
  url.searchParams.forEach((v, k) => (query[k] = v));
  const http = { method, url: url.toString(), headers, query, params, body: body && body.length ? { bytes: body } : undefined };

  let result: InvocationResult;
  try {
    result = await registry.invokeRaw(name, { http });
  } catch (err) {
    // As in Azure: an unhandled exception is a 500 without details to the caller; the log has them.
    const message = err instanceof Error ? err.stack ?? err.message : String(err);
    console.error(`[${name}] failed: ${message}`);
    res.writeHead(500, { 'content-type': 'text/plain; charset=utf-8' });
    res.end('The function failed. The host log has the details.');
    return;
  }
  const typed = (result.returnValue ?? result.outputData.find((o) => (o.data as { http?: unknown } | undefined)?.http)?.data) as
    | { http?: RpcHttpResponse }
    | undefined;
  const response = typed?.http;
  if (!response) {
    res.writeHead(204);
    res.end();
    return;
  }
  const status = Number(response.statusCode ?? 200);
  const outHeaders: Record<string, string | string[]> = { ...(response.headers ?? {}) };
  const cookies = (response.cookies ?? []).map(serializeCookie);
  if (cookies.length) outHeaders['set-cookie'] = cookies;
  const bodyBytes = toBuffer(response.body);
  res.writeHead(status, outHeaders);
  res.end(method === 'HEAD' ? undefined : bodyBytes);
}

function toBuffer(data: RpcTypedData | null | undefined): Buffer | undefined {
  if (!data) return undefined;
  if (data.bytes) return Buffer.from(data.bytes);
  if (typeof data.string === 'string') return Buffer.from(data.string);
  if (typeof data.json === 'string') return Buffer.from(data.json);
  return undefined;
}

const SAME_SITE: Record<string, string> = { lax: 'Lax', strict: 'Strict', explicitNone: 'None' };

function serializeCookie(c: RpcCookie): string {
  const parts = [`${c.name}=${c.value}`];
  if (c.domain?.value) parts.push(`Domain=${c.domain.value}`);
  if (c.path?.value) parts.push(`Path=${c.path.value}`);
  if (c.maxAge?.value !== undefined) parts.push(`Max-Age=${c.maxAge.value}`);
  if (c.httpOnly?.value) parts.push('HttpOnly');
  if (c.secure?.value) parts.push('Secure');
  if (c.sameSite && SAME_SITE[c.sameSite]) parts.push(`SameSite=${SAME_SITE[c.sameSite]}`);
  return parts.join('; ');
}
