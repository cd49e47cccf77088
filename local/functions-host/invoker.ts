/**
 * The contract between the local Functions host and the triggers that are not HTTP or timer
 * (the Durable backend drives orchestration, activity and entity triggers through it).
 * The host owns the app's registrations; the Durable backend owns the queues and history.
 */

/** The worker's typed-data union, as `@azure/functions` reads it (`fromRpcTypedData`). */
export interface RpcTypedData {
  string?: string | null;
  json?: string | null;
  bytes?: Uint8Array | null;
  stream?: Uint8Array | null;
  http?: unknown;
  int?: number | null;
  double?: number | null;
}

export interface RegisteredFunction {
  name: string;
  /** Trigger binding type, e.g. `httpTrigger`, `orchestrationTrigger`, `activityTrigger`. */
  triggerType: string;
  /** Trigger binding as registered (route, methods, schedule, …). */
  trigger: Record<string, unknown>;
}

export interface FunctionInvoker {
  /** The registered function of that name, if any. */
  get(name: string): RegisteredFunction | undefined;
  list(): RegisteredFunction[];
  /**
   * Invokes a function the way the Azure worker does (programming model's getArguments →
   * invokeFunction → getResponse), with `triggerData` as its trigger binding's input and the
   * durable client (and any other input bindings) filled in by the host. Resolves with the
   * response's `returnValue` converted to a JS value (`{json}` parsed; `{string}` stays the string,
   * as the Durable extension treats a string result; numbers and bytes as they are); rejects with
   * the error the function threw.
   */
  invoke(name: string, triggerData: RpcTypedData): Promise<unknown>;
}

/** What the Durable backend gives the host for every `durableClient` input binding. */
export interface DurableClientProvider {
  /** The durable client binding's JSON (taskHubName, creationUrls, managementUrls, baseUrl, rpcBaseUrl, …). */
  clientBindingData(): Record<string, unknown>;
}
