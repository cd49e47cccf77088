import * as React from 'react';
import { fireEvent, screen, waitFor, within, type RenderResult } from '@testing-library/react';
import { setIconOptions } from '@fluentui/react/lib/Styling';
import { FakeAiGovernanceService } from '../../../../services/FakeAiGovernanceService';
import { RequestDocuments } from '../RequestDocuments';
import { withService } from './withService';

setIconOptions({ disableWarnings: true });

const mount = (service: FakeAiGovernanceService): RenderResult =>
  withService(service, <RequestDocuments requestId="42" />);

describe('RequestDocuments', () => {
  it('attaches the chosen file as the chosen kind and lists it with its fingerprint', async () => {
    const service = new FakeAiGovernanceService({ attachments: { '42': [] } });
    mount(service);
    expect(await screen.findByText('No documents have been attached yet.')).toBeTruthy();
    fireEvent.change(screen.getByLabelText('What the document is'), { target: { value: 'supplier-contract' } });
    const file = new File(['%PDF-1.7'], 'contract.pdf', { type: 'application/pdf' });
    fireEvent.change(screen.getByLabelText('The file'), { target: { files: [file] } });
    fireEvent.click(screen.getByRole('button', { name: 'Attach the document' }));

    const list = await screen.findByTestId('documents');
    expect(within(list).getByRole('link', { name: 'contract.pdf' })).toBeTruthy();
    expect(list.textContent).toContain('Supplier contract');
    expect(list.textContent).toContain('f'.repeat(64));
    expect(service.callsTo('attachDocument')[0].args).toEqual(['42', 'contract.pdf', 'supplier-contract']);
    expect(screen.getByRole('status').textContent).toBe('contract.pdf is attached.');
  });

  it('asks for a file before sending, and shows what the server refused beside the file field', async () => {
    const service = new FakeAiGovernanceService({ refuseUpload: [{ field: 'file', message: '“setup.exe” is a program, not a document' }] });
    mount(service);
    fireEvent.click(await screen.findByRole('button', { name: 'Attach the document' }));
    expect(await screen.findByText('Choose a file to attach.')).toBeTruthy();
    expect(service.callsTo('attachDocument')).toEqual([]);

    fireEvent.change(screen.getByLabelText('The file'), { target: { files: [new File(['MZ'], 'setup.exe')] } });
    fireEvent.click(screen.getByRole('button', { name: 'Attach the document' }));
    await waitFor(() => expect(screen.getByText('“setup.exe” is a program, not a document')).toBeTruthy());
    const input = screen.getByLabelText('The file');
    expect(input.getAttribute('aria-invalid')).toBe('true');
    expect(input.getAttribute('aria-describedby')).toContain('aig-file-error-42');
    expect(document.activeElement).toBe(input);
  });
});
