import type { AppServices } from '../../shared/appServices';
import { auditScoped } from '../../shared/audit/auditLog';

/**
 * Runs each activity in an audit scope (shared/audit/auditScope.ts): the "Message sent" entries
 * of the messages an activity sends go with the activity's own audit entry, in one append,
 * instead of one append each, and are on record before the activity counts as done.
 */
export const inAuditScope =
  (appServices: () => AppServices) =>
  (work: () => Promise<unknown>): Promise<unknown> =>
    auditScoped(appServices().audit, work);
