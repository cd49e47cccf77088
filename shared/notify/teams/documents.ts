import type { EmailDocument } from '../email/document';
import { breachReportDueEmail } from '../email/templates/breachReportDue';
import { datixEntryNeededEmail } from '../email/templates/datixEntryNeeded';
import { datixRecordedEmail } from '../email/templates/datixRecorded';
import { escalationEmail } from '../email/templates/escalation';
import { incidentTriageNeededEmail } from '../email/templates/incidentTriageNeeded';
import { moreInformationNeededEmail } from '../email/templates/moreInformationNeeded';
import { outcomeEmail } from '../email/templates/outcome';
import { policyReviewEmail } from '../email/templates/policyReview';
import { reminderEmail } from '../email/templates/reminder';
import { stepAssignedEmail } from '../email/templates/stepAssigned';
import { toolReviewEmail } from '../email/templates/toolReview';
import type { NotificationKind, NotificationModels } from '../viewModels';

/**
 * Teams says what the email says: the same channel-neutral outlines the email templates build, so
 * the wording (plain English, no abbreviations) is written and reviewed once.
 * The weekly digest is not here: hundreds of rows do not fit a Teams card (about 28 KB), so it
 * stays email only and the Teams notifier hands it to its fallback.
 */
// Operational alerts for the governance lead (a failed list change, a status typed into the list),
// a closed step's notice, what the requester hears about their own request (receipt, stages, the
// note about a request made in the list form), the acknowledgement of a reported incident and the
// withdrawal notice go by email only, like the
// digest: they carry no decision to make in Teams.
export type TeamsKind = Exclude<NotificationKind, 'weeklyDigest' | 'changeNotProcessed' | 'statusNotTrusted' | 'stepNoLongerNeeded' | 'requestReceived' | 'stageCompleted' | 'stepWithdrawn' | 'listFormRequest' | 'incidentAcknowledged'>;
export type TeamsDocuments = { [K in TeamsKind]: (model: NotificationModels[K]) => EmailDocument };

export const teamsDocuments: TeamsDocuments = {
  stepAssigned: stepAssignedEmail,
  reminder: reminderEmail,
  escalation: escalationEmail,
  moreInformationNeeded: moreInformationNeededEmail,
  outcome: outcomeEmail,
  policyReview: policyReviewEmail,
  toolReview: toolReviewEmail,
  incidentTriageNeeded: incidentTriageNeededEmail,
  datixEntryNeeded: datixEntryNeededEmail,
  datixRecorded: datixRecordedEmail,
  breachReportDue: breachReportDueEmail,
};

export function isTeamsKind(kind: NotificationKind): kind is TeamsKind {
  return kind in teamsDocuments;
}
