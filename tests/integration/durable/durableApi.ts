import { eventually } from '../../support/runtime';
import { useRuntime, type RuntimeHandle } from '../../support/useRuntime';

/** Response bodies are whatever JSON the API sent; tests assert on their shape. */
// eslint-disable-next-line @typescript-eslint/no-explicit-any
type Json = any;

/**
 * A thin client for the Durable HTTP API of a started runtime (webhook paths, as people use them):
 * at an origin, or at whatever origin a runtime handle has when a call is made.
 */
export function durableApi(at: string | { readonly origin: string }) {
  const originOf = (): string => (typeof at === 'string' ? at : at.origin);
  const call = async (method: string, path: string, body?: string): Promise<{ status: number; json: Json; headers: Headers }> => {
    const res = await fetch(`${api.base}/${path}`, { method, body, headers: body === undefined ? {} : { 'content-type': 'application/json' } });
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
    get base() {
      return `${originOf()}/runtime/webhooks/durabletask`;
    },
    call,
    start: async (name: string, instanceId: string, input?: unknown): Promise<void> => {
      const r = await call('POST', `orchestrators/${name}/${encodeURIComponent(instanceId)}`, input === undefined ? '' : JSON.stringify(input));
      if (r.status !== 202) throw new Error(`start ${name}/${instanceId}: ${r.status} ${JSON.stringify(r.json)}`);
    },
    /** Starts an orchestration and waits until it runs. */
    startRunning: async (name: string, instanceId: string, input?: unknown): Promise<void> => {
      await api.start(name, instanceId, input);
      await api.waitFor(instanceId, ['Running']);
    },
    status: (id: string, query = '') => call('GET', `instances/${encodeURIComponent(id)}${query}`),
    /** The types of the instance's history events, in order. */
    eventTypes: async (id: string): Promise<string[]> => ((await api.status(id, '?showHistory=true')).json.history as { EventType: string }[]).map((e) => e.EventType),
    /** Suspends through the webhook path (`query` as `?reason=…`) and waits until the instance is suspended. */
    suspend: async (id: string, query = ''): Promise<void> => {
      await call('POST', `instances/${encodeURIComponent(id)}/suspend${query}`);
      await api.waitFor(id, ['Suspended']);
    },
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
      const res = await fetch(`${originOf()}/api/client-ops`, { method: 'POST', body: JSON.stringify(op), headers: { 'content-type': 'application/json' } });
      return { status: res.status, json: await res.json() };
    },
  };
  return api;
}

export type DurableApi = ReturnType<typeof durableApi>;

/**
 * Starts a test app (a folder under tests/apps) on a virtual clock before the file's tests and
 * stops it after; the runtime and its API client are ready inside the tests.
 */
export function useDurableApp(app: string, virtualStart?: string): { runtime: RuntimeHandle; api: DurableApi } {
  const runtime = useRuntime({ app, virtualClock: true, virtualStart, seed: false });
  return { runtime, api: durableApi(runtime) };
}
