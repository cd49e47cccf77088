import { formatUkDateTime } from '../ukDateTime';

export interface NextStepFacts {
  triageDue: string;
  urgent: boolean;
  researchRelated: boolean;
  patientSafety: boolean;
  personalDataBreach: boolean;
}

/**
 * What the incident workflow does after a report, as the reporter reads it (the acknowledgement
 * email and the page after the form). Only what aiIncident does: who it tells, the triage
 * deadline, when it goes to Datix, and the breach clock.
 */
export function whatHappensNext(f: NextStepFacts): string[] {
  const due = formatUkDateTime(f.triageDue);
  return [
    `The Information Governance Manager is told and asked to triage it by ${due}: to decide whether it must be reported to Datix, the organisation’s incident reporting system.${f.urgent ? ' It is urgent, so triage is due within 4 hours.' : ''}`,
    ...(f.patientSafety ? ['The Clinical Safety Officer is told too, because patient safety may be involved.'] : []),
    f.researchRelated
      ? 'Because it concerns research, it is reported to Datix straight away, as the artificial intelligence policy requires.'
      : 'If nobody triages it by then, it is reported to Datix automatically.',
    ...(f.personalDataBreach
      ? ['Because personal data may have been lost, shared or exposed, the Head of Safe Practice is told: a personal data breach may have to be reported to the regulator within 72 hours.']
      : []),
  ];
}
