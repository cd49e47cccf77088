import type { IntakeRequest } from './schemas/intakeRequest';
import type { RequestField } from './schemas/requestFields';
import type { RoleCode, StepCode } from './schemas/stepCodes';
import { RISK_READS, type RiskAssessment } from './riskRules';
import { DPIA_GATE_READS, dpiaRequired, dpiaTriggers } from './screening/dpiaGate';
import { EQUALITY_SCREENING_ASKED_READS, equalityScreeningResult } from './screening/equalityGate';
import { REQUEST_TYPE_DESCRIPTIONS, formatPounds, joinWithAnd, supportsHealthcareProvision } from './routing/requestFacts';

/**
 * THE ROUTING TABLE (policy-routing.md "Steps"). One row per approval step: who, when, why, the
 * policy clause, and what the approver confirms. Change the rules here and nowhere else.
 *
 * `reads`    — every answer `required` and `reason` look at (a test checks this).
 * `reliesOn` — further answers the approver judges; if any of these or `reads` change on
 *              resubmission, an earlier approval of the step is reopened.
 * Stages: 1 notify and fund, 2 assess (in parallel), 3 consult staff on the assessed proposal,
 * 4 accept the residual risk.
 */
export interface RuleInput {
  readonly request: IntakeRequest;
  readonly risk: RiskAssessment;
  /** Steps an earlier plan of this request opened (re-planning only): some may not be dropped silently. */
  readonly openedBefore?: ReadonlySet<StepCode>;
}

export interface ChecklistItem {
  readonly id: string;
  readonly text: string;
  /** The policy makes this item a condition of approval: it cannot be answered "does not apply". */
  readonly mandatory?: true;
}

export interface StepRule {
  readonly code: StepCode;
  readonly stage: 1 | 2 | 3 | 4;
  readonly role: string;
  readonly roleCodes: readonly RoleCode[];
  readonly clause: string;
  readonly reads: readonly RequestField[];
  readonly reliesOn: readonly RequestField[];
  required(input: RuleInput): boolean;
  reason(input: RuleInput): string;
  /** Whether the approver may record "not required" with a reason instead of approving. */
  mayRecordNotRequired(input: RuleInput): boolean;
  readonly checklist: readonly ChecklistItem[];
  /** "all": every role of `roleCodes` must decide; otherwise the first of them to decide closes the step. */
  readonly deciders?: 'all';
}

const never = () => false;
const FINANCE_TYPES = new Set(['healthcare', 'research', 'procured']);
const CLINICAL_SAFETY_TYPES = new Set(['healthcare', 'research', 'procured', 'supplier-feature']);
const DATA_ANSWERS: readonly RequestField[] = [
  'data.personal', 'data.specialCategory', 'data.confidentialPatientInfo', 'data.anonymised',
  'data.reidentificationRiskChecked', 'data.usedForTraining', 'data.legalBasis', 'data.leavesUk', 'data.recordCount',
];

// "Not required" only where no trigger of the DPIA gate holds, and only for the types whose
// assessment can rest elsewhere: a national function's, or a free tool's step left open by
// changed answers.
function mayRecordDpiaNotRequired(request: IntakeRequest): boolean {
  return !dpiaRequired(request) && (request.type === 'national' || request.type === 'public-generic');
}

function becauseOfType(request: IntakeRequest): string {
  return `this request is for ${REQUEST_TYPE_DESCRIPTIONS[request.type]}`;
}

// Two short sentences read better than one long one: what the approver does, then why.
/** The groups the equality screening found at a disadvantage: a long list gets a sentence of its own, so no sentence runs past 30 words. */
function disadvantageFound(groups: readonly string[]): string {
  return groups.length <= 4
    ? `the equality screening found a possible disadvantage for ${joinWithAnd(groups)}`
    : `the equality screening found a possible disadvantage for ${groups.length} groups. They are ${joinWithAnd(groups)}`;
}

function whatThenWhy(what: string, why: readonly string[]): string {
  return `${what} This is needed because ${joinWithAnd(why)}.`;
}

