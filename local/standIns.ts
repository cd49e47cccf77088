import type { TokenCredential } from '@azure/identity';
import { createDatixStandIn } from './datix';
import { createDurableBackend } from './durable';
import type { FunctionsHost } from './functions-host';
import { createGraphStandIn } from './graph';
import { createLocalSettings } from './localSettings';
import { createMailSink, type MailSinkOptions } from './mail';
import type { BearerGate } from './server/bearerGate';
import type { LocalService, RuntimeContext } from './server/localService';
import { createSharePointEmulator } from './sharepoint';
import { loadSettingSlice } from '../shared/config/settings';

export interface StandInOptions {
  smtpPort: number;
  seed: boolean;
  /** The production rehearsal's checks of who calls each stand-in (local/rehearsal/gates.ts); none otherwise. */
  enforce?: StandInGates;
}

export interface StandInGates {
  sharepoint: BearerGate;
  /** The site administrator's sign-in for seeding the demo site. */
  sharepointAdmin: TokenCredential;
  graph: BearerGate;
  smtp: NonNullable<MailSinkOptions['enforce']>;
  datix: NonNullable<Parameters<typeof createDatixStandIn>[1]>['authorize'];
}

/**
 * The local stand-ins, in start order. A new stand-in (Graph, Datix, workbench, …) is a factory
 * returning a LocalService, added to this list; nothing else in the runtime changes.
 */
export async function createStandIns(ctx: RuntimeContext, host: FunctionsHost, options: StandInOptions): Promise<LocalService[]> {
  const durable = createDurableBackend(ctx, host.invoker, { taskHubName: process.env.TASKHUB_NAME ?? 'aigov' });
  host.setDurableClientProvider(durable);

  const mail = createMailSink(ctx, { smtpPort: options.smtpPort, enforce: options.enforce?.smtp });
  // appSettings() (SMTP_PORT) needs the real port when the port was 0.
  await mail.listening;

  const graph = createGraphStandIn(ctx, { authorize: options.enforce?.graph });
  mail.addTab(graph.mailboxTab());
  // SharePoint batches changes for about a second before notifying; benchmarks set 0 to time our part alone.
  const notificationDelayMs = Number(process.env.AIGOV_SHAREPOINT_NOTIFICATION_DELAY_MS ?? 1000);
  // Off unless a benchmark asks: SharePoint Online's latency and per-app budget (docs/performance.md).
  const shape = loadSettingSlice(['SHAREPOINT_EMULATOR_LATENCY_MS', 'SHAREPOINT_EMULATOR_THROTTLE_PER_MINUTE'], process.env);
  const traffic = { latency: shape.SHAREPOINT_EMULATOR_LATENCY_MS, resourceUnitsPerMinute: shape.SHAREPOINT_EMULATOR_THROTTLE_PER_MINUTE };
  const sharepoint = createSharePointEmulator(ctx, { seed: options.seed, webhooks: { notificationDelayMs }, traffic, authorize: options.enforce?.sharepoint, seedCredential: options.enforce?.sharepointAdmin });
  const datix = createDatixStandIn(ctx, { authorize: options.enforce?.datix });

  return [createLocalSettings(ctx), sharepoint, durable, mail, graph, datix];
}
