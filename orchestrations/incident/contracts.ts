import type { DatixReason } from '../../shared/incidents/incidentLabels';
import type { BreachOutcome, TriageDecision } from '../../shared/incidents/incidentSignals';

/**
 * Inputs and outputs of the incident orchestrators and activities: ids, flags and times only (the
 * description and people stay in the AI Incidents item), so histories stay short and hold no
 * personal data.
 */
export interface AiIncidentInput {
  incidentId: number;
  reportedAt: string;
  patientHarm: boolean;
  personalDataBreach: boolean;
  researchRelated: boolean;
  /** Patient harm, or a clinical-safety concern: the Clinical Safety Officer is told too. */
  patientSafety: boolean;
  /** For a breach: when the organisation became aware; the 72 hours run from here. */
  awareAt?: string;
}

export interface AnnounceIncidentInput {
  incidentId: number;
  instanceId: string;
  at: string;
  triageDueAt: string;
  urgentBecause?: 'patient-harm' | 'personal-data-breach';
  patientSafety: boolean;
  researchRelated: boolean;
}

export interface IncidentDatixInput {
  incidentId: number;
  triageDueAt: string;
  researchRelated: boolean;
}

/** A triage recorded before the Datix track started waiting (its event had nowhere to go yet). */
export type ReadTriageOutput = { decision: TriageDecision | null };

export type IncidentDatixResult =
  | { outcome: 'not-needed' }
  | { outcome: 'recorded'; reference: string; reason: DatixReason };

export interface EscalateToDatixInput {
  incidentId: number;
  instanceId: string;
  reason: DatixReason;
  at: string;
}

/**
 * - recorded: Datix has it and we hold the reference (http adapter);
 * - awaiting-reference: someone must log it (manual, email) and record the reference;
 * - failed: the endpoint refused it for good (not a busy or down endpoint, which is retried);
 * - not-needed: a triage saying "no Datix report" arrived just before the deadline fired.
 */
export type EscalateToDatixOutput =
  | { kind: 'recorded'; reference: string }
  | { kind: 'awaiting-reference' }
  | { kind: 'failed'; problem: string }
  | { kind: 'not-needed' };

export interface RequestManualDatixEntryInput extends EscalateToDatixInput {
  /** Why the automatic route did not work, in words the team can act on. */
  problem: string;
}

export interface RemindDatixReferenceInput {
  incidentId: number;
  instanceId: string;
  reason: DatixReason;
  reminderNumber: number;
  at: string;
}

/** Reminders look at the item first: a reference recorded while the event was lost still ends the wait. */
export type RemindOutput = { recorded: true; value: string } | { recorded: false };

export interface IncidentBreachInput {
  incidentId: number;
  awareAt: string;
}

export type IncidentBreachResult = { outcome: BreachOutcome };

/** A regulator report recorded before the breach track started is not announced again. */
export type AnnounceBreachOutput = { recorded: true; value: BreachOutcome } | { recorded: false };

export interface AnnounceBreachInput {
  incidentId: number;
  instanceId: string;
  awareAt: string;
  deadlineAt: string;
  at: string;
}

export interface RemindBreachReportInput {
  incidentId: number;
  instanceId: string;
  milestone: 'regulator-reminder' | 'regulator-deadline';
  hoursAfterAwareness: number;
  awareAt: string;
  deadlineAt: string;
  at: string;
}

export interface FinishIncidentInput {
  incidentId: number;
  at: string;
  datix: IncidentDatixResult;
  breach?: IncidentBreachResult;
}
