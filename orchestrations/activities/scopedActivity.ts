import * as df from 'durable-functions';
import type { ActivityOptions } from 'durable-functions';
import type { AppServices } from '../../shared/appServices';
import { auditScoped } from '../../shared/audit/auditLog';

/**
 * `df.app.activity`, with each run in an audit scope (shared/audit/auditScope.ts): the "Message
 * sent" entries of the messages an activity sends go with the activity's own audit entry, in one
 * append, instead of one append each, and are on record before the activity counts as done.
 */
export function scopedActivities(appServices: () => AppServices): (name: string, options: ActivityOptions) => void {
  return (name, options) => {
    df.app.activity(name, { ...options, handler: (input, context) => auditScoped(appServices().audit, () => Promise.resolve(options.handler(input, context))) });
  };
}
