import * as React from 'react';
import { fireEvent, screen, waitFor, within } from '@testing-library/react';
import { setIconOptions } from '@fluentui/react/lib/Styling';
import { FakeAiGovernanceService } from '../../../../services/FakeAiGovernanceService';
import { RequestForm } from '../requestForm/RequestForm';
import type { Answers } from '../requestForm/formModel';
import { PROCURED_ROUTE, validProcuredAnswers } from './fixtures';
import { withService } from './withService';

setIconOptions({ disableWarnings: true });

function renderForm(service: FakeAiGovernanceService, initialAnswers?: Answers): void {
  withService(service, <RequestForm initialAnswers={initialAnswers} />);
}

function chooseType(name: RegExp): void {
  fireEvent.click(screen.getByRole('radio', { name }));
}

function answer(question: RegExp, yes: boolean): void {
  const group = screen.getByRole('radiogroup', { name: question });
  fireEvent.click(within(group).getByRole('radio', { name: yes ? 'Yes' : 'No' }));
}

describe('RequestForm', () => {
  it('shows only the questions that apply to the kind of request and the answers so far', async () => {
    const service = new FakeAiGovernanceService();
    renderForm(service);
    await waitFor(() => expect(service.callsTo('currentUser')).toHaveLength(1));

    expect(screen.queryByLabelText(/Short title/)).toBeNull();

    chooseType(/A free or generic tool for routine work/);
    expect(screen.getByRole('checkbox', { name: /I will not enter any personal data/ })).toBeTruthy();
    expect(screen.queryByRole('radiogroup', { name: /Did NHS England buy it/ })).toBeNull();
    expect(screen.queryByLabelText(/legal basis/)).toBeNull();

    chooseType(/A function bought or set up nationally/);
    expect(screen.getByRole('radiogroup', { name: /Did NHS England buy it/ })).toBeTruthy();
    expect(screen.queryByRole('checkbox', { name: /I will not enter any personal data/ })).toBeNull();

    answer(/Will the tool use personal data\?/, true);
    expect(screen.getByLabelText(/What is the legal basis/)).toBeTruthy();
    answer(/Will the tool use personal data\?/, false);
    expect(screen.queryByLabelText(/What is the legal basis/)).toBeNull();
  });

  it('names every missing required answer in an error summary and sends nothing', async () => {
    const service = new FakeAiGovernanceService();
    renderForm(service);
    await waitFor(() => expect(service.callsTo('currentUser')).toHaveLength(1));
    chooseType(/Another tool or licence we would buy/);

    fireEvent.click(screen.getByRole('button', { name: 'Check the route' }));

    const summary = await screen.findByTestId('error-summary');
    expect(within(summary).getByRole('heading', { name: 'There is a problem' })).toBeTruthy();
    const links = within(summary).getAllByRole('link');
    const text = links.map((l) => l.textContent ?? '');
    for (const expected of ['title', 'directorate', 'product name', 'supplier', 'purpose', 'expected benefits', 'how success will be measured', 'estimated cost']) {
      expect(text.some((t) => t.toLowerCase().indexOf(expected) >= 0)).toBe(true);
    }
    expect(text.filter((t) => /screening question/i.test(t))).toHaveLength(10);
    expect(text.some((t) => /personal data/i.test(t))).toBe(true);
    // Name and email come from sign-in, so they are not missing.
    expect(text.some((t) => /your email/i.test(t))).toBe(false);
    expect(links[0].getAttribute('href')).toBe('#aig-field-title');
    expect(document.activeElement).toBe(summary);

    fireEvent.click(links[0]);
    expect(document.activeElement).toBe(document.getElementById('aig-field-title'));

    expect(service.callsTo('planRoute')).toHaveLength(0);
    expect(service.callsTo('submitRequest')).toHaveLength(0);
  });

  it('shows the planned route with its reasons before the request can be sent, then sends intake JSON version 1', async () => {
    const service = new FakeAiGovernanceService({ route: PROCURED_ROUTE });
    renderForm(service, validProcuredAnswers());
    expect(screen.queryByRole('button', { name: 'Send the request' })).toBeNull();

    fireEvent.click(screen.getByRole('button', { name: 'Check the route' }));

    const preview = await screen.findByTestId('route-preview');
    expect(within(preview).getByText(/The tool costs money, so the purchase must follow the Procurement policy\./)).toBeTruthy();
    expect(within(preview).getByText(/Software must be installed/)).toBeTruthy();
    expect(within(preview).getAllByText(/AI Policy, section 5: Finance and Procurement/)).toHaveLength(2);
    expect(within(preview).getByText(/The supplier has not yet been checked/)).toBeTruthy();
    expect(within(preview).getByText('Permission to install software')).toBeTruthy();
    expect(service.callsTo('submitRequest')).toHaveLength(0);

    fireEvent.click(screen.getByRole('button', { name: 'Send the request' }));
    await screen.findByRole('heading', { name: 'Request sent' });
    const sent = service.callsTo('submitRequest')[0].args[0] as Record<string, unknown>;
    expect(sent).toMatchObject({ type: 'procured', title: 'Meeting notes summariser', estimatedCost: 1200, use: { installNeeded: true } });
    expect(Object.keys(sent).sort()).toEqual(
      ['benefits', 'data', 'directorate', 'dpiaScreening', 'estimatedCost', 'product', 'purpose', 'requester', 'successMeasures', 'title', 'type', 'use', 'version'].sort(),
    );
  });

  it('forgets the planned route when an answer changes', async () => {
    const service = new FakeAiGovernanceService({ route: PROCURED_ROUTE });
    renderForm(service, validProcuredAnswers());
    fireEvent.click(screen.getByRole('button', { name: 'Check the route' }));
    await screen.findByTestId('route-preview');

    answer(/Does any software need to be installed/, false);

    expect(screen.queryByTestId('route-preview')).toBeNull();
    expect(screen.queryByRole('button', { name: 'Send the request' })).toBeNull();
  });

  it('links each question to its help text', async () => {
    const service = new FakeAiGovernanceService();
    renderForm(service, { type: 'healthcare' });
    await waitFor(() => expect(service.callsTo('currentUser')).toHaveLength(1));

    const personal = screen.getByRole('radiogroup', { name: /Will the tool use personal data\?/ });
    const yes = within(personal).getByRole('radio', { name: 'Yes' });
    const helpIds = (yes.getAttribute('aria-describedby') ?? '').split(' ');
    expect(helpIds.map((id) => document.getElementById(id)?.textContent)).toContain(
      'Anything that can identify a living person, such as a name, NHS number, email address or a photo.',
    );
    const title = screen.getByLabelText(/Short title/);
    expect(title.getAttribute('aria-describedby')).toBeTruthy();
    expect(document.getElementById(title.getAttribute('aria-describedby') ?? '')?.textContent).toMatch(/A few words that will identify the request/);
  });

  it('saves a draft without checking the answers', async () => {
    const service = new FakeAiGovernanceService();
    renderForm(service);
    chooseType(/A tool for research/);
    fireEvent.change(screen.getByLabelText(/Short title/), { target: { value: 'Sepsis prediction study' } });

    fireEvent.click(screen.getByRole('button', { name: 'Save as draft' }));

    await screen.findByText(/Draft saved/);
    expect(service.callsTo('saveDraft')[0].args[0]).toMatchObject({ type: 'research', title: 'Sepsis prediction study' });
    expect(screen.queryByTestId('error-summary')).toBeNull();
  });
});
