import type { DecisionOutcome, PlannedStep, Route, StepMilestoneKind } from '../../shared/domain';

/**
 * Inputs and outputs of the orchestrators and activities: small objects (ids and facts, not
 * whole list items), so histories stay short. Orchestrators import these types only.
 */
export interface AiRequestInput {
  requestId: number;
  /**
   * 2: a stage's bookkeeping (its label, the requester's messages: the receipt, "stage complete")
   * runs beside its steps instead of before them, so approvers are asked sooner. Instances
   * started before have none and replay as they ran.
   * 3: as 2, and the approval drafts the register entry with its transparency record in one
   * write, so no activity follows it to draft the record (instances of 2 replay with it).
   */
  shape?: 2 | 3;
  /** The reference taken for a row that had none when its workflow started; the first plan writes it. */
  reference?: string;
}

export interface PlannedRequest {
  title: string;
  requesterEmail: string;
  route: Route;
}

export interface PlanRequestRouteInput {
  requestId: number;
  /** Steps already approved and not reopened, when re-planning after more information. */
  approvedSteps: string[];
  replan: boolean;
  plannedAt: string;
  /** The receipt goes in its own activity (`sendRequestReceipt`), beside the first stage's steps. */
  receiptLater?: boolean;
  /** A reference taken at the start for a row without one: written with the route, if the row still has none. */
  reference?: string;
}

/** The receipt of a plan (and the plan's audit entry), sent beside the first stage that runs. */
export interface SendRequestReceiptInput extends PlanRequestRouteInput {
  reopened: string[];
}

export type PlanRequestRouteOutput =
  | ({ outcome: 'routed'; reopened: string[]; changeSummary: string[] } & PlannedRequest)
  | { outcome: 'refused'; title: string; requesterEmail: string; reasons: string[] };

/** A stage of the route begins: the list item shows where the request is ("Stage 2 of 4"). */
export interface StartStageInput {
  requestId: number;
  /** 1-based position in the planned route (stages with nothing to do are skipped, not renumbered). */
  stage: number;
  stages: number;
  /** The orchestration's time: names the stage's message, so each begin of a stage sends one (absent in histories recorded before). */
  startedAt?: string;
  /** A stage ran before this one in the same round: the requester is told it is complete. */
  previousStageRan?: boolean;
}

export interface ApprovalStepInput {
  requestId: number;
  title: string;
  requesterEmail: string;
  step: PlannedStep;
  attempt: number;
  /**
   * The other steps of the same stage. A rejection or a question ends the stage, so the step
   * that gets one cancels its siblings; the parent waits on the whole stage with one Task.all
   * (re-yielding scheduled tasks in a new Task.any schedules them again: durable-js #574).
   */
  siblingInstanceIds: string[];
}

/** Which step, which attempt and who it is for: what assigning and chasing a step both carry. */
interface StepAttemptInput {
  requestId: number;
  stepCode: PlannedStep['code'];
  /** Assigning: every role listed is told, the first is the task row's assignee. Chasing: only the roles that have not yet decided. */
  roleCodes: PlannedStep['roleCodes'];
  /** "all": a joint step, a task row per role and each must decide; absent: one row, the first role's. */
  deciders?: PlannedStep['deciders'];
  role: string;
  reason: string;
  attempt: number;
  instanceId: string;
  dueAt: string;
}

export interface AssignStepInput extends StepAttemptInput {
  assignedAt: string;
}

export interface AssignStepOutput {
  assigneeEmail: string;
}

export interface ChaseStepInput extends StepAttemptInput {
  milestone: StepMilestoneKind;
  /** When the milestone fell due (the orchestration's time), for fresh decision links. */
  at: string;
}

/** What the decision endpoint (or the inbox) sends to a step; validated there with zod. */
export type StepSignal =
  | {
      kind: 'decision';
      outcome: DecisionOutcome;
      decidedBy: string;
      onBehalfOf?: string;
      decidedAt: string;
      channel: 'email' | 'teams' | 'web';
      comments: string;
      /** Each checklist item's tick or reason (absent in events raised before it was kept). */
      checklist?: { itemId: string; confirmed: boolean; reasonIfNot?: string }[];
      /** The references the step asks for, as typed (absent in events raised before they were kept). */
      references?: Record<string, string>;
      /** The role the decider answered for, on a joint step (its task row). */
      roleCode?: string;
      tokenId?: string;
      /** The task row as the link's claim left it: its id and etag (absent in events raised before it was sent). */
      task?: { id: number; etag: string };
    }
  | StepHandover
  | { kind: 'cancel'; reason: 'withdrawn' | 'stage-ended' | 'more-information' };

/**
 * The step changed hands: its holder delegated it, or the governance lead reassigned it. The task
 * row already names the new holder (written by the trigger, so older links stop at once); the step
 * sends the new holder their link and keeps waiting, its deadlines unchanged.
 */
export interface StepHandover {
  kind: 'handover';
  how: 'delegated' | 'reassigned';
  taskId: number;
  /** The task row's role (a joint step has one row per role). */
  roleCode: string;
  fromEmail: string;
  toEmail: string;
  byEmail: string;
  reason: string;
  /** When the row changed hands: the new holder's link is issued at this moment. */
  at: string;
}

export interface HandOverStepInput {
  requestId: number;
  stepCode: PlannedStep['code'];
  role: string;
  reason: string;
  attempt: number;
  instanceId: string;
  dueAt: string;
  handover: StepHandover;
}

export interface RecordDecisionInput {
  requestId: number;
  stepCode: string;
  attempt: number;
  signal: Extract<StepSignal, { kind: 'decision' }>;
  /**
   * The references this step's earlier decisions wrote to the request (a joint step's roles that
   * have concurred): a column already holding this decision's value is not written again.
   */
  writtenByStep?: Record<string, string>;
}

export type StepResult =
  | { stepCode: string; outcome: DecisionOutcome; decidedBy: string; comments: string }
  | { stepCode: string; outcome: 'cancelled' };

export interface CancelStepsInput {
  requestId: number;
  at: string;
  instanceIds: string[];
  reason: 'withdrawn' | 'stage-ended' | 'more-information';
}

export interface AskForMoreInformationInput {
  requestId: number;
  stepCode: string;
  comments: string;
  askedBy: string;
  askedAt: string;
}

export interface FinishRequestInput {
  requestId: number;
  outcome: 'approved' | 'rejected' | 'withdrawn' | 'refused';
  reasons: string[];
  finishedAt: string;
}

/** After an approval: draft the transparency record on the request's register entry. */
export interface DraftTransparencyRecordInput {
  requestId: number;
  approvedAt: string;
}

/** Custom status the web part shows: where the request is, in plain words. */
export interface RequestProgress {
  state: 'planning' | 'in-review' | 'more-information-needed' | 'approved' | 'rejected' | 'withdrawn' | 'refused';
  stage?: number;
  waitingOn?: string[];
  approved: string[];
}
