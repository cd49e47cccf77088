import * as React from 'react';
import { fireEvent, screen, waitFor, within } from '@testing-library/react';
import { setIconOptions } from '@fluentui/react/lib/Styling';
import { FakeAiGovernanceService } from '../../../../services/FakeAiGovernanceService';
import { Absences } from '../Absences';
import { withService } from './withService';

setIconOptions({ disableWarnings: true });

const OLIVIA = { name: 'Olivia Hughes', email: 'olivia.hughes@example.nhs.uk' };

function renderAbsences(service: FakeAiGovernanceService): void {
  withService(service, <Absences />);
}

describe('Absences', () => {
  it('shows my current and coming absences, and ends one early or calls one off', async () => {
    const service = new FakeAiGovernanceService({
      absences: [
        { id: '1', from: '2026-12-01T00:00:00Z', until: '2026-12-08T00:00:00Z', deputy: OLIVIA, note: null, state: 'current' },
        { id: '2', from: '2027-01-04T00:00:00Z', until: '2027-01-09T00:00:00Z', deputy: OLIVIA, note: null, state: 'future' },
      ],
    });
    renderAbsences(service);
    const now = (await screen.findByText('Away now')).closest('li')!;
    expect(now.textContent).toContain('Covered by Olivia Hughes (olivia.hughes@example.nhs.uk)');
    expect((screen.getByText('Coming up').closest('li')!).textContent).toContain('4 January 2027');

    fireEvent.click(within(now).getByRole('button', { name: /^End this absence now: from 1 December 2026, covered by Olivia Hughes/ }));
    await screen.findByText('Your absence has ended. Steps that arrive from now on come to you; steps already sent to Olivia Hughes stay with them.');
    expect(service.callsTo('endAbsence')[0].args).toEqual(['1']);
    await waitFor(() => expect(screen.queryByText('Away now')).toBeNull());

    fireEvent.click(screen.getByRole('button', { name: /^Call off this absence/ }));
    await screen.findByText('That absence is called off: steps keep coming to you in those days.');
    await screen.findByText('You have no absences recorded now or to come.');
  });

  it('records an absence from the first to the last day away, checking each field first', async () => {
    const service = new FakeAiGovernanceService({ absences: [] });
    renderAbsences(service);
    await screen.findByText('You have no absences recorded now or to come.');
    const form = screen.getByRole('form', { name: 'Record an absence' });
    fireEvent.change(within(form).getByLabelText(/First day away/), { target: { value: '2026-12-10' } });
    fireEvent.change(within(form).getByLabelText(/Last day away/), { target: { value: '2026-12-09' } });
    fireEvent.click(within(form).getByRole('button', { name: 'Record the absence' }));
    const summary = await screen.findByTestId('error-summary');
    expect(within(summary).getAllByRole('link').map((l) => l.textContent)).toEqual(['The last day away cannot be before the first', 'Give the work email address of the colleague who covers for you']);
    expect(service.callsTo('recordAbsence')).toHaveLength(0);

    fireEvent.change(within(form).getByLabelText(/Last day away/), { target: { value: '2026-12-17' } });
    fireEvent.change(within(form).getByLabelText(/Your deputy's work email address/), { target: { value: ' olivia.hughes@example.nhs.uk ' } });
    fireEvent.click(within(form).getByRole('button', { name: 'Record the absence' }));
    await screen.findByText(/^Your absence is recorded\. From 10 December 2026(,| at) 00:00 until 18 December 2026(,| at) 00:00, steps that arrive for you go to olivia.hughes@example.nhs.uk\.$/);
    const [sent] = service.callsTo('recordAbsence')[0].args as [{ from: string; until: string; deputy: string }];
    // The whole of the last day is covered: back at the start of the next.
    expect(sent).toEqual({ from: new Date('2026-12-10T00:00:00').toISOString(), until: new Date('2026-12-18T00:00:00').toISOString(), deputy: 'olivia.hughes@example.nhs.uk' });
    expect((await screen.findByText('Coming up')).closest('li')!.textContent).toContain('Covered by');
  });
});
