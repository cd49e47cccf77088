/* eslint-disable */
// Generated from shared/contract by scripts/generateContract.ts: do not edit. Change the source
// and run `npm run -s contract`; tests/unit/contract fails while this copy differs.

export const REQUEST_TYPES = ["healthcare", "research", "procured", "public-generic", "national", "supplier-feature"] as const;

export const REQUEST_FIELD_LABELS = {
  "type": "the kind of request",
  "title": "the title",
  "directorate": "the directorate",
  "requester.name": "the requester's name",
  "requester.email": "the requester's email address",
  "product.name": "the product name",
  "product.supplier": "the supplier",
  "purpose": "the purpose",
  "benefits": "the expected benefits",
  "successMeasures": "how success will be measured",
  "estimatedCost": "the estimated cost",
  "data.personal": "whether the tool uses personal data",
  "data.specialCategory": "whether the tool uses special category data such as health records",
  "data.confidentialPatientInfo": "whether the tool uses confidential patient information",
  "data.anonymised": "whether the data is anonymised",
  "data.reidentificationRiskChecked": "whether the risk of identifying people from anonymised data was checked",
  "data.usedForTraining": "whether data is used to train or test the tool",
  "data.legalBasis": "the legal basis for using the data",
  "data.leavesUk": "whether data leaves the United Kingdom",
  "data.recordCount": "how many people’s records are used",
  "use.clinical": "whether the tool has a clinical use",
  "use.healthcareProvision": "whether the tool supports healthcare provision",
  "use.medicalDevice": "whether the tool is a medical device",
  "use.serviceChange": "whether the tool changes how a service works",
  "use.staffImpact": "whether the tool affects staff",
  "use.automatedDecisions": "whether the tool makes automated decisions about people",
  "use.humanReviewer": "who reviews the tool’s outputs",
  "use.installNeeded": "whether software must be installed",
  "use.supplierAssured": "whether the supplier is already assured",
  "national.igAware": "whether Information Governance already knows about the national function",
  "national.nhseProcured": "whether the national body bought the function for local use",
  "national.assuranceDocuments": "whether national assurance documents exist",
  "national.nationalGuidance": "whether national guidance on its use exists",
  "attestations.noPersonalData": "the promise to enter no personal data",
  "attestations.noBusinessSensitiveData": "the promise to enter no business-sensitive data",
  "attestations.nonClinicalOnly": "the promise to use it for non-clinical work only",
  "attestations.copyrightConsidered": "the promise to consider copyright and intellectual property",
  "attestations.biasConsidered": "the promise to watch for biased or harmful content",
  "attestations.outputsVerified": "the promise to check every output for accuracy",
  "attestations.corporateDevicesOnly": "the promise to use it on work devices only",
  "attestations.noUnauthorisedInstall": "the promise to install nothing without permission",
  "dpiaScreening": "the answers to the data protection screening questions",
  "equalityScreening": "the answers to the equality screening questions"
} as const;

export const DPIA_SCREENING_QUESTIONS = [
  {
    "number": 1,
    "question": "Will the tool process information that identifies a person, living or dead?",
    "examples": "For example a name, address, postcode, email address, telephone number or payroll number."
  },
  {
    "number": 2,
    "question": "Will the tool process sensitive information about a person, living or dead?",
    "examples": "For example physical or mental health, sexuality, religious belief, political views or National Insurance number."
  },
  {
    "number": 3,
    "question": "Will the tool share identifiers that are unique to a person or household?",
    "examples": "For example a hospital number, National Health Service number, National Insurance number or payroll number."
  },
  {
    "number": 4,
    "question": "Will the tool process pseudonymised information in an organisation that holds the key to re-identify it?",
    "examples": "Pseudonymised data has its identifiers replaced by codes; anyone with the key can identify people again."
  },
  {
    "number": 5,
    "question": "Will organisations or people get access to information they cannot access now?",
    "examples": "For example a supplier or another team seeing records for the first time."
  },
  {
    "number": 6,
    "question": "Will the organisation use information it already holds for a different purpose?",
    "examples": "For example using care records collected for treatment to train a model."
  },
  {
    "number": 7,
    "question": "Does the tool use technology that people might see as intruding on their privacy?",
    "examples": "For example biometrics, facial recognition, closed-circuit television or audio recording."
  },
  {
    "number": 8,
    "question": "Will decisions or actions be taken about people in ways that could significantly affect them?",
    "examples": "Including profiling, and decisions made solely by automated means without any human involvement."
  },
  {
    "number": 9,
    "question": "Will the tool collect more information about people than is already collected or held?",
    "examples": "For example extra questions, recordings or measurements."
  },
  {
    "number": 10,
    "question": "Will people be contacted in ways they may not expect and may find intrusive?",
    "examples": "For example by personal email or text message."
  }
] as const;

