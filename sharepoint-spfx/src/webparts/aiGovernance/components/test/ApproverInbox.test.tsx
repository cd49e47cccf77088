import * as React from 'react';
import { fireEvent, screen, waitFor, within } from '@testing-library/react';
import { setIconOptions } from '@fluentui/react/lib/Styling';
import { FakeAiGovernanceService } from '../../../../services/FakeAiGovernanceService';
import { ApproverInbox } from '../ApproverInbox';
import { waitingTask } from './fixtures';
import type { ApprovalTask } from '../../../../services/types';
import { withService } from './withService';

setIconOptions({ disableWarnings: true });

function renderInbox(service: FakeAiGovernanceService): void {
  withService(service, <ApproverInbox />);
}

describe('ApproverInbox', () => {
  it('lists my tasks, including delegated ones, and records a decision through the service', async () => {
    const delegated = { ...waitingTask(), id: 'task-8', stepCode: 'CSO' as const, delegatedFrom: 'Jo Safety' };
    const service = new FakeAiGovernanceService({ tasks: [waitingTask(), delegated] });
    renderInbox(service);

    expect(await screen.findByText(/Delegated to you by Jo Safety/)).toBeTruthy();
    fireEvent.click(screen.getByRole('button', { name: /Review and decide: Meeting notes summariser, Digital, technical and business intelligence review/ }));

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
      // The step asks for no references.
      references: {},
    });
  });

  it('shows the whole request before the decision: the facts the API ordered for the role, documents, and earlier decisions with their checklist', async () => {
    const service = new FakeAiGovernanceService({ tasks: [waitingTask()] });
    renderInbox(service);
    fireEvent.click(await screen.findByRole('button', { name: /Review and decide/ }));
    const record = within(screen.getByRole('form')).getByTestId('request-record');
    expect(within(record).getAllByRole('heading').map((h) => h.textContent)).toEqual([
      'The request',
      'Product, supplier and cost',
      'Data Protection Impact Assessment (DPIA) screening',
      'Documents and references',
      'Decisions so far',
    ]);
    // User text is shown as text, never as markup.
    expect(within(record).getByText('Notes <b>Pro</b>')).toBeTruthy();
    expect(record.querySelector('b')).toBeNull();
    expect(within(record).getByText('Yes').closest('li')?.textContent).toBe('Will the tool process information that identifies a person, living or dead? Yes');
    expect(within(record).getByText('No documents are attached to this request.')).toBeTruthy();
    const earlier = within(record).getByText(/^Finance and procurement review: Finance and Procurement/).closest('li')!;
    expect(earlier.textContent).toContain('Approved by pat.finance@example.nhs.uk on 8 January 2026');
    expect(earlier.textContent).toContain('Comments: Budget agreed');
    expect(earlier.textContent).toContain('A budget is agreed. Not confirmed: Paid from the <i>pilot</i> fund');
    // The record comes before the checklist, so the approver reads it first.
    const checklist = within(screen.getByRole('form')).getByRole('checkbox', { name: 'Configuration and security checked' });
    expect(record.compareDocumentPosition(checklist) & Node.DOCUMENT_POSITION_FOLLOWING).toBeTruthy();
  });

  it('passes a step to a colleague with a reason; the step leaves my list', async () => {
    const service = new FakeAiGovernanceService({ tasks: [waitingTask()] });
    renderInbox(service);
    fireEvent.click(await screen.findByRole('button', { name: /Pass to a colleague: Meeting notes summariser/ }));
    const form = screen.getByRole('form');
    fireEvent.click(within(form).getByRole('button', { name: 'Pass the step on' }));
    const summary = await screen.findByTestId('error-summary');
    expect(within(summary).getAllByRole('link').map((l) => l.textContent)).toEqual([
      'Give the work email address of the colleague who should decide instead',
      'Say why you are passing the step on',
    ]);
    fireEvent.change(within(form).getByLabelText(/Their work email address/), { target: { value: 'sam.oconnell@example.nhs.uk' } });
    fireEvent.change(within(form).getByLabelText(/Why you are passing it on/), { target: { value: 'On leave next week' } });
    fireEvent.click(within(form).getByRole('button', { name: 'Pass the step on' }));
    await screen.findByText(/is now with sam.oconnell@example.nhs.uk/);
    expect(service.callsTo('handOver')[0].args).toEqual(['task-7', { to: 'sam.oconnell@example.nhs.uk', reason: 'On leave next week' }]);
    await waitFor(() => expect(screen.getByText('Nothing is waiting for you.')).toBeTruthy());
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

  it('asks for the references the step needs, sends them with the approval, and shows the service’s refusal next to the field', async () => {
    const dtac = {
      ...waitingTask(),
      id: 'task-9',
      stepCode: 'DTAC' as const,
      checklist: [{ id: 'dtac-passed', text: 'The DTAC assessment is passed.', mandatory: true as const }],
      references: ['dtacReference', 'dtacDate', 'dtacClinicalSafety', 'dtacDataProtection', 'dtacTechnicalSecurity', 'dtacInteroperability', 'dtacUsabilityAccessibility'] as ApprovalTask['references'],
    };
    const service = new FakeAiGovernanceService({ tasks: [dtac], refuseDecision: [{ field: 'dtacDate', message: 'the DTAC assessment date cannot be in the future' }] });
    renderInbox(service);
    fireEvent.click(await screen.findByRole('button', { name: /Review and decide/ }));
    const form = screen.getByRole('form');
    const references = within(form).getByRole('group', { name: 'References' });
    expect(within(references).getByText('Needed to approve: they are recorded with your decision and on the request.')).toBeTruthy();
    // A mandatory item offers no reason instead: it must be ticked.
    expect(within(form).queryByLabelText(/If not confirmed, why not/)).toBeNull();
    expect(within(form).getByText('Required to approve: the policy does not allow a reason instead.')).toBeTruthy();

    fireEvent.click(within(form).getByRole('radio', { name: 'Approve' }));
    fireEvent.click(within(form).getByRole('button', { name: 'Record my decision' }));
    let summary = await screen.findByTestId('error-summary');
    expect(within(summary).getAllByRole('link').map((l) => l.textContent)).toEqual(['Confirm: The DTAC assessment is passed. The policy makes it a condition of approval.']);

    fireEvent.click(within(form).getByRole('checkbox', { name: 'The DTAC assessment is passed.' }));
    fireEvent.change(within(references).getByLabelText('DTAC assessment reference'), { target: { value: ' DTAC-2026-014 ' } });
    fireEvent.change(within(references).getByLabelText('Date of the DTAC assessment'), { target: { value: '2027-01-01' } });
    for (const area of ['clinical safety', 'data protection', 'technical security', 'interoperability', 'usability and accessibility']) {
      fireEvent.click(within(within(references).getByRole('radiogroup', { name: `DTAC: ${area}` })).getByRole('radio', { name: 'Met' }));
    }
    fireEvent.click(within(form).getByRole('button', { name: 'Record my decision' }));

    await waitFor(() => {
      summary = screen.getByTestId('error-summary');
      expect(within(summary).getAllByRole('link').map((l) => l.textContent)).toEqual(['The DTAC assessment date cannot be in the future']);
    });
    const date = within(references).getByLabelText('Date of the DTAC assessment');
    expect(date.getAttribute('aria-invalid')).toBe('true');
    expect(document.getElementById(date.getAttribute('aria-describedby')!.split(' ')[0])?.textContent).toContain('The DTAC assessment date cannot be in the future');
    const [, decision] = service.callsTo('decide')[0].args as [string, { references: Record<string, string> }];
    expect(decision.references).toEqual({
      dtacReference: 'DTAC-2026-014',
      dtacDate: '2027-01-01',
      dtacClinicalSafety: 'met',
      dtacDataProtection: 'met',
      dtacTechnicalSecurity: 'met',
      dtacInteroperability: 'met',
      dtacUsabilityAccessibility: 'met',
    });

    fireEvent.change(date, { target: { value: '2026-01-02' } });
    fireEvent.click(within(form).getByRole('button', { name: 'Record my decision' }));
    await screen.findByText(/Your decision on "Meeting notes summariser" has been recorded/);
    expect(service.callsTo('decide')).toHaveLength(2);
  });

  it('asks once more before a rejection, saying what it does; going back keeps the reason', async () => {
    const service = new FakeAiGovernanceService({ tasks: [waitingTask()] });
    renderInbox(service);
    fireEvent.click(await screen.findByRole('button', { name: /Review and decide/ }));
    fireEvent.click(within(screen.getByRole('form')).getByRole('radio', { name: 'Reject' }));
    fireEvent.change(within(screen.getByRole('form')).getByLabelText(/Comments for the requester/), { target: { value: 'The supplier holds data outside the UK.' } });
    fireEvent.click(within(screen.getByRole('form')).getByRole('button', { name: 'Record my decision' }));

    const check = await screen.findByRole('region', { name: 'Reject “Meeting notes summariser”?' });
    expect(within(check).getByText('Rejecting ends the request: no further steps run, and the requester is emailed that it was not approved, with your reason.')).toBeTruthy();
    expect(within(check).getByTestId('rejection-reason').textContent).toBe('The supplier holds data outside the UK.');
    await waitFor(() => expect(document.activeElement).toBe(within(check).getByRole('heading')));
    expect(screen.queryByRole('form')).toBeNull();
    expect(service.callsTo('decide')).toHaveLength(0);

    fireEvent.click(within(check).getByRole('button', { name: 'No, go back to the decision' }));
    const form = screen.getByRole('form');
    expect((within(form).getByLabelText(/Comments for the requester/) as HTMLTextAreaElement).value).toBe('The supplier holds data outside the UK.');
    expect((within(form).getByRole('radio', { name: 'Reject' }) as HTMLInputElement).checked).toBe(true);
    expect(service.callsTo('decide')).toHaveLength(0);

    fireEvent.click(within(form).getByRole('button', { name: 'Record my decision' }));
    fireEvent.click(within(await screen.findByRole('region', { name: /^Reject/ })).getByRole('button', { name: 'Yes, reject the request' }));
    await screen.findByText(/Your decision on "Meeting notes summariser" has been recorded. The request ends here/);
    expect(service.callsTo('decide')[0].args[1]).toMatchObject({ outcome: 'rejected', comments: 'The supplier holds data outside the UK.' });
  });
});
