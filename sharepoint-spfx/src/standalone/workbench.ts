import { mountAiGovernance } from './mountAiGovernance';
import { VIEWS, type AiGovernanceView } from '../webparts/aiGovernance/components/IAiGovernanceProps';

/**
 * Entry point of the local workbench's browser bundle (local/workbench/bundle.ts in the
 * repository root builds it with esbuild). The page says which view and who is signed in; calls
 * go to the same origin with window.fetch, and the browser's sign-in cookie goes with them.
 */
function start(): void {
  const root = document.getElementById('aigov-root');
  if (!root) return;
  const view = (VIEWS as readonly string[]).indexOf(root.dataset.view ?? '') >= 0 ? (root.dataset.view as AiGovernanceView) : 'requestForm';
  const name = root.dataset.userName;
  const email = root.dataset.userEmail;
  mountAiGovernance(root, {
    view,
    apiBaseUrl: window.location.origin,
    fetch: (url, init) => window.fetch(url, { ...init, credentials: 'same-origin' }),
    user: name && email ? { name, email } : undefined,
  });
}

if (document.readyState === 'loading') document.addEventListener('DOMContentLoaded', start);
else start();
