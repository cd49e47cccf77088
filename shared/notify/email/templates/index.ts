import type { EmailDocument, RenderedEmail } from '../document';
import { renderHtml } from '../renderHtml';
import { renderText } from '../renderText';
import type { NotificationKind, NotificationModels } from '../../viewModels';
import { breachReportDueEmail } from './breachReportDue';
import { datixEntryNeededEmail } from './datixEntryNeeded';
import { datixRecordedEmail } from './datixRecorded';
import { escalationEmail } from './escalation';
import { incidentAcknowledgedEmail } from './incidentAcknowledged';
import { incidentTriageNeededEmail } from './incidentTriageNeeded';
import { moreInformationNeededEmail } from './moreInformationNeeded';
import { outcomeEmail } from './outcome';
import { requestReceivedEmail } from './requestReceived';
import { stageCompletedEmail } from './stageCompleted';
import { stepWithdrawnEmail } from './stepWithdrawn';
import { policyReviewEmail } from './policyReview';
import { reminderEmail } from './reminder';
import { stepAssignedEmail } from './stepAssigned';
import { toolReviewEmail } from './toolReview';
import { weeklyDigestEmail } from './weeklyDigest';
import { changeNotProcessedEmail } from './changeNotProcessed';
import { statusNotTrustedEmail } from './statusNotTrusted';
import { stepNoLongerNeededEmail } from './stepNoLongerNeeded';
import { listFormRequestEmail } from './listFormRequest';
import { fitText, LIMITS } from '../../../domain/schemas/limits';

export type EmailTemplate<K extends NotificationKind> = (model: NotificationModels[K]) => RenderedEmail;
export type EmailTemplates = { [K in NotificationKind]: EmailTemplate<K> };

/** Turns an outline into the subject, HTML and plain-text bodies. */
export function render(doc: EmailDocument): RenderedEmail {
  // Subjects carry request and policy titles; a long one is cut here, once, for every template.
  return { subject: fitText(doc.subject, LIMITS.emailSubject), html: renderHtml(doc), text: renderText(doc) };
}

const rendered =
  <M>(template: (model: M) => EmailDocument) =>
  (model: M): RenderedEmail =>
    render(template(model));

export const defaultEmailTemplates: EmailTemplates = {
  stepAssigned: rendered(stepAssignedEmail),
  reminder: rendered(reminderEmail),
  escalation: rendered(escalationEmail),
  moreInformationNeeded: rendered(moreInformationNeededEmail),
  requestReceived: rendered(requestReceivedEmail),
  stageCompleted: rendered(stageCompletedEmail),
  stepWithdrawn: rendered(stepWithdrawnEmail),
  outcome: rendered(outcomeEmail),
  weeklyDigest: rendered(weeklyDigestEmail),
  changeNotProcessed: rendered(changeNotProcessedEmail),
  statusNotTrusted: rendered(statusNotTrustedEmail),
  stepNoLongerNeeded: rendered(stepNoLongerNeededEmail),
  listFormRequest: rendered(listFormRequestEmail),
  policyReview: rendered(policyReviewEmail),
  toolReview: rendered(toolReviewEmail),
  incidentAcknowledged: rendered(incidentAcknowledgedEmail),
  incidentTriageNeeded: rendered(incidentTriageNeededEmail),
  datixEntryNeeded: rendered(datixEntryNeededEmail),
  datixRecorded: rendered(datixRecordedEmail),
  breachReportDue: rendered(breachReportDueEmail),
};
