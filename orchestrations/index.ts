// Importing registers the orchestrators and their activities with the Functions app.
import './aiRequest';
import './approvalStep';
import './registerActivities';
import './policyReview';
import './toolReattestation';
import './registerGovernanceActivities';
import './aiIncident';
import './incidentDatix';
import './incidentBreachReport';
import './registerIncidentActivities';
