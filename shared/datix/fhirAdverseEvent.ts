import { categoryLabel } from './datixFormLayout';
import { datixIncidentReportSchema, relatedToolLabel, type DatixIncidentReport } from './incidentReport';

/**
 * An incident as a FHIR R4 AdverseEvent: the shape local risk systems upload to national
 * patient-safety reporting (Learn From Patient Safety Events). We hand this to the risk team's
 * system; we never upload to the national service ourselves.
 *
 * Only the FHIR R4 elements we fill are typed here (a runtime FHIR library would be a large
 * dependency for one resource); tests validate the output against the R4 definitions.
 */
interface Coding {
  system: string;
  code: string;
  display: string;
}
interface CodeableConcept {
  coding?: Coding[];
  text?: string;
}
interface Reference {
  type?: string;
  display: string;
}

export interface FhirAdverseEvent {
  resourceType: 'AdverseEvent';
  identifier: { system: string; value: string };
  actuality: 'actual';
  category: CodeableConcept[];
  event: CodeableConcept;
  subject: Reference;
  date: string;
  detected: string;
  recordedDate: string;
  location: Reference;
  seriousness: CodeableConcept;
  severity: CodeableConcept;
  outcome: CodeableConcept;
  recorder: Reference;
  suspectEntity: { instance: Reference }[];
}

export interface AdverseEventExportOptions {
  /** Namespace of our incident ids; the organisation may give its own URI. */
  identifierSystem?: string;
}

export const DEFAULT_IDENTIFIER_SYSTEM = 'urn:ai-governance:incident-id';

const CATEGORY_SYSTEM = 'http://terminology.hl7.org/CodeSystem/adverse-event-category';
const SERIOUSNESS_SYSTEM = 'http://terminology.hl7.org/CodeSystem/adverse-event-seriousness';
const SEVERITY_SYSTEM = 'http://terminology.hl7.org/CodeSystem/adverse-event-severity';
const OUTCOME_SYSTEM = 'http://terminology.hl7.org/CodeSystem/adverse-event-outcome';

const SEVERITY: Record<DatixIncidentReport['severity'], Coding> = {
  low: { system: SEVERITY_SYSTEM, code: 'mild', display: 'Mild' },
  moderate: { system: SEVERITY_SYSTEM, code: 'moderate', display: 'Moderate' },
  severe: { system: SEVERITY_SYSTEM, code: 'severe', display: 'Severe' },
};

export function toFhirAdverseEvent(incident: DatixIncidentReport, options: AdverseEventExportOptions = {}): FhirAdverseEvent {
  const report = datixIncidentReportSchema.parse(incident);
  const serious = report.severity === 'severe' || report.patientHarm;
  return {
    resourceType: 'AdverseEvent',
    identifier: { system: options.identifierSystem ?? DEFAULT_IDENTIFIER_SYSTEM, value: report.incidentId },
    actuality: 'actual',
    // The binding is extensible: an AI tool going wrong is a problem with a product, which the
    // HL7 code says; the text keeps our finer AI category for people reading it.
    category: [
      {
        coding: [{ system: CATEGORY_SYSTEM, code: 'product-problem', display: 'Product Problem' }],
        text: `Artificial intelligence: ${categoryLabel(report.category)}`,
      },
    ],
    event: { text: report.description },
    // R4 makes subject mandatory (1..1), but we hold no patient identifiers and must not invent
    // any: a display-only reference says so, and the risk system links the real patient, if any.
    subject: {
      display: report.patientHarm
        ? 'Patient affected: not identified in this export'
        : 'No patient affected: subject not identified in this export',
    },
    date: report.occurredAt,
    detected: report.reportedAt,
    recordedDate: report.reportedAt,
    location: { type: 'Location', display: report.directorate ? `${report.location} (${report.directorate})` : report.location },
    seriousness: {
      coding: [serious ? { system: SERIOUSNESS_SYSTEM, code: 'Serious', display: 'Serious' } : { system: SERIOUSNESS_SYSTEM, code: 'Non-serious', display: 'Non-serious' }],
    },
    severity: { coding: [SEVERITY[report.severity]] },
    // The workflow does not follow the outcome for the person affected; the risk team updates it.
    outcome: { coding: [{ system: OUTCOME_SYSTEM, code: 'unknown', display: 'Unknown' }] },
    recorder: { display: report.reporter.name },
    suspectEntity: [{ instance: { type: 'Device', display: relatedToolLabel(report) } }],
  };
}
