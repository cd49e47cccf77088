import { z } from 'zod';

/**
 * The whole request as every decision view shows it (the emailed decision page, the Teams target,
 * the web part's inbox, the request page and the evidence pack): the answers grouped and ordered
 * for the deciding role, every decision so far with its checklist, and the documents and
 * references kept with the request. The API builds it once (shared/requests/requestRecord.ts);
 * pages render it as HTML and the web part receives it as this type, so both show the same facts.
 */

export const REQUEST_FACT_SECTIONS = ['who', 'product', 'purpose', 'data', 'use', 'screening', 'equality', 'national', 'attestations'] as const;

export const requestFactSchema = z.object({ label: z.string(), value: z.string() });

export const requestFactsSectionSchema = z.object({
  id: z.enum(REQUEST_FACT_SECTIONS),
  title: z.string(),
  /** `questions`: numbered questions each with its answer (the screenings); `answers`: label and value. */
  kind: z.enum(['answers', 'questions']),
  facts: z.array(requestFactSchema),
});

export const checklistEvidenceSchema = z.object({
  itemId: z.string(),
  /** The item's wording as the route asked it (its id when the route no longer has it). */
  text: z.string(),
  confirmed: z.boolean(),
  reasonIfNot: z.string().optional(),
});

/** One task row: a role's decision on a step, or the decision it is still waiting for. */
export const decisionRecordSchema = z.object({
  stepCode: z.string(),
  stepName: z.string(),
  /** The role this row answers for. */
  role: z.string(),
  attempt: z.number(),
  /** The AI Approval Tasks list's Status label. */
  status: z.string(),
  /** The Outcome label, null while still to decide. */
  outcome: z.string().nullable(),
  /** Who the step was given to. */
  assignee: z.string(),
  /** Who decided (the assignee, or the deputy it reached), null while still to decide. */
  decidedBy: z.string().nullable(),
  decidedAt: z.string().nullable(),
  channel: z.string().nullable(),
  comments: z.string().nullable(),
  checklist: z.array(checklistEvidenceSchema),
});

export const attachmentRecordSchema = z.object({
  fileName: z.string(),
  /** What the document is, in words (the full DPIA, the DTAC assessment…). */
  kind: z.string().optional(),
  /** Where it downloads from (for those who may read the request). */
  downloadUrl: z.string().optional(),
  sizeBytes: z.number(),
  sha256: z.string(),
  addedBy: z.string().optional(),
  addedAt: z.string().optional(),
});

export const referenceRecordSchema = z.object({ label: z.string(), value: z.string() });

export const requestRecordSchema = z.object({
  sections: z.array(requestFactsSectionSchema),
  decisions: z.array(decisionRecordSchema),
  attachments: z.array(attachmentRecordSchema),
  references: z.array(referenceRecordSchema),
});

export type RequestFactSectionId = (typeof REQUEST_FACT_SECTIONS)[number];
export type RequestFactsSection = z.output<typeof requestFactsSectionSchema>;
export type DecisionRecord = z.output<typeof decisionRecordSchema>;
export type AttachmentRecord = z.output<typeof attachmentRecordSchema>;
export type ReferenceRecord = z.output<typeof referenceRecordSchema>;
export type RequestRecord = z.output<typeof requestRecordSchema>;
