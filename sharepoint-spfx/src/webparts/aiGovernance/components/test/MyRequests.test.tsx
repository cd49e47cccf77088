import * as React from 'react';
import { fireEvent, render, screen, within } from '@testing-library/react';
import { setIconOptions } from '@fluentui/react/lib/Styling';
import { FakeAiGovernanceService } from '../../../../services/FakeAiGovernanceService';
import { ServiceContext } from '../ServiceContext';
import { MyRequests } from '../MyRequests';
import { requestWithMarkup } from './fixtures';

setIconOptions({ disableWarnings: true });

describe('MyRequests', () => {
  it('shows text people typed, markup included, as text and never as HTML', async () => {
    const service = new FakeAiGovernanceService({ requests: [requestWithMarkup()] });
    const { container } = render(
      <ServiceContext.Provider value={service}>
        <MyRequests />
      </ServiceContext.Provider>,
    );

    fireEvent.click(await screen.findByRole('button', { name: '<img src=x onerror="alert(1)"> Notes tool' }));

    const timeline = await screen.findByTestId('timeline');
    expect(within(timeline).getByText('<b>Which</b> budget? <script>alert(2)</script>')).toBeTruthy();
    expect(screen.getByRole('heading', { name: '<img src=x onerror="alert(1)"> Notes tool' })).toBeTruthy();
    expect(container.querySelector('img')).toBeNull();
    expect(container.querySelector('script')).toBeNull();
    expect(container.querySelector('b')).toBeNull();
  });

  it('shows each step of the timeline with who and what they said, and sends an answer to "more information needed"', async () => {
    const service = new FakeAiGovernanceService({ requests: [requestWithMarkup()] });
    render(
      <ServiceContext.Provider value={service}>
        <MyRequests />
      </ServiceContext.Provider>,
    );
    fireEvent.click(await screen.findByRole('button', { name: /Notes tool/ }));
    const timeline = await screen.findByTestId('timeline');
    expect(within(timeline).getByText(/More information asked for \(Finance and Procurement\), by Pat Finance/)).toBeTruthy();
    expect(screen.getByText('Which budget will pay for it?')).toBeTruthy();

    fireEvent.click(screen.getByRole('button', { name: 'Send my answer' }));
    expect(await screen.findByText('Enter the information you were asked for')).toBeTruthy();
    expect(service.callsTo('respondToMoreInfo')).toHaveLength(0);

    fireEvent.change(screen.getByLabelText(/Your answer/), { target: { value: 'The digital transformation budget.' } });
    fireEvent.click(screen.getByRole('button', { name: 'Send my answer' }));
    await screen.findByText(/Your answer has been sent/);
    expect(service.callsTo('respondToMoreInfo')[0].args.slice(0, 2)).toEqual(['42', 'The digital transformation budget.']);
  });

  it('opens a draft in the request form with its answers, to carry on', async () => {
    const draft = { ...requestWithMarkup(), id: 'draft-5', title: 'Draft notes tool', status: 'draft' as const, request: { type: 'procured', title: 'Draft notes tool' } as never, timeline: [] };
    const service = new FakeAiGovernanceService({ requests: [draft] });
    render(
      <ServiceContext.Provider value={service}>
        <MyRequests />
      </ServiceContext.Provider>,
    );
    fireEvent.click(await screen.findByRole('button', { name: 'Draft notes tool' }));

    expect(await screen.findByRole('heading', { name: 'Carry on with your draft: Draft notes tool' })).toBeTruthy();
    expect((screen.getByLabelText(/Short title/) as HTMLInputElement).value).toBe('Draft notes tool');
    fireEvent.click(screen.getByRole('button', { name: 'Save as draft' }));
    await screen.findByText(/Draft saved/);
    expect(service.callsTo('saveDraft')[0].args[1]).toBe('draft-5');
  });
});
