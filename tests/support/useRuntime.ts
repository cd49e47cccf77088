import { startRuntime, type RuntimeProcess, type StartOptions } from './runtime';

/**
 * A runtime that always speaks to the process it last started: `restart()` replaces the process
 * behind it and returns the same handle, so helpers given the handle keep working.
 */
export interface RuntimeHandle extends RuntimeProcess {
  /** Starts a runtime (see `startRuntime`) behind this handle; the hooks that made it stop it. */
  start(options?: StartOptions): Promise<RuntimeHandle>;
}

/** A handle with no runtime behind it yet: `start` one (hooks of your own stop it). */
export function runtimeHandle(): RuntimeHandle {
  let current: RuntimeProcess | undefined;
  const started = (): RuntimeProcess => {
    if (!current) throw new Error('The runtime is not started yet (start it in the test, or use useRuntime).');
    return current;
  };
  const handle: RuntimeHandle = {
    get origin() {
      return started().origin;
    },
    get dataDir() {
      return started().dataDir;
    },
    output: () => started().output(),
    advance: (duration) => started().advance(duration),
    advanceTo: (isoDateTime) => started().advanceTo(isoDateTime),
    now: () => started().now(),
    kill: (signal) => started().kill(signal),
    async restart() {
      current = await started().restart();
      return handle;
    },
    async stop() {
      await current?.stop();
      current = undefined;
    },
    async start(options) {
      current = await startRuntime(options);
      return handle;
    },
  };
  return handle;
}

/** Starts one runtime before the tests of the file (or describe block) and stops it after them. */
export function useRuntime(options: StartOptions = {}): RuntimeHandle {
  const handle = runtimeHandle();
  beforeAll(async () => {
    await handle.start(options);
  });
  afterAll(() => handle.stop());
  return handle;
}

/** A runtime each test starts itself (`await rt.start(options)`), stopped after every test. */
export function useRuntimePerTest(): RuntimeHandle {
  const handle = runtimeHandle();
  afterEach(() => handle.stop());
  return handle;
}
