import { approvalOnRecord, checkStatus } from '../../../shared/requests/statusOnRecord';

// A request's Status is trusted only as far as the audit log bears it out.
const entry = (EventType: string, details: Record<string, unknown> = {}, Actor = 'system') => ({ EventType, SubjectList: 'AI Requests', Actor, Details: JSON.stringify(details), Sequence: 0 });
const decision = (stepCode: string, outcome: string, roleCode: string | null = null) => entry('decision-recorded', { stepCode, outcome, roleCode }, 'approver@example.nhs.uk');
const route = entry('route-planned', { steps: [['IG_NOTIFY'], ['DPIA', 'DIGITAL_BI']] });
const approvedRoute = [route, decision('IG_NOTIFY', 'approved'), decision('DPIA', 'approved', 'IG_MANAGER'), decision('DPIA', 'approved', 'HEAD_OF_SAFE_PRACTICE'), decision('DIGITAL_BI', 'approved')];

describe('approval on record', () => {
  it('holds when the workflow approved after a route whose every step was approved', () => {
    expect(approvalOnRecord([...approvedRoute, entry('request-approved')])).toBe(true);
  });

  it('does not hold without the workflow’s outcome, or with an outcome written by a person', () => {
    expect(approvalOnRecord(approvedRoute)).toBe(false);
    expect(approvalOnRecord([...approvedRoute, entry('request-approved', {}, 'someone@example.nhs.uk')])).toBe(false);
  });

  it('does not hold when a step of the route has no approval, or a joint step lacks one of its roles', () => {
    expect(approvalOnRecord([route, decision('IG_NOTIFY', 'approved'), decision('DIGITAL_BI', 'approved'), decision('DPIA', 'approved', 'IG_MANAGER'), entry('request-approved')])).toBe(false);
    expect(approvalOnRecord([route, decision('IG_NOTIFY', 'approved'), decision('DPIA', 'rejected', 'IG_MANAGER'), decision('DPIA', 'approved', 'HEAD_OF_SAFE_PRACTICE'), decision('DIGITAL_BI', 'approved'), entry('request-approved')])).toBe(false);
  });

  it('a route planned again after the approval is not approved by it', () => {
    expect(approvalOnRecord([...approvedRoute, entry('request-approved'), route])).toBe(false);
  });
});

describe('status check', () => {
  it('trusts what the workflow wrote, and a request still with its requester', () => {
    expect(checkStatus('Approved', [...approvedRoute, entry('request-approved')])).toEqual({ trusted: true });
    expect(checkStatus('In review', [route])).toEqual({ trusted: true });
    expect(checkStatus('Submitted', [])).toEqual({ trusted: true });
  });

  it('does not trust "Approved" typed over a request in review, and knows the status to put back', () => {
    expect(checkStatus('Approved', [route, decision('IG_NOTIFY', 'approved')])).toMatchObject({ trusted: false, statusOnRecord: 'In review' });
    expect(checkStatus('Approved', [route, entry('more-information-requested')])).toMatchObject({ trusted: false, statusOnRecord: 'More information needed' });
  });

  it('does not trust a finished request’s outcome changed by hand', () => {
    expect(checkStatus('In review', [route, entry('request-rejected')])).toMatchObject({ trusted: false, statusOnRecord: 'Rejected', reason: expect.stringContaining('finished this request as Rejected') });
  });
});