export const EQUALITY_GROUPS = [
  {
    "key": "age",
    "name": "Age",
    "meaning": "People of a particular age or range of ages."
  },
  {
    "key": "disability",
    "name": "Disability",
    "meaning": "People with a physical or mental impairment with a substantial, long-term effect on day-to-day activities."
  },
  {
    "key": "genderReassignment",
    "name": "Gender reassignment",
    "meaning": "People transitioning from one gender to another."
  },
  {
    "key": "marriageCivilPartnership",
    "name": "Marriage and civil partnership",
    "meaning": "People who are married or in a civil partnership."
  },
  {
    "key": "pregnancyMaternity",
    "name": "Pregnancy and maternity",
    "meaning": "People who are pregnant, on maternity leave or breastfeeding."
  },
  {
    "key": "race",
    "name": "Race",
    "meaning": "People defined by race, colour, nationality, or ethnic or national origins."
  },
  {
    "key": "religionBelief",
    "name": "Religion or belief",
    "meaning": "People of any religion or belief, or none."
  },
  {
    "key": "sex",
    "name": "Sex",
    "meaning": "Men or women."
  },
  {
    "key": "sexualOrientation",
    "name": "Sexual orientation",
    "meaning": "People attracted to their own sex, the opposite sex, both or neither."
  },
  {
    "key": "carers",
    "name": "Carers",
    "meaning": "Staff or others with caring responsibilities."
  }
] as const;

export const EQUALITY_SCREENING_QUESTION = "Could the tool put this group at a disadvantage, in how it works or in who can use it?" as const;

export const STEP_CODES = ["IG_NOTIFY", "FINANCE", "DIGITAL_BI", "DPIA", "CSO", "MDSO", "DTAC", "CALDICOTT", "RESEARCH", "IT_INSTALL", "WORKFORCE", "EQIA", "SIRO"] as const;

export const STEP_NAMES = {
  "IG_NOTIFY": "Information governance notification and screening",
  "FINANCE": "Finance and procurement review",
  "DIGITAL_BI": "Digital, technical and business intelligence review",
  "DPIA": "Data Protection Impact Assessment",
  "CSO": "Clinical safety review",
  "MDSO": "Medical device safety review",
  "DTAC": "Digital Technology Assessment Criteria",
  "CALDICOTT": "Caldicott Guardian review",
  "RESEARCH": "Research and innovation review",
  "IT_INSTALL": "Permission to install software",
  "WORKFORCE": "Staff and trade union consultation",
  "EQIA": "Equality and Quality Impact Assessment",
  "SIRO": "Acceptance of the information risk"
} as const;

export const REQUEST_STATUS_CODES = ["draft", "submitted", "in-review", "more-information", "approved", "rejected", "withdrawn"] as const;

export const REQUEST_STATUS_LABELS = {
  "draft": "Draft, not sent",
  "submitted": "Sent, waiting to start",
  "in-review": "Being reviewed",
  "more-information": "More information needed from you",
  "approved": "Approved",
  "rejected": "Rejected",
  "withdrawn": "Withdrawn"
} as const;

export const REQUEST_STATUS_LIST_LABEL = {
  "draft": "Draft",
  "submitted": "Submitted",
  "in-review": "In review",
  "more-information": "More information needed",
  "approved": "Approved",
  "rejected": "Rejected",
  "withdrawn": "Withdrawn"
} as const;

export const REQUEST_TYPE_LIST_LABEL = {
  "healthcare": "Healthcare AI product",
  "research": "Research",
  "procured": "Procured product or licence",
  "public-generic": "Freely available AI tool",
  "national": "Nationally procured AI function",
  "supplier-feature": "Supplier adding AI to an existing system"
} as const;

export const REQUEST_TYPE_SHORT_NAMES = {
  "healthcare": "Healthcare tool",
  "research": "Research",
  "procured": "Tool or licence to buy",
  "public-generic": "Free or generic tool",
  "national": "National function",
  "supplier-feature": "New features in an existing system"
} as const;

export const DECISION_OUTCOMES = ["approved", "rejected", "more-information", "not-required"] as const;

export const DECISION_OUTCOME_LABELS = {
  "approved": "Approved",
  "rejected": "Rejected",
  "more-information": "Asked for more information",
  "not-required": "Recorded as not required"
} as const;

export const DECISION_ACTION_LABELS = {
  "approved": "Approve",
  "more-information": "Ask for more information",
  "rejected": "Reject",
  "not-required": "Record as not required"
} as const;

export const DECISION_OUTCOME_LIST_LABEL = {
  "approved": "Approved",
  "rejected": "Rejected",
  "more-information": "More information needed",
  "not-required": "Not required"
} as const;

export const STEP_STATUS_BY_LIST_LABEL = {
  "Pending": "waiting",
  "Reminded": "waiting",
  "Escalated": "waiting",
  "Completed": "decided",
  "Cancelled": "cancelled"
} as const;

export const RISK_RATING_CODES = ["low", "medium", "high"] as const;

