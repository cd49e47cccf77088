/**
 * The audit key of a decision on one attempt at a step (a joint step's roles each have their
 * own): recordDecision appends under it, and the decision page looks it up ahead while it claims
 * the link, so the append after need not wait for that lookup.
 */
export const decisionAuditKey = (requestId: number, stepCode: string, attempt: number, roleCode?: string): string =>
  `request-${requestId}-step-${stepCode}-${attempt}/decision${roleCode ? `/${roleCode}` : ''}`;
