import * as React from 'react';
import { registerIcons } from '@fluentui/react/lib/Styling';
import { mountAiGovernance } from './mountAiGovernance';
import { VIEWS, type AiGovernanceView } from '../webparts/aiGovernance/components/IAiGovernanceProps';

/**
 * Entry point of the local workbench's browser bundle (local/workbench/bundle.ts in the
 * repository root builds it with esbuild). The page says which view and who is signed in; calls
 * go to the same origin with window.fetch, and the browser's sign-in cookie goes with them.
 */
/**
 * SharePoint pages load Fluent UI's icon font; here, with nothing fetched from outside this
 * computer, the icons that carry meaning are drawn in SVG instead (the tick of a ticked box).
 */
function registerWorkbenchIcons(): void {
  const svg = (path: string): React.ReactElement =>
    React.createElement('svg', { viewBox: '0 0 16 16', width: '1em', height: '1em', 'aria-hidden': true, focusable: 'false' }, React.createElement('path', { d: path, fill: 'currentColor' }));
  registerIcons({
    icons: {
      CheckMark: svg('M13.4 3.3 6 10.7 2.6 7.3 1.5 8.4 6 12.9l8.5-8.5z'),
      Search: svg('M6.5 1a5.5 5.5 0 0 1 4.3 8.9l4 4-1 1-4-4A5.5 5.5 0 1 1 6.5 1zm0 1.4a4.1 4.1 0 1 0 0 8.2 4.1 4.1 0 0 0 0-8.2z'),
      Clear: svg('M3.5 2.5 8 7l4.5-4.5 1 1L9 8l4.5 4.5-1 1L8 9l-4.5 4.5-1-1L7 8 2.5 3.5z'),
    },
  });
}

function start(): void {
  registerWorkbenchIcons();
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
