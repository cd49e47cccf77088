import type { IntakeRequest } from '../schemas/intakeRequest';
import type { RequestField } from '../schemas/requestFields';
import { usesPersonalData } from '../routing/requestFacts';
import { dpiaScreeningOutcome } from './dpiaScreening';

/**
 * When a Data Protection Impact Assessment (DPIA) must be approved before a tool is used. The
 * policy calls it a legal requirement wherever people's data is processed (§5, §6.1), and the
 * screening (Appendix 2) says any "yes" means a full assessment. One list of triggers, read by
 * the routing rule, the "not required" rule and the final check before Approved, so the three
 * can never disagree.
 */
export interface DpiaTrigger {
  readonly field: RequestField;
  readonly sentence: string;
}

export const DPIA_GATE_READS: readonly RequestField[] = [
  'data.personal', 'data.specialCategory', 'data.confidentialPatientInfo', 'data.usedForTraining', 'data.recordCount',
  'dpiaScreening', 'use.automatedDecisions',
];

export function dpiaTriggers(request: IntakeRequest): DpiaTrigger[] {
  const screening = dpiaScreeningOutcome(request.dpiaScreening);
  const aboutPeople = usesPersonalData(request) || request.data.recordCount > 0;
  return [
    ...(usesPersonalData(request) ? [{ field: 'data.personal' as const, sentence: 'the tool uses personal data, special category data or confidential patient information' }] : []),
    // Training is processing (§6.1): said on its own so the approvers see it.
    ...(request.data.usedForTraining && aboutPeople ? [{ field: 'data.usedForTraining' as const, sentence: 'data about people is used to train or test the tool' }] : []),
    // Records are counted as "how many people's records": a count means data about people,
    // whatever the answer to "personal data".
    ...(request.data.recordCount > 0 ? [{ field: 'data.recordCount' as const, sentence: `the tool uses ${String(request.data.recordCount).replace(/\B(?=(\d{3})+(?!\d))/g, ',')} people’s records` }] : []),
    ...(screening.fullAssessmentNeeded ? [{ field: 'dpiaScreening' as const, sentence: `the screening answered yes to ${screening.yesAnswers.length === 1 ? 'question' : 'questions'} ${screening.yesAnswers.join(', ')}` }] : []),
    ...(request.use.automatedDecisions ? [{ field: 'use.automatedDecisions' as const, sentence: 'the tool makes automated decisions about people' }] : []),
  ];
}

export function dpiaRequired(request: IntakeRequest): boolean {
  return dpiaTriggers(request).length > 0;
}

/**
 * Whether a step may be recorded "not required" now: what the stored route said, unless the
 * answers trigger the gate (a route planned under older rules may have said yes).
 */
export function mayRecordNotRequiredNow(step: { code: string; mayRecordNotRequired: boolean } | undefined, request: IntakeRequest): boolean {
  if (!step?.mayRecordNotRequired) return false;
  return step.code !== 'DPIA' || !dpiaRequired(request);
}
