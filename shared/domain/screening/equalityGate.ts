import type { IntakeRequest } from '../schemas/intakeRequest';
import type { RequestField } from '../schemas/requestFields';
import { equalityScreeningOutcome, type EqualityScreeningOutcome } from './equalityScreening';

/**
 * When the Equality Impact Assessment screening (policy Appendix 1) is asked, and when its
 * answers call for a full Equality and Quality Impact Assessment. Asked when the tool changes a
 * service or affects patients or staff; a tool with a clinical use, one that supports healthcare
 * provision and a medical device all affect patients. Read by the intake rule (asked), the
 * routing rule (the full assessment) and the form, so the three cannot disagree.
 */
export const EQUALITY_SCREENING_ASKED_READS: readonly RequestField[] = [
  'type', 'use.serviceChange', 'use.staffImpact', 'use.clinical', 'use.healthcareProvision', 'use.medicalDevice',
];

export function equalityScreeningAsked(request: Pick<IntakeRequest, 'type' | 'use'>): boolean {
  const { use } = request;
  // A free or generic tool may not be used with patients at all (its own intake rules refuse
  // that), so for it only a service change or an effect on staff asks the screening.
  const affectsPatients = request.type !== 'public-generic' && (use.clinical || use.healthcareProvision || use.medicalDevice);
  return use.serviceChange || use.staffImpact || affectsPatients;
}

/** The screening's outcome when it was asked and answered; undefined otherwise. */
export function equalityScreeningResult(request: IntakeRequest): EqualityScreeningOutcome | undefined {
  if (!equalityScreeningAsked(request) || !request.equalityScreening) return undefined;
  return equalityScreeningOutcome(request.equalityScreening);
}
