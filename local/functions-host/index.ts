import type { LocalService, RuntimeContext } from '../server/localService';
import { CoreApi, installCoreModule, type LogLevel } from './coreApi';
import { FunctionRegistry } from './functionRegistry';
import { createHttpTriggerRoute } from './httpTriggers';
import type { DurableClientProvider, FunctionInvoker } from './invoker';
import { loadEntryFiles, readAppFolder, type AppFolder } from './loadApp';
import { TimerTriggers } from './timerTriggers';

export interface FunctionsHostOptions {
  appDir: string;
  /** Print the app's information logs (warnings and errors are always printed). */
  verbose?: boolean;
}

export interface FunctionsHost extends LocalService {
  readonly invoker: FunctionInvoker;
  readonly app: AppFolder;
  setDurableClientProvider(provider: DurableClientProvider): void;
  /** Loads the app (its registrations) once every service's settings are in process.env. */
  loadApp(): void;
}

const LEVELS: LogLevel[] = ['trace', 'debug', 'information', 'warning', 'error', 'critical'];

/**
 * The local Functions host: provides `@azure/functions-core`, loads the compiled app, serves its
 * HTTP triggers on the shared origin and runs its timer triggers on the runtime clock.
 */
export function createFunctionsHost(ctx: RuntimeContext, options: FunctionsHostOptions): FunctionsHost {
  const app = readAppFolder(options.appDir);
  const minLevel = LEVELS.indexOf(options.verbose ? 'information' : 'warning');
  const print = (level: LogLevel, text: string): void => {
    if (LEVELS.indexOf(level) >= minLevel) ctx.log(text);
  };
  const core = new CoreApi({
    // The registry exists by the time the app registers anything (loadApp runs later).
    onRegister: (metadata, callback) => registry.register(metadata, callback),
    onLog: (level, category, message) => print(level, `[${category}] ${message}`),
  });
  const registry = new FunctionRegistry(core, (fn, level, message) => print(level, `[${fn}] ${message}`));
  const timers = new TimerTriggers(registry, ctx.clock, ctx.dataDir, (message) => ctx.log(message));
  let loaded = false;

  return {
    name: 'Functions host',
    invoker: registry,
    app,
    routes: [createHttpTriggerRoute(registry, app.routePrefix, () => ctx.origin)],
    setDurableClientProvider: (provider) => registry.setDurableClientProvider(provider),
    appSettings: () => ({
      // durable-functions rewrites client URLs to localhost:7071 unless it knows the host name.
      WEBSITE_HOSTNAME: new URL(ctx.origin).host,
      FUNCTIONS_WORKER_RUNTIME: 'node',
    }),
    loadApp() {
      if (loaded) return;
      for (const [k, v] of Object.entries(app.localSettings)) process.env[k] ??= v;
      installCoreModule(core.moduleExports());
      loadEntryFiles(app);
      loaded = true;
    },
    links: () => [{ label: 'Functions (HTTP triggers)', url: `${ctx.origin}/${app.routePrefix}/` }],
    async start() {
      await core.runHooks('appStart', { hookData: {}, appHookData: {}, functionAppDirectory: app.dir });
      timers.start();
    },
    whenIdle: () => timers.whenIdle(),
    async close() {
      timers.close();
      await core.runHooks('appTerminate', { hookData: {}, appHookData: {} });
    },
  };
}
