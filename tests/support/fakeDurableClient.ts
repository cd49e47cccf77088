/**
 * A Durable client as the repairs use it: `getStatus` answers as the SDK does for an instance that
 * does not exist (no runtime status), and `startNew` records what it started.
 */
export function fakeDurableClient(running: string[] = []) {
  const instances = new Set(running);
  const started: string[] = [];
  /** Each started instance's input, by instance id. */
  const inputs: Record<string, unknown> = {};
  const client = {
    getStatus: (id: string) => Promise.resolve(instances.has(id) ? { instanceId: id, runtimeStatus: 'Running' } : { instanceId: id }),
    startNew: (_name: string, options: { instanceId: string; input?: unknown }) => {
      instances.add(options.instanceId);
      started.push(options.instanceId);
      inputs[options.instanceId] = options.input;
      return Promise.resolve(options.instanceId);
    },
  };
  return { client, started, inputs };
}
