import { z } from 'zod';

/**
 * Durable HTTP (`context.df.callHttp`): the host, not the orchestrator, sends the request, as a
 * built-in activity; with the asynchronous pattern it polls a 202's Location with GET after
 * Retry-After seconds (a durable timer), and the SDK mirrors the ids of those timers and polls.
 */
export const httpActivityName = 'BuiltIn::HttpActivity';

/** The SDK's DurableHttpRequest, as it arrives in the CallHttp action. */
export const durableHttpRequest = z.object({
  method: z.string().min(1),
  uri: z.url(),
  content: z.string().nullish(),
  headers: z.record(z.string(), z.union([z.string(), z.array(z.string())])).nullish(),
  tokenSource: z.unknown().optional(),
  asynchronousPatternEnabled: z.boolean().optional(),
});
export type DurableHttpRequest = z.infer<typeof durableHttpRequest>;

/** Why a request cannot be sent locally, or undefined when it can. */
export function refusal(request: unknown): string | undefined {
  const parsed = durableHttpRequest.safeParse(request);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    return `callHttp request field '${issue.path.join('.')}': ${issue.message}.`;
  }
  if (parsed.data.tokenSource) {
    // A managed identity exists only in Azure; inventing a token would hide the missing permission.
    return 'callHttp with a tokenSource (managed identity) is not supported by the local Durable backend: there is no identity to get a token for. Send an Authorization header instead, or call the API from an activity.';
  }
  return undefined;
}

/** The DurableHttpResponse the SDK reads from TaskCompleted (statusCode, content, headers). */
export interface DurableHttpResponse {
  statusCode: number;
  content: string;
  headers: Record<string, string>;
}

export async function sendDurableHttp(input: string | null): Promise<DurableHttpResponse> {
  const request = durableHttpRequest.parse(JSON.parse(input ?? 'null'));
  const headers = new Headers();
  for (const [name, value] of Object.entries(request.headers ?? {})) headers.set(name, Array.isArray(value) ? value.join(', ') : value);
  const res = await fetch(request.uri, {
    method: request.method.toUpperCase(),
    headers,
    body: request.content ?? undefined,
    redirect: 'manual',
    signal: AbortSignal.timeout(240_000),
  });
  const out: Record<string, string> = {};
  res.headers.forEach((value, name) => (out[name] = value));
  // A relative Location is resolved, so the poll (and the orchestrator) sees a usable URL.
  if (out.location) out.location = new URL(out.location, request.uri).href;
  return { statusCode: res.status, content: await res.text(), headers: out };
}

/** A 202 with a Location, when the request asked for the asynchronous pattern: poll it. */
export function pollOf(request: DurableHttpRequest, resultJson: unknown): { location: string; delayMs: number } | undefined {
  if (request.asynchronousPatternEnabled === false || typeof resultJson !== 'string') return undefined;
  let response: { statusCode?: unknown; headers?: Record<string, unknown> };
  try {
    response = JSON.parse(resultJson) as typeof response;
  } catch {
    return undefined;
  }
  const header = (name: string): string | undefined => {
    const key = Object.keys(response.headers ?? {}).find((k) => k.toLowerCase() === name);
    const v = key === undefined ? undefined : response.headers?.[key];
    return typeof v === 'string' ? v : Array.isArray(v) && typeof v[0] === 'string' ? v[0] : undefined;
  };
  const location = header('location');
  if (response.statusCode !== 202 || !location) return undefined;
  const retryAfter = Number(header('retry-after'));
  return { location, delayMs: Number.isFinite(retryAfter) && header('retry-after') ? retryAfter * 1000 : defaultPollMs };
}

/** `defaultHttpAsyncRequestSleepTimeMillseconds` sent to the SDK with every replay. */
export const defaultPollMs = 30_000;