export const ROUTING_RULES: readonly StepRule[] = [
  {
    code: 'IG_NOTIFY',
    stage: 1,
    role: 'Senior Information Governance Manager',
    roleCodes: ['SENIOR_IG_MANAGER'],
    clause: 'AI Policy, section 5: Finance and Procurement, the duty to make the Senior Information Governance Manager aware',
    reads: ['type'],
    reliesOn: [],
    required: () => true,
    reason: ({ request }) =>
      [
        'The Senior Information Governance Manager must be made aware of every request to use artificial intelligence.',
        'They also answer the ten Data Protection Impact Assessment (DPIA) screening questions.',
        ...(request.type === 'public-generic' ? ['For a free or generic tool this is a notice: they acknowledge it or object within the deadline.'] : []),
      ].join(' '),
    mayRecordNotRequired: never,
    checklist: [
      { id: 'aware', text: 'I am aware of this request.' },
      { id: 'screening-done', text: 'I have answered the ten Data Protection Impact Assessment screening questions.' },
      { id: 'acknowledged', text: 'I acknowledge this use, or I have recorded my objection and why.' },
    ],
  },
  {
    code: 'FINANCE',
    stage: 1,
    role: 'Finance and Procurement',
    roleCodes: ['FINANCE_PROCUREMENT'],
    clause: 'AI Policy, section 5: Finance and Procurement; section 6.1: the procurement list',
    reads: ['type', 'estimatedCost'],
    reliesOn: ['product.name', 'product.supplier'],
    required: ({ request }) => FINANCE_TYPES.has(request.type) || request.estimatedCost > 0,
    reason: ({ request }) => {
      const why = [
        ...(FINANCE_TYPES.has(request.type) ? [becauseOfType(request)] : []),
        ...(request.estimatedCost > 0 ? [`it is expected to cost ${formatPounds(request.estimatedCost)}`] : []),
      ];
      return whatThenWhy('Finance and Procurement check the buying route under the Procurement policy and confirm the budget.', why);
    },
    mayRecordNotRequired: never,
    checklist: [
      { id: 'procurement-route', text: 'The buying route follows the Procurement policy.' },
      { id: 'budget', text: 'The budget is confirmed.' },
      { id: 'licence', text: 'A licence is in place for any commercial software.' },
    ],
  },
  {
    code: 'DIGITAL_BI',
    stage: 2,
    role: 'Digital, Technical and Business Intelligence teams',
    roleCodes: ['DIGITAL_BI'],
    clause: 'AI Policy, section 5: Business Intelligence staff; section 6.1: engage with the Digital, Technical and Business Intelligence teams',
    reads: ['type'],
    reliesOn: ['product.name', 'product.supplier', 'data.leavesUk', 'use.supplierAssured', 'use.installNeeded'],
    required: ({ request }) => request.type !== 'public-generic',
    reason: ({ request }) =>
      whatThenWhy('The Digital, Technical and Business Intelligence teams check set-up, security, fit with existing systems and supplier support.', [becauseOfType(request)]),
    mayRecordNotRequired: never,
    checklist: [
      { id: 'configuration', text: 'The tool is set up correctly.' },
      { id: 'security', text: 'The tool is secure.' },
      { id: 'compatibility', text: 'The tool works with our existing systems and infrastructure.' },
      { id: 'supplier-support', text: 'The supplier will give technical support.' },
      { id: 'access-controlled', text: 'Access to data is strictly controlled and data is stored securely.' },
      { id: 'incident-plan', text: 'A plan exists for handling security incidents.' },
      { id: 'monitoring', text: 'Continuous monitoring for unusual activity and breaches is arranged.' },
    ],
  },
  {
    code: 'DPIA',
    stage: 2,
    role: 'Information Governance Manager and Head of Safe Practice (Digital)',
    roleCodes: ['IG_MANAGER', 'HEAD_OF_SAFE_PRACTICE'],
    clause: 'AI Policy, section 3: Definitions; section 5: Finance and Procurement, "must be completed prior to implementation"; section 6.1: "legally required"',
    reads: ['type', ...DPIA_GATE_READS],
    reliesOn: ['purpose', ...DATA_ANSWERS, 'use.humanReviewer', 'national.assuranceDocuments'],
    // Every type but a free or generic tool; that one too whenever people's data is involved
    // (dpiaGate). Once opened, the step stays until its own approvers close it: changed answers
    // alone never drop it.
    required: ({ request, openedBefore }) => request.type !== 'public-generic' || dpiaRequired(request) || (openedBefore?.has('DPIA') ?? false),
    reason: ({ request }) => {
      const triggers = dpiaTriggers(request).map((t) => t.sentence);
      const notRequired = ' The Data Protection Impact Assessment approvers may record that an assessment is not required, with a reason, because none of the answers calls for one.';
      if (request.type === 'public-generic') {
        return triggers.length > 0
          ? whatThenWhy('A Data Protection Impact Assessment (DPIA) must be approved before the tool is used.', triggers)
          : `The answers changed after this Data Protection Impact Assessment (DPIA) step was opened.${notRequired}`;
      }
      const base = 'A Data Protection Impact Assessment (DPIA) is legally required for artificial intelligence and must be approved before the tool is used.';
      return `${base}${mayRecordDpiaNotRequired(request) ? notRequired : ''}`;
    },
    mayRecordNotRequired: ({ request }) => mayRecordDpiaNotRequired(request),
    // §5 names both: the Information Governance Manager and the Head of Safe Practice.
    deciders: 'all',
    checklist: [
      { id: 'approved', text: 'The Data Protection Impact Assessment is approved.', mandatory: true },
      { id: 'bias-ethics', text: 'Biases and ethical concerns are documented and addressed.' },
      { id: 'regulator-toolkit', text: 'The Information Commissioner’s Office toolkit on artificial intelligence risk was considered.' },
      { id: 'consent-anonymisation', text: 'Consent or anonymisation measures are in place.' },
      { id: 'public-engagement', text: 'Patient and public engagement was considered where patient data is used.' },
    ],
  },
  {
    code: 'CSO',
    stage: 2,
    role: 'Clinical Safety Officer',
    roleCodes: ['CLINICAL_SAFETY_OFFICER'],
    clause: 'AI Policy, section 5: Clinical Safety Officer; section 6.1: the procurement list',
    reads: ['type', 'use.clinical', 'use.healthcareProvision', 'use.medicalDevice'],
    reliesOn: ['purpose', 'use.automatedDecisions', 'use.humanReviewer'],
    // Healthcare provision and medical devices are clinical uses, whatever the answer to "clinical".
    required: ({ request }) =>
      CLINICAL_SAFETY_TYPES.has(request.type) || request.use.clinical || request.use.healthcareProvision || request.use.medicalDevice,
    reason: ({ request }) => {
      const why = CLINICAL_SAFETY_TYPES.has(request.type) ? becauseOfType(request) : 'the tool has a clinical use';
      return whatThenWhy('The Clinical Safety Officer assesses clinical risk and is consulted throughout buying and introducing the tool.', [why]);
    },
    mayRecordNotRequired: never,
    checklist: [
      { id: 'clinical-risk', text: 'Clinical risk is assessed.' },
      { id: 'hazard-log', text: 'A clinical hazard log is kept where the use is clinical.' },
      { id: 'consulted-throughout', text: 'I will be consulted again when the tool is introduced and at each review.' },
    ],
  },
  {
    code: 'MDSO',
    stage: 2,
    role: 'Medical Device Safety Officer (from an external organisation)',
    roleCodes: ['MEDICAL_DEVICE_SAFETY_OFFICER'],
    clause: 'AI Policy, section 6.1: the procurement list, a Medical Device Safety Officer "sourced from an external organisation"',
    reads: ['use.medicalDevice'],
    reliesOn: ['purpose', 'product.name', 'product.supplier'],
    required: ({ request }) => request.use.medicalDevice,
    reason: () => 'The tool is a medical device, so a Medical Device Safety Officer from an external organisation must check that it is safe.',
    mayRecordNotRequired: never,
    checklist: [
      { id: 'device-safety', text: 'The device is safe to use.' },
      { id: 'consulted-throughout', text: 'I will be consulted throughout buying and introducing the device.' },
    ],
  },
  {
    code: 'DTAC',
    stage: 2,
    role: 'Digital lead with the Clinical Safety Officer',
    roleCodes: ['DIGITAL_LEAD', 'CLINICAL_SAFETY_OFFICER'],
    clause: 'AI Policy, section 3: Definitions; section 6.1: "associated with healthcare provision"',
    reads: ['type', 'use.healthcareProvision'],
    reliesOn: ['product.name', 'product.supplier'],
    required: ({ request }) => supportsHealthcareProvision(request),
    reason: () => 'The tool supports healthcare provision, so the Digital Technology Assessment Criteria (DTAC) must be completed.',
    mayRecordNotRequired: never,
    checklist: [
      { id: 'clinical-safety', text: 'The clinical safety criteria are met.', mandatory: true },
      { id: 'data-protection', text: 'The data protection criteria are met.', mandatory: true },
      { id: 'technical-security', text: 'The technical security criteria are met.', mandatory: true },
      { id: 'interoperability', text: 'The criteria for working with other systems are met.', mandatory: true },
      { id: 'usability-accessibility', text: 'The usability and accessibility criteria are met.', mandatory: true },
      { id: 'bias-ethics', text: 'Biases and ethical concerns are documented and addressed.' },
    ],
  },
  {
    code: 'CALDICOTT',
    stage: 2,
    role: 'Caldicott Guardian',
    roleCodes: ['CALDICOTT_GUARDIAN'],
    clause: 'AI Policy, section 5: Caldicott Guardian; section 6.1: legal basis and common law duty of confidentiality',
    reads: ['data.confidentialPatientInfo'],
    reliesOn: ['purpose', 'data.legalBasis', 'data.anonymised', 'data.usedForTraining', 'data.recordCount'],
    required: ({ request }) => request.data.confidentialPatientInfo,
    reason: () =>
      'The tool will use confidential patient information, so the Caldicott Guardian checks it follows the Caldicott Principles and the common law duty of confidentiality.',
    mayRecordNotRequired: never,
    checklist: [
      { id: 'principles', text: 'The use follows the Caldicott Principles.' },
      { id: 'confidentiality', text: 'The common law duty of confidentiality is met.' },
      { id: 'lawful-ethical', text: 'Confidential patient information is used legally, ethically and appropriately.' },
    ],
  },
  {
    code: 'RESEARCH',
    stage: 2,
    role: 'Research and Innovation',
    roleCodes: ['RESEARCH_INNOVATION'],
    clause: 'AI Policy, section 2.2: Scope; section 5: Research and Innovation; section 6.1: Using Artificial Intelligence for Research',
    reads: ['type'],
    reliesOn: ['purpose', 'data.anonymised', 'data.usedForTraining'],
    required: ({ request }) => request.type === 'research',
    reason: () =>
      'This is a research request, so Research and Innovation must see Health Research Authority approval and a Research Ethics Committee review.',
    mayRecordNotRequired: never,
    checklist: [
      { id: 'hra-approval', text: 'Health Research Authority approval is evidenced.', mandatory: true },
      { id: 'ethics-review', text: 'A Research Ethics Committee review is evidenced.', mandatory: true },
      { id: 'long-term-plan', text: 'The purpose is aligned with the National Health Service Long Term Plan.' },
      { id: 'fit-for-research', text: 'The model is validated as fit for research use.' },
      { id: 'training-bias', text: 'The training data is assessed for bias.' },
      { id: 'anonymised', text: 'Data is anonymised wherever possible.' },
      { id: 'public-register', text: 'The initiative will appear on the public register of artificial intelligence research.' },
    ],
  },
  {
    code: 'IT_INSTALL',
    stage: 2,
    role: 'Information Technology team',
    roleCodes: ['IT'],
    clause: 'AI Policy, section 6.1: Freely Available Artificial Intelligence Apps, and the Acceptable Use Policy',
    reads: ['use.installNeeded'],
    reliesOn: ['product.name', 'product.supplier'],
    required: ({ request }) => request.use.installNeeded,
    reason: () =>
      'Software must be installed, and the Acceptable Use Policy allows that only with explicit permission from the Information Technology team.',
    mayRecordNotRequired: never,
    checklist: [
      { id: 'permission', text: 'I give explicit permission to install this software.' },
      { id: 'licensed', text: 'The software is properly licensed.' },
    ],
  },
  {
    code: 'WORKFORCE',
    stage: 3,
    role: 'Head of Organisational Development',
    roleCodes: ['HEAD_OF_ORGANISATIONAL_DEVELOPMENT'],
    clause: 'AI Policy, section 5: Head of Organisational Development; section 6.1: "formal consultation must take place"',
    reads: ['use.serviceChange', 'use.staffImpact'],
    reliesOn: ['purpose'],
    required: ({ request }) => request.use.serviceChange || request.use.staffImpact,
    reason: ({ request }) =>
      request.use.serviceChange
        ? 'The tool changes how a service works, so staff and their trade union representatives must be formally consulted before it is introduced.'
        : 'The tool affects staff, so the Head of Organisational Development leads a people impact assessment.',
    mayRecordNotRequired: never,
    checklist: [
      { id: 'people-impact', text: 'A people impact assessment is done.' },
      { id: 'consultation', text: 'Formal consultation with staff and trade union representatives is completed where the service changes.' },
    ],
  },
  {
    code: 'EQIA',
    stage: 2,
    role: 'Equality lead',
    roleCodes: ['EQUALITY_LEAD'],
    clause: 'AI Policy, Appendix 1: Equality Impact Assessment, a full Equality and Quality Impact Assessment (EQIA) "must be undertaken"',
    reads: [...EQUALITY_SCREENING_ASKED_READS, 'equalityScreening'],
    reliesOn: ['purpose'],
    // Before the tool is introduced: with the other assessments, ahead of staff consultation.
    required: ({ request }) => equalityScreeningResult(request)?.fullAssessmentNeeded ?? false,
    reason: ({ request }) =>
      whatThenWhy('The equality lead makes sure a full Equality and Quality Impact Assessment (EQIA) is completed before the tool is introduced.', [
        disadvantageFound(equalityScreeningResult(request)?.groupsAtDisadvantage.map((g) => g.toLowerCase()) ?? []),
      ]),
    mayRecordNotRequired: never,
    checklist: [
      { id: 'assessment-completed', text: 'The full Equality and Quality Impact Assessment is completed.', mandatory: true },
      { id: 'mitigations', text: 'Each disadvantage found is reduced, or the reason it cannot be is recorded.' },
      { id: 'equalities-advice', text: 'Advice from the equalities team was sought where it was needed.' },
    ],
  },
  {
    code: 'SIRO',
    stage: 4,
    role: 'Senior Information Risk Owner',
    roleCodes: ['SIRO'],
    clause: 'AI Policy, section 5: Senior Information Risk Owner',
    reads: RISK_READS,
    reliesOn: ['purpose', ...DATA_ANSWERS],
    required: ({ risk }) => risk.rating === 'high',
    reason: ({ risk }) =>
      ['The risk is rated high, so the Senior Information Risk Owner must accept the remaining information risk.', ...risk.facts.map((f) => f.sentence)].join(' '),
    mayRecordNotRequired: never,
    checklist: [
      { id: 'controls', text: 'Risk controls are in place.' },
      { id: 'accept-risk', text: 'I accept the remaining information risk.' },
    ],
  },
];

