import type { IntakeRequest } from './schemas/intakeRequest';
import type { RequestField } from './schemas/requestFields';
import { supportsHealthcareProvision } from './routing/requestFacts';

/**
 * Risk rating (policy-routing.md "Risk rating"): high when any two facts hold, medium when one,
 * low otherwise. High risk adds the Senior Information Risk Owner's step.
 */
export const LARGE_SCALE_RECORD_COUNT = 10_000;

export interface RiskRule {
  readonly code: string;
  readonly reads: readonly RequestField[];
  /** A short sentence about the tool, shown with the rating. */
  readonly sentence: string;
  holds(request: IntakeRequest): boolean;
}

export const RISK_RULES: readonly RiskRule[] = [
  {
    code: 'SENSITIVE_DATA',
    reads: ['data.specialCategory', 'data.confidentialPatientInfo'],
    sentence: 'It uses special category data or confidential patient information.',
    holds: (r) => r.data.specialCategory || r.data.confidentialPatientInfo,
  },
  {
    code: 'AUTOMATED_DECISIONS',
    reads: ['use.automatedDecisions'],
    sentence: 'It makes automated decisions that affect people.',
    holds: (r) => r.use.automatedDecisions,
  },
  {
    code: 'HEALTHCARE_OR_DEVICE',
    reads: ['type', 'use.healthcareProvision', 'use.medicalDevice'],
    sentence: 'It supports healthcare provision or is a medical device.',
    holds: (r) => supportsHealthcareProvision(r) || r.use.medicalDevice,
  },
  {
    code: 'DATA_ABROAD_OR_SUPPLIER_UNASSURED',
    reads: ['data.leavesUk', 'use.supplierAssured'],
    sentence: 'Its data leaves the United Kingdom, or its supplier is not yet assured.',
    holds: (r) => r.data.leavesUk || !r.use.supplierAssured,
  },
  {
    code: 'LARGE_SCALE',
    reads: ['data.recordCount'],
    sentence: `It uses more than ${LARGE_SCALE_RECORD_COUNT.toString().replace(/\B(?=(\d{3})+(?!\d))/g, ',')} people’s records.`,
    holds: (r) => r.data.recordCount > LARGE_SCALE_RECORD_COUNT,
  },
];

export const RISK_READS: readonly RequestField[] = [...new Set(RISK_RULES.flatMap((rule) => rule.reads))];

export type RiskRating = 'low' | 'medium' | 'high';

export interface RiskFact {
  readonly code: string;
  readonly sentence: string;
}

export interface RiskAssessment {
  readonly rating: RiskRating;
  readonly facts: readonly RiskFact[];
}

export function assessRisk(request: IntakeRequest): RiskAssessment {
  const facts = RISK_RULES.filter((rule) => rule.holds(request)).map(({ code, sentence }) => ({ code, sentence }));
  const rating: RiskRating = facts.length >= 2 ? 'high' : facts.length === 1 ? 'medium' : 'low';
  return { rating, facts };
}
