import { join } from 'node:path';
import type { MailboxTab } from '../mail/mailboxTabs';
import type { BearerGate } from '../server/bearerGate';
import { closeOnce, type LocalService, type RuntimeContext } from '../server/localService';
import { FaultInjector } from './faults';
import { createGraphRoute } from './graphRoute';
import { createTeamsMailboxTab } from './mailboxTab';
import { GRAPH_PREFIX } from './pages';
import { TeamsStore } from './teamsStore';

export type { StoredTeamsMessage } from './teamsStore';
export { cardToHtml, cardToText, cardLinks } from './cardHtml';

export interface GraphStandIn extends LocalService {
  /** The "Teams" tab for the dev mailbox: `mail.addTab(graph.mailboxTab())`. */
  mailboxTab(): MailboxTab;
}

/**
 * The local stand-in for Microsoft Graph's Teams calls, on the shared origin under /dev/graph/.
 * The real Graph client reaches it through GRAPH_BASE_URL (`<origin>/dev/graph` + `/v1.0/...`).
 * Messages are kept in SQLite at `<dataDir>/graph/teams.sqlite`.
 */
/** Not a real app: the stand-in accepts any. */
export const LOCAL_TEAMS_APP_ID = '00000000-0000-4000-8000-00000000a1a1';

export interface GraphStandInOptions {
  /** Off unless given (the production rehearsal): see GraphRouteOptions.authorize. */
  authorize?: BearerGate;
}

export function createGraphStandIn(ctx: RuntimeContext, options: GraphStandInOptions = {}): GraphStandIn {
  const store = new TeamsStore(join(ctx.dataDir, 'graph', 'teams.sqlite'));
  const faults = new FaultInjector();
  return {
    name: 'graph',
    routes: [createGraphRoute({ store, faults, clock: ctx.clock, log: (m) => ctx.log(m), authorize: options.authorize })],
    // A made-up Teams app id turns the Teams channel on, so roles that prefer Teams hear there.
    appSettings: () => ({ GRAPH_BASE_URL: `${ctx.origin}${GRAPH_PREFIX}`, TEAMS_APP_ID: LOCAL_TEAMS_APP_ID }),
    links: () => [{ label: 'Graph stand-in: Teams messages (JSON)', url: `${ctx.origin}${GRAPH_PREFIX}/messages.json` }],
    // Requests are handled to the end before the answer goes back, so nothing is ever left running.
    whenIdle: () => Promise.resolve(),
    mailboxTab: () => createTeamsMailboxTab(store, ctx.origin),
    close: closeOnce(() => store.close()),
  };
}
