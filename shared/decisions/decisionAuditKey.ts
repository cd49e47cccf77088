/**
 * The audit key of a decision on one attempt at a step (a joint step's roles each have their
 * own): recordDecision appends under it, and a link's first claim tells the audit log the key is
 * new (it cannot be recorded before that claim), so the append after needs no lookup.
 */
export const decisionAuditKey = (requestId: number, stepCode: string, attempt: number, roleCode?: string): string =>
  `request-${requestId}-step-${stepCode}-${attempt}/decision${roleCode ? `/${roleCode}` : ''}`;
