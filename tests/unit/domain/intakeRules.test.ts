import { INTAKE_RULES, intakeRequestSchema, planRoute, toFieldMessages, type RequestType } from '../../../shared/domain';
import { requestOf } from './support/requests';
import { refusedFields } from './support/routeShape';

// One row per intake rule of policy-routing.md "Intake rules": the request and the exact fields refused.
const rows: Array<{ rule: string; type: RequestType; overrides: Record<string, unknown>; fields: string[] }> = [
  { rule: 'purpose required', type: 'procured', overrides: { purpose: '   ' }, fields: ['purpose'] },
  { rule: 'benefits required', type: 'research', overrides: { benefits: '' }, fields: ['benefits'] },
  { rule: 'success measures required', type: 'national', overrides: { successMeasures: '' }, fields: ['successMeasures'] },
  { rule: 'legal basis for personal data', type: 'procured', overrides: { data: { personal: true } }, fields: ['data.legalBasis'] },
  { rule: 'legal basis for special category data', type: 'healthcare', overrides: { data: { specialCategory: true, legalBasis: ' ' } }, fields: ['data.legalBasis'] },
  { rule: 'legal basis for data used only for training', type: 'research', overrides: { data: { confidentialPatientInfo: true, usedForTraining: true } }, fields: ['data.legalBasis'] },
  { rule: 'anonymised data needs the re-identification check', type: 'research', overrides: { data: { anonymised: true } }, fields: ['data.reidentificationRiskChecked'] },
  { rule: 'automated decisions need a named human reviewer', type: 'supplier-feature', overrides: { use: { automatedDecisions: true } }, fields: ['use.humanReviewer'] },
  { rule: 'equality screening asked when the service changes', type: 'procured', overrides: { use: { serviceChange: true }, equalityScreening: undefined }, fields: ['equalityScreening'] },
  { rule: 'equality screening asked when patients are affected', type: 'healthcare', overrides: { use: { clinical: true }, equalityScreening: undefined }, fields: ['equalityScreening'] },
  { rule: 'public generic: clinical use', type: 'public-generic', overrides: { use: { clinical: true } }, fields: ['use.clinical'] },
  { rule: 'public generic: healthcare provision', type: 'public-generic', overrides: { use: { healthcareProvision: true } }, fields: ['use.healthcareProvision'] },
  { rule: 'public generic: medical device', type: 'public-generic', overrides: { use: { medicalDevice: true } }, fields: ['use.medicalDevice'] },
  { rule: 'public generic: personal data (and no legal-basis request)', type: 'public-generic', overrides: { data: { personal: true } }, fields: ['data.personal'] },
  { rule: 'public generic: special category data', type: 'public-generic', overrides: { data: { specialCategory: true } }, fields: ['data.specialCategory'] },
  { rule: 'public generic: confidential patient information', type: 'public-generic', overrides: { data: { confidentialPatientInfo: true } }, fields: ['data.confidentialPatientInfo'] },
  ...(['noPersonalData', 'noBusinessSensitiveData', 'nonClinicalOnly', 'copyrightConsidered', 'biasConsidered', 'outputsVerified', 'corporateDevicesOnly', 'noUnauthorisedInstall'] as const).map(
    (key) => ({ rule: `public generic: promise ${key}`, type: 'public-generic' as const, overrides: { attestations: { [key]: false } }, fields: [`attestations.${key}`] }),
  ),
];

describe('intake rules: one row per rule', () => {
  test.each(rows)('$rule', ({ type, overrides, fields }) => {
    expect(refusedFields(planRoute(requestOf(type, overrides)))).toEqual(fields);
  });

  test('every intake rule is exercised by some row', () => {
    const exercised = new Set(rows.flatMap((r) => r.fields));

    expect([...new Set(INTAKE_RULES.map((r) => r.field))].filter((f) => !exercised.has(f))).toEqual([]);
  });

  test('clinical use on a public generic request points to the right kind of request', () => {
    const plan = planRoute(requestOf('public-generic', { use: { clinical: true } }));

    expect(plan).toEqual({ outcome: 'refused', refused: [{ field: 'use.clinical', message: expect.stringContaining('Use a healthcare or procured request instead.') }] });
  });

  test('every broken rule is reported at once, in table order', () => {
    const plan = planRoute(requestOf('procured', { purpose: '', data: { personal: true }, use: { automatedDecisions: true } }));

    expect(plan.outcome === 'refused' && plan.refused.map((r) => r.field)).toEqual(['purpose', 'data.legalBasis', 'use.humanReviewer']);
  });

  test('the same rules reach an HTTP handler as zod issues naming the field', () => {
    const result = intakeRequestSchema.safeParse(requestOf('procured', { data: { personal: true } }));

    expect(result.success).toBe(false);
    expect(result.error && toFieldMessages(result.error)).toEqual([
      { field: 'data.legalBasis', message: 'say which legal basis applies, because the tool will use personal data.' },
    ]);
  });

  test('a request that breaks no rule passes the full schema', () => {
    expect(intakeRequestSchema.safeParse(requestOf('healthcare')).success).toBe(true);
  });
});
