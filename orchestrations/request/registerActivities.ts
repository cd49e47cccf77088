import * as df from 'durable-functions';
import type { InvocationContext } from '@azure/functions';
import type { AppServices } from '../../shared/appServices';
import { inAuditScope } from '../activities/scopedActivity';
import { makeRequestActivities } from './activities/requestActivities';
import { makeStepActivities } from './activities/stepActivities';
import { makeTransparencyActivities } from './activities/transparencyActivities';
import { ACTIVITY } from './names';
import { registerEach } from '../registerActivities';

/**
 * Wires the activity factories to the real services, once. Everything else about an activity
 * lives in its factory, where tests can give it stand-ins.
 */
export function registerRequestActivities(appServices: () => AppServices): void {
  let requestActivities: ReturnType<typeof makeRequestActivities> | undefined;
  const requests = (): ReturnType<typeof makeRequestActivities> => {
    const s = appServices();
    return (requestActivities ??= makeRequestActivities({ repos: s.repos, people: s.people, notifier: s.notifier, audit: s.audit, publicBaseUrl: s.settings.PUBLIC_BASE_URL, contactEmail: s.settings.GOVERNANCE_LEAD_EMAIL }));
  };

  let transparencyActivities: ReturnType<typeof makeTransparencyActivities> | undefined;
  const transparency = (): ReturnType<typeof makeTransparencyActivities> => {
    const s = appServices();
    return (transparencyActivities ??= makeTransparencyActivities({ repos: s.repos, audit: s.audit, publicBaseUrl: s.settings.PUBLIC_BASE_URL, contactEmail: s.settings.GOVERNANCE_LEAD_EMAIL }));
  };

  const steps = (context: InvocationContext): ReturnType<typeof makeStepActivities> => {
    const s = appServices();
    const client = df.getClient(context);
    return makeStepActivities({
      repos: s.repos,
      people: s.people,
      roles: s.roles,
      messages: s.messages,
      audit: s.audit,
      publicBaseUrl: s.settings.PUBLIC_BASE_URL,
      signingKeys: s.settings.DECISION_SIGNING_KEYS,
      linkTtlHours: s.settings.DECISION_LINK_TTL_HOURS,
      raiseEvent: (instanceId, eventName, data) => client.raiseEvent(instanceId, eventName, data),
    });
  };

  const around = inAuditScope(appServices);
  registerEach(ACTIVITY, ['planRequestRoute', 'sendRequestReceipt', 'startStage', 'askForMoreInformation', 'finishRequest'], requests, { around });
  registerEach(ACTIVITY, ['draftTransparencyRecord'], transparency, { around });
  registerEach(ACTIVITY, ['assignStep', 'chaseStep', 'recordDecision', 'cancelSteps', 'handOverStep'], steps, { extraInputs: [df.input.durableClient()], around });
}
