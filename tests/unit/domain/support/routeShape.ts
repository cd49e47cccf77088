import type { PlanResult, Route } from '../../../../shared/domain';

/** `{ IG_NOTIFY: 1, DPIA: 2, … }`: each step code with its design stage, for exact comparisons. */
export function stagesByCode(plan: PlanResult): Record<string, number> {
  const route = expectRouted(plan);
  return Object.fromEntries(route.stages.flat().map((s) => [s.code, s.stage]));
}

export function expectRouted(plan: PlanResult): Route {
  if (plan.outcome !== 'routed') throw new Error(`expected a route, got refusals: ${JSON.stringify(plan.refused)}`);
  return plan;
}

export function refusedFields(plan: PlanResult): string[] {
  if (plan.outcome !== 'refused') throw new Error('expected the request to be refused at intake');
  return plan.refused.map((r) => r.field).sort();
}
