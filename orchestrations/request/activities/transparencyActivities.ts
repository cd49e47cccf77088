import type { AuditLog } from '../../../shared/audit/auditLog';
import type { Repositories } from '../../../shared/sharepoint';
import { routeFromItem } from '../../../shared/sharepoint/requestItem';
import { draftTransparencyRecord } from '../../../shared/transparency/draftRecord';
import { publicRegisterUrl } from '../../../shared/register/publicRegisterLinks';
import type { DraftTransparencyRecordInput } from '../contracts';

export interface TransparencyActivityDeps {
  repos: Pick<Repositories, 'requests' | 'register'>;
  audit: AuditLog;
  publicBaseUrl: string;
  contactEmail: string;
}

/**
 * On approval, the transparency record is drafted on the register entry the approval drafted.
 * Runs twice safely: a record already there (drafted, or edited by the governance lead) is kept.
 */
export function makeTransparencyActivities(deps: TransparencyActivityDeps) {
  async function draftRecord(input: DraftTransparencyRecordInput): Promise<void> {
    const entry = await deps.repos.register.forRequest(input.requestId);
    if (!entry) throw new Error(`No register entry for request ${input.requestId}: the approval drafts one first.`);
    if (!entry.TransparencyRecordJson) {
      const item = await deps.repos.requests.get(input.requestId);
      const record = draftTransparencyRecord(item, routeFromItem(item), {
        approvedAt: input.approvedAt,
        contactEmail: deps.contactEmail,
        registerUrl: publicRegisterUrl(deps.publicBaseUrl),
      });
      await deps.repos.register.modify(entry.Id, (current) =>
        current.TransparencyRecordJson ? null : { TransparencyRecordJson: JSON.stringify(record), TransparencyStatus: 'Draft' },
      );
    }
    await deps.audit.append({
      title: 'Transparency record drafted',
      eventType: 'transparency-record-drafted',
      subjectList: 'AI Register',
      subjectItemId: entry.Id,
      actor: 'system',
      channel: 'System',
      occurredAt: input.approvedAt,
      details: { requestId: input.requestId, standard: 'Algorithmic Transparency Recording Standard 3.0' },
      key: `request-${input.requestId}/transparency-record/drafted`,
    });
  }
  return { draftTransparencyRecord: draftRecord };
}
