import type { AppServices } from '../appServices';
import type { AiRequestItem } from '../sharepoint';
import { etagVersion } from '../sharepoint/repositories/aiRequests';
import { requestPageUrl } from '../sharepoint/requestItem';
import { checkStatus, requestAuditEntries } from '../requests/statusOnRecord';
import { fitText } from '../domain/schemas/limits';

const firstVersion = (etag: string): boolean => etagVersion(etag) === '1';

/**
 * A request's Status that the workflow did not write (typed into the list by a person) is not
 * trusted: the edit is audited, the governance lead is told once, the workflow's own status is
 * put back when the audit log says what it was, and callers carry on with the item as the audit
 * log has it (so a typed "Approved" starts no review cycle). Keys name the item and the edit's
 * time, so a replayed change records and tells nothing twice.
 */
export async function itemAsOnRecord(services: Pick<AppServices, 'repos' | 'audit' | 'notifier' | 'settings'>, item: AiRequestItem, log: (message: string) => void): Promise<AiRequestItem> {
  // Never edited since it was made (version 1): the Status is its maker's, and nothing can be on
  // record yet (an outcome needs the workflow's own writes, each a new version), so a new request
  // is not kept waiting for a read of the audit log. "Approved" is always checked.
  if (item.Status !== 'Approved' && firstVersion(item.etag)) return item;
  // This process made this very version by writing its Status (the etag says nobody edited the
  // item since), so the Status is the workflow's own: the audit log need not be read to say so.
  if (services.repos.requests.statusWrittenHere(item)) return item;
  const check = checkStatus(item.Status, await requestAuditEntries(services.repos, item.Id));
  if (check.trusted) return item;

  const restored = check.statusOnRecord
    ? await services.repos.requests.modify(item.Id, (current) => (current.Status === item.Status ? { Status: check.statusOnRecord! } : null))
    : item;
  const episode = `request-${item.Id}/status-not-trusted/${item.Status}/${item.Modified}`;
  log(`AI Requests item ${item.Id}: ${check.reason}; not trusted.`);
  await services.audit.append({
    title: fitText(`Status not trusted: ${item.Status} was typed into the list`),
    eventType: 'status-not-trusted',
    subjectList: 'AI Requests',
    subjectItemId: item.Id,
    actor: 'system',
    channel: 'System',
    occurredAt: item.Modified,
    details: { typedStatus: item.Status, statusOnRecord: check.statusOnRecord, restored: restored.Status !== item.Status, reason: check.reason, editorId: item.EditorId ?? null },
    key: episode,
  });
  const site = services.settings.SHAREPOINT_SITE_URL.replace(/\/$/, '');
  await services.notifier.send(
    'statusNotTrusted',
    services.settings.GOVERNANCE_LEAD_EMAIL,
    {
      request: { title: item.Title, requestType: item.RequestType, requestUrl: requestPageUrl(services.settings.PUBLIC_BASE_URL, item.Id) },
      typedStatus: item.Status,
      statusNow: restored.Status,
      reason: check.reason,
      itemUrl: `${site}/Lists/${encodeURIComponent('AI Requests')}/DispForm.aspx?ID=${item.Id}`,
    },
    `${episode}/told`,
  );
  return { ...restored, Status: check.statusOnRecord ?? 'In review' };
}
