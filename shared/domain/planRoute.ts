import { intakeRequestShapeSchema, type IntakeRequest } from './schemas/intakeRequest';
import type { PlanResult, PlannedStep, Route } from './schemas/route';
import type { StepCode } from './schemas/stepCodes';
import { toFieldMessages, type FieldMessage } from './fieldErrors';
import { checkIntake } from './intakeRules';
import { assessRisk } from './riskRules';
import { ROUTING_RULES, ROUTING_RULES_VERSION, stepInputs, type RuleInput } from './routingRules';

/**
 * The routing engine: a pure function from an intake request to its route, or to the intake
 * refusals that stop it. Same request in, same route out; no clock, no I/O.
 */
export function planRoute(request: IntakeRequest, options: { openedBefore?: ReadonlySet<StepCode> } = {}): PlanResult {
  const refused = checkIntake(request);
  if (refused.length > 0) return { outcome: 'refused', refused };
  return routeFor({ request, risk: assessRisk(request), openedBefore: options.openedBefore });
}

function routeFor(input: RuleInput): Route {
  const byStage = new Map<number, PlannedStep[]>();
  for (const rule of ROUTING_RULES) {
    if (!rule.required(input)) continue;
    const step: PlannedStep = {
      code: rule.code,
      stage: rule.stage,
      role: rule.role,
      roleCodes: [...rule.roleCodes],
      reason: rule.reason(input),
      clause: rule.clause,
      checklist: rule.checklist.map((item) => ({ ...item })),
      inputs: stepInputs(rule),
      mayRecordNotRequired: rule.mayRecordNotRequired(input),
      ...(rule.deciders ? { deciders: rule.deciders } : {}),
    };
    byStage.set(rule.stage, [...(byStage.get(rule.stage) ?? []), step]);
  }
  const stages = [...byStage.entries()].sort(([a], [b]) => a - b).map(([, steps]) => steps);
  return { outcome: 'routed', rulesVersion: ROUTING_RULES_VERSION, risk: { rating: input.risk.rating, facts: [...input.risk.facts] }, stages };
}

export type ParsedPlan = PlanResult | { outcome: 'invalid'; invalid: FieldMessage[] };

/** For boundaries holding raw JSON: shape errors come back as fields to fix, not exceptions. */
export function planRouteFromJson(input: unknown): ParsedPlan {
  const parsed = intakeRequestShapeSchema.safeParse(input);
  if (!parsed.success) return { outcome: 'invalid', invalid: toFieldMessages(parsed.error) };
  return planRoute(parsed.data);
}
