import { z } from 'zod';
import { attachmentRecordSchema, decisionRecordSchema, referenceRecordSchema, requestFactsSectionSchema } from './requestRecord';

/**
 * `GET /api/requests/{id}/evidence?format=json`: what the Audit and Risk Assurance Committee asks
 * for about one request. The printable page (without `format`) shows the same.
 */
export const evidencePackResponse = z.object({
  generatedAt: z.string(),
  request: z.object({
    id: z.number(),
    title: z.string(),
    /** The AI Requests list's labels. */
    type: z.string(),
    status: z.string(),
    risk: z.string().nullable(),
    requester: z.string(),
    submittedAt: z.string(),
    decisionSummary: z.string().nullable(),
    reviewDue: z.string().nullable(),
  }),
  facts: z.array(requestFactsSectionSchema),
  route: z
    .object({
      rulesVersion: z.string(),
      risk: z.object({ rating: z.string(), reasons: z.array(z.string()) }),
      stages: z.array(
        z.array(
          z.object({
            code: z.string(),
            name: z.string(),
            role: z.string(),
            reason: z.string(),
            clause: z.string(),
            deciders: z.enum(['all', 'any']),
            checklist: z.array(z.object({ id: z.string(), text: z.string(), mandatory: z.boolean() })),
          }),
        ),
      ),
    })
    .nullable(),
  decisions: z.array(decisionRecordSchema),
  references: z.array(referenceRecordSchema),
  attachments: z.array(attachmentRecordSchema),
  audit: z.object({
    entries: z.array(
      z.object({
        sequence: z.number(),
        at: z.string(),
        event: z.string(),
        what: z.string(),
        by: z.string(),
        channel: z.string().nullable(),
        details: z.unknown(),
        hash: z.string(),
      }),
    ),
    /** The whole log's hash chain, checked when the pack was made (shared/audit/verifyAuditLog.ts). */
    chain: z.object({ intact: z.boolean(), entriesChecked: z.number(), explanation: z.string() }),
  }),
});

export type EvidencePackResponse = z.output<typeof evidencePackResponse>;
