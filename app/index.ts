// The app's entry point (package.json "main"). Settings first, so a misconfigured app refuses to
// start and says which setting is wrong; then the triggers, the orchestrators and the activities,
// which the composition root wires to the real services.
import './settings';
import { appServices } from './services';
import './httpErrors';
import './signInCheck';
import '../functions';
import { registerWorkflowActivities } from '../orchestrations';

registerWorkflowActivities(appServices);