export const RISK_RATING_LIST_LABEL = {
  "low": "Low",
  "medium": "Medium",
  "high": "High"
} as const;

export const REGISTER_KINDS = ["tool", "research"] as const;

export const REGISTER_SOURCES = ["published", "approved"] as const;

export const DPIA_STATUSES = ["approved", "not-required", "in-progress"] as const;

export const REGISTER_KIND_LIST_LABEL = {
  "tool": "Approved tool",
  "research": "Research initiative"
} as const;

export const REGISTER_DPIA_STATUS_BY_LIST_LABEL = {
  "Not required": "not-required",
  "In progress": "in-progress",
  "Completed": "approved"
} as const;

export const REGISTER_LIST_TITLE = "AI Register" as const;

export const REGISTER_PUBLIC_COLUMNS = ["Title", "EntryType", "Supplier", "PlainEnglishDescription", "Purpose", "HumanOversight", "DataUsed", "DpiaStatus", "PublicContact", "ReviewDate"] as const;

export const REGISTER_PUBLISHED_STATUS = "Published" as const;

export const DOCUMENT_KINDS = ["dpia", "dtac", "clinical-safety", "supplier-contract", "hra-approval", "other"] as const;

export const DOCUMENT_KIND_LABELS = {
  "dpia": "Data Protection Impact Assessment (DPIA)",
  "dtac": "Digital Technology Assessment Criteria (DTAC) assessment",
  "clinical-safety": "Clinical safety case and hazard log",
  "supplier-contract": "Supplier contract",
  "hra-approval": "Health Research Authority (HRA) approval letter",
  "other": "Other supporting document"
} as const;

export const ATTACHMENT_MAX_BYTES = 20971520 as const;

export const ATTACHMENT_EXTENSIONS = [".pdf", ".doc", ".docx", ".xls", ".xlsx", ".ppt", ".pptx", ".png", ".jpg", ".jpeg", ".txt", ".csv"] as const;

export const ATTACHMENT_TYPES_TEXT = "Portable Document Format (PDF), Word, Excel, PowerPoint, Portable Network Graphics (PNG) or Joint Photographic Experts Group (JPEG) image, plain text or comma-separated values (CSV)" as const;

export const NOT_IN_REGISTER = {
  "heading": "Not in the register?",
  "summary": "A tool that is not in this register is not approved for work. Ask before you use it. If you use a freely available AI tool, such as a public chatbot, for work, these rules apply:",
  "rules": [
    "Do not put any personal data into it.",
    "Do not put any business-sensitive information into it.",
    "Use it only for non-clinical work.",
    "Tell the Information Governance team if you mean to use it for routine work.",
    "Think about copyright and who owns what it makes.",
    "Watch for biased, unfair or harmful content.",
    "Check everything it gives you: it can be wrong.",
    "Use it only on work devices.",
    "Do not install any software without permission from IT."
  ],
  "howToAsk": "To ask for a tool to be approved, send a request with the request form on the AI governance page in SharePoint, or ask the AI governance team."
} as const;

export const DASHBOARD_STAGES = ["waiting-to-start", "stage-1", "stage-2", "stage-3", "stage-4", "between-stages", "with-requester", "finished"] as const;

export const DASHBOARD_STAGE_LABELS = {
  "waiting-to-start": "Sent, not started yet",
  "stage-1": "Stage 1: Information Governance and finance",
  "stage-2": "Stage 2: specialist reviews",
  "stage-3": "Stage 3: staff consultation",
  "stage-4": "Stage 4: accepting the information risk",
  "between-stages": "Between stages",
  "with-requester": "Waiting for the requester (more information needed)",
  "finished": "Finished"
} as const;

export const DASHBOARD_STATUSES = ["submitted", "in-review", "more-information", "approved", "rejected", "withdrawn"] as const;

export const INCIDENT_CATEGORIES = ["clinical-safety", "data-protection", "security", "bias-or-fairness", "output-quality", "other"] as const;

export const INCIDENT_SEVERITIES = ["low", "moderate", "severe"] as const;

export const CONCERN_CATEGORY_CHOICES = {
  "output-quality": {
    "label": "A concern about something an AI tool produced",
    "hint": "For example wrong, misleading or made-up content, or a summary that leaves out something important."
  },
  "clinical-safety": {
    "label": "Patient safety",
    "hint": "A patient was harmed, or could have been, because of an AI tool or what it produced."
  },
  "data-protection": {
    "label": "Personal or confidential information",
    "hint": "For example personal information typed into a tool that is not approved for it, or shown to the wrong person."
  },
  "security": {
    "label": "Security",
    "hint": "For example a tool used without approval, an account misused, or a suspicious request."
  },
  "bias-or-fairness": {
    "label": "Bias or unfair treatment",
    "hint": "The tool treated some people differently or unfairly."
  },
  "other": {
    "label": "Something else",
    "hint": "Any other incident or concern about artificial intelligence."
  }
} as const;

