import type { Queryable } from '../pnp';

/**
 * Identical reads made at the same moment share one call: the steps of a stage start together
 * and each reads the same request and its task rows. A read joins one already in flight only if
 * no write of this process has started or ended since that read began, so a caller always sees
 * what its own writes did (others' writes are seen no sooner than SharePoint shows them anyway).
 * Each caller gets its own copy of the answer. Composed after the send behaviour, which it wraps.
 */
export function SharedReads() {
  // Moves at the start and at the end of every write.
  let writes = 0;
  const inFlight = new Map<string, { writes: number; answer: Promise<{ status: number; statusText: string; headers: Headers; body: ArrayBuffer }> }>();

  return <T extends Queryable>(instance: T): T => {
    type Send = Parameters<typeof instance.on.send.replace>[0];
    const [send] = instance.on.send.toArray();
    if (!send) throw new Error('SharedReads wraps the send behaviour: compose it after one (ThrottleRetryFetch).');
    instance.on.send.replace(async function (this: ThisParameterType<Send>, url: URL, init: RequestInit): Promise<Response> {
      const method = String(init.method ?? 'GET').toUpperCase();
      if (method !== 'GET') {
        writes++;
        try {
          return await Reflect.apply(send, this, [url, init]);
        } finally {
          writes++;
        }
      }
      const headers = new Headers(init.headers);
      const key = `${url.toString()}\n${headers.get('accept') ?? ''}\n${headers.get('authorization') ?? ''}`;
      let shared = inFlight.get(key);
      if (!shared || shared.writes !== writes) {
        const answer = Reflect.apply(send, this, [url, init]).then(async (res) => ({ status: res.status, statusText: res.statusText, headers: res.headers, body: await res.arrayBuffer() }));
        const entry = { writes, answer };
        shared = entry;
        inFlight.set(key, entry);
        void answer.then(
          () => inFlight.get(key) === entry && inFlight.delete(key),
          () => inFlight.get(key) === entry && inFlight.delete(key),
        );
      }
      const { status, statusText, headers: answered, body } = await shared.answer;
      // A body-less status (204, 304) must not be given a body.
      return new Response(status === 204 || status === 304 ? null : body.slice(0), { status, statusText, headers: answered });
    });
    return instance;
  };
}
