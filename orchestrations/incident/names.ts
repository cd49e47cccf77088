/**
 * Names of the incident orchestrators, their activities and events, and their instance ids.
 * Orchestrators import these (and the types in incidentContracts.ts), never the implementations.
 */
export const INCIDENT_ORCHESTRATOR = {
  aiIncident: 'aiIncident',
  incidentDatix: 'incidentDatix',
  incidentBreachReport: 'incidentBreachReport',
} as const;

export const INCIDENT_ACTIVITY = {
  announceIncident: 'announceIncident',
  readTriage: 'readTriage',
  escalateToDatix: 'escalateToDatix',
  requestManualDatixEntry: 'requestManualDatixEntry',
  remindDatixReference: 'remindDatixReference',
  announceBreach: 'announceBreach',
  remindBreachReport: 'remindBreachReport',
  finishIncident: 'finishIncident',
} as const;

export const INCIDENT_EVENT = {
  /** To the Datix track: someone triaged the incident (payload TriageSignal). */
  triaged: 'triaged',
  /** To the Datix track: the Datix reference was recorded by hand (payload DatixReferenceSignal). */
  datixReferenceRecorded: 'datixReferenceRecorded',
  /** To the breach track: the regulator report (or why not) was recorded (payload BreachReportSignal). */
  breachReportRecorded: 'breachReportRecorded',
} as const;

/** One orchestration per incident, so a repeated start cannot run two. */
export const incidentInstanceId = (incidentId: number): string => `incident-${incidentId}`;
/** Triage and Datix escalation: waits for triage, then for the Datix reference. */
export const incidentDatixInstanceId = (incidentId: number): string => `incident-${incidentId}-datix`;
/** The 72-hour regulator deadline of a personal data breach. */
export const incidentBreachInstanceId = (incidentId: number): string => `incident-${incidentId}-breach`;
