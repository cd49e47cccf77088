import { STEP_NAMES } from '../domain/stepNames';
import { fitText, LIMITS } from '../domain/schemas/limits';
import type { Route } from '../domain/schemas/route';
import { REQUEST_TYPE_LABELS } from '../sharepoint/lists/aiRequests';
import type { AiRequestItem } from '../sharepoint/repositories/aiRequests';
import { ATRS_VERSION, MAX_ROWS, type AtrsRecord } from './atrsRecord';

/** Steps whose approval is an impact assessment a reader of the record should know about. */
const ASSESSMENT_STEPS = ['DPIA', 'DTAC', 'CSO', 'MDSO', 'CALDICOTT', 'RESEARCH'] as const;

const HUMAN_OVERSIGHT =
  'A person checks every output before it is used. The tool does not make decisions on its own: the AI Policy requires an appropriately qualified person to review every output.';

export interface DraftContext {
  /** When the request was approved (ISO). */
  approvedAt: string;
  /** The AI governance team's address: the record's contact until the governance lead changes it. */
  contactEmail: string;
  /** The public register page, the record's website until a better one is given. */
  registerUrl: string;
}

const short = (text: string | null | undefined): string => fitText((text ?? '').trim(), LIMITS.shortAnswer);

function sensitiveData(item: AiRequestItem): string {
  const kinds = [
    item.ConfidentialPatientInfo && 'confidential patient information',
    item.SpecialCategoryData && 'special category (health) data',
    item.PersonalData && 'personal data',
  ].filter((k): k is string => Boolean(k));
  return kinds.length ? `It uses ${kinds.join(', ')}.` : 'It uses no personal data.';
}

/**
 * A first draft of the transparency record from the approved request: everything the request
 * and its route already say, in the standard's fields. What only a person can say (the senior
 * responsible owner, the organisation's name, training) is left empty for the governance lead,
 * who edits the draft before publishing it. Nothing here is public until then.
 */
export function draftTransparencyRecord(item: AiRequestItem, route: Route | undefined, context: DraftContext): AtrsRecord {
  const name = fitText(item.Product || item.Title);
  const team = item.Directorate ?? '';
  const steps = route?.stages.flat() ?? [];
  const approvedOn = context.approvedAt.slice(0, 10);
  const supplier = item.Supplier ?? '';
  return {
    standard: 'Algorithmic Transparency Recording Standard',
    standard_version: ATRS_VERSION,
    tier_1: {
      name,
      description: short(`${name} is an artificial intelligence (AI) tool used${team ? ` by ${team}` : ''}. ${item.Purpose} ${HUMAN_OVERSIGHT.split('.')[0]}.`),
      website: context.registerUrl,
      contact_email: context.contactEmail,
    },
    tier_2: {
      owner_and_responsibility: {
        organisation: '',
        team: fitText(team),
        senior_responsible_owner: '',
        external_supplier: fitText(supplier),
        external_supplier_role: supplier ? `${supplier} supplies the tool.` : '',
        procurement_procedure_type: item.NationallyProcured ? 'Procured nationally' : fitText(item.RequestType),
        data_access_terms: '',
      },
      description_and_rationale: {
        detailed_description: short(item.Purpose),
        scope: short(`${item.RequestType}.${item.ClinicalUse ? ' Used in clinical work.' : ' Not used for clinical decisions.'}`),
        benefit: short(item.IntendedBenefits),
        alternatives_considered: '',
      },
      decision_making_process: {
        process_integration: item.AutomatedDecisions ? 'The tool suggests outcomes; a person makes every decision.' : 'The tool helps staff with their work; it makes no decisions.',
        provided_information: '',
        frequency_and_scale_of_usage: '',
        human_decisions_and_review: short(item.HumanReviewArrangement || HUMAN_OVERSIGHT),
        required_training: '',
        appeals_and_review: `Anyone can raise a concern about the tool or one of its outputs with the AI governance team at ${context.contactEmail}.`,
      },
      data: {
        source_data_name: '',
        data_modality: '',
        data_description: short(item.DataCategories?.length ? item.DataCategories.join(', ') : ''),
        data_quantity: '',
        sensitive_attributes: sensitiveData(item),
        data_completeness_and_representativeness: '',
        source_data_url: '',
        data_collection: '',
        data_cleaning: '',
        data_sharing_agreements: '',
        data_access_and_storage: '',
      },
      risks_mitigations_and_impact_assessments: {
        impact_assessments: ASSESSMENT_STEPS.filter((code) => steps.some((s) => s.code === code)).map((code) => ({
          name: STEP_NAMES[code],
          description: `Completed and approved before the tool was approved (${steps.find((s) => s.code === code)!.role}).`,
          date: approvedOn,
          link: (code === 'DPIA' ? item.DpiaReference : code === 'DTAC' ? item.DtacReference : code === 'RESEARCH' ? item.HraReference : null) ?? '',
        })),
        risks: (route?.risk.facts ?? []).slice(0, MAX_ROWS).map((fact) => ({
          name: fitText(fact.sentence),
          description: short(fact.sentence),
          mitigation: item.RequestType === REQUEST_TYPE_LABELS.research ? 'Reviewed by Research and Innovation and the approvers of the request.' : 'Reviewed by the approvers of the request before approval.',
        })),
      },
    },
  };
}
