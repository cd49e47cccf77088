import { z } from 'zod';

/** Approval steps of policy-routing.md "Steps"; the codes are stored on tasks, so never rename one. */
export const STEP_CODES = [
  'IG_NOTIFY',
  'FINANCE',
  'DIGITAL_BI',
  'DPIA',
  'CSO',
  'MDSO',
  'DTAC',
  'CALDICOTT',
  'RESEARCH',
  'IT_INSTALL',
  'WORKFORCE',
  'EQIA',
  'SIRO',
] as const;
export const stepCodeSchema = z.enum(STEP_CODES, { error: `choose a step code: ${STEP_CODES.join(', ')}` });
export type StepCode = z.output<typeof stepCodeSchema>;

/** The people who act for the workflow; each is configured in the AI Governance Roles list. */
export const ROLE_CODES = [
  'SENIOR_IG_MANAGER',
  'FINANCE_PROCUREMENT',
  'DIGITAL_BI',
  'IG_MANAGER',
  'HEAD_OF_SAFE_PRACTICE',
  'CLINICAL_SAFETY_OFFICER',
  'MEDICAL_DEVICE_SAFETY_OFFICER',
  'DIGITAL_LEAD',
  'CALDICOTT_GUARDIAN',
  'RESEARCH_INNOVATION',
  'HEAD_OF_ORGANISATIONAL_DEVELOPMENT',
  'IT',
  'SIRO',
  'GOVERNANCE_LEAD',
  'EQUALITY_LEAD',
] as const;
export const roleCodeSchema = z.enum(ROLE_CODES, { error: `choose a role code: ${ROLE_CODES.join(', ')}` });
export type RoleCode = z.output<typeof roleCodeSchema>;
