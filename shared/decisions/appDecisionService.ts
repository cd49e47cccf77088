import type { AppServices } from '../appServices';
import { batchedReads } from '../sharepoint';
import { appClock } from '../time';
import type { StepDelivery } from './claimedDecisions';
import { makeDecisionService } from './decisionService';

/**
 * The decision service as the triggers run it: the app's lists (independent reads batched),
 * people directory, signing keys and clock, with decisions delivered to their steps as `delivery` says.
 */
export const appDecisionService = (services: Pick<AppServices, 'sp' | 'repos' | 'people' | 'settings' | 'audit'>, delivery: StepDelivery) =>
  makeDecisionService({
    repos: services.repos,
    people: services.people,
    keys: services.settings.DECISION_SIGNING_KEYS,
    now: () => appClock.now(),
    beforeClaim: () => services.audit.beforeClaim?.() ?? (() => undefined),
    readTogether: batchedReads(services.sp),
    ...delivery,
  });
