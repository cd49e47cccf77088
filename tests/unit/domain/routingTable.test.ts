import { ROUTING_RULES, planRoute, type RequestType } from '../../../shared/domain';
import { NO_DISADVANTAGE, requestOf } from './support/requests';
import { expectRouted, stagesByCode } from './support/routeShape';

// One row per line of policy-routing.md "Steps" (and each request type's plain route): the
// request, then the exact steps with their stages.
// The plain routes the other rows add to (policy-routing.md "Steps", per request type).
const PROCURED = { IG_NOTIFY: 1, FINANCE: 1, DIGITAL_BI: 2, DPIA: 2, CSO: 2 };
const NATIONAL = { IG_NOTIFY: 1, DIGITAL_BI: 2, DPIA: 2 };
const rows: Array<{ row: string; type: RequestType; overrides?: Record<string, unknown>; steps: Record<string, number>; risk: string }> = [
  { row: 'healthcare: finance, digital, data protection, clinical safety, technology assessment', type: 'healthcare', steps: { ...PROCURED, DTAC: 2 }, risk: 'medium' },
  { row: 'research adds Research and Innovation', type: 'research', steps: { ...PROCURED, RESEARCH: 2 }, risk: 'low' },
  { row: 'procured', type: 'procured', steps: PROCURED, risk: 'low' },
  { row: 'supplier-feature: no finance when free', type: 'supplier-feature', steps: { IG_NOTIFY: 1, DIGITAL_BI: 2, DPIA: 2, CSO: 2 }, risk: 'low' },
  { row: 'national: no finance, no clinical safety when free and non-clinical', type: 'national', steps: NATIONAL, risk: 'low' },
  { row: 'public-generic is a notification route', type: 'public-generic', steps: { IG_NOTIFY: 1 }, risk: 'low' },
  { row: 'FINANCE when a national function costs money', type: 'national', overrides: { estimatedCost: 500 }, steps: { ...NATIONAL, FINANCE: 1 }, risk: 'low' },
  { row: 'FINANCE when a public generic tool costs money', type: 'public-generic', overrides: { estimatedCost: 20 }, steps: { IG_NOTIFY: 1, FINANCE: 1 }, risk: 'low' },
  { row: 'FINANCE when a supplier feature costs money', type: 'supplier-feature', overrides: { estimatedCost: 1 }, steps: PROCURED, risk: 'low' },
  {
    row: 'DPIA for public-generic when its screening finds personal data',
    type: 'public-generic',
    overrides: { dpiaScreening: [false, false, false, false, false, true, false, false, false, false] },
    steps: { IG_NOTIFY: 1, DPIA: 2 },
    risk: 'low',
  },
  { row: 'CSO for any clinical use', type: 'national', overrides: { use: { clinical: true } }, steps: { ...NATIONAL, CSO: 2 }, risk: 'low' },
  { row: 'MDSO for a medical device (and clinical safety)', type: 'national', overrides: { use: { medicalDevice: true } }, steps: { ...NATIONAL, CSO: 2, MDSO: 2 }, risk: 'medium' },
  { row: 'DTAC for healthcare provision outside a healthcare request', type: 'procured', overrides: { use: { healthcareProvision: true } }, steps: { ...PROCURED, DTAC: 2 }, risk: 'medium' },
  {
    row: 'CALDICOTT for confidential patient information',
    type: 'procured',
    overrides: { data: { personal: true, confidentialPatientInfo: true, legalBasis: 'Direct care' } },
    steps: { ...PROCURED, CALDICOTT: 2 },
    risk: 'medium',
  },
  { row: 'IT_INSTALL when software must be installed', type: 'public-generic', overrides: { use: { installNeeded: true } }, steps: { IG_NOTIFY: 1, IT_INSTALL: 2 }, risk: 'low' },
  { row: 'WORKFORCE after assessment when the service changes', type: 'procured', overrides: { use: { serviceChange: true } }, steps: { ...PROCURED, WORKFORCE: 3 }, risk: 'low' },
  { row: 'WORKFORCE when staff are affected', type: 'national', overrides: { use: { staffImpact: true } }, steps: { ...NATIONAL, WORKFORCE: 3 }, risk: 'low' },
  {
    row: 'EQIA with the assessments when the equality screening finds a possible disadvantage',
    type: 'procured',
    overrides: { use: { serviceChange: true }, equalityScreening: { ...NO_DISADVANTAGE, disability: { disadvantage: true, mitigation: 'Testing with screen reader users.' } } },
    steps: { ...PROCURED, EQIA: 2, WORKFORCE: 3 },
    risk: 'low',
  },
  {
    row: 'SIRO last when the risk is high',
    type: 'procured',
    overrides: { use: { automatedDecisions: true, humanReviewer: 'Duty manager' }, data: { leavesUk: true } },
    steps: { ...PROCURED, SIRO: 4 },
    risk: 'high',
  },
];

