import type { DatixIncidentReport } from './incidentReport';
import type { DatixFormSection } from './datixFormLayout';

/**
 * What the risk / IG team is asked to do when Datix could not be told automatically. The caller
 * (an orchestration activity) stores this as a task row and sends reminders until the Datix
 * reference is recorded on the incident: only then is the escalation complete.
 */
export interface ManualEscalationTask {
  title: string;
  incidentId: string;
  idempotencyKey: string;
  /** The organisation's Datix capture form, where the team keys the incident in. */
  captureFormUrl?: string;
  /** Set when the details were also emailed to the Datix intake mailbox. */
  emailedTo?: string;
  /** Numbered steps, in plain English. */
  steps: string[];
  /** The incident in Datix form order, for a page or list item that lays it out itself. */
  sections: DatixFormSection[];
  /** The whole task (steps, link and details) as plain text and as escaped HTML. */
  text: string;
  html: string;
}

export type DatixEscalation =
  | { kind: 'recorded'; reference: string }
  | { kind: 'awaiting-reference'; instructions: ManualEscalationTask };

export interface DatixGateway {
  /** Which adapter answers: manual, http or email (for logs and the audit trail). */
  readonly adapter: 'manual' | 'http' | 'email';
  /**
   * Escalates one incident. The same idempotency key for the same incident never makes a second
   * Datix record, however often this is retried. Throws DatixReportError (bad input, nothing
   * sent) or DatixEscalationError (could not reach Datix; nothing recorded).
   */
  escalate(incident: DatixIncidentReport, idempotencyKey: string): Promise<DatixEscalation>;
}
