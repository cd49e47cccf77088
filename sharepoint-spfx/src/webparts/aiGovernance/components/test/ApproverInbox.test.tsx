import * as React from 'react';
import { fireEvent, render, screen, waitFor, within } from '@testing-library/react';
import { setIconOptions } from '@fluentui/react/lib/Styling';
import { FakeAiGovernanceService } from '../../../../services/FakeAiGovernanceService';
import { ServiceContext } from '../ServiceContext';
import { ApproverInbox } from '../ApproverInbox';
import { waitingTask } from './fixtures';

setIconOptions({ disableWarnings: true });

function renderInbox(service: FakeAiGovernanceService): void {
  render(
    <ServiceContext.Provider value={service}>
      <ApproverInbox />
    </ServiceContext.Provider>,
  );
}

describe('ApproverInbox', () => {
  it('lists my tasks, including delegated ones, and records a decision through the service', async () => {
    const delegated = { ...waitingTask(), id: 'task-8', stepCode: 'CSO' as const, delegatedFrom: 'Jo Safety' };
    const service = new FakeAiGovernanceService({ tasks: [waitingTask(), delegated] });
    renderInbox(service);

    expect(await screen.findByText(/Delegated to you by Jo Safety/)).toBeTruthy();
    fireEvent.click(screen.getByRole('button', { name: /Review and decide: Meeting notes summariser, Digital and Business Intelligence/ }));

    const form = screen.getByRole('form');
    fireEvent.click(within(form).getByRole('checkbox', { name: 'Configuration and security checked' }));
    fireEvent.change(within(form).getByLabelText('If not confirmed, why not: Continuous monitoring arranged'), { target: { value: 'Monitoring is arranged by the supplier.' } });
    fireEvent.click(within(form).getByRole('radio', { name: 'Approve' }));
    fireEvent.click(within(form).getByRole('button', { name: 'Record my decision' }));

    await screen.findByText(/Your decision on "Meeting notes summariser" has been recorded/);
    const [taskId, decision] = service.callsTo('decide')[0].args;
    expect(taskId).toBe('task-7');
    expect(decision).toEqual({
      outcome: 'approved',
      comments: '',
      checklist: [
        { itemId: 'config', confirmed: true, reasonIfNot: undefined },
        { itemId: 'monitoring', confirmed: false, reasonIfNot: 'Monitoring is arranged by the supplier.' },
      ],
    });
  });

  it('will not approve with a checklist item neither confirmed nor explained, nor refuse without a reason', async () => {
    const service = new FakeAiGovernanceService({ tasks: [waitingTask()] });
    renderInbox(service);
    fireEvent.click(await screen.findByRole('button', { name: /Review and decide/ }));
    const form = screen.getByRole('form');

    fireEvent.click(within(form).getByRole('radio', { name: 'Approve' }));
    fireEvent.click(within(form).getByRole('button', { name: 'Record my decision' }));
    let summary = await screen.findByTestId('error-summary');
    expect(within(summary).getAllByRole('link').map((l) => l.textContent)).toEqual([
      'Confirm, or say why it does not apply: Configuration and security checked',
      'Confirm, or say why it does not apply: Continuous monitoring arranged',
    ]);

    fireEvent.click(within(form).getByRole('radio', { name: 'Reject' }));
    fireEvent.click(within(form).getByRole('button', { name: 'Record my decision' }));
    await waitFor(() => {
      summary = screen.getByTestId('error-summary');
      expect(within(summary).getAllByRole('link').map((l) => l.textContent)).toEqual(['Say why, so the requester knows what to do next']);
    });
    expect(service.callsTo('decide')).toHaveLength(0);
  });
});