export const CONCERN_SEVERITY_CHOICES = {
  "low": {
    "label": "Low",
    "hint": "No harm done, or a minor inconvenience."
  },
  "moderate": {
    "label": "Moderate",
    "hint": "Some harm or disruption, or it could have been worse."
  },
  "severe": {
    "label": "Severe",
    "hint": "Serious harm to a person, or serious disruption to a service."
  }
} as const;

export const CONCERN_QUESTIONS = {
  "category": "What is it about?",
  "summary": "Give it a short title",
  "description": "What happened?",
  "occurredAt": "When did it happen?",
  "location": "Where did it happen?",
  "directorate": "Directorate (optional)",
  "relatedTool": "Which AI tool was involved?",
  "immediateActionTaken": "What has been done about it so far?",
  "severity": "How serious is it?",
  "patientHarm": "Was a patient harmed, or could a patient have been harmed?",
  "personalDataBreach": "Was personal data lost, shared with the wrong people or exposed?",
  "researchRelated": "Is this about artificial intelligence used in research?"
} as const;

export const CONCERN_HINTS = {
  "summary": "Up to 255 characters. Do not include names or other personal details.",
  "description": "Say what the tool did or produced, and what happened as a result. Up to 4,000 characters. Do not include names or other details that could identify a person.",
  "location": "The site, ward or department. Up to 200 characters.",
  "relatedTool": "Choose from the tools in the AI register, or type its name. Up to 200 characters.",
  "immediateActionTaken": "For example “letter corrected before it was sent”. Write “none” if nothing has been done yet. Up to 2,000 characters.",
  "researchRelated": "The AI policy asks for research concerns to be reported to Datix, the organisation’s incident reporting system, straight away."
} as const;

export const CONCERN_MESSAGES = {
  "category": "choose what it is about",
  "severity": "choose how serious it is",
  "occurredAt": "give the date and time it happened",
  "patientHarm": "choose Yes or No: was a patient harmed, or could a patient have been harmed?",
  "personalDataBreach": "choose Yes or No: was personal data lost, shared with the wrong people or exposed?",
  "researchRelated": "choose Yes or No: is this about artificial intelligence used in research?",
  "relatedTool": "give the name of the AI tool involved (the register’s tools are offered as you type)"
} as const;

export const REFERENCE_FIELDS = [
  "dpiaReference",
  "dtacReference",
  "dtacDate",
  "dtacClinicalSafety",
  "dtacDataProtection",
  "dtacTechnicalSecurity",
  "dtacInteroperability",
  "dtacUsabilityAccessibility",
  "irasNumber",
  "ethicsCommitteeReference"
] as const;

export const REFERENCE_LABELS = {
  "dpiaReference": "Data Protection Impact Assessment (DPIA) reference",
  "dtacReference": "DTAC assessment reference",
  "dtacDate": "Date of the DTAC assessment",
  "dtacClinicalSafety": "Clinical safety",
  "dtacDataProtection": "Data protection",
  "dtacTechnicalSecurity": "Technical security",
  "dtacInteroperability": "Interoperability",
  "dtacUsabilityAccessibility": "Usability and accessibility",
  "irasNumber": "Integrated Research Application System (IRAS) number",
  "ethicsCommitteeReference": "Research Ethics Committee reference"
} as const;

export const REFERENCE_HINTS = {
  "dtacDate": "For example 2026-11-30.",
  "irasNumber": "The number the Health Research Authority gave the study: 4 to 7 digits.",
  "ethicsCommitteeReference": "Year, committee and number, for example 24/LO/0123."
} as const;

export const REFERENCES_INTRO = "Needed to approve: they are recorded with your decision and on the request." as const;

export const DTAC_AREAS = {
  "dtacClinicalSafety": "Clinical safety",
  "dtacDataProtection": "Data protection",
  "dtacTechnicalSecurity": "Technical security",
  "dtacInteroperability": "Interoperability",
  "dtacUsabilityAccessibility": "Usability and accessibility"
} as const;

export const DTAC_RESULTS = ["met", "not-met"] as const;

export const DTAC_RESULT_LABELS = {
  "met": "Met",
  "not-met": "Not met"
} as const;

export const REJECTION_CONSEQUENCE = "Rejecting ends the request: no further steps run, and the requester is emailed that it was not approved, with your reason." as const;

