import type { IntakeRequest } from './schemas/intakeRequest';
import type { RequestField } from './schemas/requestFields';
import type { FieldMessage } from './fieldErrors';
import { isBlank, usesPersonalData } from './routing/requestFacts';
import { EQUALITY_SCREENING_ASKED_READS, equalityScreeningAsked } from './screening/equalityGate';

/**
 * Intake rules: a request that breaks one is refused before anything is saved, with the field
 * to fix and why (policy-routing.md "Intake rules"). Readable top to bottom by the Information
 * Governance lead; `reads` lists every answer a rule looks at.
 */
export interface IntakeRule {
  readonly id: string;
  readonly field: RequestField;
  readonly reads: readonly RequestField[];
  readonly clause: string;
  refuses(request: IntakeRequest): boolean;
  message(request: IntakeRequest): string;
}

const USE_ANOTHER_TYPE = 'Use a healthcare or procured request instead.';

const PUBLIC_GENERIC_PROMISES: ReadonlyArray<{ key: keyof PublicGenericAttestations; promise: string }> = [
  { key: 'noPersonalData', promise: 'no personal data will be entered into the tool' },
  { key: 'noBusinessSensitiveData', promise: 'no business-sensitive data will be entered into the tool' },
  { key: 'nonClinicalOnly', promise: 'the tool will be used for non-clinical work only' },
  { key: 'copyrightConsidered', promise: 'you have considered copyright and intellectual property' },
  { key: 'biasConsidered', promise: 'you will watch for biased, discriminatory or harmful content' },
  { key: 'outputsVerified', promise: 'you will check every output for accuracy' },
  { key: 'corporateDevicesOnly', promise: 'you will use the tool on work devices only' },
  { key: 'noUnauthorisedInstall', promise: 'nothing will be installed without explicit permission from the Information Technology team' },
];
type PublicGenericAttestations = Extract<IntakeRequest, { type: 'public-generic' }>['attestations'];

const FREELY_AVAILABLE_APPS = 'AI Policy, section 6.1: Freely Available Artificial Intelligence Apps';
const NOT_FOR_PUBLIC_GENERIC: ReadonlyArray<{ field: RequestField & `${'data' | 'use'}.${string}`; what: string; clause: string }> = (
  [
    ['use.clinical', 'may be used for non-clinical work only'],
    ['use.healthcareProvision', 'may not support healthcare provision'],
    ['use.medicalDevice', 'may not be used as a medical device'],
    ['data.personal', 'must not be given personal data'],
    ['data.specialCategory', 'must not be given health or other special category data'],
    ['data.confidentialPatientInfo', 'must not be given confidential patient information'],
  ] as const
).map(([field, what]) => ({ field, what, clause: FREELY_AVAILABLE_APPS }));

function flagAt(request: IntakeRequest, field: `${'data' | 'use'}.${string}`): boolean {
  const [section, key] = field.split('.') as ['data' | 'use', string];
  return (request[section] as Record<string, unknown>)[key] === true;
}

export const INTAKE_RULES: readonly IntakeRule[] = [
  {
    id: 'purpose-required',
    field: 'purpose',
    reads: ['purpose'],
    clause: 'AI Policy, section 6.1: Defining the purpose',
    refuses: (r) => isBlank(r.purpose),
    message: () => 'say what the tool is for and why artificial intelligence is being used. Every request needs a clear purpose.',
  },
  {
    id: 'benefits-required',
    field: 'benefits',
    reads: ['benefits'],
    clause: 'AI Policy, section 6.1: Defining the purpose',
    refuses: (r) => isBlank(r.benefits),
    message: () => 'describe the benefits you expect the tool to bring.',
  },
  {
    id: 'success-measures-required',
    field: 'successMeasures',
    reads: ['successMeasures'],
    clause: 'AI Policy, section 6.1: Defining the purpose',
    refuses: (r) => isBlank(r.successMeasures),
    message: () => 'say how you will measure whether the tool works and shows its value.',
  },
  {
    // Public generic requests with personal data are refused outright below, so asking them
    // for a legal basis would point the requester the wrong way.
    id: 'legal-basis-for-personal-data',
    field: 'data.legalBasis',
    reads: ['type', 'data.personal', 'data.specialCategory', 'data.confidentialPatientInfo', 'data.legalBasis', 'data.usedForTraining'],
    clause: 'AI Policy, section 6.1: Defining the purpose and identifying a legal basis',
    refuses: (r) => r.type !== 'public-generic' && usesPersonalData(r) && isBlank(r.data.legalBasis),
    message: (r) =>
      r.data.usedForTraining
        ? 'say which legal basis applies, because the tool will use personal data. Using data only to train or test the tool still counts.'
        : 'say which legal basis applies, because the tool will use personal data.',
  },
  {
    id: 'anonymised-data-checked',
    field: 'data.reidentificationRiskChecked',
    reads: ['data.anonymised', 'data.reidentificationRiskChecked'],
    clause: 'AI Policy, section 6.1: Defining the purpose and identifying a legal basis',
    refuses: (r) => r.data.anonymised && !r.data.reidentificationRiskChecked,
    message: () =>
      'confirm you have checked that nobody can be identified from the anonymised data. A local area, a rare disease and a young age together can identify a patient.',
  },
  {
    id: 'human-reviewer-for-automated-decisions',
    field: 'use.humanReviewer',
    reads: ['use.automatedDecisions', 'use.humanReviewer'],
    clause: 'AI Policy, section 6.1: Article 22 and human review of outcomes',
    refuses: (r) => r.use.automatedDecisions && isBlank(r.use.humanReviewer),
    message: () =>
      'name the qualified person who will review the tool’s decisions. People have a legal right not to be subject to decisions made only by a machine.',
  },
  {
    id: 'equality-screening-answered',
    field: 'equalityScreening',
    reads: [...EQUALITY_SCREENING_ASKED_READS, 'equalityScreening'],
    clause: 'AI Policy, Appendix 1: Equality Impact Assessment, initial screening',
    refuses: (r) => equalityScreeningAsked(r) && r.equalityScreening === undefined,
    message: () =>
      'answer the equality screening: for each of the ten groups, could the tool put it at a disadvantage? It is asked because the tool changes a service or affects patients or staff.',
  },
  ...NOT_FOR_PUBLIC_GENERIC.map(
    ({ field, what, clause }): IntakeRule => ({
      id: `public-generic-${field}`,
      field,
      reads: ['type', field],
      clause,
      refuses: (r) => r.type === 'public-generic' && flagAt(r, field),
      message: () => `a free or generic artificial intelligence tool ${what}. ${USE_ANOTHER_TYPE}`,
    }),
  ),
  ...PUBLIC_GENERIC_PROMISES.map(
    ({ key, promise }): IntakeRule => ({
      id: `public-generic-promise-${key}`,
      field: `attestations.${key}`,
      reads: ['type', `attestations.${key}`],
      clause: 'AI Policy, section 6.1: Freely Available Artificial Intelligence Apps',
      refuses: (r) => r.type === 'public-generic' && !r.attestations[key],
      message: () => `confirm that ${promise}. The policy requires this for every free or generic tool.`,
    }),
  ),
];

/** Every intake rule the request breaks, in table order; empty when it may go ahead. */
export function checkIntake(request: IntakeRequest): FieldMessage[] {
  return INTAKE_RULES.filter((rule) => rule.refuses(request)).map((rule) => ({ field: rule.field, message: rule.message(request) }));
}
