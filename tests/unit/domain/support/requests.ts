import fc from 'fast-check';
import { EQUALITY_GROUPS, REQUEST_TYPES, equalityScreeningAsked, intakeRequestShapeSchema, type EqualityScreeningAnswers, type IntakeRequest, type IntakeRequestInput, type RequestType } from '../../../../shared/domain';

/** Invented people only, with example.nhs.uk addresses. */
const ALL_NO = [false, false, false, false, false, false, false, false, false, false];

const common = {
  title: 'Meeting notes summariser',
  directorate: 'Corporate Services',
  requester: { name: 'Jo Tester', email: 'jo.tester@example.nhs.uk' },
  product: { name: 'Example Notes', supplier: 'Example Software Ltd' },
  purpose: 'Summarise internal meeting notes.',
  benefits: 'Saves staff time.',
  successMeasures: 'Minutes saved per meeting.',
  estimatedCost: 0,
  data: {
    personal: false, specialCategory: false, confidentialPatientInfo: false, anonymised: false,
    reidentificationRiskChecked: false, usedForTraining: false, leavesUk: false, recordCount: 0,
  },
  use: {
    clinical: false, healthcareProvision: false, medicalDevice: false, serviceChange: false, staffImpact: false,
    automatedDecisions: false, installNeeded: false, supplierAssured: true,
  },
  dpiaScreening: ALL_NO,
};

/** The equality screening with no group at a disadvantage (policy Appendix 1). */
export const NO_DISADVANTAGE = Object.fromEntries(EQUALITY_GROUPS.map((g) => [g.key, { disadvantage: false }])) as EqualityScreeningAnswers;

const NATIONAL = { igAware: true, nhseProcured: true, assuranceDocuments: true, nationalGuidance: true };
const ATTESTATIONS = {
  noPersonalData: true, noBusinessSensitiveData: true, nonClinicalOnly: true, copyrightConsidered: true,
  biasConsidered: true, outputsVerified: true, corporateDevicesOnly: true, noUnauthorisedInstall: true,
};

type Overrides = {
  [K in keyof IntakeRequestInput]?: IntakeRequestInput[K] extends object ? Partial<IntakeRequestInput[K]> : IntakeRequestInput[K];
} & Record<string, unknown>;

/** The plainest valid request of a type (low risk, nothing optional), with overrides merged one level deep. */
export function requestOf(type: RequestType, overrides: Record<string, unknown> = {}): IntakeRequest {
  const base: Record<string, unknown> = { type, ...structuredClone(common) };
  if (type === 'national') base.national = { ...NATIONAL };
  if (type === 'public-generic') base.attestations = { ...ATTESTATIONS };
  for (const [key, value] of Object.entries(overrides as Overrides)) {
    const current = base[key];
    base[key] = current && typeof current === 'object' && !Array.isArray(current) && value && typeof value === 'object' && !Array.isArray(value)
      ? { ...current, ...value }
      : value;
  }
  // Asked when the tool changes a service or affects patients or staff: answered "no" unless given.
  if (!('equalityScreening' in overrides) && equalityScreeningAsked(base as Pick<IntakeRequest, 'type' | 'use'>)) base.equalityScreening = NO_DISADVANTAGE;
  return intakeRequestShapeSchema.parse(base);
}

const text = fc.constantFrom('', ' ', 'Improve discharge letters.', 'A reason given in full.');
const maybeText = fc.option(text, { nil: undefined });