describe('routing table: one row per step rule', () => {
  test.each(rows)('$row', ({ type, overrides, steps, risk }) => {
    const plan = planRoute(requestOf(type, overrides));

    expect(stagesByCode(plan)).toEqual(steps);
    expect(expectRouted(plan).risk.rating).toBe(risk);
  });

  test('every step of the table is exercised by some row', () => {
    const exercised = new Set(rows.flatMap((r) => Object.keys(r.steps)));

    expect([...exercised].sort()).toEqual(ROUTING_RULES.map((r) => r.code).sort());
  });

  test('stages come out in order and steps keep the table order inside a stage', () => {
    const route = expectRouted(planRoute(requestOf('healthcare', { use: { serviceChange: true, medicalDevice: true, installNeeded: true }, data: { leavesUk: true } })));

    expect(route.stages.map((steps) => steps.map((s) => s.code))).toEqual([
      ['IG_NOTIFY', 'FINANCE'],
      ['DIGITAL_BI', 'DPIA', 'CSO', 'MDSO', 'DTAC', 'IT_INSTALL'],
      ['WORKFORCE'],
      ['SIRO'],
    ]);
  });

  test('the data protection step of a national function may be recorded as not required; other types may not', () => {
    const national = expectRouted(planRoute(requestOf('national'))).stages.flat().find((s) => s.code === 'DPIA');
    const procured = expectRouted(planRoute(requestOf('procured'))).stages.flat().find((s) => s.code === 'DPIA');

    expect(national?.mayRecordNotRequired).toBe(true);
    expect(national?.reason).toMatch(/not required, with a reason/);
    expect(procured?.mayRecordNotRequired).toBe(false);
  });

  test('each step carries its checklist, including the extra Digital confirmations and the data protection items', () => {
    const steps = expectRouted(planRoute(requestOf('healthcare'))).stages.flat();
    const checklist = (code: string) => steps.find((s) => s.code === code)?.checklist.map((c) => c.text) ?? [];

    expect(checklist('DIGITAL_BI')).toEqual(
      expect.arrayContaining(['Access to data is strictly controlled and data is stored securely.', 'A plan exists for handling security incidents.']),
    );
    expect(checklist('DPIA')).toEqual(
      expect.arrayContaining(['The Data Protection Impact Assessment is approved.', 'Biases and ethical concerns are documented and addressed.']),
    );
    for (const step of steps) expect(step.checklist.length).toBeGreaterThan(0);
  });
});

describe('risk rating: high with two facts, medium with one, low with none', () => {
  const facts: Array<[string, Record<string, unknown>, string]> = [
    ['special category data', { data: { personal: true, specialCategory: true, legalBasis: 'Direct care' } }, 'SENSITIVE_DATA'],
    ['automated decisions', { use: { automatedDecisions: true, humanReviewer: 'Team lead' } }, 'AUTOMATED_DECISIONS'],
    ['medical device', { use: { medicalDevice: true } }, 'HEALTHCARE_OR_DEVICE'],
    ['data leaves the United Kingdom', { data: { leavesUk: true } }, 'DATA_ABROAD_OR_SUPPLIER_UNASSURED'],
    ['supplier not assured', { use: { supplierAssured: false } }, 'DATA_ABROAD_OR_SUPPLIER_UNASSURED'],
    ['more than 10,000 records', { data: { recordCount: 10_001 } }, 'LARGE_SCALE'],
  ];

  test.each(facts)('%s alone is medium risk, with the fact recorded', (_name, overrides, code) => {
    const route = expectRouted(planRoute(requestOf('procured', overrides)));

    expect(route.risk).toEqual({ rating: 'medium', facts: [expect.objectContaining({ code })] });
    expect(route.stages.flat().map((s) => s.code)).not.toContain('SIRO');
  });

  test('exactly 10,000 records is not large scale', () => {
    expect(expectRouted(planRoute(requestOf('procured', { data: { recordCount: 10_000 } }))).risk.rating).toBe('low');
  });

  test('two facts make it high and bring in the Senior Information Risk Owner, whose reason lists them', () => {
    const route = expectRouted(planRoute(requestOf('procured', { data: { recordCount: 50_000 }, use: { supplierAssured: false } })));
    const siro = route.stages.flat().find((s) => s.code === 'SIRO');

    expect(route.risk.facts.map((f) => f.code)).toEqual(['DATA_ABROAD_OR_SUPPLIER_UNASSURED', 'LARGE_SCALE']);
    expect(siro?.reason).toContain('It uses more than 10,000 people’s records.');
  });
});