export type RequestType = (typeof REQUEST_TYPES)[number];
export type RequestField = keyof typeof REQUEST_FIELD_LABELS;
export type StepCode = (typeof STEP_CODES)[number];
export type RequestStatusCode = (typeof REQUEST_STATUS_CODES)[number];
export type DecisionOutcomeCode = (typeof DECISION_OUTCOMES)[number];
export type RiskRatingCode = (typeof RISK_RATING_CODES)[number];
export type RegisterKind = (typeof REGISTER_KINDS)[number];
export type RegisterSource = (typeof REGISTER_SOURCES)[number];
export type DpiaStatus = (typeof DPIA_STATUSES)[number];
export type DocumentKind = (typeof DOCUMENT_KINDS)[number];
export type DashboardStage = (typeof DASHBOARD_STAGES)[number];
export type IncidentCategory = (typeof INCIDENT_CATEGORIES)[number];
export type IncidentSeverity = (typeof INCIDENT_SEVERITIES)[number];
export type ReferenceField = (typeof REFERENCE_FIELDS)[number];

/** A person on a request: the requester. */
export type IntakePerson = { name: string; email: string };

/** The product a request is about and who supplies it. */
export type IntakeProduct = { name: string; supplier: string };

/** The answers about the data the tool uses. */
export type IntakeData = {
  personal: boolean;
  specialCategory: boolean;
  confidentialPatientInfo: boolean;
  anonymised: boolean;
  reidentificationRiskChecked: boolean;
  usedForTraining: boolean;
  legalBasis?: string;
  leavesUk: boolean;
  recordCount: number;
};

/** The answers about how the tool is used. */
export type IntakeUse = {
  clinical: boolean;
  healthcareProvision: boolean;
  medicalDevice: boolean;
  serviceChange: boolean;
  staffImpact?: boolean;
  automatedDecisions: boolean;
  humanReviewer?: string;
  installNeeded: boolean;
  supplierAssured: boolean;
};

/** A national request: the questions about the national function. */
export type IntakeNational = {
  igAware: boolean;
  nhseProcured: boolean;
  assuranceDocuments: boolean;
  nationalGuidance: boolean;
};

/** A free or generic tool request: the eight usage promises. */
export type IntakeAttestations = {
  noPersonalData: boolean;
  noBusinessSensitiveData: boolean;
  nonClinicalOnly: boolean;
  copyrightConsidered: boolean;
  biasConsidered: boolean;
  outputsVerified: boolean;
  corporateDevicesOnly: boolean;
  noUnauthorisedInstall: boolean;
};

/** The equality screening: one answer for each of the ten groups. */
export type EqualityScreening = {
  age: EqualityGroupAnswer;
  disability: EqualityGroupAnswer;
  genderReassignment: EqualityGroupAnswer;
  marriageCivilPartnership: EqualityGroupAnswer;
  pregnancyMaternity: EqualityGroupAnswer;
  race: EqualityGroupAnswer;
  religionBelief: EqualityGroupAnswer;
  sex: EqualityGroupAnswer;
  sexualOrientation: EqualityGroupAnswer;
  carers: EqualityGroupAnswer;
};

/** Whether the tool could disadvantage one group, and how that is reduced. */
export type EqualityGroupAnswer = { disadvantage: boolean; mitigation?: string };

/** The risk rating of a planned route and the facts behind it. */
export type RiskAssessment = { rating: "low" | "medium" | "high"; facts: { code: string; sentence: string }[] };

/** One checklist item of a step; `mandatory`: a condition of approval, so no reason can take its place. */
export type ChecklistItem = { id: string; text: string; mandatory?: true };

/** One step of a planned route, with its checklist and the answers it depends on. */
export type PlannedStep = {
  code: "IG_NOTIFY" | "FINANCE" | "DIGITAL_BI" | "DPIA" | "CSO" | "MDSO" | "DTAC" | "CALDICOTT" | "RESEARCH" | "IT_INSTALL" | "WORKFORCE" | "EQIA" | "SIRO";
  stage: 1 | 2 | 3 | 4;
  role: string;
  roleCodes: ("SENIOR_IG_MANAGER" | "FINANCE_PROCUREMENT" | "DIGITAL_BI" | "IG_MANAGER" | "HEAD_OF_SAFE_PRACTICE" | "CLINICAL_SAFETY_OFFICER" | "MEDICAL_DEVICE_SAFETY_OFFICER" | "DIGITAL_LEAD" | "CALDICOTT_GUARDIAN" | "RESEARCH_INNOVATION" | "HEAD_OF_ORGANISATIONAL_DEVELOPMENT" | "IT" | "SIRO" | "GOVERNANCE_LEAD" | "EQUALITY_LEAD")[];
  reason: string;
  clause: string;
  checklist: ChecklistItem[];
  inputs: ("type" | "title" | "directorate" | "requester.name" | "requester.email" | "product.name" | "product.supplier" | "purpose" | "benefits" | "successMeasures" | "estimatedCost" | "data.personal" | "data.specialCategory" | "data.confidentialPatientInfo" | "data.anonymised" | "data.reidentificationRiskChecked" | "data.usedForTraining" | "data.legalBasis" | "data.leavesUk" | "data.recordCount" | "use.clinical" | "use.healthcareProvision" | "use.medicalDevice" | "use.serviceChange" | "use.staffImpact" | "use.automatedDecisions" | "use.humanReviewer" | "use.installNeeded" | "use.supplierAssured" | "national.igAware" | "national.nhseProcured" | "national.assuranceDocuments" | "national.nationalGuidance" | "attestations.noPersonalData" | "attestations.noBusinessSensitiveData" | "attestations.nonClinicalOnly" | "attestations.copyrightConsidered" | "attestations.biasConsidered" | "attestations.outputsVerified" | "attestations.corporateDevicesOnly" | "attestations.noUnauthorisedInstall" | "dpiaScreening" | "equalityScreening")[];
  mayRecordNotRequired: boolean;
  deciders?: "all" | "any";
};

