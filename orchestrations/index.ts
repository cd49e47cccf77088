// Importing registers the orchestrators with the Functions app.
import './aiRequest';
import './approvalStep';