/** Rule lookup by step code; every code has exactly one row (a test checks this). */
export function routingRuleFor(code: StepCode): StepRule {
  const rule = ROUTING_RULES.find((r) => r.code === code);
  if (!rule) throw new Error(`No routing rule for step ${code}`);
  return rule;
}

/** Checklist items that cannot be waived, by step: the policy makes each a condition of approval. */
export function mandatoryChecklistItems(code: StepCode): readonly ChecklistItem[] {
  return (ROUTING_RULES.find((r) => r.code === code)?.checklist ?? []).filter((item) => item.mandatory);
}

/** A stored checklist marked mandatory as the rule table says today, so a route stored before the flag existed shows it. */
export function checklistAsRulesSayNow(code: StepCode, checklist: readonly ChecklistItem[]): ChecklistItem[] {
  const mandatoryIds = new Set(mandatoryChecklistItems(code).map((c) => c.id));
  return checklist.map((c) => (mandatoryIds.has(c.id) ? { ...c, mandatory: true as const } : c));
}

/** Answers whose change reopens an approval of this step. */
export function stepInputs(rule: StepRule): RequestField[] {
  return [...new Set([...rule.reads, ...rule.reliesOn])];
}

/** Increase when the table changes meaning, so a stored route says which rules made it. */
export const ROUTING_RULES_VERSION = '2026-12-03.2';
