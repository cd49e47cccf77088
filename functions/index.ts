// The app's entry point (package.json "main"): importing a module registers its functions.
// Settings first, so a misconfigured app refuses to start and says which setting is wrong.
import './settings';
import './health';
import './requests';
import './requestPage';
import './decisions';
import './requestChanges';
import './sharepointWebhook';
import './sharepointSubscriptions';
import './weeklyDigest';
// The web part's endpoints (sharepoint-spfx/src/services/apiRoutes.ts lists them).
import './me';
import './routePreview';
import './drafts';
import './myRequests';
import './requestAnswers';
import './tasks';
import './inboxDecisions';
import './register';
import './governanceRequests';
// Incidents: reports, the pages their emails link to, and the dashboard's oversight figures.
import './incidents';
import './incidentActionPages';
import './governanceSummary';
// Review cycles: policy reviews, the re-attestation of approved tools, and the daily reconciler.
import './policyReviews';
import './toolAttestations';
import './policyReconciler';
import '../orchestrations';
