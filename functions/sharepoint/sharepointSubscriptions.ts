import { app, type InvocationContext, type Timer } from '@azure/functions';
import * as df from 'durable-functions';
import { appClock } from '../../shared/time';
import { appServices } from '../../app/services';
import { processListChanges, WATCHED_LISTS } from '../../shared/changeFeeds/listChangeFeeds';
import { webhookClientStates } from '../../shared/changeFeeds/requestChangeFeed';
import { repairUnstartedRequests } from '../../shared/requests/repairRequests';
import { repairUnstartedIncidents } from '../../shared/incidents/startIncidentWorkflow';
import { redeliverClaimedDecisions, stepDelivery } from '../../shared/decisions/claimedDecisions';

const DAY = 86_400_000;
/** SharePoint refuses subscriptions longer than 180 days; renew well before the end. */
const LIFETIME_DAYS = 179;
const RENEW_WITHIN_DAYS = 30;

interface Subscription {
  id: string;
  notificationUrl: string;
  expirationDateTime: string;
  clientState?: string | null;
}

/**
 * Daily, and when the app starts: make sure each watched list (AI Requests, AI Policies) has our
 * webhook subscription (created, renewed before it expires, or re-keyed after a signing-key
 * rotation), then read any changes the webhook missed while the app was down, and start the
 * workflow of any request or incident whose row was written just before the app stopped, and
 * hand each step any decision claimed on its task row just before the app stopped.
 */
export async function sharepointSubscriptions(_timer: Timer, context: InvocationContext): Promise<void> {
  const services = appServices();
  const notificationUrl = `${services.settings.PUBLIC_BASE_URL}/api/sharepoint/webhook`;
  const [clientState] = webhookClientStates(services);
  const now = appClock.now().getTime();
  const expiry = new Date(now + LIFETIME_DAYS * DAY).toISOString();

  let tokensStarted = false;
  for (const title of WATCHED_LISTS) {
    const list = services.sp.web.lists.getByTitle(title);
    try {
      const subscriptions = await list.subscriptions<Subscription[]>();
      const ours = subscriptions.find((s) => s.notificationUrl === notificationUrl);
      if (!ours) {
        // A list's first change-log read starts its token at "now". Done before subscribing, so a
        // change made as soon as the subscription exists comes after the token: read first after
        // subscribing, the token could already cover that change, and the change would be missed.
        if (!tokensStarted) await processListChanges(services, df.getClient(context), (m) => context.warn(m));
        tokensStarted = true;
        await list.subscriptions.add(notificationUrl, expiry, clientState);
        context.log(`Subscribed to changes in ${title} until ${expiry}.`);
      } else if (Date.parse(ours.expirationDateTime) - now < RENEW_WITHIN_DAYS * DAY || ours.clientState !== clientState) {
        await list.subscriptions.getById(ours.id).update(expiry, notificationUrl, clientState);
        context.log(`Renewed the ${title} subscription until ${expiry}.`);
      }
    } catch (err) {
      // Without a subscription the catch-up below still finds the changes, only later.
      context.warn(`Could not create or renew the ${title} webhook subscription: ${err instanceof Error ? err.message : String(err)}`);
    }
  }
  // Looks before taking each list's lease: most days there is nothing to catch up on.
  const report = await processListChanges(services, df.getClient(context), (m) => context.warn(m), undefined, { lookFirst: true });
  if (report.dispatched > 0) context.log(`Caught up on ${report.dispatched} list change(s).`);
  const repaired = await repairUnstartedRequests(services, df.getClient(context), appClock.now(), (m) => context.warn(m));
  if (repaired > 0) context.log(`Started the workflow of ${repaired} request(s) left without one.`);
  const incidents = await repairUnstartedIncidents(services, df.getClient(context), appClock.now(), (m) => context.warn(m));
  if (incidents > 0) context.log(`Started the workflow of ${incidents} incident(s) left without one.`);
  const decisions = await redeliverClaimedDecisions({ ...stepDelivery(df.getClient(context)), repos: services.repos, people: services.people }, (m) => context.warn(m));
  if (decisions > 0) context.log(`Passed ${decisions} decision(s) recorded on a task row to the step still waiting for them.`);
}

app.timer('sharepointSubscriptions', {
  schedule: '0 15 6 * * *',
  runOnStartup: true,
  extraInputs: [df.input.durableClient()],
  handler: sharepointSubscriptions,
});
