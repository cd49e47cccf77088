import Module from 'node:module';

/**
 * The Azure Node.js worker gives `@azure/functions` a module named `@azure/functions-core`
 * through which the app registers its functions. We provide the same module, so the unmodified
 * library (and durable-functions on top of it) runs here exactly as it does in Azure.
 */
export type LogLevel = 'trace' | 'debug' | 'information' | 'warning' | 'error' | 'critical' | 'none';

export interface CoreBindingInfo {
  type?: string;
  direction?: 'in' | 'out' | 'inout';
  [key: string]: unknown;
}

export interface CoreFunctionMetadata {
  name: string;
  bindings: Record<string, CoreBindingInfo>;
  retryOptions?: unknown;
}

export type CoreFunctionCallback = (...args: unknown[]) => unknown;

export interface CoreInvocationModel {
  getArguments(): Promise<{ context: unknown; inputs: unknown[] }>;
  invokeFunction(context: unknown, inputs: unknown[], handler: CoreFunctionCallback): Promise<unknown>;
  getResponse(context: unknown, result: unknown): Promise<CoreInvocationResponse>;
}

export interface CoreInvocationResponse {
  invocationId?: string;
  outputData?: { name?: string; data?: unknown }[];
  returnValue?: unknown;
}

export interface CoreProgrammingModel {
  name: string;
  version: string;
  getInvocationModel(coreCtx: unknown): CoreInvocationModel;
  getCapabilities?(capabilities: Record<string, string>): Promise<Record<string, string>>;
}

export type HookCallback = (context: Record<string, unknown>) => void | Promise<void>;

export interface CoreApiHandlers {
  onRegister(metadata: CoreFunctionMetadata, callback: CoreFunctionCallback): void;
  onLog(level: LogLevel, category: string, message: string): void;
}

export class CoreApi {
  programmingModel?: CoreProgrammingModel;
  readonly hooks = new Map<string, Set<HookCallback>>();

  constructor(private readonly handlers: CoreApiHandlers) {}

  /** The object `require('@azure/functions-core')` returns. */
  moduleExports(): Record<string, unknown> {
    return {
      version: '3.11.0',
      registerFunction: (metadata: CoreFunctionMetadata, callback: CoreFunctionCallback) => {
        this.handlers.onRegister(metadata, callback);
        return { dispose: () => undefined };
      },
      registerHook: (hookName: string, callback: HookCallback) => {
        const set = this.hooks.get(hookName) ?? new Set<HookCallback>();
        set.add(callback);
        this.hooks.set(hookName, set);
        return { dispose: () => set.delete(callback) };
      },
      setProgrammingModel: (model: CoreProgrammingModel) => {
        this.programmingModel = model;
      },
      getProgrammingModel: () => this.programmingModel,
      log: (level: LogLevel, category: string, message: string) => this.handlers.onLog(level, category, message),
    };
  }

  async runHooks(hookName: string, context: Record<string, unknown>): Promise<void> {
    for (const hook of this.hooks.get(hookName) ?? []) {
      await hook(context);
    }
  }
}

let installed: Record<string, unknown> | undefined;

/**
 * Makes `require('@azure/functions-core')` answer with our core API, as the worker does by
 * patching Module.prototype.require. One app per process, as in Azure.
 */
export function installCoreModule(exportsObject: Record<string, unknown>): void {
  if (installed) throw new Error('The Functions core module is already installed in this process.');
  installed = exportsObject;
  type RequireFn = (this: NodeJS.Module, id: string) => unknown;
  const proto = Module.prototype as unknown as { require: RequireFn };
  const original = proto.require;
  proto.require = function patchedRequire(this: NodeJS.Module, id: string): unknown {
    if (id === '@azure/functions-core') return installed;
    return original.call(this, id);
  };
}
