import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import type { DurableClientProvider, FunctionInvoker } from '../functions-host/invoker';
import type { LocalService, RuntimeContext } from '../server/localService';
import { createClientApi, managementUrls, rpcPrefix, webhookPrefix, type ApiUrls } from './clientApi';
import { runActivity } from './activityRunner';
import { DurableEngine } from './engine';
import { EntityScheduler } from './entityScheduler';
import { runEpisode } from './episodeRunner';
import { DurableStore } from './store';
import { DurableFaults } from './faults';

export interface DurableBackendOptions {
  taskHubName?: string;
  /** Concurrency limits (episodes in flight, activities in flight, messages per episode). */
  limits?: { episodes: number; activities: number; batch: number };
}

export type DurableBackend = LocalService & DurableClientProvider & { readonly engine: DurableEngine };

/**
 * The local Durable backend: runs orchestrations and activities of the loaded app through the
 * FunctionInvoker, keeps every instance's history, inbox, work items and timers in SQLite
 * (`<dataDir>/durable.sqlite`), and serves the durable client HTTP API.
 */
export function createDurableBackend(ctx: RuntimeContext, invoker: FunctionInvoker, options: DurableBackendOptions = {}): DurableBackend {
  const taskHubName = options.taskHubName ?? 'TestHubName';
  mkdirSync(ctx.dataDir, { recursive: true });
  const store = new DurableStore(join(ctx.dataDir, 'durable.sqlite'));
  const engine = new DurableEngine(ctx, invoker, store, { episode: runEpisode, activity: runActivity }, options.limits);
  const entities = new EntityScheduler(engine);
  engine.entities = entities;
  const webhookBase = `${ctx.origin}${webhookPrefix.replace(/\/$/, '')}`;
  const urls: ApiUrls = { webhookBase, query: `taskHub=${encodeURIComponent(taskHubName)}&connection=Storage` };
  const faults = new DurableFaults();

  return {
    name: 'durable',
    engine,
    routes: [...createClientApi(engine, urls, entities, faults), faults.route()],
    appSettings: () => ({ WEBSITE_HOSTNAME: new URL(ctx.origin).host }),
    links: () => [{ label: 'Durable API', url: `${webhookBase}/instances/` }],
    clientBindingData: () => ({
      taskHubName,
      creationUrls: {
        createNewInstancePostUri: `${webhookBase}/orchestrators/{functionName}[/{instanceId}]`,
        createAndWaitOnNewInstancePostUri: `${webhookBase}/orchestrators/{functionName}[/{instanceId}]?timeout={timeoutInSeconds}&pollingInterval={intervalInSeconds}`,
      },
      // The Azure host hands out the management URLs with this literal placeholder for the id.
      managementUrls: managementUrls(urls, 'INSTANCEID'),
      baseUrl: webhookBase,
      requiredQueryStringParameters: urls.query,
      rpcBaseUrl: `http://127.0.0.1:${ctx.port}${rpcPrefix}`,
    }),
    whenIdle: () => engine.whenIdle(),
    start: () => {
      engine.start();
      return Promise.resolve();
    },
    close: () => {
      engine.close();
      store.close();
      return Promise.resolve();
    },
  };
}
