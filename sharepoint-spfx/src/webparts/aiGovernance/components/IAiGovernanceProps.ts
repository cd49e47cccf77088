import type { AiGovernanceService } from '../../../services/AiGovernanceService';

export const VIEWS = ['requestForm', 'myRequests', 'approverInbox', 'absences', 'dashboard', 'register', 'raiseConcern'] as const;
export type AiGovernanceView = (typeof VIEWS)[number];

export interface IAiGovernanceProps {
  view: AiGovernanceView;
  /** Absent until the page author connects the web part to the Function App. */
  service: AiGovernanceService | undefined;
  /** Shown instead of the view when there is no service. */
  notConfiguredMessage: string;
}
