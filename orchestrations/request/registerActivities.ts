import * as df from 'durable-functions';
import type { InvocationContext } from '@azure/functions';
import type { AppServices } from '../../shared/appServices';
import { scopedActivities } from '../activities/scopedActivity';
import { makeRequestActivities } from './activities/requestActivities';
import { makeStepActivities } from './activities/stepActivities';
import { makeTransparencyActivities } from './activities/transparencyActivities';
import type {
  AskForMoreInformationInput,
  AssignStepInput,
  CancelStepsInput,
  ChaseStepInput,
  DraftTransparencyRecordInput,
  FinishRequestInput,
  HandOverStepInput,
  PlanRequestRouteInput,
  RecordDecisionInput,
  StartStageInput,
} from './contracts';
import { ACTIVITY } from './names';

/**
 * Wires the activity factories to the real services, once. Everything else about an activity
 * lives in its factory, where tests can give it stand-ins.
 */
export function registerRequestActivities(appServices: () => AppServices): void {
  let requestActivities: ReturnType<typeof makeRequestActivities> | undefined;
  const requests = (): ReturnType<typeof makeRequestActivities> => {
    const s = appServices();
    return (requestActivities ??= makeRequestActivities({ repos: s.repos, people: s.people, notifier: s.notifier, audit: s.audit, publicBaseUrl: s.settings.PUBLIC_BASE_URL }));
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

  const withClient = { extraInputs: [df.input.durableClient()] };

  const activity = scopedActivities(appServices);
  activity(ACTIVITY.planRequestRoute, { handler: (input: PlanRequestRouteInput) => requests().planRequestRoute(input) });
  activity(ACTIVITY.startStage, { handler: (input: StartStageInput) => requests().startStage(input) });
  activity(ACTIVITY.askForMoreInformation, { handler: (input: AskForMoreInformationInput) => requests().askForMoreInformation(input) });
  activity(ACTIVITY.finishRequest, { handler: (input: FinishRequestInput) => requests().finishRequest(input) });
  activity(ACTIVITY.draftTransparencyRecord, { handler: (input: DraftTransparencyRecordInput) => transparency().draftTransparencyRecord(input) });
  activity(ACTIVITY.assignStep, { ...withClient, handler: (input: AssignStepInput, ctx) => steps(ctx).assignStep(input) });
  activity(ACTIVITY.chaseStep, { ...withClient, handler: (input: ChaseStepInput, ctx) => steps(ctx).chaseStep(input) });
  activity(ACTIVITY.recordDecision, { ...withClient, handler: (input: RecordDecisionInput, ctx) => steps(ctx).recordDecision(input) });
  activity(ACTIVITY.cancelSteps, { ...withClient, handler: (input: CancelStepsInput, ctx) => steps(ctx).cancelSteps(input) });
  activity(ACTIVITY.handOverStep, { ...withClient, handler: (input: HandOverStepInput, ctx) => steps(ctx).handOverStep(input) });
}
