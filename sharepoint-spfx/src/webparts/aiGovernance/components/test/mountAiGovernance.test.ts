import { screen, waitFor } from '@testing-library/react';
import { setIconOptions } from '@fluentui/react/lib/Styling';
import { mountAiGovernance } from '../../../../standalone/mountAiGovernance';
import type { FetchLike } from '../../../../services/HttpAiGovernanceService';

setIconOptions({ disableWarnings: true });

describe('mountAiGovernance (the local workbench entry)', () => {
  it('renders a view over the HTTP service with the fetch it is given, and unmounts', async () => {
    const urls: string[] = [];
    const fetch: FetchLike = (url) => {
      urls.push(url);
      return Promise.resolve({ ok: true, status: 200, json: () => Promise.resolve([]), text: () => Promise.resolve('[]') });
    };
    const element = document.createElement('div');
    document.body.appendChild(element);

    const unmount = mountAiGovernance(element, { view: 'register', apiBaseUrl: 'http://localhost:7071', fetch, user: { name: 'Alex', email: 'alex@example.nhs.uk' } });

    expect(screen.getByRole('heading', { name: 'Register of artificial intelligence tools and research' })).toBeTruthy();
    // The register, and the drafts waiting to be published (the API answers those for the governance team only).
    await waitFor(() => expect([...urls].sort()).toEqual(['http://localhost:7071/api/register/drafts', 'http://localhost:7071/api/register?q=']));
    await screen.findByRole('heading', { name: 'Approved tools (0)' });
    unmount();
    expect(element.innerHTML).toBe('');
  });
});
