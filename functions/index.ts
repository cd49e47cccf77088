// Every trigger: importing a module registers its functions (app/index.ts loads this).
import './platform/health';
import './request/requests';
import './request/requestPage';
import './request/evidence';
import './request/decisions';
import './request/attachments';
import './request/requestChanges';
import './request/replies';
import './sharepoint/sharepointWebhook';
import './sharepoint/sharepointSubscriptions';
import './governance/weeklyDigest';
// The web part's endpoints (sharepoint-spfx/src/services/apiRoutes.ts lists them).
import './platform/me';
import './request/routePreview';
import './request/drafts';
import './request/myRequests';
import './request/requestAnswers';
import './request/tasks';
import './request/inboxDecisions';
import './request/handover';
import './request/absences';
import './governance/register';
import './governance/registerPublication';
import './governance/governanceRequests';
import './governance/governanceDashboard';
// Incidents: reports, the pages their emails link to, and the dashboard's oversight figures.
import './incident/incidents';
import './incident/incidentActionPages';
import './incident/concerns';
import './governance/governanceSummary';
// Review cycles: policy reviews, the re-attestation of approved tools, and the daily reconciler.
import './review/policyReviews';
import './review/toolAttestations';
import './review/policyReconciler';
// The public register: the only anonymous pages besides the SharePoint webhook (shared/access/anonymousPaths.ts).
import './governance/publicRegister';
import '../orchestrations';
