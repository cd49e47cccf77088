import type { EvidencePackResponse } from '../contract/evidencePack';
import { STEP_NAMES } from '../domain';
import { collect, type AiRequestItem } from '../sharepoint';
import { routeFromItem } from '../sharepoint/requestItem';
import type { AppServices } from '../appServices';
import { verifyAuditLog, type AuditLogVerdict } from '../audit/verifyAuditLog';
import { loadRequestRecord } from './requestRecord';

function chainResult(verdict: AuditLogVerdict): EvidencePackResponse['audit']['chain'] {
  if (verdict.ok) {
    return {
      intact: true,
      entriesChecked: verdict.entries,
      explanation: `Every one of the ${verdict.entries} entries of the audit log was checked against the fingerprint of the one before it and against the log's anchored end: none has been changed, removed or added outside the workflow.`,
    };
  }
  return {
    intact: false,
    entriesChecked: verdict.intactBefore,
    explanation: `The audit log is broken at entry ${verdict.sequence}: ${verdict.explanation} Entries up to ${verdict.intactBefore} are intact. Tell the AI governance lead.`,
  };
}

function parsedDetails(details: string | null): unknown {
  if (!details) return null;
  try {
    return JSON.parse(details) as unknown;
  } catch {
    return details;
  }
}

/**
 * One request's evidence: its answers, the route with the rules' reasons, every decision with its
 * checklist and who made it, its references and documents, and its audit entries with the result
 * of checking the whole log's hash chain at the moment the pack is made.
 */
export async function buildEvidencePack(services: AppServices, item: AiRequestItem, now: Date): Promise<EvidencePackResponse> {
  const [record, requester, audit, verdict] = await Promise.all([
    loadRequestRecord(services, item),
    services.people.personFor(item.RequesterId),
    collect(services.repos.auditLog.forSubject(item.Id)),
    verifyAuditLog(services.repos.auditLog),
  ]);
  const route = routeFromItem(item);
  return {
    generatedAt: now.toISOString(),
    request: {
      id: item.Id,
      title: item.Title,
      type: item.RequestType,
      status: item.Status,
      risk: item.RiskRating,
      requester: requester.email,
      submittedAt: item.Created,
      decisionSummary: item.DecisionSummary,
      reviewDue: item.ReviewDueDate,
    },
    facts: record.sections,
    route: route
      ? {
          rulesVersion: route.rulesVersion,
          risk: { rating: route.risk.rating, reasons: route.risk.facts.map((f) => f.sentence) },
          stages: route.stages.map((stage) =>
            stage.map((s) => ({
              code: s.code,
              name: STEP_NAMES[s.code],
              role: s.role,
              reason: s.reason,
              clause: s.clause,
              deciders: s.deciders ?? 'any',
              checklist: s.checklist.map((c) => ({ id: c.id, text: c.text, mandatory: c.mandatory === true })),
            })),
          ),
        }
      : null,
    decisions: record.decisions,
    references: record.references,
    attachments: record.attachments,
    audit: {
      // Item ids repeat across lists: policy 1 and incident 1 are not request 1.
      entries: audit
        .filter((a) => (a.SubjectList ?? 'AI Requests') === 'AI Requests')
        .sort((a, b) => a.Sequence - b.Sequence)
        .map((a) => ({ sequence: a.Sequence, at: a.OccurredAt, event: a.EventType, what: a.Title, by: a.Actor, channel: a.Channel, details: parsedDetails(a.Details), hash: a.Hash })),
      chain: chainResult(verdict),
    },
  };
}
