import type { AppServices } from '../appServices';
import type { FailedChange } from '../sharepoint/changeFailures';
import { fitText } from '../domain/schemas/limits';

/**
 * A list change the feed could not process → an audit entry on every attempt (the log shows the
 * retries) and, on the first, one email to the governance lead with the reason. Keys name the
 * item and when it first failed, so a replayed run records and tells nothing twice.
 */
export function reportFailedChange(services: Pick<AppServices, 'audit' | 'notifier' | 'settings'>, listTitle: string) {
  return async (failure: FailedChange, first: boolean): Promise<void> => {
    const episode = `changes/${listTitle}/${failure.itemId}/${failure.firstFailedAt}`;
    await services.audit.append({
      title: fitText(`Change not processed: item ${failure.itemId} in ${listTitle} (attempt ${failure.attempts})`),
      eventType: 'change-not-processed',
      subjectList: listTitle,
      subjectItemId: failure.itemId,
      actor: 'system',
      occurredAt: failure.lastFailedAt,
      details: { reason: failure.reason, attempts: failure.attempts, nextAttemptAt: failure.nextAttemptAt, changeToken: failure.changeToken },
      key: `${episode}/attempt-${failure.attempts}`,
    });
    if (!first) return;
    const site = services.settings.SHAREPOINT_SITE_URL.replace(/\/$/, '');
    await services.notifier.send(
      'changeNotProcessed',
      services.settings.GOVERNANCE_LEAD_EMAIL,
      {
        listTitle,
        itemId: failure.itemId,
        reason: failure.reason,
        failedAt: failure.firstFailedAt,
        nextAttemptAt: failure.nextAttemptAt,
        itemUrl: `${site}/Lists/${encodeURIComponent(listTitle)}/DispForm.aspx?ID=${failure.itemId}`,
      },
      `${episode}/told`,
    );
  };
}
