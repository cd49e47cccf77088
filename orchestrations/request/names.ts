/**
 * Names shared by orchestrators, activities and the functions that start or signal them.
 * Orchestrators import these (and the activity input/output types), never the implementations.
 */
export const ORCHESTRATOR = {
  aiRequest: 'aiRequest',
  approvalStep: 'approvalStep',
} as const;

export const ACTIVITY = {
  planRequestRoute: 'planRequestRoute',
  sendRequestReceipt: 'sendRequestReceipt',
  startStage: 'startStage',
  assignStep: 'assignStep',
  chaseStep: 'chaseStep',
  recordDecision: 'recordDecision',
  cancelSteps: 'cancelSteps',
  handOverStep: 'handOverStep',
  askForMoreInformation: 'askForMoreInformation',
  finishRequest: 'finishRequest',
  draftTransparencyRecord: 'draftTransparencyRecord',
} as const;

export const EVENT = {
  /** To an approvalStep instance: a decision, a change of holder, or a cancellation by the request. */
  stepSignal: 'stepSignal',
  /** To an aiRequest instance: the requester answered "more information needed". */
  resubmitted: 'resubmitted',
  /** To an aiRequest instance: the requester withdrew the request. */
  withdrawn: 'withdrawn',
} as const;

/** One orchestration per request, so a webhook that fires twice cannot start two. */
export const requestInstanceId = (requestId: number): string => `request-${requestId}`;

/** Each attempt at a step is its own sub-orchestration, so a reopened step starts clean. */
export const stepInstanceId = (requestId: number, stepCode: string, attempt: number): string =>
  `request-${requestId}-step-${stepCode}-${attempt}`;
