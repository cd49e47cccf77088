import type { RequestType } from '../../domain/schemas/intakeRequest';
import { boolean, choice, currency, dateTime, defineList, multiChoice, note, person, text } from './listDefinition';

export const REQUEST_STATUSES = ['Draft', 'Submitted', 'In review', 'More information needed', 'Approved', 'Rejected', 'Withdrawn'] as const;
/** The intake's six request types (policy §6.1 and practice), as people read them in the list. */
export const REQUEST_TYPE_LABELS = {
  healthcare: 'Healthcare AI product',
  research: 'Research',
  procured: 'Procured product or licence',
  'public-generic': 'Freely available AI tool',
  national: 'Nationally procured AI function',
  'supplier-feature': 'Supplier adding AI to an existing system',
} as const satisfies Record<RequestType, string>;
export const REQUEST_TYPES = Object.values(REQUEST_TYPE_LABELS) as [
  (typeof REQUEST_TYPE_LABELS)[RequestType],
  ...(typeof REQUEST_TYPE_LABELS)[RequestType][],
];
export const RISK_RATINGS = ['Low', 'Medium', 'High'] as const;
/** Each 2026 DTAC area's result as the list shows it (written with the DTAC step's decision). */
export const DTAC_AREA_RESULTS = ['Met', 'Not met'] as const;
export const DATA_CATEGORIES = [
  'No personal data',
  'Anonymised data',
  'Pseudonymised data',
  'Personal data',
  'Special category (health) data',
  'Confidential patient information',
] as const;

/** One row per request to bring an AI tool into use; the orchestration writes route and status back. */
export const aiRequestsList = defineList('AI Requests', {
  description: 'Requests to bring an artificial-intelligence tool into use, routed under the AI Policy.',
  indexedSystemColumns: ['Modified'],
  // Staff may start a request in the list form but never change one (its status and outcome are
  // the workflow's), and see only the requests they made there.
  staffAccess: { level: 'add', ownItemsOnly: true },
  fields: {
    Title: text('Request title', { required: true, builtIn: true }),
    Reference: text('Reference', {
      indexed: true,
      description: 'The reference people quote, such as AIG-2026-0001: given by the workflow when the request is sent.',
    }),
    RequestType: choice('Request type', REQUEST_TYPES, { required: true, indexed: true }),
    Requester: person('Requester', { required: true, indexed: true }),
    Directorate: text('Directorate'),
    Supplier: text('Supplier'),
    Product: text('Product'),
    Purpose: note('Purpose', { required: true }),
    IntendedBenefits: note('Intended benefits'),
    SuccessMetrics: note('Success metrics'),
    LegalBasis: note('Legal basis'),
    DataCategories: multiChoice('Data categories', DATA_CATEGORIES),
    PersonalData: boolean('Personal data'),
    SpecialCategoryData: boolean('Special-category (health) data'),
    ConfidentialPatientInfo: boolean('Confidential patient information'),
    HealthcareProvision: boolean('Healthcare provision'),
    ClinicalUse: boolean('Clinical use'),
    MedicalDevice: boolean('Medical device'),
    Research: boolean('Research'),
    ServiceChange: boolean('Service change'),
    AutomatedDecisions: boolean('Automated decisions'),
    HumanReviewArrangement: note('Human review arrangement'),
    InstallNeeded: boolean('Install needed'),
    NationallyProcured: boolean('Nationally procured'),
    EstimatedCost: currency('Estimated cost'),
    Status: choice('Status', REQUEST_STATUSES, { required: true, indexed: true, defaultValue: 'Submitted' }),
    CurrentStage: text('Current stage'),
    RiskRating: choice('Risk rating', RISK_RATINGS),
    RouteJson: note('Route (with reasons)', { description: 'JSON snapshot of the planned route and its plain-English reasons.' }),
    IntakeJson: note('Request answers (intake JSON)', {
      description: 'The answers as submitted (intake JSON version 1): what routing and re-planning read.',
    }),
    PreviousIntakeJson: note('Answers before the last resubmission', {
      description: 'Kept on resubmission so re-planning can tell which approvals relied on changed answers.',
    }),
    ConversationJson: note('Questions and replies', {
      description: 'Each "more information needed" question, the requester\'s reply and the answers it changed (before and after), oldest first.',
    }),
    OrchestrationInstanceId: text('Orchestration instance id'),
    SubmissionKey: text('Submission key', {
      indexed: true,
      description: 'Hash of the requester and the Idempotency-Key they sent, so a retried submission finds the request it made.',
    }),
    DpiaReference: text('DPIA reference'),
    DtacReference: text('DTAC reference'),
    DtacDate: dateTime('DTAC assessment date'),
    DtacClinicalSafety: choice('DTAC clinical safety', DTAC_AREA_RESULTS),
    DtacDataProtection: choice('DTAC data protection', DTAC_AREA_RESULTS),
    DtacTechnicalSecurity: choice('DTAC technical security', DTAC_AREA_RESULTS),
    DtacInteroperability: choice('DTAC interoperability', DTAC_AREA_RESULTS),
    DtacUsabilityAccessibility: choice('DTAC usability and accessibility', DTAC_AREA_RESULTS),
    HraReference: text('HRA reference'),
    IrasNumber: text('IRAS number', { description: 'Integrated Research Application System number, recorded by Research and Innovation with its decision.' }),
    EthicsCommitteeReference: text('Research Ethics Committee reference'),
    DecisionSummary: note('Decision summary'),
    ReviewDueDate: dateTime('Review due date'),
  },
  views: [
    { title: 'All Items', fields: ['Reference', 'LinkTitle', 'RequestType', 'Requester', 'Status', 'CurrentStage', 'RiskRating', 'Modified'], rowLimit: 30 },
    {
      title: 'Open requests',
      fields: ['Reference', 'LinkTitle', 'RequestType', 'Requester', 'Status', 'CurrentStage', 'Modified'],
      query:
        '<Where><In><FieldRef Name="Status"/><Values><Value Type="Choice">Submitted</Value><Value Type="Choice">In review</Value><Value Type="Choice">More information needed</Value></Values></In></Where>',
      rowLimit: 30,
    },
  ],
});