/** A joint step: who has decided and the roles still to decide. */
export type JointStepProgress = {
  code: string;
  name: string;
  attempt: number;
  decided: {
    role: string;
    outcome: string;
    by: string | null;
    at: string | null;
  }[];
  stillToDecide: string[];
};

/** A policy or tool whose review is due. */
export type ReviewDue = {
  kind: "policy" | "tool";
  id: number;
  title: string;
  dueOn: string;
  owner?: string;
};

/** A document attached to a request, with its SHA-256 and who attached it when. */
export type AttachmentView = {
  fileName: string;
  kind: "dpia" | "dtac" | "clinical-safety" | "supplier-contract" | "hra-approval" | "other";
  sha256: string | null;
  bytes: number | null;
  addedBy: string | null;
  addedAt: string | null;
  downloadUrl: string;
};

/** The intake request, version 1, as `POST /api/route`, `POST /api/requests` and `POST /api/requests/{id}/responses` take it. */
export type IntakeRequest = {
  version?: 1;
  title: string;
  directorate: string;
  requester: IntakePerson;
  product: IntakeProduct;
  purpose?: string;
  benefits?: string;
  successMeasures?: string;
  estimatedCost: number;
  data: IntakeData;
  use: IntakeUse;
  dpiaScreening: boolean[];
  equalityScreening?: EqualityScreening;
} & (
  | { type: "healthcare" }
  | { type: "research" }
  | { type: "procured" }
  | { type: "supplier-feature" }
  | { type: "national"; national: IntakeNational }
  | { type: "public-generic"; attestations: IntakeAttestations }
);

/** 400: every problem, by field. */
export type FieldErrorsResponse = { errors: { field: string; message: string }[] };

/** Other 4xx and 5xx: one sentence written for people. */
export type ErrorResponse = { error: string };

/** `GET /api/me`. */
export type CurrentUserResponse = { name: string; email: string };

/** `POST /api/route`. */
export type PlanRouteResponse = {
  outcome: "routed";
  rulesVersion: string;
  risk: RiskAssessment;
  stages: (PlannedStep & { name: string })[][];
};

/** `POST /api/requests` (201). */
export type SubmittedRequestResponse = {
  id: number;
  reference: string;
  instanceId: string;
  status: "Submitted";
  risk: RiskAssessment;
  stages: {
    code: "IG_NOTIFY" | "FINANCE" | "DIGITAL_BI" | "DPIA" | "CSO" | "MDSO" | "DTAC" | "CALDICOTT" | "RESEARCH" | "IT_INSTALL" | "WORKFORCE" | "EQIA" | "SIRO";
    name: string;
    role: string;
    reason: string;
    clause: string;
  }[][];
};

/** `POST /api/drafts`, `PUT /api/drafts/{id}`. */
export type SavedDraftResponse = { id: string; savedAt: string };

/** One item of `GET /api/requests?mine=true`. */
export type RequestSummaryResponse = {
  id: string;
  reference?: string;
  title: string;
  type: "healthcare" | "research" | "procured" | "public-generic" | "national" | "supplier-feature";
  status: "draft" | "submitted" | "in-review" | "more-information" | "approved" | "rejected" | "withdrawn";
  currentStage?: string;
  submittedAt?: string;
  modifiedAt: string;
};

/** `GET /api/requests/{id}`. */
export type RequestViewResponse = {
  id: number;
  reference?: string | null;
  title: string;
  type: string;
  status: string;
  currentStage?: string | null;
  risk?: string | null;
  route: {
    outcome: "routed";
    rulesVersion: string;
    risk: RiskAssessment;
    stages: PlannedStep[][];
  } | null;
  steps: {
    code: string;
    name: string;
    attempt: number;
    status: string;
    outcome?: string | null;
    assignee: string;
    holders?: { name: string; email: string }[];
    due?: string | null;
    respondedAt?: string | null;
    comments?: string | null;
    checklist: { itemId: string; confirmed: boolean; reasonIfNot?: string }[];
  }[];
  jointSteps: JointStepProgress[];
  conversation: {
    stepCode: string;
    askedBy: string;
    askedAt: string;
    question: string;
    reply?: {
      text: string;
      by: string;
      at: string;
      changes: {
        field: string;
        label: string;
        before: string;
        after: string;
      }[];
    };
  }[];
  progress: unknown;
  decisionSummary?: string | null;
  reviewDue?: string | null;
  history: {
    at: string;
    event: string;
    what: string;
    by?: string | null;
  }[];
  references?: { field: string; label: string; value: string }[];
  attachments?: AttachmentView[];
};

