import { STEP_NAMES } from '../contract/generated/contract';
import type { RequestStatus, Route, StageProgress, StepProgress } from './types';

const ENDED: readonly RequestStatus[] = ['approved', 'rejected', 'withdrawn'];

type StageStep = StageProgress['steps'][number];

/** The latest attempt decides: a joint step's rows (one per role) share it, and it is open while any of them is. */
function stepState(attempts: StepProgress[], ended: boolean): StageStep['state'] {
  if (attempts.length === 0) return ended ? 'not-reached' : 'ahead';
  const latest = attempts[attempts.length - 1].attempt ?? 1;
  const rows = attempts.filter((a) => (a.attempt ?? 1) === latest);
  if (rows.some((r) => r.status === 'waiting')) return 'open';
  if (rows.every((r) => r.status === 'cancelled')) return 'stopped';
  return 'decided';
}

function stageState(steps: StageStep[], status: RequestStatus, ended: boolean): StageProgress['state'] {
  if (steps.some((s) => s.state === 'open')) return 'now';
  // A question waits on the requester's reply: its stage is where the request is.
  if (status === 'more-information' && steps.some((s) => s.attempts[s.attempts.length - 1]?.outcome === 'more-information')) return 'now';
  if (steps.every((s) => s.attempts.length === 0)) return ended ? 'not-reached' : 'ahead';
  return 'done';
}

/**
 * The route's stages (the plan the workflow keeps on the request, replanned when answers change)
 * with the steps' task rows laid over them: each planned step's attempts so far, oldest first, and
 * what state it and its stage are in. A step with no row yet is ahead, or, once the request has
 * ended, never reached.
 */
export function stageProgress(route: Route, steps: readonly StepProgress[], status: RequestStatus): StageProgress[] {
  const ended = ENDED.indexOf(status) >= 0;
  return route.stages.map((planned, index) => {
    const stageSteps: StageStep[] = planned.map((p) => {
      const attempts = steps.filter((s) => s.code === p.code).sort((a, b) => (a.attempt ?? 1) - (b.attempt ?? 1));
      return { code: p.code, name: STEP_NAMES[p.code] ?? p.code, role: p.role, state: stepState(attempts, ended), attempts };
    });
    return { number: index + 1, state: stageState(stageSteps, status, ended), steps: stageSteps };
  });
}
