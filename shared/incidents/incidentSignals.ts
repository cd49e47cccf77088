/**
 * What the incident endpoints and pages tell a waiting incident orchestration, after the answer is
 * written to the AI Incidents item (the item is the record; the event only wakes the wait).
 */
export const TRIAGE_DECISIONS = ['report-to-datix', 'no-datix-report'] as const;
export type TriageDecision = (typeof TRIAGE_DECISIONS)[number];

export const BREACH_OUTCOMES = ['reported', 'not-reportable'] as const;
export type BreachOutcome = (typeof BREACH_OUTCOMES)[number];

export interface TriageSignal {
  decision: TriageDecision;
  by: string;
  at: string;
}

export interface DatixReferenceSignal {
  reference: string;
  by: string;
  at: string;
}

export interface BreachReportSignal {
  outcome: BreachOutcome;
  by: string;
  at: string;
}

export type IncidentSignal =
  | { kind: 'triaged'; value: TriageSignal }
  | { kind: 'datix-reference-recorded'; value: DatixReferenceSignal }
  | { kind: 'breach-report-recorded'; value: BreachReportSignal };
