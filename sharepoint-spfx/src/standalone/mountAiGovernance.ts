import * as React from 'react';
import * as ReactDom from 'react-dom';
import AiGovernance from '../webparts/aiGovernance/components/AiGovernance';
import type { AiGovernanceView } from '../webparts/aiGovernance/components/IAiGovernanceProps';
import { HttpAiGovernanceService, type FetchLike } from '../services/HttpAiGovernanceService';
import type { CurrentUser } from '../services/types';

export interface StandaloneOptions {
  view: AiGovernanceView;
  /** The local Functions host, e.g. http://localhost:7071. */
  apiBaseUrl: string;
  /** window.fetch, perhaps wrapped to add the workbench's "sign in as" header. */
  fetch: FetchLike;
  /** The person the workbench is signed in as; asked from /api/me when absent. */
  user?: CurrentUser;
}

/**
 * Renders the same components as the SharePoint web part outside SharePoint (the local
 * workbench), over the HTTP service with the given fetch. Returns a function that unmounts.
 * Not part of the SharePoint bundle: SPFx only bundles the web part's entry point.
 */
export function mountAiGovernance(element: HTMLElement, options: StandaloneOptions): () => void {
  const service = new HttpAiGovernanceService(options.apiBaseUrl, options.fetch, options.user);
  ReactDom.render(
    React.createElement(AiGovernance, { view: options.view, service, notConfiguredMessage: '' }),
    element,
  );
  return () => {
    ReactDom.unmountComponentAtNode(element);
  };
}
