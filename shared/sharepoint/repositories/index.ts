import type { SPFI } from '../pnp';
import { PnpAbsencesRepository, type AbsencesRepository } from './aiAbsences';
import { PnpApprovalTasksRepository, type ApprovalTasksRepository } from './aiApprovalTasks';
import { PnpAuditLogRepository, type AuditLogRepository } from './aiAuditLog';
import { PnpGovernanceRolesRepository, type GovernanceRolesRepository } from './aiGovernanceRoles';
import { PnpIncidentsRepository, type IncidentsRepository } from './aiIncidents';
import { PnpPoliciesRepository, type PoliciesRepository } from './aiPolicies';
import { PnpRegisterRepository, type RegisterRepository } from './aiRegister';
import { PnpAiRequestsRepository, type AiRequestsRepository } from './aiRequests';
import { PnpSentMessagesRepository, type SentMessagesRepository } from './aiSentMessages';
import { PnpRequestAttachmentsRepository, type RequestAttachmentsRepository } from './requestAttachments';
import { PnpRequestReferencesRepository, type RequestReferencesRepository } from './requestReferences';

export * from './aiAbsences';
export * from './aiApprovalTasks';
export * from './aiAuditAnchor';
export * from './aiAuditLog';
export * from './aiGovernanceRoles';
export * from './aiIncidents';
export * from './aiPolicies';
export * from './aiRegister';
export * from './aiRequests';
export * from './aiSentMessages';
export * from './requestAttachments';
export * from './requestReferences';

export interface Repositories {
  requests: AiRequestsRepository;
  approvalTasks: ApprovalTasksRepository;
  roles: GovernanceRolesRepository;
  policies: PoliciesRepository;
  incidents: IncidentsRepository;
  register: RegisterRepository;
  auditLog: AuditLogRepository;
  sentMessages: SentMessagesRepository;
  /** The files attached to AI Requests items (list item attachments). */
  requestAttachments: RequestAttachmentsRepository;
  absences: AbsencesRepository;
  references: RequestReferencesRepository;
}

/** Wires every repository to one PnPjs root (see createSp). */
export function createRepositories(sp: SPFI): Repositories {
  return {
    requests: new PnpAiRequestsRepository(sp),
    approvalTasks: new PnpApprovalTasksRepository(sp),
    roles: new PnpGovernanceRolesRepository(sp),
    policies: new PnpPoliciesRepository(sp),
    incidents: new PnpIncidentsRepository(sp),
    register: new PnpRegisterRepository(sp),
    auditLog: new PnpAuditLogRepository(sp),
    sentMessages: new PnpSentMessagesRepository(sp),
    requestAttachments: new PnpRequestAttachmentsRepository(sp),
    absences: new PnpAbsencesRepository(sp),
    references: new PnpRequestReferencesRepository(sp),
  };
}
