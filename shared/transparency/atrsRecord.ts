import { z } from 'zod';
import { LIMITS, limitedText } from '../domain/schemas/limits';

/**
 * An Algorithmic Transparency Recording Standard (ATRS) record, version 3.0: Tier 1, the short
 * summary for the public, and the Tier 2 sections this organisation fills (owner and
 * responsibility; description and rationale; decision-making process; data; risks, mitigations
 * and impact assessments). The keys are the standard's own field names, so the JSON export can be
 * read by anyone who knows the standard. The technical "tool specification" section is left out:
 * the organisation buys these tools rather than building them, and the request does not hold it.
 */
export const ATRS_VERSION = '3.0';

const answer = (what: string) => limitedText(what, LIMITS.shortAnswer).default('');
const line = (what: string) => limitedText(what, LIMITS.textColumn).default('');
/** Rows of a list field (risks, impact assessments): at most this many, so the record fits its column. */
export const MAX_ROWS = 10;

export const impactAssessmentSchema = z.strictObject({
  name: line('the assessment name'),
  description: answer('what the assessment found'),
  date: line('the assessment date'),
  link: line('the link or reference'),
});
export const riskSchema = z.strictObject({
  name: line('the risk'),
  description: answer('the risk description'),
  mitigation: answer('the mitigation'),
});

export const atrsRecordSchema = z.strictObject({
  standard: z.literal('Algorithmic Transparency Recording Standard'),
  standard_version: z.literal(ATRS_VERSION),
  tier_1: z.strictObject({
    name: line('the name'),
    description: answer('the short description'),
    website: line('the website'),
    contact_email: line('the contact email'),
  }),
  tier_2: z.strictObject({
    owner_and_responsibility: z.strictObject({
      organisation: line('the organisation'),
      team: line('the team'),
      senior_responsible_owner: line('the senior responsible owner'),
      external_supplier: line('the external supplier'),
      external_supplier_role: answer('the supplier’s role'),
      procurement_procedure_type: line('how it was bought'),
      data_access_terms: answer('the supplier’s access to data'),
    }),
    description_and_rationale: z.strictObject({
      detailed_description: answer('the detailed description'),
      scope: answer('the scope'),
      benefit: answer('the benefit'),
      alternatives_considered: answer('the alternatives considered'),
    }),
    decision_making_process: z.strictObject({
      process_integration: answer('how it fits into the work'),
      provided_information: answer('what it gives people'),
      frequency_and_scale_of_usage: answer('how often and how widely it is used'),
      human_decisions_and_review: answer('how people decide and check'),
      required_training: answer('the training needed'),
      appeals_and_review: answer('how to challenge an outcome'),
    }),
    data: z.strictObject({
      source_data_name: line('the source data'),
      data_modality: line('the kind of data'),
      data_description: answer('the data description'),
      data_quantity: answer('how much data'),
      sensitive_attributes: answer('the sensitive information'),
      data_completeness_and_representativeness: answer('how complete and representative the data is'),
      source_data_url: line('where the data is published'),
      data_collection: answer('how the data is collected'),
      data_cleaning: answer('how the data is cleaned'),
      data_sharing_agreements: answer('the data sharing agreements'),
      data_access_and_storage: answer('who can see the data and where it is kept'),
    }),
    risks_mitigations_and_impact_assessments: z.strictObject({
      impact_assessments: z.array(impactAssessmentSchema).max(MAX_ROWS, `list at most ${MAX_ROWS} impact assessments`),
      risks: z.array(riskSchema).max(MAX_ROWS, `list at most ${MAX_ROWS} risks`),
    }),
  }),
});
export type AtrsRecord = z.output<typeof atrsRecordSchema>;
export type TierTwoSection = keyof AtrsRecord['tier_2'];

/** The five Tier 2 sections in the standard's order, with the headings a reader sees. */
export const TIER_2_HEADINGS: Record<TierTwoSection, string> = {
  owner_and_responsibility: 'Owner and responsibility',
  description_and_rationale: 'Description and rationale',
  decision_making_process: 'Decision-making process, including human oversight',
  data: 'Data',
  risks_mitigations_and_impact_assessments: 'Impact assessments and risks',
};

/** What must be filled in before the record is published (field paths as the form names them). */
export const REQUIRED_TO_PUBLISH = [
  'tier_1.name',
  'tier_1.description',
  'tier_1.contact_email',
  'tier_2.owner_and_responsibility.organisation',
  'tier_2.owner_and_responsibility.senior_responsible_owner',
  'tier_2.decision_making_process.human_decisions_and_review',
] as const;

/** The record a stored column holds, or undefined when it is empty or unreadable. */
export function readAtrsRecord(json: string | null | undefined): AtrsRecord | undefined {
  if (!json) return undefined;
  try {
    const parsed = atrsRecordSchema.safeParse(JSON.parse(json));
    return parsed.success ? parsed.data : undefined;
  } catch {
    return undefined;
  }
}
