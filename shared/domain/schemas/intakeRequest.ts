import { z } from 'zod';
import { LIMITS, limitedText } from './limits';
import { equalityScreeningAnswersSchema } from '../screening/equalityScreening';

/**
 * The intake request, version 1 (design: policy-routing.md "Intake JSON"). Field names are a
 * public interface: add fields, never rename. This schema checks shape only; the policy's own
 * intake rules (intakeRules.ts) run after it, so a well-formed request that the policy does not
 * accept gets the policy's reason rather than a type error.
 */

export const REQUEST_TYPES = ['healthcare', 'research', 'procured', 'public-generic', 'national', 'supplier-feature'] as const;
export type RequestType = (typeof REQUEST_TYPES)[number];

// Safety facts have no defaults: a missing answer must not quietly become "no".
function yesNo(question: string) {
  return z.boolean({ error: `answer true or false: ${question}` });
}

// Each fits a SharePoint single line of text column (255 characters).
function requiredText(what: string) {
  return limitedText(what, LIMITS.textColumn).min(1, `give ${what}`);
}

// Blank is allowed by the shape so that the intake rule can explain why it is needed (§6.1).
const policyText = (what: string) => limitedText(what, LIMITS.longAnswer).default('');

// Strict objects: an unknown field is refused by name (as on incidents and reviews), never dropped.
const person = z.strictObject(
  {
    name: requiredText('a name'),
    email: z.email({ error: 'give a valid email address' }).max(LIMITS.textColumn, 'keep the email address to 255 characters or fewer'),
  },
  { error: 'give a name and an email address' },
);

const productSection = z.strictObject(
  { name: requiredText('the product name'), supplier: requiredText('the supplier name') },
  { error: 'give the product name and supplier' },
);

const dataSection = z.strictObject(
  {
    personal: yesNo('will the tool use personal data?'),
    specialCategory: yesNo('will it use special category data, such as health records?'),
    confidentialPatientInfo: yesNo('will it use confidential patient information?'),
    anonymised: yesNo('is the data anonymised?'),
    reidentificationRiskChecked: yesNo('has the risk of identifying people from the data been checked?'),
    usedForTraining: yesNo('is data used to train or test the tool?'),
    legalBasis: limitedText('the legal basis', LIMITS.shortAnswer).optional(),
    leavesUk: yesNo('will data leave the United Kingdom?'),
    recordCount: z
      .number({ error: 'give the number of people whose records are used, 0 if none' })
      .int('give a whole number of records')
      .min(0, 'the number of records cannot be negative'),
  },
  { error: 'answer the questions about data' },
);

const useSection = z.strictObject(
  {
    clinical: yesNo('does the tool have a clinical use?'),
    healthcareProvision: yesNo('does it support healthcare provision, such as reading images?'),
    medicalDevice: yesNo('is it a medical device?'),
    serviceChange: yesNo('does it change how a service works?'),
    // Added after version 1 was published, so older forms may leave it out.
    staffImpact: yesNo('does it affect staff?').default(false),
    automatedDecisions: yesNo('does it make decisions about people with legal or similarly significant effects?'),
    humanReviewer: limitedText('the reviewer arrangement', LIMITS.shortAnswer).optional(),
    installNeeded: yesNo('must software be installed?'),
    supplierAssured: yesNo('is the supplier already assured?'),
  },
  { error: 'answer the questions about how the tool is used' },
);

const nationalSection = z.strictObject(
  {
    igAware: yesNo('does Information Governance already know about this national function?'),
    nhseProcured: yesNo('did NHS England buy it and offer it for local use?'),
    assuranceDocuments: yesNo('are national assurance documents in place?'),
    nationalGuidance: yesNo('is there national guidance on how to use it?'),
  },
  { error: 'a national request needs the four questions about the national function answered' },
);

const attestationsSection = z.strictObject(
  {
    noPersonalData: yesNo('no personal data will be entered'),
    noBusinessSensitiveData: yesNo('no business-sensitive data will be entered'),
    nonClinicalOnly: yesNo('it will be used for non-clinical work only'),
    copyrightConsidered: yesNo('copyright and intellectual property have been considered'),
    biasConsidered: yesNo('the risk of biased or harmful content has been considered'),
    outputsVerified: yesNo('every output will be checked for accuracy'),
    corporateDevicesOnly: yesNo('it will be used on work devices only'),
    noUnauthorisedInstall: yesNo('no software will be installed without permission'),
  },
  { error: 'a free or generic tool request needs each of the eight usage promises answered' },
);

export const DPIA_SCREENING_QUESTION_COUNT = 10;

const dpiaScreeningAnswers = z
  .array(z.boolean({ error: 'answer each screening question true or false' }), {
    error: 'give the ten screening answers as a list of true or false',
  })
  .length(DPIA_SCREENING_QUESTION_COUNT, 'give exactly ten screening answers, one per question');

const commonFields = {
  version: z.literal(1, { error: 'only version 1 of the request format is supported' }).optional(),
  title: requiredText('a short title'),
  directorate: requiredText('the directorate'),
  requester: person,
  product: productSection,
  purpose: policyText('the purpose'),
  benefits: policyText('the expected benefits'),
  successMeasures: policyText('how success will be measured'),
  estimatedCost: z
    .number({ error: 'give the estimated cost in pounds, 0 when free' })
    .min(0, 'the estimated cost cannot be negative'),
  data: dataSection,
  use: useSection,
  dpiaScreening: dpiaScreeningAnswers,
  // Policy Appendix 1, asked when the tool changes a service or affects patients or staff (an
  // intake rule says so by name when it is missing); absent otherwise.
  equalityScreening: equalityScreeningAnswersSchema.optional(),
};

/** The sections the request types share or add, for the contract to name in the web part's types. */
export const INTAKE_SECTIONS = {
  person,
  product: productSection,
  data: dataSection,
  use: useSection,
  national: nationalSection,
  attestations: attestationsSection,
} as const;

const typeMessage = `type: choose one of ${REQUEST_TYPES.join(', ')}`;

/** Shape of a version 1 intake request: a discriminated union on `type`. */
export const intakeRequestShapeSchema = z.discriminatedUnion(
  'type',
  [
    z.strictObject({ type: z.literal('healthcare'), ...commonFields }),
    z.strictObject({ type: z.literal('research'), ...commonFields }),
    z.strictObject({ type: z.literal('procured'), ...commonFields }),
    z.strictObject({ type: z.literal('supplier-feature'), ...commonFields }),
    z.strictObject({ type: z.literal('national'), ...commonFields, national: nationalSection }),
    z.strictObject({ type: z.literal('public-generic'), ...commonFields, attestations: attestationsSection }),
  ],
  {
    error: (issue) =>
      issue.input !== null && typeof issue.input === 'object' ? typeMessage.replace(/^type: /, '') : 'send the request as a JSON object',
  },
);

export type IntakeRequest = z.output<typeof intakeRequestShapeSchema>;
export type IntakeRequestInput = z.input<typeof intakeRequestShapeSchema>;
