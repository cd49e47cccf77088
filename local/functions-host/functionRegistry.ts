import { randomUUID } from 'node:crypto';
import type { CoreApi, CoreBindingInfo, CoreFunctionCallback, CoreFunctionMetadata, LogLevel } from './coreApi';
import type { DurableClientProvider, FunctionInvoker, RegisteredFunction, RpcTypedData } from './invoker';

interface Registration {
  metadata: CoreFunctionMetadata;
  callback: CoreFunctionCallback;
  triggerName: string;
  trigger: CoreBindingInfo;
}

export interface InvocationResult {
  returnValue?: RpcTypedData | null;
  outputData: { name?: string; data?: RpcTypedData | null }[];
}

export type FunctionLogger = (functionName: string, level: LogLevel, message: string) => void;

/** Thrown when a function name is not registered; callers turn it into a 404. */
export class UnknownFunctionError extends Error {
  constructor(readonly functionName: string) {
    super(`No function named '${functionName}' is registered in this app.`);
  }
}

const isTriggerType = (type: string | undefined): boolean => !!type && type.toLowerCase().endsWith('trigger');

/**
 * Holds what the app registered and invokes it the way the Azure worker does: through the
 * programming model's invocation model, so bindings, hooks and typed data behave as in Azure.
 */
export class FunctionRegistry implements FunctionInvoker {
  private readonly registrations = new Map<string, Registration>();
  private durable?: DurableClientProvider;

  constructor(
    private readonly core: CoreApi,
    private readonly logger: FunctionLogger,
  ) {}

  setDurableClientProvider(provider: DurableClientProvider): void {
    this.durable = provider;
  }

  register(metadata: CoreFunctionMetadata, callback: CoreFunctionCallback): void {
    const key = metadata.name.toLowerCase();
    if (this.registrations.has(key)) {
      throw new Error(`A function named '${metadata.name}' is already registered; function names must be unique.`);
    }
    const entry = Object.entries(metadata.bindings).find(([, b]) => isTriggerType(b.type));
    if (!entry) throw new Error(`Function '${metadata.name}' has no trigger binding.`);
    this.registrations.set(key, { metadata, callback, triggerName: entry[0], trigger: entry[1] });
  }

  get(name: string): RegisteredFunction | undefined {
    const r = this.registrations.get(name.toLowerCase());
    return r && { name: r.metadata.name, triggerType: String(r.trigger.type), trigger: r.trigger };
  }

  list(): RegisteredFunction[] {
    return [...this.registrations.values()].map((r) => ({
      name: r.metadata.name,
      triggerType: String(r.trigger.type),
      trigger: r.trigger,
    }));
  }

  async invoke(name: string, triggerData: RpcTypedData): Promise<unknown> {
    const result = await this.invokeRaw(name, triggerData);
    return fromTypedData(result.returnValue);
  }

  /** One invocation through the programming model; errors thrown by the function propagate. */
  async invokeRaw(name: string, triggerData: RpcTypedData): Promise<InvocationResult> {
    const registration = this.registrations.get(name.toLowerCase());
    if (!registration) throw new UnknownFunctionError(name);
    const model = this.core.programmingModel;
    if (!model) throw new Error('The app did not set a programming model; is @azure/functions installed in the app?');

    const { metadata, callback, triggerName } = registration;
    const invocationId = randomUUID();
    const inputData = [{ name: triggerName, data: triggerData }];
    for (const [bindingName, binding] of Object.entries(metadata.bindings)) {
      if (binding.direction !== 'in' || bindingName === triggerName) continue;
      const type = String(binding.type ?? '').toLowerCase();
      if (type === 'durableclient' || type === 'orchestrationclient') {
        if (!this.durable) throw new Error(`Function '${metadata.name}' needs a durable client, but no Durable backend runs.`);
        inputData.push({ name: bindingName, data: { string: JSON.stringify(this.durable.clientBindingData()) } });
      }
    }

    const coreCtx = {
      invocationId,
      request: { invocationId, functionId: metadata.name, inputData, triggerMetadata: {} },
      metadata,
      state: undefined as string | undefined,
      log: (level: LogLevel, category: string, message: string) => this.logger(metadata.name, level, message),
    };
    const invocationModel = model.getInvocationModel(coreCtx);
    const { context, inputs } = await invocationModel.getArguments();

    const pre: Record<string, unknown> = {
      hookData: {},
      appHookData: {},
      invocationContext: context,
      inputs,
      functionCallback: callback,
    };
    coreCtx.state = 'preInvocationHooks';
    await this.core.runHooks('preInvocation', pre);
    coreCtx.state = 'invocation';

    let result: unknown;
    let error: unknown;
    try {
      result = await invocationModel.invokeFunction(context, pre.inputs as unknown[], pre.functionCallback as CoreFunctionCallback);
    } catch (err) {
      error = err;
    }
    const post: Record<string, unknown> = { ...pre, result, error };
    coreCtx.state = 'postInvocationHooks';
    await this.core.runHooks('postInvocation', post);
    if (post.error) throw post.error instanceof Error ? post.error : new Error(JSON.stringify(post.error));
    const response = await invocationModel.getResponse(context, post.result);
    return {
      returnValue: response.returnValue as RpcTypedData | null | undefined,
      outputData: (response.outputData ?? []) as InvocationResult['outputData'],
    };
  }
}

/** Typed data back to a JS value, as the Durable extension reads a function's return value. */
export function fromTypedData(data: RpcTypedData | null | undefined): unknown {
  if (!data) return undefined;
  if (data.json !== undefined && data.json !== null) return JSON.parse(data.json) as unknown;
  // A string return value stays a string (an activity returning "123" returns text, not a number).
  if (data.string !== undefined && data.string !== null) return data.string;
  if (data.int !== undefined && data.int !== null) return data.int;
  if (data.double !== undefined && data.double !== null) return data.double;
  if (data.bytes) return Buffer.from(data.bytes);
  return undefined;
}
