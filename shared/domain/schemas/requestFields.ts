/**
 * Every answer on the intake form, by its dotted path, with the plain-English words used when
 * telling a requester or approver what changed. Routing rules name the answers they read from
 * this list, so "did the answers this step relied on change?" can be computed.
 */
export const REQUEST_FIELD_LABELS = {
  type: 'the kind of request',
  title: 'the title',
  directorate: 'the directorate',
  'requester.name': "the requester's name",
  'requester.email': "the requester's email address",
  'product.name': 'the product name',
  'product.supplier': 'the supplier',
  purpose: 'the purpose',
  benefits: 'the expected benefits',
  successMeasures: 'how success will be measured',
  estimatedCost: 'the estimated cost',
  'data.personal': 'whether the tool uses personal data',
  'data.specialCategory': 'whether the tool uses special category data such as health records',
  'data.confidentialPatientInfo': 'whether the tool uses confidential patient information',
  'data.anonymised': 'whether the data is anonymised',
  'data.reidentificationRiskChecked': 'whether the risk of identifying people from anonymised data was checked',
  'data.usedForTraining': 'whether data is used to train or test the tool',
  'data.legalBasis': 'the legal basis for using the data',
  'data.leavesUk': 'whether data leaves the United Kingdom',
  'data.recordCount': 'how many people’s records are used',
  'use.clinical': 'whether the tool has a clinical use',
  'use.healthcareProvision': 'whether the tool supports healthcare provision',
  'use.medicalDevice': 'whether the tool is a medical device',
  'use.serviceChange': 'whether the tool changes how a service works',
  'use.staffImpact': 'whether the tool affects staff',
  'use.automatedDecisions': 'whether the tool makes automated decisions about people',
  'use.humanReviewer': 'who reviews the tool’s outputs',
  'use.installNeeded': 'whether software must be installed',
  'use.supplierAssured': 'whether the supplier is already assured',
  'national.igAware': 'whether Information Governance already knows about the national function',
  'national.nhseProcured': 'whether the national body bought the function for local use',
  'national.assuranceDocuments': 'whether national assurance documents exist',
  'national.nationalGuidance': 'whether national guidance on its use exists',
  'attestations.noPersonalData': 'the promise to enter no personal data',
  'attestations.noBusinessSensitiveData': 'the promise to enter no business-sensitive data',
  'attestations.nonClinicalOnly': 'the promise to use it for non-clinical work only',
  'attestations.copyrightConsidered': 'the promise to consider copyright and intellectual property',
  'attestations.biasConsidered': 'the promise to watch for biased or harmful content',
  'attestations.outputsVerified': 'the promise to check every output for accuracy',
  'attestations.corporateDevicesOnly': 'the promise to use it on work devices only',
  'attestations.noUnauthorisedInstall': 'the promise to install nothing without permission',
  dpiaScreening: 'the answers to the data protection screening questions',
  equalityScreening: 'the answers to the equality screening questions',
} as const;

export type RequestField = keyof typeof REQUEST_FIELD_LABELS;
export const REQUEST_FIELDS = Object.keys(REQUEST_FIELD_LABELS) as RequestField[];

/** The value at a dotted path; undefined when the section is absent (e.g. `national` on a healthcare request). */
export function readRequestField(request: unknown, field: RequestField): unknown {
  let value: unknown = request;
  for (const key of field.split('.')) {
    if (value === null || typeof value !== 'object') return undefined;
    value = (value as Record<string, unknown>)[key];
  }
  return value;
}

export function sameFieldValue(a: unknown, b: unknown): boolean {
  return JSON.stringify(a) === JSON.stringify(b);
}
