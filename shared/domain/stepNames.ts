import type { StepCode } from './schemas/stepCodes';

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
  SIRO: 'Acceptance of the information risk',
};
