import type { AuditLog } from '../../../shared/audit/auditLog';
import type { Repositories } from '../../../shared/sharepoint';
import { draftedRecordColumns, transparencyDraftedEvent, type TransparencyDraftSettings } from '../../../shared/transparency/draftOnEntry';
import type { DraftTransparencyRecordInput } from '../contracts';

export interface TransparencyActivityDeps extends TransparencyDraftSettings {
  repos: Pick<Repositories, 'requests' | 'register'>;
  audit: AuditLog;
}

/**
 * On approval (instances of shape 2: from shape 3 the approval drafts the record with the entry),
 * the transparency record is drafted on the register entry the approval drafted. Runs twice
 * safely: a record already there (drafted, or edited by the governance lead) is kept.
 */
export function makeTransparencyActivities(deps: TransparencyActivityDeps) {
  async function draftRecord(input: DraftTransparencyRecordInput): Promise<void> {
    const entry = await deps.repos.register.forRequest(input.requestId);
    if (!entry) throw new Error(`No register entry for request ${input.requestId}: the approval drafts one first.`);
    if (!entry.TransparencyRecordJson) {
      const item = await deps.repos.requests.get(input.requestId);
      const columns = draftedRecordColumns(item, input.approvedAt, deps);
      await deps.repos.register.modify(entry.Id, (current) => (current.TransparencyRecordJson ? null : columns), undefined, entry);
    }
    await deps.audit.append(transparencyDraftedEvent(input.requestId, entry.Id, input.approvedAt));
  }
  return { draftTransparencyRecord: draftRecord };
}
