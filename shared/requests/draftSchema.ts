import { z } from 'zod';
import { DPIA_SCREENING_QUESTION_COUNT, REQUEST_TYPES } from '../domain';

/**
 * An unfinished request form: intake JSON version 1 with any answer still missing. Only the kind
 * of request is needed (the AI Requests list files every row under a type); the rest is checked
 * for shape and size so a draft cannot carry anything the form would not, and is checked in full
 * when the request is sent.
 */
const text = (max: number) => z.string({ error: 'give text' }).max(max, `keep this under ${max.toLocaleString('en-GB')} characters`).optional();
const flag = z.boolean({ error: 'answer true or false' }).optional();
// Amounts are kept as typed ("1,500") until the form is sent.
const amount = z.union([z.number().min(0, 'cannot be negative'), z.string().max(30, 'give a number')], { error: 'give a number' }).optional();

export const draftSchema = z.strictObject({
  version: z.literal(1, { error: 'only version 1 of the request format is supported' }).optional(),
  type: z.enum(REQUEST_TYPES, { error: 'choose what kind of request this is (the first question) before saving a draft' }),
  title: text(255),
  directorate: text(255),
  requester: z.strictObject({ name: text(255), email: text(255) }).optional(),
  product: z.strictObject({ name: text(255), supplier: text(255) }).optional(),
  purpose: text(8000),
  benefits: text(8000),
  successMeasures: text(8000),
  estimatedCost: amount,
  data: z
    .strictObject({
      personal: flag,
      specialCategory: flag,
      confidentialPatientInfo: flag,
      anonymised: flag,
      reidentificationRiskChecked: flag,
      usedForTraining: flag,
      legalBasis: text(4000),
      leavesUk: flag,
      recordCount: amount,
    })
    .optional(),
  use: z
    .strictObject({
      clinical: flag,
      healthcareProvision: flag,
      medicalDevice: flag,
      serviceChange: flag,
      staffImpact: flag,
      automatedDecisions: flag,
      humanReviewer: text(4000),
      installNeeded: flag,
      supplierAssured: flag,
    })
    .optional(),
  national: z.strictObject({ igAware: flag, nhseProcured: flag, assuranceDocuments: flag, nationalGuidance: flag }).optional(),
  attestations: z
    .strictObject({
      noPersonalData: flag,
      noBusinessSensitiveData: flag,
      nonClinicalOnly: flag,
      copyrightConsidered: flag,
      biasConsidered: flag,
      outputsVerified: flag,
      corporateDevicesOnly: flag,
      noUnauthorisedInstall: flag,
    })
    .optional(),
  // Unanswered screening questions are holes in the list (null in JSON).
  dpiaScreening: z
    .array(z.boolean({ error: 'answer true or false' }).nullable())
    .max(DPIA_SCREENING_QUESTION_COUNT, `there are only ${DPIA_SCREENING_QUESTION_COUNT} screening questions`)
    .optional(),
});
export type Draft = z.output<typeof draftSchema>;
