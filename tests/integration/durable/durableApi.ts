import { eventually, startRuntime, type RuntimeProcess } from '../../support/runtime';

/** Response bodies are whatever JSON the API sent; tests assert on their shape. */
// eslint-disable-next-line @typescript-eslint/no-explicit-any
type Json = any;

/** A thin client for the Durable HTTP API of a started runtime (webhook paths, as people use them). */
export function durableApi(origin: string) {
  const base = `${origin}/runtime/webhooks/durabletask`;
  const call = async (method: string, path: string, body?: string): Promise<{ status: number; json: Json; headers: Headers }> => {
    const res = await fetch(`${base}/${path}`, { method, body, headers: body === undefined ? {} : { 'content-type': 'application/json' } });
    const text = await res.text();
    let json: Json = text;
    try {
      json = text ? JSON.parse(text) : undefined;
    } catch {
      // not JSON: keep the text
    }
    return { status: res.status, json, headers: res.headers };
  };
  const api = {
    base,
    call,
    start: async (name: string, instanceId: string, input?: unknown): Promise<void> => {
      const r = await call('POST', `orchestrators/${name}/${encodeURIComponent(instanceId)}`, input === undefined ? '' : JSON.stringify(input));
      if (r.status !== 202) throw new Error(`start ${name}/${instanceId}: ${r.status} ${JSON.stringify(r.json)}`);
    },
    status: (id: string, query = '') => call('GET', `instances/${encodeURIComponent(id)}${query}`),
    raise: (id: string, event: string, data?: unknown) =>
      call('POST', `instances/${encodeURIComponent(id)}/raiseEvent/${event}`, data === undefined ? '' : JSON.stringify(data)),
    /** Polls (bounded) until the instance reaches one of `statuses`; returns its status document. */
    waitFor: (id: string, statuses: string[] = ['Completed', 'Failed', 'Terminated'], timeoutMs = 30_000) =>
      eventually(
        async () => {
          const r = await api.status(id);
          return r.status < 300 && statuses.includes(r.json.runtimeStatus) ? r.json : undefined;
        },
        `${id} to reach ${statuses.join('/')}`,
        timeoutMs,
      ),
    /** Calls the SDK's DurableClient inside the app (the `client-ops` HTTP function). */
    sdk: async (op: Record<string, unknown>): Promise<{ status: number; json: Json }> => {
      const res = await fetch(`${origin}/api/client-ops`, { method: 'POST', body: JSON.stringify(op), headers: { 'content-type': 'application/json' } });
      return { status: res.status, json: await res.json() };
    },
  };
  return api;
}

export type DurableApi = ReturnType<typeof durableApi>;

/**
 * Starts the samples app on a virtual clock before the file's tests and stops it after; the
 * started runtime and its API client reach the test through `ready`.
 */
export function useSamplesRuntime(ready: (runtime: RuntimeProcess, api: DurableApi) => void, virtualStart?: string): void {
  let runtime: RuntimeProcess | undefined;
  beforeAll(async () => {
    runtime = await startRuntime({ app: 'tests/apps/samples', virtualClock: true, virtualStart, seed: false });
    ready(runtime, durableApi(runtime.origin));
  });
  afterAll(async () => {
    await runtime?.stop();
  });
}