/** Any well-formed request: the policy may still refuse it. */
export const anyRequest: fc.Arbitrary<IntakeRequest> = fc
  .record({
    type: fc.constantFrom(...REQUEST_TYPES),
    title: fc.string({ minLength: 1, maxLength: 20 }).filter((s) => s.trim() !== ''),
    directorate: fc.constantFrom('Finance', 'Nursing', 'Digital'),
    requester: fc.record({ name: fc.constantFrom('Jo Tester', 'Sam Sample'), email: fc.constantFrom('jo.tester@example.nhs.uk', 'sam.sample@example.nhs.uk') }),
    product: fc.record({ name: fc.constantFrom('Example Notes', 'Scan Helper'), supplier: fc.constantFrom('Example Ltd', 'Sample plc') }),
    purpose: text,
    benefits: text,
    successMeasures: text,
    estimatedCost: fc.oneof(fc.constant(0), fc.integer({ min: 1, max: 250_000 })),
    data: fc.record({
      personal: fc.boolean(), specialCategory: fc.boolean(), confidentialPatientInfo: fc.boolean(), anonymised: fc.boolean(),
      reidentificationRiskChecked: fc.boolean(), usedForTraining: fc.boolean(), legalBasis: maybeText, leavesUk: fc.boolean(),
      recordCount: fc.oneof(fc.constant(0), fc.constant(10_000), fc.constant(10_001), fc.integer({ min: 0, max: 1_000_000 })),
    }),
    use: fc.record({
      clinical: fc.boolean(), healthcareProvision: fc.boolean(), medicalDevice: fc.boolean(), serviceChange: fc.boolean(),
      staffImpact: fc.boolean(), automatedDecisions: fc.boolean(), humanReviewer: maybeText, installNeeded: fc.boolean(), supplierAssured: fc.boolean(),
    }),
    national: fc.record({ igAware: fc.boolean(), nhseProcured: fc.boolean(), assuranceDocuments: fc.boolean(), nationalGuidance: fc.boolean() }),
    attestations: fc.record({
      noPersonalData: fc.boolean(), noBusinessSensitiveData: fc.boolean(), nonClinicalOnly: fc.boolean(), copyrightConsidered: fc.boolean(),
      biasConsidered: fc.boolean(), outputsVerified: fc.boolean(), corporateDevicesOnly: fc.boolean(), noUnauthorisedInstall: fc.boolean(),
    }),
    dpiaScreening: fc.array(fc.boolean(), { minLength: 10, maxLength: 10 }),
    equalityScreening: fc.option(
      fc.record(Object.fromEntries(EQUALITY_GROUPS.map((g) => [g.key, fc.boolean().map((disadvantage) => (disadvantage ? { disadvantage, mitigation: 'Tested with the group.' } : { disadvantage }))])) as Record<keyof EqualityScreeningAnswers, fc.Arbitrary<EqualityScreeningAnswers['age']>>),
      { nil: undefined },
    ),
  })
  // Each type carries only its own section: the schema refuses the others by name.
  .map(({ national, attestations, equalityScreening, ...raw }) =>
    intakeRequestShapeSchema.parse({
      ...raw,
      ...(raw.type === 'national' ? { national } : {}),
      ...(raw.type === 'public-generic' ? { attestations } : {}),
      ...(equalityScreening ? { equalityScreening } : {}),
    }),
  );

/** Requests the policy accepts: generated, then nudged past every intake rule. */
export const acceptedRequest: fc.Arbitrary<IntakeRequest> = anyRequest.map((r) => makeAcceptable(r));

export function makeAcceptable(request: IntakeRequest): IntakeRequest {
  const r = structuredClone(request);
  if (r.purpose.trim() === '') r.purpose = 'Improve discharge letters.';
  if (r.benefits.trim() === '') r.benefits = 'Saves time.';
  if (r.successMeasures.trim() === '') r.successMeasures = 'Time saved.';
  if (!(r.data.legalBasis ?? '').trim()) r.data.legalBasis = 'Direct care';
  if (r.data.anonymised) r.data.reidentificationRiskChecked = true;
  if (!(r.use.humanReviewer ?? '').trim()) r.use.humanReviewer = 'Duty consultant';
  if (r.type === 'public-generic') {
    Object.assign(r.data, { personal: false, specialCategory: false, confidentialPatientInfo: false });
    Object.assign(r.use, { clinical: false, healthcareProvision: false, medicalDevice: false });
    for (const key of Object.keys(r.attestations) as (keyof typeof r.attestations)[]) r.attestations[key] = true;
  }
  if (equalityScreeningAsked(r) && !r.equalityScreening) r.equalityScreening = NO_DISADVANTAGE;
  return r;
}
