import type { PlanResult, Route } from './schemas/route';
import type { FieldMessage } from './fieldErrors';
import { REQUEST_FIELD_LABELS, type RequestField } from './schemas/requestFields';

/**
 * Plain-English renderings of a plan, for an Information Governance lead reading a terminal or
 * an email. The compact JSON form is `routeSummary`.
 */
export interface RouteSummary {
  risk: Route['risk']['rating'];
  stages: { code: string; role: string; reason: string; clause: string }[][];
}

export function routeSummary(route: Route): RouteSummary {
  return {
    risk: route.risk.rating,
    stages: route.stages.map((steps) => steps.map(({ code, role, reason, clause }) => ({ code, role, reason, clause }))),
  };
}

export function describePlan(plan: PlanResult): string {
  return plan.outcome === 'refused' ? describeRefusal(plan.refused) : describeRoute(plan);
}

export function describeRoute(route: Route): string {
  const lines = [`Risk rating: ${route.risk.rating}.`];
  if (route.risk.facts.length > 0) {
    lines.push('Facts behind the rating:', ...route.risk.facts.map((f) => `  - ${f.sentence}`));
  }
  const stepCount = route.stages.flat().length;
  lines.push('', `The request needs ${stepCount} ${stepCount === 1 ? 'step' : 'steps'} in ${route.stages.length} ${route.stages.length === 1 ? 'stage' : 'stages'}.`);
  route.stages.forEach((steps, index) => {
    const together = steps.length > 1 ? ' (these run at the same time)' : '';
    lines.push('', `Stage ${index + 1}${together}:`);
    for (const step of steps) {
      lines.push(`  ${step.role} [${step.code}]`, `    Why: ${step.reason}`, `    Policy: ${step.clause}`);
    }
  });
  return lines.join('\n');
}

export function describeRefusal(refused: readonly FieldMessage[]): string {
  const lines = ['This request cannot go ahead yet. Please change these answers:'];
  for (const problem of refused) {
    const label = (REQUEST_FIELD_LABELS as Record<string, string | undefined>)[problem.field as RequestField];
    lines.push(`  - ${problem.field}${label ? ` (${label})` : ''}: ${problem.message}`);
  }
  return lines.join('\n');
}