/** `GET /api/requests/{id}/answers`. */
export type RequestAnswersResponse = { id: string; status: string; answers: Record<string, unknown> | null };

/** One item of `GET /api/tasks?assignee=`. */
export type InboxTaskResponse = {
  id: string;
  requestId: string;
  requestReference?: string;
  requestTitle: string;
  requestType: "healthcare" | "research" | "procured" | "public-generic" | "national" | "supplier-feature";
  requesterName: string;
  stepCode: "IG_NOTIFY" | "FINANCE" | "DIGITAL_BI" | "DPIA" | "CSO" | "MDSO" | "DTAC" | "CALDICOTT" | "RESEARCH" | "IT_INSTALL" | "WORKFORCE" | "EQIA" | "SIRO";
  stepName: string;
  role: string;
  reason: string;
  clause: string;
  checklist: ChecklistItem[];
  references: ("dpiaReference" | "dtacReference" | "dtacDate" | "dtacClinicalSafety" | "dtacDataProtection" | "dtacTechnicalSecurity" | "dtacInteroperability" | "dtacUsabilityAccessibility" | "irasNumber" | "ethicsCommitteeReference")[];
  mayRecordNotRequired: boolean;
  assignee: string;
  delegatedFrom?: string;
  heldAs: "assignee" | "shared" | "deputy";
  dueAt: string | null;
  status: "waiting";
  record: {
    sections: {
      id: "who" | "product" | "purpose" | "data" | "use" | "screening" | "equality" | "national" | "attestations";
      title: string;
      kind: "answers" | "questions";
      facts: { label: string; value: string }[];
    }[];
    decisions: {
      stepCode: string;
      stepName: string;
      role: string;
      attempt: number;
      status: string;
      outcome: string | null;
      assignee: string;
      decidedBy: string | null;
      decidedAt: string | null;
      channel: string | null;
      comments: string | null;
      checklist: {
        itemId: string;
        text: string;
        confirmed: boolean;
        reasonIfNot?: string;
      }[];
    }[];
    attachments: {
      fileName: string;
      kind?: string;
      downloadUrl?: string;
      sizeBytes: number;
      sha256: string;
      addedBy?: string;
      addedAt?: string;
    }[];
    references: { label: string; value: string }[];
  };
  joint?: JointStepProgress;
};

/** `GET /api/governance/requests`. */
export type RequestsOverviewResponse = {
  generatedAt: string;
  openByStage: { stage: string; count: number }[];
  overdueSteps: {
    requestId: string;
    requestReference?: string;
    requestTitle: string;
    stepCode: "IG_NOTIFY" | "FINANCE" | "DIGITAL_BI" | "DPIA" | "CSO" | "MDSO" | "DTAC" | "CALDICOTT" | "RESEARCH" | "IT_INSTALL" | "WORKFORCE" | "EQIA" | "SIRO";
    stepName: string;
    role: string;
    assignee: string;
    dueAt: string;
    escalated: "none" | "deputy" | "governance-lead";
  }[];
};

/** `GET /api/governance/summary`. */
export type GovernanceSummaryResponse = {
  generatedAt: string;
  reviews: { horizonDays: number; overdue: ReviewDue[]; dueSoon: ReviewDue[] };
  incidentsByState: { state: string; count: number }[];
  openIncidents: {
    id: number;
    reference: string;
    title: string;
    category: string;
    severity: string;
    status: string;
    occurredAt: string;
    triageDueAt?: string;
    datixReference?: string;
    escalatedAt?: string;
  }[];
  datixEscalations: {
    incidentId: number;
    incidentReference: string;
    title: string;
    status: "recorded" | "awaiting-reference";
    datixReference?: string;
    escalatedAt: string | null;
    reason?: string | null;
    route?: string | null;
    automaticFailed: boolean;
  }[];
  datixCounts: { recorded: number; awaitingReference: number; triageOverdue: number };
};

/** The query of `GET /api/governance/dashboard` and `GET /api/governance/dashboard.csv` (every filter optional). */
export type DashboardFilters = {
  status?: "submitted" | "in-review" | "more-information" | "approved" | "rejected" | "withdrawn";
  stage?: "waiting-to-start" | "stage-1" | "stage-2" | "stage-3" | "stage-4" | "between-stages" | "with-requester" | "finished";
  directorate?: string;
  risk?: "low" | "medium" | "high";
  type?: "healthcare" | "research" | "procured" | "public-generic" | "national" | "supplier-feature";
  overdue?: "true" | "false";
  q?: string;
};

