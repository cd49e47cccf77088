import * as React from 'react';
import { fireEvent, screen, within } from '@testing-library/react';
import { setIconOptions } from '@fluentui/react/lib/Styling';
import { FakeAiGovernanceService } from '../../../../services/FakeAiGovernanceService';
import { MyRequests } from '../MyRequests';
import { toIntakeRequest } from '../requestForm/formModel';
import { PROCURED_ROUTE, requestWithMarkup, validProcuredAnswers } from './fixtures';
import { withService } from './withService';

setIconOptions({ disableWarnings: true });

describe('MyRequests', () => {
  it('shows text people typed, markup included, as text and never as HTML', async () => {
    const service = new FakeAiGovernanceService({ requests: [requestWithMarkup()] });
    const { container } = withService(service, <MyRequests />);

    fireEvent.click(await screen.findByRole('button', { name: '<img src=x onerror="alert(1)"> Notes tool' }));

    const timeline = await screen.findByTestId('timeline');
    expect(within(timeline).getByText('<b>Which</b> budget? <script>alert(2)</script>')).toBeTruthy();
    expect(screen.getByRole('heading', { name: '<img src=x onerror="alert(1)"> Notes tool' })).toBeTruthy();
    expect(container.querySelector('img')).toBeNull();
    expect(container.querySelector('script')).toBeNull();
    expect(container.querySelector('b')).toBeNull();
  });

  it('shows each step of the timeline with who and what they said, and answers "more information needed" with corrected answers', async () => {
    const service = new FakeAiGovernanceService({ requests: [requestWithMarkup()], answers: { '42': toIntakeRequest(validProcuredAnswers()) }, route: PROCURED_ROUTE });
    withService(service, <MyRequests />);
    fireEvent.click(await screen.findByRole('button', { name: /Notes tool/ }));
    const timeline = await screen.findByTestId('timeline');
    expect(within(timeline).getByText(/More information asked for \(Finance and procurement review\), by Pat Finance/)).toBeTruthy();
    expect(screen.getByText('Which budget will pay for it?')).toBeTruthy();

    fireEvent.change(screen.getByLabelText(/^Your reply/), { target: { value: 'The digital transformation budget pays.' } });
    fireEvent.click(screen.getByRole('button', { name: 'Change my answers too' }));
    const benefits = (await screen.findByLabelText(/What benefits do you expect/)) as HTMLTextAreaElement;
    expect((screen.getByLabelText(/Short title/) as HTMLInputElement).value).toBe('Meeting notes summariser');
    expect(screen.queryByRole('button', { name: 'Save as draft' })).toBeNull();
    fireEvent.change(benefits, { target: { value: 'Paid from the digital transformation budget; two hours a week saved.' } });
    fireEvent.click(screen.getByRole('button', { name: 'Check the route' }));
    fireEvent.click(await screen.findByRole('button', { name: 'Send the updated request' }));

    expect(await screen.findByRole('heading', { name: 'Updated request sent' })).toBeTruthy();
    const [id, reply, request] = service.callsTo('reply')[0].args as [string, string, { benefits: string }];
    expect(id).toBe('42');
    expect(reply).toBe('The digital transformation budget pays.');
    expect(request.benefits).toBe('Paid from the digital transformation budget; two hours a week saved.');
    expect(service.callsTo('submitRequest')).toHaveLength(0);
  });

  it('sends a reply on its own, and asks for one before sending', async () => {
    const service = new FakeAiGovernanceService({ requests: [requestWithMarkup()], answers: { '42': toIntakeRequest(validProcuredAnswers()) }, route: PROCURED_ROUTE });
    withService(service, <MyRequests />);
    fireEvent.click(await screen.findByRole('button', { name: /Notes tool/ }));
    fireEvent.click(await screen.findByRole('button', { name: 'Send the reply' }));
    expect(await screen.findByText('Write your reply to the question first.')).toBeTruthy();
    expect(service.callsTo('reply')).toHaveLength(0);

    fireEvent.change(screen.getByLabelText(/^Your reply/), { target: { value: 'From the digital transformation budget.' } });
    fireEvent.click(screen.getByRole('button', { name: 'Send the reply' }));
    expect(await screen.findByText(/^Your reply has been sent\./)).toBeTruthy();
    expect(service.callsTo('reply')[0].args).toEqual(['42', 'From the digital transformation budget.']);
  });

  it('opens a draft in the request form with its answers, to carry on', async () => {
    const draft = { ...requestWithMarkup(), id: 'draft-5', title: 'Draft notes tool', status: 'draft' as const, timeline: [] };
    const service = new FakeAiGovernanceService({ requests: [draft], answers: { 'draft-5': { type: 'procured', title: 'Draft notes tool' } } });
    withService(service, <MyRequests />);
    fireEvent.click(await screen.findByRole('button', { name: 'Draft notes tool' }));

    expect(await screen.findByRole('heading', { name: 'Carry on with your draft: Draft notes tool' })).toBeTruthy();
    expect(service.callsTo('getAnswers')[0].args).toEqual(['draft-5']);
    expect((screen.getByLabelText(/Short title/) as HTMLInputElement).value).toBe('Draft notes tool');
    fireEvent.click(screen.getByRole('button', { name: 'Save as draft' }));
    await screen.findByText(/Draft saved/);
    expect(service.callsTo('saveDraft')[0].args[1]).toBe('draft-5');
  });
});
