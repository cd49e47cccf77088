import type { EmailDocument } from '../document';
import type { IncidentTriageNeeded } from '../../incidentViewModels';
import { formatDateTime, incidentFacts, incidentName } from './incidentFacts';

const URGENT_TEXT = {
  'patient-harm': 'a patient was harmed or put at risk',
  'personal-data-breach': 'personal data was lost, shared or exposed',
} as const;

/** To the Information Governance Manager (and the Clinical Safety Officer when patient safety is involved) when an incident is reported. */
export function incidentTriageNeededEmail(m: IncidentTriageNeeded): EmailDocument {
  const name = incidentName(m.incident);
  const due = formatDateTime(m.triageDue);
  const urgent = m.urgentBecause ? ` This is urgent because ${URGENT_TEXT[m.urgentBecause]}: triage is due within 4 hours.` : '';
  const intro =
    m.audience === 'information-governance'
      ? `An artificial intelligence incident has been reported. Please triage it by ${due}: decide whether it must be reported to Datix.${urgent}`
      : `An artificial intelligence incident involving patient safety has been reported. The Information Governance Manager triages it by ${due}; as Clinical Safety Officer you can triage it too, and may need to investigate.${urgent}`;
  const blocks: EmailDocument['blocks'] = [
    { kind: 'paragraph', text: intro },
    incidentFacts(m.incident, [
      ['Triage due by', due],
      ['Patient safety involved', m.patientSafety ? 'Yes' : 'No'],
      ['Research-related', m.researchRelated ? 'Yes' : 'No'],
    ]),
  ];
  if (m.researchRelated) {
    blocks.push({
      kind: 'paragraph',
      text: 'Because it concerns research, it is being reported to Datix now, as the artificial intelligence policy requires. Your triage is still recorded.',
    });
  } else {
    blocks.push({ kind: 'paragraph', text: 'If nobody triages it by then, it is reported to Datix automatically.' });
  }
  blocks.push({ kind: 'action', link: { label: `Open the triage page for ${name.toLowerCase()}`, url: m.actionUrl } });
  return {
    subject: m.urgentBecause ? `Urgent: triage ${name.toLowerCase()} by ${due}` : `Triage needed: ${name.toLowerCase()} by ${due}`,
    heading: m.audience === 'information-governance' ? `${name} needs triage` : `${name} involves patient safety`,
    blocks,
  };
}
