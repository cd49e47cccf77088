import * as React from 'react';
import { fireEvent, screen, within } from '@testing-library/react';
import { setIconOptions } from '@fluentui/react/lib/Styling';
import { FakeAiGovernanceService } from '../../../../services/FakeAiGovernanceService';
import { requestDetailFromView, type RequestViewJson } from '../../../../services/requestViewMapping';
import { MyRequests } from '../MyRequests';
import { withService } from './withService';

setIconOptions({ disableWarnings: true });

const planned = (code: string, stage: 1 | 2 | 3, role: string) => ({ code, stage, role, roleCodes: ['R'], reason: 'Why', clause: 'AI Policy, section 5', checklist: [{ id: 'x', text: 'X' }], inputs: [], mayRecordNotRequired: false });
const row = (code: string, status: string, extra: Partial<RequestViewJson['steps'][number]> = {}): RequestViewJson['steps'][number] => ({
  code,
  name: code,
  attempt: 1,
  status,
  outcome: null,
  assignee: 'someone@example.nhs.uk',
  due: '2026-12-08T17:00:00Z',
  respondedAt: null,
  comments: null,
  checklist: [],
  ...extra,
});

/** A request in its second stage, as `GET /api/requests/{id}` answers. */
function viewInStageTwo(status: string, steps: RequestViewJson['steps']): RequestViewJson {
  return {
    id: 42,
    reference: 'AIG-2026-0042',
    title: 'Sepsis risk research',
    type: 'Research',
    status,
    currentStage: 'Stage 2',
    risk: 'Medium',
    route: {
      outcome: 'routed',
      rulesVersion: 'test',
      risk: { rating: 'medium', facts: [] },
      stages: [
        [planned('IG_NOTIFY', 1, 'Senior Information Governance Manager'), planned('FINANCE', 1, 'Finance and Procurement')],
        [planned('DPIA', 2, 'Information Governance Manager and Head of Safe Practice (Digital)'), planned('RESEARCH', 2, 'Research and Innovation')],
        [planned('IT_INSTALL', 3, 'Information Technology team')],
      ],
    } as RequestViewJson['route'],
    steps,
    jointSteps: [],
    conversation: [],
    progress: null,
    decisionSummary: null,
    reviewDue: null,
    history: [{ at: '2026-12-01T09:00:00Z', event: 'request-submitted', what: 'Request sent', by: 'amara.nwosu@example.nhs.uk' }],
  };
}

async function openRequest(view: RequestViewJson): Promise<HTMLElement> {
  const service = new FakeAiGovernanceService({ requests: [requestDetailFromView(view)] });
  withService(service, <MyRequests />);
  fireEvent.click(await screen.findByRole('button', { name: 'Sepsis risk research' }));
  return screen.findByTestId('stages');
}

const lines = (stages: HTMLElement): string[] => Array.from(stages.children).map((li) => (li.textContent ?? '').replace(/\s+/g, ' ').trim());

describe('MyRequests: the stages of the route', () => {
  it('shows past steps with their outcome, who holds each open step and when it is due, and the stages ahead with who decides them', async () => {
    const stages = await openRequest(
      viewInStageTwo('In review', [
        row('IG_NOTIFY', 'Completed', { outcome: 'Approved', respondedAt: '2026-12-01T10:00:00Z' }),
        row('FINANCE', 'Completed', { outcome: 'Approved', respondedAt: '2026-12-01T11:00:00Z' }),
        // A joint step: one row per role, one decided, one still open.
        row('DPIA', 'Completed', { outcome: 'Approved', respondedAt: '2026-12-02T09:30:00Z' }),
        row('DPIA', 'Pending', { holders: [{ name: 'Alison Reid', email: 'alison.reid@example.nhs.uk' }] }),
        row('RESEARCH', 'Escalated', { holders: [{ name: 'Fatima Begum', email: 'fatima.begum@example.nhs.uk' }, { name: 'Olivia Hughes', email: 'olivia.hughes@example.nhs.uk' }], due: '2026-12-09T17:00:00Z' }),
      ]),
    );
    const [one, two, three] = lines(stages);
    expect(one).toMatch(/^Stage 1: decided/);
    expect(one).toContain('Approved on 1 December 2026');
    expect(two).toMatch(/^Stage 2: the request is here now/);
    expect(two).toContain('with Alison Reid (alison.reid@example.nhs.uk), due 8 December 2026');
    expect(two).toContain('with Fatima Begum (fatima.begum@example.nhs.uk) or Olivia Hughes (olivia.hughes@example.nhs.uk), due 9 December 2026');
    expect(three).toMatch(/^Stage 3: still to come/);
    expect(three).toContain('not started yet. Who decides: Information Technology team. It starts when every step of stage 2 is approved.');
    expect(stages.children[1].getAttribute('aria-current')).toBe('step');
    // The joint step's two rows are one attempt, not two.
    expect(two).not.toContain('Attempt');
  });

  it('after a rejection: the stages not reached say so, and the rejection is shown with its reason', async () => {
    const stages = await openRequest(
      viewInStageTwo('Rejected', [
        row('IG_NOTIFY', 'Completed', { outcome: 'Approved', respondedAt: '2026-12-01T10:00:00Z' }),
        row('FINANCE', 'Completed', { outcome: 'Approved', respondedAt: '2026-12-01T11:00:00Z' }),
        row('DPIA', 'Cancelled'),
        row('RESEARCH', 'Completed', { outcome: 'Rejected', respondedAt: '2026-12-03T09:00:00Z', comments: 'No ethics committee opinion yet.' }),
      ]),
    );
    const [, two, three] = lines(stages);
    expect(two).toMatch(/^Stage 2: decided/);
    expect(two).toContain('stopped before a decision');
    expect(two).toContain('Rejected on 3 December 2026');
    expect(within(stages).getByText('No ethics committee opinion yet.')).toBeTruthy();
    expect(three).toMatch(/^Stage 3: not reached: the request ended before this stage/);
  });
});
