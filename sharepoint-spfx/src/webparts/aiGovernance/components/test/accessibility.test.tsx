import * as React from 'react';
import { fireEvent, screen } from '@testing-library/react';
import { setIconOptions } from '@fluentui/react/lib/Styling';
import * as axe from 'axe-core';
import { FakeAiGovernanceService } from '../../../../services/FakeAiGovernanceService';
import { RequestForm } from '../requestForm/RequestForm';
import { ApproverInbox } from '../ApproverInbox';
import { MyRequests } from '../MyRequests';
import { GovernanceDashboard } from '../GovernanceDashboard';
import { Register } from '../Register';
import { PROCURED_ROUTE, requestWithMarkup, validProcuredAnswers, waitingTask } from './fixtures';
import { withService } from './withService';

setIconOptions({ disableWarnings: true });

// The Web Content Accessibility Guidelines (WCAG) 2.1 A and AA rules. jsdom has no layout or
// canvas, so colour contrast and label/name mismatch cannot be measured here; browser tests do.
const OPTIONS: axe.RunOptions = {
  runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'] },
  rules: { 'color-contrast': { enabled: false }, 'label-content-name-mismatch': { enabled: false } },
};

// axe is thorough and jsdom is slow: a long form takes several seconds.
jest.setTimeout(60000);

async function violations(element: Element): Promise<string[]> {
  const result = await axe.run(element, OPTIONS);
  return result.violations.map((v) => `${v.id}: ${v.help} (${v.nodes.map((n) => n.target.join(' ')).join('; ')})`);
}

describe('accessibility (axe-core rules that jsdom can check)', () => {
  it('request form: empty, with the error summary, and with the route preview', async () => {
    const empty = withService(new FakeAiGovernanceService(), <RequestForm initialAnswers={{ type: 'public-generic' }} />);
    fireEvent.click(screen.getByRole('button', { name: 'Check the route' }));
    await screen.findByTestId('error-summary');
    expect(await violations(empty.container)).toEqual([]);
    empty.unmount();

    const filled = withService(new FakeAiGovernanceService({ route: PROCURED_ROUTE }), <RequestForm initialAnswers={validProcuredAnswers()} />);
    fireEvent.click(screen.getByRole('button', { name: 'Check the route' }));
    await screen.findByTestId('route-preview');
    expect(await violations(filled.container)).toEqual([]);
  });

  it('approver inbox with a decision form open', async () => {
    const { container } = withService(new FakeAiGovernanceService({ tasks: [waitingTask()] }), <ApproverInbox />);
    fireEvent.click(await screen.findByRole('button', { name: /Review and decide/ }));
    fireEvent.click(screen.getByRole('button', { name: 'Record my decision' }));
    await screen.findByTestId('error-summary');
    expect(await violations(container)).toEqual([]);
  });

  it('my requests with a request open', async () => {
    const { container } = withService(new FakeAiGovernanceService({ requests: [requestWithMarkup()] }), <MyRequests />);
    fireEvent.click(await screen.findByRole('button', { name: /Notes tool/ }));
    await screen.findByTestId('timeline');
    expect(await violations(container)).toEqual([]);
  });

  it('dashboard and register', async () => {
    const dashboard = withService(
      new FakeAiGovernanceService({
        dashboard: {
          requests: { generatedAt: '2026-01-05T09:00:00Z', openByStage: [{ stage: 'Stage 1', count: 2 }], overdueSteps: [] },
          oversight: {
            reviews: [{ kind: 'policy', title: 'Artificial Intelligence Policy', dueOn: '2027-01-06' }],
            incidentsByState: [{ state: 'Reported', count: 1 }],
            openIncidents: [{ reference: 'AI incident 3', title: 'Wrong summary sent', severity: 'Moderate', status: 'Escalated to Datix', occurredAt: '2026-01-03T11:00:00Z', datixReference: 'DX-1001' }],
    datixEscalations: [{ incidentReference: 'AI incident 3', title: 'Wrong summary sent', datixReference: 'DX-1001', escalatedAt: '2026-01-04T09:00:00Z' }],
    awaitingDatixReference: 0,
    triageOverdue: 0,
          },
        },
      }),
      <GovernanceDashboard />,
    );
    await screen.findByRole('heading', { name: 'Governance dashboard' });
    expect(await violations(dashboard.container)).toEqual([]);
    dashboard.unmount();

    const register = withService(new FakeAiGovernanceService(), <Register />);
    await screen.findByRole('heading', { name: 'Approved tools (0)' });
    expect(await violations(register.container)).toEqual([]);
  });
});