/** `GET /api/governance/dashboard`: the requests the filters show, their outcomes by month and turnaround. */
export type DashboardResponse = {
  generatedAt: string;
  requests: {
    id: number;
    reference: string | null;
    title: string;
    requester: { name: string; email: string };
    directorate: string | null;
    type: "healthcare" | "research" | "procured" | "public-generic" | "national" | "supplier-feature";
    risk: "low" | "medium" | "high" | null;
    status: "submitted" | "in-review" | "more-information" | "approved" | "rejected" | "withdrawn";
    listStatus?: string;
    stage: "waiting-to-start" | "stage-1" | "stage-2" | "stage-3" | "stage-4" | "between-stages" | "with-requester" | "finished";
    openSteps: {
      stepCode: "IG_NOTIFY" | "FINANCE" | "DIGITAL_BI" | "DPIA" | "CSO" | "MDSO" | "DTAC" | "CALDICOTT" | "RESEARCH" | "IT_INSTALL" | "WORKFORCE" | "EQIA" | "SIRO";
      stepName: string;
      holders: { name: string; email: string }[];
      dueAt: string | null;
      overdue: boolean;
      workingDays: number | null;
    }[];
    overdue: boolean;
    url: string;
  }[];
  directorates: string[];
  outcomesByMonth: {
    month: string;
    approved: number;
    rejected: number;
    withdrawn: number;
  }[];
  turnaround: {
    stages: {
      count: number;
      median: number | null;
      p90: number | null;
      stage: "waiting-to-start" | "stage-1" | "stage-2" | "stage-3" | "stage-4" | "between-stages" | "with-requester" | "finished";
    }[];
    endToEnd: { count: number; median: number | null; p90: number | null };
    decisions: { decided: number; onTime: number; onTimeShare: number | null };
  };
};

/** `POST /api/tasks/{id}/handover`: pass an open step to a colleague (the holder) or reassign it (the governance lead). */
export type HandoverRequest = { to: string; reason: string };

/** `POST /api/tasks/{id}/handover` (200). */
export type HandoverResponse = { taskId: string; holder: { name: string; email: string }; how: "delegated" | "reassigned" };

/** `POST /api/absences`: record an absence and the deputy who covers it. */
export type AbsenceRequest = {
  from: string;
  until: string;
  deputy: string;
  note?: string;
};

/** One item of `GET /api/absences`; `POST /api/absences` (201); `POST /api/absences/{id}/end` (200). */
export type AbsenceResponse = {
  id: string;
  from: string;
  until: string;
  deputy: { name: string; email: string };
  note: string | null;
  state: "current" | "future" | "ended";
};

/** `POST /api/absences/{id}/end`: end an absence early. */
export type EndAbsenceRequest = Record<string, never>;

/** One item of `GET /api/register`. */
export type RegisterRowResponse = {
  kind: "tool" | "research";
  name: string;
  supplier: string;
  description: string;
  purpose: string;
  humanOversight: string;
  dataUsed: string;
  dpiaStatus: "approved" | "not-required" | "in-progress";
  contact: string;
  reviewDate: string;
  source: "published" | "approved";
};

/** `GET /api/requests/{id}/attachments` and the answer to an upload. */
export type AttachmentsResponse = { attachments: AttachmentView[] };

/** One item of `GET /api/register/drafts` (the governance team). */
export type RegisterDraftResponse = {
  id: number;
  kind: "tool" | "research";
  name: string;
  supplier: string;
  purpose: string;
  owner: string;
  humanOversight: string;
  dataUsed: string;
  approvedOn: string;
  reviewDate: string;
  transparencyRecordUrl: string | null;
};

/** `POST /api/register/{id}/publication`: corrections made as the entry is published. */
export type PublishEntryRequest = {
  purpose?: string;
  humanOversight?: string;
  dataUsed?: string;
  owner?: string;
  supplier?: string;
};

/** `POST /api/incidents`: an AI incident or a concern about an AI output (the reporter is the signed-in person). */
export type IncidentReport = {
  summary: string;
  description: string;
  occurredAt: string;
  location: string;
  directorate?: string;
  immediateActionTaken: string;
  category: "clinical-safety" | "data-protection" | "security" | "bias-or-fairness" | "output-quality" | "other";
  severity: "low" | "moderate" | "severe";
  patientHarm: boolean;
  personalDataBreach: boolean;
  awareAt?: string;
  researchRelated: boolean;
  relatedTool?: string;
  relatedRequestId?: number;
  reporter: { name: string; email: string };
};

/** `POST /api/incidents` (201). */
export type IncidentReportedResponse = {
  id: number;
  reference: string;
  instanceId: string;
  status: string;
  triage: { dueAt: string; urgent: boolean; explanation: string };
  datix: string;
  breach?: { awareAt: string; regulatorDeadlineAt: string };
};

/** `POST /api/register/{id}/publication` (200). */
export type PublishedEntryResponse = { id: number; publishedBy: string; publishedAt: string };
