import type { AtrsRecord, TierTwoSection } from './atrsRecord';
import { TIER_2_HEADINGS } from './atrsRecord';

/** The labels people read for each field of the record, in the standard's order. */
export const TIER_1_LABELS: Record<keyof AtrsRecord['tier_1'], string> = {
  name: 'Name',
  description: 'Short description in plain English',
  website: 'Website',
  contact_email: 'Contact email',
};

type ScalarSection = Exclude<TierTwoSection, 'risks_mitigations_and_impact_assessments'>;

export const TIER_2_LABELS: { [S in ScalarSection]: Record<keyof AtrsRecord['tier_2'][S], string> } = {
  owner_and_responsibility: {
    organisation: 'Organisation',
    team: 'Team',
    senior_responsible_owner: 'Senior responsible owner (role)',
    external_supplier: 'External supplier',
    external_supplier_role: 'What the supplier does',
    procurement_procedure_type: 'How it was bought',
    data_access_terms: 'The supplier’s access to data',
  },
  description_and_rationale: {
    detailed_description: 'What it does',
    scope: 'What it is used for, and not used for',
    benefit: 'Benefit',
    alternatives_considered: 'Other ways considered',
  },
  decision_making_process: {
    process_integration: 'How it fits into the work',
    provided_information: 'What it gives the people who use it',
    frequency_and_scale_of_usage: 'How often and how widely it is used',
    human_decisions_and_review: 'How people decide and check its outputs',
    required_training: 'Training the people who use it need',
    appeals_and_review: 'How to challenge an outcome or raise a concern',
  },
  data: {
    source_data_name: 'Data it uses',
    data_modality: 'Kind of data (for example text or images)',
    data_description: 'About the data',
    data_quantity: 'How much data',
    sensitive_attributes: 'Personal or sensitive information',
    data_completeness_and_representativeness: 'How complete and representative the data is',
    source_data_url: 'Where the data is published',
    data_collection: 'How the data is collected',
    data_cleaning: 'How the data is prepared',
    data_sharing_agreements: 'Data sharing agreements',
    data_access_and_storage: 'Who can see the data and where it is kept',
  },
};

export const IMPACT_ASSESSMENT_LABELS = { name: 'Assessment', description: 'What it found', date: 'Date', link: 'Link or reference' } as const;
export const RISK_LABELS = { name: 'Risk', description: 'Description', mitigation: 'How it is reduced' } as const;

export const SCALAR_SECTIONS = Object.keys(TIER_2_LABELS) as ScalarSection[];
export { TIER_2_HEADINGS };
