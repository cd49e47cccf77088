import { DEFAULT_DEADLINE_SETTINGS, makeWorkingCalendar, routingRuleFor, STEP_CODES, toZonedDateTime, workingDaysBetween, type DeadlineSettings, type StepCode } from '../domain';
import type { DashboardResponse, DashboardStage } from '../contract/dashboard';
import type { AuditItem } from '../sharepoint';

/**
 * Turnaround in working days (England and Wales: weekends and bank holidays are not counted),
 * read from the audit log only: when each step was sent ("step-assigned", with its due date),
 * each decision ("decision-recorded"), when the request was sent ("request-submitted") and its
 * outcome. A duration is the working days after the start's date up to and including the end's
 * date, so a step sent on Friday and decided on Monday took 1 working day, one decided the day it
 * was sent took 0.
 */
export type TurnaroundEntry = Pick<AuditItem, 'EventType' | 'OccurredAt' | 'Details' | 'Sequence'>;

/** The audit entries the figures are read from. */
export const TURNAROUND_EVENT_TYPES: readonly string[] = ['request-submitted', 'step-assigned', 'decision-recorded', 'request-approved', 'request-rejected', 'request-refused'];

type Figures = { count: number; median: number | null; p90: number | null };
export type Turnaround = DashboardResponse['turnaround'];

const FINISHED = new Set(['request-approved', 'request-rejected', 'request-refused']);
const STAGE_OF: Readonly<Record<1 | 2 | 3 | 4, DashboardStage>> = { 1: 'stage-1', 2: 'stage-2', 3: 'stage-3', 4: 'stage-4' };

const details = (e: TurnaroundEntry): Record<string, unknown> => {
  try {
    return (JSON.parse(e.Details ?? '{}') as Record<string, unknown>) ?? {};
  } catch {
    return {};
  }
};
const isStepCode = (code: unknown): code is StepCode => typeof code === 'string' && (STEP_CODES as readonly string[]).includes(code);

/** The middle value (the mean of the two middle ones for an even count). */
export function median(values: readonly number[]): number | null {
  if (values.length === 0) return null;
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 === 1 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
}

/** The 90th percentile by nearest rank: the smallest value at least 90% of the values do not exceed. */
export function percentile90(values: readonly number[]): number | null {
  if (values.length === 0) return null;
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.ceil(0.9 * sorted.length) - 1];
}

const figures = (values: readonly number[]): Figures => ({ count: values.length, median: median(values), p90: percentile90(values) });

interface StepAttempt {
  code: StepCode;
  attempt: number;
  sentAt: string;
  due: string | null;
  decisions: { at: string; outcome: string; roleCode: string | null }[];
}

/** Sent steps with their decisions, by step and attempt (a step asked again after more information is a new attempt). */
function stepAttempts(entries: readonly TurnaroundEntry[]): StepAttempt[] {
  const attempts = new Map<string, StepAttempt>();
  for (const e of entries) {
    const d = details(e);
    if (!isStepCode(d.stepCode)) continue;
    const key = `${d.stepCode}#${Number(d.attempt ?? 1)}`;
    if (e.EventType === 'step-assigned' && !attempts.has(key)) {
      attempts.set(key, { code: d.stepCode, attempt: Number(d.attempt ?? 1), sentAt: e.OccurredAt, due: typeof d.due === 'string' ? d.due : null, decisions: [] });
    } else if (e.EventType === 'decision-recorded') {
      attempts.get(key)?.decisions.push({ at: e.OccurredAt, outcome: String(d.outcome), roleCode: typeof d.roleCode === 'string' ? d.roleCode : null });
    }
  }
  return [...attempts.values()];
}

/** A joint step is decided when each of its roles has, or when one role rejected or asked for more. */
function decidedAt(step: StepAttempt): string | undefined {
  if (step.decisions.length === 0) return undefined;
  const last = step.decisions.map((d) => d.at).sort().at(-1);
  const rule = routingRuleFor(step.code);
  if (rule.deciders !== 'all' || step.decisions.some((d) => d.roleCode === null)) return last;
  const ended = step.decisions.find((d) => d.outcome !== 'approved' && d.outcome !== 'not-required');
  if (ended) return ended.at;
  return rule.roleCodes.every((role) => step.decisions.some((d) => d.roleCode === role)) ? last : undefined;
}

/**
 * The dashboard's turnaround figures over the given requests' audit entries (each request's in
 * order): per stage and end to end, median and 90th percentile in working days, and the share of
 * decisions made by the end of their step's due day.
 */
export function turnaround(entriesByRequest: Iterable<readonly TurnaroundEntry[]>, settings: DeadlineSettings = DEFAULT_DEADLINE_SETTINGS): Turnaround {
  const calendar = makeWorkingCalendar(settings);
  const days = (from: string, to: string): number => workingDaysBetween(toZonedDateTime(from, settings.zone), toZonedDateTime(to, settings.zone), calendar);
  const byStage = new Map<DashboardStage, number[]>();
  const endToEnd: number[] = [];
  let decided = 0;
  let onTime = 0;

  for (const entries of entriesByRequest) {
    const steps = stepAttempts(entries);
    for (const step of steps) {
      for (const d of step.decisions) {
        decided += 1;
        if (step.due && Date.parse(d.at) <= Date.parse(step.due)) onTime += 1;
      }
    }
    // A stage counts once every step sent in it was decided (its last attempt, when asked again).
    const stages = new Map<DashboardStage, StepAttempt[]>();
    for (const step of steps) {
      const stage = STAGE_OF[routingRuleFor(step.code).stage];
      stages.set(stage, [...(stages.get(stage) ?? []), step]);
    }
    for (const [stage, sent] of stages) {
      const latest = sent.filter((s) => !sent.some((o) => o.code === s.code && o.attempt > s.attempt));
      const ends = latest.map(decidedAt);
      if (ends.some((e) => e === undefined)) continue;
      const start = sent.map((s) => s.sentAt).sort()[0];
      const end = (ends as string[]).sort().at(-1)!;
      byStage.set(stage, [...(byStage.get(stage) ?? []), days(start, end)]);
    }
    const sentAt = entries.find((e) => e.EventType === 'request-submitted')?.OccurredAt;
    const finishedAt = [...entries].reverse().find((e) => FINISHED.has(e.EventType))?.OccurredAt;
    if (sentAt && finishedAt) endToEnd.push(days(sentAt, finishedAt));
  }

  return {
    stages: Object.values<DashboardStage>(STAGE_OF).filter((s) => byStage.has(s)).map((stage) => ({ stage, ...figures(byStage.get(stage)!) })),
    endToEnd: figures(endToEnd),
    decisions: { decided, onTime, onTimeShare: decided === 0 ? null : onTime / decided },
  };
}
