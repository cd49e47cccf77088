import { DatixEscalationError, quoteError } from './errors';
import { categoryLabel, harmLabel } from './datixFormLayout';
import type { DatixGateway } from './gateway';
import { buildManualEscalationTask } from './manualTask';
import { validateEscalation } from './validateEscalation';

/** One structured message to the Datix intake mailbox. */
export interface DatixMailMessage {
  to: string;
  subject: string;
  text: string;
  html: string;
  /**
   * Same value on every retry of one escalation. The mailer should use it for the Message-ID, so
   * the intake team (and mail systems) can see a repeat for what it is.
   */
  idempotencyKey: string;
}

/** The small slice of the team's notifier this adapter needs; the real mailer lives in shared/notify. */
export interface DatixMailer {
  send(message: DatixMailMessage): Promise<unknown>;
}

/**
 * `email` adapter: the details go to a monitored intake mailbox whose team logs them in Datix.
 * No reference comes back by mail, so the result is the same open task as `manual`: someone
 * records the Datix reference on the incident to complete the escalation.
 */
export function createEmailAdapter(options: { intakeMailbox: string; captureFormUrl: string; mailer: DatixMailer }): DatixGateway {
  return {
    adapter: 'email',
    async escalate(incident, idempotencyKey) {
      const { report, key } = validateEscalation(incident, idempotencyKey);
      const task = buildManualEscalationTask(report, key, { captureFormUrl: options.captureFormUrl, emailedTo: options.intakeMailbox });
      // The subject stays free of personal data and free text: mail subjects travel in logs.
      const subject = `AI incident ${report.incidentId} for Datix: ${categoryLabel(report.category)}, ${harmLabel(report.severity).toLowerCase()} severity`;
      try {
        await options.mailer.send({ to: options.intakeMailbox, subject, text: task.text, html: task.html, idempotencyKey: key });
      } catch (err) {
        throw new DatixEscalationError(
          `Could not email incident ${report.incidentId} to the Datix intake mailbox ${options.intakeMailbox}: ${quoteError(err)}. It may not have arrived; trying again is safe, as a repeat carries the same idempotency key.`,
          { retryable: true, attempts: 1 },
        );
      }
      return { kind: 'awaiting-reference', instructions: task };
    },
  };
}
