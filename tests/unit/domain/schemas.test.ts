import {
  approvalTaskSchema, decisionSchema, formatFieldMessages, incidentSchema, intakeRequestShapeSchema, personActingFor, planRouteFromJson,
  policySchema, registerEntrySchema, roleConfigurationSchema, toFieldMessages, mandatoryChecklistItems, type RoleConfiguration, type StepCode,
} from '../../../shared/domain';
import type { z } from 'zod';
import { requestOf } from './support/requests';

function problems(schema: z.ZodType, input: unknown) {
  const result = schema.safeParse(input);
  if (result.success) throw new Error('expected the input to be rejected');
  return toFieldMessages(result.error);
}

describe('intake request schema', () => {
  test('an unknown type names the allowed types', () => {
    expect(problems(intakeRequestShapeSchema, { type: 'chatbot' })).toEqual([
      { field: 'type', message: 'choose one of healthcare, research, procured, public-generic, national, supplier-feature' },
    ]);
  });

  test('a value that is not an object is named as the whole request', () => {
    expect(problems(intakeRequestShapeSchema, 'hello')).toEqual([{ field: '(request)', message: 'send the request as a JSON object' }]);
  });

  test('a missing safety answer is never assumed to be "no"', () => {
    const { data: _data, ...rest } = requestOf('procured');
    const withoutPersonal = { ...rest, data: { ...requestOf('procured').data, personal: undefined } };

    expect(problems(intakeRequestShapeSchema, withoutPersonal)).toEqual([
      { field: 'data.personal', message: 'answer true or false: will the tool use personal data?' },
    ]);
  });

  test('national needs its section; public-generic needs its promises', () => {
    const { national: _n, ...national } = requestOf('national') as Record<string, unknown>;
    const { attestations: _a, ...generic } = requestOf('public-generic') as Record<string, unknown>;

    expect(problems(intakeRequestShapeSchema, national).map((p) => p.field)).toEqual(['national']);
    expect(problems(intakeRequestShapeSchema, generic).map((p) => p.field)).toEqual(['attestations']);
  });

  test('the screening needs exactly ten answers', () => {
    expect(problems(intakeRequestShapeSchema, { ...requestOf('procured'), dpiaScreening: [true, false] })).toEqual([
      { field: 'dpiaScreening', message: 'give exactly ten screening answers, one per question' },
    ]);
  });

  test('a later optional answer (staff impact) defaults to no for forms that predate it', () => {
    const { use } = requestOf('procured');
    const { staffImpact: _s, ...olderUse } = use;

    expect(intakeRequestShapeSchema.parse({ ...requestOf('procured'), use: olderUse }).use.staffImpact).toBe(false);
  });

  test('planRouteFromJson returns field problems, not exceptions, and they format one per line', () => {
    const plan = planRouteFromJson({ ...requestOf('procured'), estimatedCost: -5 });

    expect(plan).toEqual({ outcome: 'invalid', invalid: [{ field: 'estimatedCost', message: 'the estimated cost cannot be negative' }] });
    expect(plan.outcome === 'invalid' && formatFieldMessages(plan.invalid)).toBe('estimatedCost: the estimated cost cannot be negative');
  });
});

