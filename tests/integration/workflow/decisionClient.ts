export { heading, openDecision, submitDecision, type DecisionPage } from '../../../local/devClient/decisionForm';
export {
  decisionLink,
  decisionLinksFor,
  linksForOpenSteps,
  mailbox,
  teamsMessages,
  type MailboxMessage,
  type TeamsNotification,
} from '../../../local/devClient/openSteps';
