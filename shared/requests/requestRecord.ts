import type { AttachmentRecord, DecisionRecord, RequestRecord } from '../contract/requestRecord';
import { ROLE_NAMES, STEP_NAMES, type RoleCode, type StepCode } from '../domain';
import { collect, type AiRequestItem, type ApprovalTaskItem, type PeopleDirectory, type Repositories } from '../sharepoint';
import { intakeFromItem, routeFromItem } from '../sharepoint/requestItem';
import { checklistFromJson } from '../decisions/checklistAnswers';
import { requestFactSections } from './requestFacts';
import { requestAttachments, requestReferences } from './requestAttachments';

export interface RequestRecordSources {
  repos: Pick<Repositories, 'requests' | 'approvalTasks' | 'requestAttachments' | 'auditLog'>;
  people: PeopleDirectory;
}

/**
 * Every task row of the request as a decision record, in route order (stage, then attempt): who
 * was asked, who decided, when, through which channel, with each checklist item's tick or reason
 * in the words the approver saw. A joint step has a row per role, so who is still to decide shows.
 */
export async function decisionRecords(sources: RequestRecordSources, item: AiRequestItem, rows?: readonly ApprovalTaskItem[]): Promise<DecisionRecord[]> {
  const tasks = rows ?? (await collect(sources.repos.approvalTasks.forRequest(item.Id)));
  const planned = routeFromItem(item)?.stages.flat() ?? [];
  const position = (code: string): number => {
    const at = planned.findIndex((s) => s.code === code);
    return at === -1 ? planned.length : at;
  };
  const sorted = [...tasks].sort((a, b) => position(a.StepCode) - position(b.StepCode) || (a.Attempt ?? 1) - (b.Attempt ?? 1) || a.Id - b.Id);
  const email = async (id: number | null): Promise<string | null> => (id ? (await sources.people.personFor(id)).email : null);
  return Promise.all(
    sorted.map(async (t) => {
      const texts = new Map((planned.find((s) => s.code === t.StepCode)?.checklist ?? []).map((c) => [c.id, c.text]));
      return {
        stepCode: t.StepCode,
        stepName: STEP_NAMES[t.StepCode as StepCode] ?? t.StepCode,
        role: ROLE_NAMES[t.RoleCode as RoleCode] ?? t.RoleCode,
        attempt: t.Attempt ?? 1,
        status: t.Status,
        outcome: t.Outcome,
        assignee: (await email(t.AssigneeId)) ?? '',
        decidedBy: t.Outcome ? await email(t.RespondedById ?? t.AssigneeId) : null,
        decidedAt: t.RespondedAt,
        channel: t.ResponseChannel,
        comments: t.Comments,
        checklist: checklistFromJson(t.ChecklistJson).map((c) => ({ ...c, text: texts.get(c.itemId) ?? c.itemId })),
      };
    }),
  );
}

/**
 * The whole request as a decision view shows it, its facts ordered for the step being decided.
 * `known`: the request's task rows and documents, when the caller has read them already.
 */
export async function loadRequestRecord(
  sources: RequestRecordSources,
  item: AiRequestItem,
  stepCode?: StepCode,
  known: { rows?: readonly ApprovalTaskItem[]; attachments?: AttachmentRecord[] } = {},
): Promise<RequestRecord> {
  const [decisions, attachments] = await Promise.all([decisionRecords(sources, item, known.rows), known.attachments ?? requestAttachments(sources.repos, item.Id)]);
  return { sections: factsOf(item, stepCode), decisions, attachments, references: requestReferences(item) };
}

/** A request typed straight into the list has no answers to show; its page still opens. */
function factsOf(item: AiRequestItem, stepCode: StepCode | undefined): RequestRecord['sections'] {
  try {
    return requestFactSections(intakeFromItem(item), stepCode);
  } catch {
    return [];
  }
}
