import * as React from 'react';
import { fireEvent, screen, within } from '@testing-library/react';
import { setIconOptions } from '@fluentui/react/lib/Styling';
import { FakeAiGovernanceService } from '../../../../services/FakeAiGovernanceService';
import type { GovernanceDashboardData, RegisterEntry } from '../../../../services/types';
import { GovernanceDashboard } from '../GovernanceDashboard';
import { Register } from '../Register';
import { withService } from './withService';

setIconOptions({ disableWarnings: true });

const DASHBOARD: GovernanceDashboardData = {
  requests: {
    generatedAt: '2026-01-05T09:00:00Z',
    openByStage: [
      { stage: 'Stage 1: first checks', count: 3 },
      { stage: 'Stage 2: specialist review', count: 5 },
    ],
    overdueSteps: [{ requestId: '42', requestTitle: 'Notes tool', stepCode: 'CSO', role: 'Clinical Safety Officer', assignee: 'jo.safety@example.nhs.uk', dueAt: '2026-01-02T17:00:00Z', escalated: 'deputy' }],
  },
  oversight: {
    reviews: [{ kind: 'policy', title: 'Artificial Intelligence Policy', dueOn: '2027-01-06', owner: 'Chief Medical Officer' }],
    incidentsByState: [
      { state: 'Reported', count: 2 },
      { state: 'Escalated to Datix', count: 1 },
    ],
    openIncidents: [{ reference: 'AI incident 3', title: 'Wrong summary sent', severity: 'Moderate', status: 'Escalated to Datix', occurredAt: '2026-01-03T11:00:00Z', datixReference: 'DX-1001' }],
    datixEscalations: [{ incidentReference: 'AI incident 3', title: 'Wrong summary sent', datixReference: 'DX-1001', escalatedAt: '2026-01-04T09:00:00Z' }],
    awaitingDatixReference: 0,
    triageOverdue: 0,
  },
};

const COPILOT: RegisterEntry = {
  kind: 'tool',
  name: 'Microsoft Copilot',
  supplier: 'Microsoft',
  description: 'An assistant that drafts and summarises text.',
  purpose: 'Routine administrative writing.',
  humanOversight: 'Staff check every output before using it.',
  dataUsed: 'No personal data.',
  dpiaStatus: 'approved',
  contact: 'ig.team@example.nhs.uk',
  reviewDate: '2027-01-06',
};

describe('GovernanceDashboard', () => {
  it('shows open requests by stage as a chart with the same figures in a table, overdue steps, incidents and Datix references', async () => {
    withService(new FakeAiGovernanceService({ dashboard: DASHBOARD }), <GovernanceDashboard />);
    expect(await screen.findByRole('heading', { name: 'Open requests by stage (8 in total)' })).toBeTruthy();
    const table = screen.getByRole('table', { name: 'Open requests by stage' });
    expect(within(table).getByRole('rowheader', { name: 'Stage 2: specialist review' })).toBeTruthy();
    expect(within(table).getByText('5')).toBeTruthy();
    // Each chart is an image with a title and a description giving its figures in words.
    const chart = screen.getByRole('img', { name: /^Open requests by stage/ });
    expect(chart.querySelector('desc')?.textContent).toContain('Stage 2: specialist review: 5');
    expect(screen.getByText('Clinical safety review')).toBeTruthy();
    expect(within(screen.getByRole('table', { name: 'Open incidents by state' })).getByRole('rowheader', { name: 'Escalated to Datix' })).toBeTruthy();
    expect(screen.getAllByText('DX-1001')).toHaveLength(2);
    expect(screen.getByRole('button', { name: 'Download overdue steps as a spreadsheet of comma-separated values (CSV)' })).toBeTruthy();
  });

  it('says a part is not available instead of failing when its endpoint is missing', async () => {
    const dashboard: GovernanceDashboardData = { ...DASHBOARD, oversight: { unavailable: 'This part of the dashboard is not available yet.' } };
    withService(new FakeAiGovernanceService({ dashboard }), <GovernanceDashboard />);
    expect(await screen.findByRole('heading', { name: 'Open requests by stage (8 in total)' })).toBeTruthy();
    expect(screen.getByRole('heading', { name: 'Reviews, incidents and Datix escalations' })).toBeTruthy();
    expect(screen.getByTestId('dashboard-unavailable').textContent).toBe('This part of the dashboard is not available yet.');
  });
});

describe('Register', () => {
  it('filters as people type, by name, supplier or purpose, and says what to do about a tool that is not there', async () => {
    const service = new FakeAiGovernanceService({ register: [COPILOT] });
    withService(service, <Register />);
    expect(await screen.findByRole('heading', { name: /Microsoft Copilot/ })).toBeTruthy();
    expect(screen.getByText('Routine administrative writing.')).toBeTruthy();

    const box = screen.getByLabelText(/Is this tool approved\?/);
    fireEvent.change(box, { target: { value: 'administrative' } });
    expect(screen.getByRole('heading', { name: /Microsoft Copilot/ })).toBeTruthy();
    fireEvent.change(box, { target: { value: 'ChatBot Deluxe' } });
    // No Enter needed: the list follows the typing, and the count is announced once typing pauses.
    expect(screen.queryByRole('heading', { name: /Microsoft Copilot/ })).toBeNull();
    expect(screen.getByRole('heading', { name: 'Not in the register?' })).toBeTruthy();
    expect(screen.getByText('Do not put any personal data into it.')).toBeTruthy();
    expect(await screen.findByText(/No approved tool matches "ChatBot Deluxe"\. It is not approved for use/)).toBeTruthy();
    // The register is loaded once; the search runs over it.
    expect(service.callsTo('searchRegister').map((c) => c.args[0])).toEqual(['']);
    expect(service.callsTo('listRegisterDrafts')).toHaveLength(1);
    expect(screen.queryByRole('heading', { name: /Waiting to be published/ })).toBeNull();
  });

  it('lets the governance team publish a drafted entry, with corrections', async () => {
    const draft = { id: 4, kind: 'tool' as const, name: 'Newsletter Helper', supplier: 'Example AI', purpose: 'Drafts the newsletter.', owner: 'Communications', humanOversight: '', dataUsed: 'No personal data', approvedOn: '2026-12-02', reviewDate: '2027-01-06', transparencyRecordUrl: 'https://func.example/api/register/4/transparency-record' };
    const service = new FakeAiGovernanceService({ register: [COPILOT], registerDrafts: [draft] });
    withService(service, <Register />);
    expect(await screen.findByRole('heading', { name: 'Waiting to be published (1)' })).toBeTruthy();
    fireEvent.change(screen.getByLabelText('How people check its outputs (Newsletter Helper)'), { target: { value: 'The editor reads every draft.' } });
    expect(screen.getByRole('link', { name: /Check and publish the transparency record for Newsletter Helper/ }).getAttribute('href')).toBe(draft.transparencyRecordUrl);
    fireEvent.click(screen.getByRole('button', { name: 'Publish Newsletter Helper on the public register' }));
    expect(await screen.findByText('Published: Newsletter Helper is on the public register.')).toBeTruthy();
    expect(service.callsTo('publishRegisterEntry')[0].args).toEqual([4, { purpose: 'Drafts the newsletter.', humanOversight: 'The editor reads every draft.', dataUsed: 'No personal data', owner: 'Communications' }]);
    expect(await screen.findByRole('heading', { name: 'Waiting to be published (0)' })).toBeTruthy();
  });
});