describe('workflow schemas', () => {
  const decision = {
    requestId: 42, stepCode: 'DPIA', outcome: 'approved', decidedBy: 'ig.manager@example.nhs.uk', decidedAt: '2026-11-02T10:00:00Z', channel: 'email',
    checklist: [{ itemId: 'approved', confirmed: true }, { itemId: 'public-engagement', confirmed: false }],
  };

  test('approving needs each unconfirmed checklist item explained', () => {
    expect(problems(decisionSchema, decision)).toEqual([{ field: 'checklist.1.reasonIfNot', message: 'confirm this item, or say why it does not apply' }]);
    expect(decisionSchema.safeParse({ ...decision, checklist: [{ itemId: 'approved', confirmed: true }, { itemId: 'public-engagement', confirmed: false, reasonIfNot: 'No patient data' }] }).success).toBe(true);
  });

  // Policy §5, §6.1: the DPIA is a legal requirement; DTAC for healthcare; HRA and REC for research.
  test.each([
    ['DPIA', 'approved'],
    ['DTAC', 'clinical-safety'],
    ['DTAC', 'usability-accessibility'],
    ['RESEARCH', 'hra-approval'],
    ['RESEARCH', 'ethics-review'],
  ])('approving %s with the mandatory item %s unticked is refused, whatever the reason given', (stepCode, itemId) => {
    const others = mandatoryChecklistItems(stepCode as StepCode).filter((i) => i.id !== itemId).map((i) => ({ itemId: i.id, confirmed: true }));
    const checklist = [{ itemId, confirmed: false, reasonIfNot: 'We will do it later' }, ...others];
    const found = problems(decisionSchema, { ...decision, stepCode, checklist });
    expect(found).toEqual([{ field: 'checklist.0.confirmed', message: expect.stringContaining(`(${itemId}): the policy makes it a condition of approval`) }]);
    // A rejection needs no tick: the item is a condition of approving, not of deciding.
    expect(decisionSchema.safeParse({ ...decision, stepCode, checklist, outcome: 'rejected', comments: 'No assessment yet' }).success).toBe(true);
  });

  test('a mandatory item missing from the answers is refused too', () => {
    expect(problems(decisionSchema, { ...decision, checklist: [] })).toEqual([{ field: 'checklist', message: expect.stringContaining('(approved)') }]);
  });

  test('a rejection says why; only the data protection step may be "not required"', () => {
    expect(problems(decisionSchema, { ...decision, outcome: 'rejected' }).map((p) => p.field)).toEqual(['comments']);
    expect(problems(decisionSchema, { ...decision, stepCode: 'CSO', outcome: 'not-required', comments: 'National' }).map((p) => p.field)).toEqual(['outcome']);
  });

  test('a decided task records its outcome and who decided', () => {
    const task = { requestId: 42, stepCode: 'CSO', roleCode: 'CLINICAL_SAFETY_OFFICER', assignee: 'cso@example.nhs.uk', status: 'decided', dueAt: '2026-11-09T23:59:59Z' };

    expect(problems(approvalTaskSchema, task).map((p) => p.field)).toEqual(['outcome', 'respondedBy']);
  });

  const role: RoleConfiguration = roleConfigurationSchema.parse({
    roleCode: 'CALDICOTT_GUARDIAN',
    primary: { name: 'Dr Casey Example', email: 'casey.example@example.nhs.uk' },
    deputies: [{ name: 'Dr Morgan Sample', email: 'morgan.sample@example.nhs.uk' }],
    escalationContact: { name: 'Lee Governance', email: 'lee.governance@example.nhs.uk' },
    channel: 'both',
    outOfOffice: { from: '2026-12-21T00:00:00Z', until: '2027-01-04T00:00:00Z' },
  });

  test('the deputy acts while the primary is out of office, the primary otherwise', () => {
    expect(personActingFor(role, '2026-12-24T10:00:00Z').email).toBe('morgan.sample@example.nhs.uk');
    expect(personActingFor(role, new Date('2027-01-04T00:00:00Z')).email).toBe('casey.example@example.nhs.uk');
  });

  test('an out-of-office window needs a deputy and must end after it starts', () => {
    const { deputies: _d, ...noDeputy } = role;
    expect(problems(roleConfigurationSchema, noDeputy).map((p) => p.field)).toEqual(['deputies']);
    expect(problems(roleConfigurationSchema, { ...role, outOfOffice: { from: '2027-01-04T00:00:00Z', until: '2026-12-21T00:00:00Z' } }).map((p) => p.field)).toEqual(['outOfOffice.until']);
    expect(problems(roleConfigurationSchema, { ...role, channel: 'fax' })[0].message).toBe('choose how to contact them: email, teams or both');
  });

  test('policy review date must follow approval; review interval defaults to 24 months', () => {
    const policy = { title: 'Artificial Intelligence Policy', version: '1.0', owner: 'cmo.office@example.nhs.uk', approvedOn: '2025-01-06', nextReviewDue: '2027-01-06', status: 'approved' };

    expect(policySchema.parse(policy).reviewIntervalMonths).toBe(24);
    expect(problems(policySchema, { ...policy, nextReviewDue: '2024-01-06' }).map((p) => p.field)).toEqual(['nextReviewDue']);
  });

  test('an incident names the tool and cannot happen after it was reported', () => {
    const incident = {
      reporter: { name: 'Jo Tester', email: 'jo.tester@example.nhs.uk' }, occurredAt: '2026-11-03T10:00:00Z', reportedAt: '2026-11-02T10:00:00Z',
      description: 'Wrong summary', category: 'output-quality', severity: 'low', personalDataBreach: false, patientHarm: false, researchRelated: false,
    };

    expect(problems(incidentSchema, incident).map((p) => p.field)).toEqual(['relatedTool', 'occurredAt']);
  });

  test('the public register refuses any field that is not public', () => {
    const entry = {
      kind: 'tool', name: 'Example Notes', supplier: 'Example Software Ltd', description: 'Summarises meeting notes.', purpose: 'Save staff time.',
      humanOversight: 'Staff check every summary.', dataUsed: 'Meeting notes with no patient data.', dpiaStatus: 'approved',
      contact: 'ig.team@example.nhs.uk', reviewDate: '2027-01-06',
    };

    expect(registerEntrySchema.safeParse(entry).success).toBe(true);
    expect(problems(registerEntrySchema, { ...entry, requesterEmail: 'jo.tester@example.nhs.uk' })).toEqual([
      { field: 'requesterEmail', message: 'remove this field: it is not part of this form' },
    ]);
  });
});
