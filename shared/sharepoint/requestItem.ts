import type { IntakeRequest } from '../domain/schemas/intakeRequest';
import type { Route } from '../domain/schemas/route';
import { intakeRequestShapeSchema } from '../domain/schemas/intakeRequest';
import { REQUEST_TYPE_LABELS, type aiRequestsList, type DATA_CATEGORIES } from './lists/aiRequests';
import type { NewItem, StoredItem } from './lists/listDefinition';

type RequestItem = StoredItem<typeof aiRequestsList>;

/**
 * An intake request as an AI Requests row: the columns people filter and read in SharePoint, plus
 * the answers as submitted (IntakeJson), which is what routing and re-planning read back.
 */
export function requestItemFromIntake(intake: IntakeRequest, requesterId: number): NewItem<typeof aiRequestsList> {
  const categories: (typeof DATA_CATEGORIES)[number][] = [];
  if (!intake.data.personal) categories.push('No personal data');
  if (intake.data.anonymised) categories.push('Anonymised data');
  if (intake.data.personal) categories.push('Personal data');
  if (intake.data.specialCategory) categories.push('Special category (health) data');
  if (intake.data.confidentialPatientInfo) categories.push('Confidential patient information');
  return {
    Title: intake.title,
    RequestType: REQUEST_TYPE_LABELS[intake.type],
    RequesterId: requesterId,
    Directorate: intake.directorate,
    Supplier: intake.product.supplier,
    Product: intake.product.name,
    Purpose: intake.purpose,
    IntendedBenefits: intake.benefits || null,
    SuccessMetrics: intake.successMeasures || null,
    LegalBasis: intake.data.legalBasis || null,
    DataCategories: categories,
    PersonalData: intake.data.personal,
    SpecialCategoryData: intake.data.specialCategory,
    ConfidentialPatientInfo: intake.data.confidentialPatientInfo,
    HealthcareProvision: intake.use.healthcareProvision,
    ClinicalUse: intake.use.clinical,
    MedicalDevice: intake.use.medicalDevice,
    Research: intake.type === 'research',
    ServiceChange: intake.use.serviceChange,
    AutomatedDecisions: intake.use.automatedDecisions,
    HumanReviewArrangement: intake.use.humanReviewer || null,
    InstallNeeded: intake.use.installNeeded,
    NationallyProcured: intake.type === 'national',
    EstimatedCost: intake.estimatedCost,
    Status: 'Submitted',
    IntakeJson: JSON.stringify(intake),
  };
}

/** The answers as submitted, parsed again with the domain schema (a hand-edited row is caught here). */
export function intakeFromItem(item: Pick<RequestItem, 'Id' | 'IntakeJson'>): IntakeRequest {
  if (!item.IntakeJson) throw new Error(`AI Requests item ${item.Id} has no answers (IntakeJson is empty), so it cannot be routed.`);
  let raw: unknown;
  try {
    raw = JSON.parse(item.IntakeJson);
  } catch {
    throw new Error(`AI Requests item ${item.Id}: the answers (IntakeJson) are not valid JSON; was the column edited by hand?`);
  }
  const parsed = intakeRequestShapeSchema.safeParse(raw);
  if (!parsed.success) {
    const problems = parsed.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`).join('; ');
    throw new Error(`AI Requests item ${item.Id}: the answers (IntakeJson) are not a valid request: ${problems}.`);
  }
  return parsed.data;
}

export function routeFromItem(item: Pick<RequestItem, 'RouteJson'>): Route | undefined {
  return item.RouteJson ? (JSON.parse(item.RouteJson) as Route) : undefined;
}

export const RISK_LABELS = { low: 'Low', medium: 'Medium', high: 'High' } as const;

/** Where people read a request; messages link here instead of carrying its details. */
export const requestPageUrl = (publicBaseUrl: string, requestId: number): string => `${publicBaseUrl}/api/requests/${requestId}/page`;

/** The requester's reply page for "more information needed" (the link in that email). */
export const requestReplyUrl = (publicBaseUrl: string, requestId: number): string => `${publicBaseUrl}/api/requests/${requestId}/reply`;
