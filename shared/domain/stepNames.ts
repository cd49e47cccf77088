import type { RoleCode, StepCode } from './schemas/stepCodes';

/** What each step is called in messages and on pages: plain English, abbreviations spelled out. */
export const STEP_NAMES: Readonly<Record<StepCode, string>> = {
  IG_NOTIFY: 'Information governance notification and screening',
  FINANCE: 'Finance and procurement review',
  DIGITAL_BI: 'Digital, technical and business intelligence review',
  DPIA: 'Data Protection Impact Assessment',
  CSO: 'Clinical safety review',
  MDSO: 'Medical device safety review',
  DTAC: 'Digital Technology Assessment Criteria',
  CALDICOTT: 'Caldicott Guardian review',
  RESEARCH: 'Research and innovation review',
  IT_INSTALL: 'Permission to install software',
  WORKFORCE: 'Staff and trade union consultation',
  EQIA: 'Equality and Quality Impact Assessment',
  SIRO: 'Acceptance of the information risk',
};

/** What each role is called on pages, so a joint step can say who has decided and who has not. */
export const ROLE_NAMES: Readonly<Record<RoleCode, string>> = {
  SENIOR_IG_MANAGER: 'Senior Information Governance Manager',
  FINANCE_PROCUREMENT: 'Finance and Procurement',
  DIGITAL_BI: 'Digital, Technical and Business Intelligence teams',
  IG_MANAGER: 'Information Governance Manager',
  HEAD_OF_SAFE_PRACTICE: 'Head of Safe Practice (Digital)',
  CLINICAL_SAFETY_OFFICER: 'Clinical Safety Officer',
  MEDICAL_DEVICE_SAFETY_OFFICER: 'Medical Device Safety Officer',
  DIGITAL_LEAD: 'Digital lead',
  CALDICOTT_GUARDIAN: 'Caldicott Guardian',
  RESEARCH_INNOVATION: 'Research and Innovation',
  HEAD_OF_ORGANISATIONAL_DEVELOPMENT: 'Head of Organisational Development',
  IT: 'Information Technology team',
  SIRO: 'Senior Information Risk Owner',
  GOVERNANCE_LEAD: 'AI governance lead',
  EQUALITY_LEAD: 'Equality lead',
};
