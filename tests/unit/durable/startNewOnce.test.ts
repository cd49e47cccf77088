import type { DurableClient } from 'durable-functions';
import { startNewOnce } from '../../../shared/durable/instanceStatus';

// The request API and the list webhook can each see "no instance yet" for the same request and
// both start it; the second start is refused with 409. That refusal is the outcome the caller
// wanted, not a failure (it used to answer the person who sent the request with a 500).
type Client = Pick<DurableClient, 'startNew' | 'getStatus'>;
const notFound = new Error("DurableClient error: Durable Functions extension replied with HTTP 404 response. This usually means we could not find any data associated with the instanceId provided: request-7.");
// The SDK's own wording for a reply it does not expect (DurableClient.createGenericError).
const conflict = new Error(`The operation failed with an unexpected status code: 409. Details: ${JSON.stringify({ message: "An instance with ID 'request-7' already exists and is Pending." })}`);

const client = (start: () => Promise<string>, status: () => Promise<unknown>): Client => ({ startNew: start, getStatus: status }) as unknown as Client;

describe('startNewOnce', () => {
  it('is true when this call started the instance', async () => {
    const ok = await startNewOnce(client(() => Promise.resolve('request-7'), () => Promise.reject(notFound)), 'aiRequest', 'request-7', { requestId: 7 });
    expect(ok).toBe(true);
  });

  it('is false when another path started it first (409)', async () => {
    await expect(startNewOnce(client(() => Promise.reject(conflict), () => Promise.reject(notFound)), 'aiRequest', 'request-7', {})).resolves.toBe(false);
  });

  it('is false when the refusal is worded otherwise but the instance is running', async () => {
    const running = client(() => Promise.reject(new Error('The operation failed with an unexpected status code: 400.')), () => Promise.resolve({ runtimeStatus: 'Running' }));
    await expect(startNewOnce(running, 'aiRequest', 'request-7', {})).resolves.toBe(false);
  });

  it('throws any other failure: an outage is never taken for "started"', async () => {
    const down = new Error('connect ECONNREFUSED 127.0.0.1:7071');
    await expect(startNewOnce(client(() => Promise.reject(down), () => Promise.reject(notFound)), 'aiRequest', 'request-7', {})).rejects.toBe(down);
    await expect(startNewOnce(client(() => Promise.reject(down), () => Promise.reject(down)), 'aiRequest', 'request-7', {})).rejects.toBe(down);
  });
});
