import type { AppServices } from '../shared/appServices';
import { registerIncidentActivities } from './incident/registerActivities';
import { registerRequestActivities } from './request/registerActivities';
import { registerReviewActivities } from './review/registerActivities';
// Importing an orchestrator registers it (df.app.orchestration at the bottom of its file).
import './request/aiRequest';
import './request/approvalStep';
import './review/policyReview';
import './review/toolReattestation';
import './incident/aiIncident';
import './incident/incidentDatix';
import './incident/incidentBreachReport';

/** Registers every workflow's activities over the composition root's services. */
export function registerWorkflowActivities(services: () => AppServices): void {
  registerRequestActivities(services);
  registerReviewActivities(services);
  registerIncidentActivities(services);
}
