import type { ItemFields } from '../../../shared/sharepoint/lists';
import type {
  aiApprovalTasksList, aiAuditLogList, aiGovernanceRolesList, aiIncidentsList, aiPoliciesList, aiRegisterList, aiRequestsList,
} from '../../../shared/sharepoint/lists';

/** A valid item for each list; `n` makes titles distinct, `userId`/`requestId` fill person and lookup columns. */
export const samples = {
  requests: (n: number, userId: number): ItemFields<typeof aiRequestsList> => ({
    Reference: null,
    Title: `Dictation assistant ${n}`, RequestType: 'Healthcare AI product', RequesterId: userId, Directorate: 'Medicine', Supplier: 'Example Supplier Ltd',
    Product: 'Scribe', Purpose: 'Draft clinic letters from dictation.', IntendedBenefits: 'Time back for clinicians', SuccessMetrics: null, LegalBasis: null,
    DataCategories: ['Personal data', 'Special category (health) data'], PersonalData: true, SpecialCategoryData: true, ConfidentialPatientInfo: true,
    HealthcareProvision: true, ClinicalUse: false, MedicalDevice: false, Research: false, ServiceChange: false, AutomatedDecisions: false,
    HumanReviewArrangement: 'Clinician reviews every letter', InstallNeeded: false, NationallyProcured: false, EstimatedCost: 2500, Status: 'Submitted',
    CurrentStage: null, RiskRating: 'Medium', RouteJson: null, OrchestrationInstanceId: null, SubmissionKey: null, DpiaReference: null, DtacReference: null, HraReference: null,
    DtacDate: null, DtacClinicalSafety: null, DtacDataProtection: null, DtacTechnicalSecurity: null, DtacInteroperability: null, DtacUsabilityAccessibility: null,
    IrasNumber: null, EthicsCommitteeReference: null,
    DecisionSummary: null, ReviewDueDate: null, IntakeJson: null, PreviousIntakeJson: null, ConversationJson: null,
  }),
  approvalTasks: (n: number, userId: number, requestId: number): ItemFields<typeof aiApprovalTasksList> => ({
    Title: `IG review ${n}`, RequestId: requestId, StepCode: 'IG_REVIEW', RoleCode: 'IG', AssigneeId: userId, DelegateId: null, AlsoHeldById: [], HeldSince: null, Status: 'Pending',
    Outcome: null, Comments: null, ChecklistJson: null, ReferencesJson: null, DueDate: '2026-12-01T17:00:00Z', RemindersSent: 0, Escalated: false, RespondedById: null, RespondedAt: null, ResponseChannel: null,
    Attempt: 1, InstanceId: null, DecisionTokenId: null,
  }),
  roles: (n: number, userId: number): ItemFields<typeof aiGovernanceRolesList> => ({
    Title: `Role ${n}`, RoleCode: `ROLE_${n}`, PrimaryPersonId: userId, DeputiesId: [userId], EscalationContactId: null, ChannelPreference: 'Both',
    OutOfOfficeFrom: null, OutOfOfficeTo: null,
  }),
  policies: (n: number): ItemFields<typeof aiPoliciesList> => ({
    Title: `Policy ${n}`, PolicyVersion: '1.0', PolicyOwner: 'Chief Medical Officer', OwnerContactId: null, ApprovedOn: '2025-01-06T00:00:00Z', ReviewIntervalMonths: 24,
    NextReviewDue: '2027-01-06T00:00:00Z', Status: 'Active', LastReminderSent: null,
  }),
  incidents: (n: number, userId: number): ItemFields<typeof aiIncidentsList> => ({
    Title: `Transcription error ${n}`, ReporterId: userId, RelatedRequestId: null, RelatedTool: 'Scribe', OccurredAt: '2026-11-01T09:30:00Z',
    Description: 'A medication dose was transcribed wrongly.', Category: 'Patient safety', Severity: 'Moderate', PersonalDataBreach: false, PatientHarm: false,
    ResearchRelated: false, Status: 'Reported', TriagedById: null, TriagedAt: null, DatixReference: null, EscalatedAt: null, IcoDeadline: null,
    ReportedAt: '2026-11-01T10:00:00Z', Location: 'Outpatients', Directorate: null, ImmediateAction: 'Letter corrected.', AwareAt: null, TriageDueAt: null,
    TriageOutcome: null, TriageNotes: null, DatixRoute: null, DatixReason: null, DatixProblem: null, DatixReferenceRecordedById: null,
    BreachReportOutcome: null, BreachReportReference: null, BreachNotReportableReason: null, BreachReportRecordedById: null, BreachReportRecordedAt: null,
    OrchestrationInstanceId: null,
  }),
  register: (n: number): ItemFields<typeof aiRegisterList> => ({
    Title: `Scribe ${n}`, EntryType: 'Approved tool', PlainEnglishDescription: 'Turns dictation into draft letters that a clinician checks.',
    Purpose: null, HumanOversight: 'A clinician signs every letter.', DataUsed: 'Dictated audio', DpiaStatus: 'Completed', PublicContact: 'ai.governance@example.nhs.uk',
    ReviewDate: '2027-06-01T00:00:00Z', Status: 'Published', SourceRequestId: null,
    Supplier: null, Owner: null, ApprovedOn: null, ApprovedBy: null, PublishedBy: null, PublishedAt: null,
    TransparencyRecordJson: null, TransparencyStatus: null, TransparencyPublishedBy: null, TransparencyPublishedAt: null,
  }),
  auditLog: (n: number): ItemFields<typeof aiAuditLogList> => ({
    Title: `Request submitted ${n}`, Sequence: n, EventType: 'request.submitted', SubjectList: 'AI Requests', SubjectItemId: n, Actor: 'priya.shah@example.nhs.uk',
    Channel: 'Web', OccurredAt: '2026-11-25T10:00:00Z', Details: '{}', IdempotencyKey: `sample-${n}`, PreviousHash: '0'.repeat(64), Hash: 'a'.repeat(64),
  }),
};
