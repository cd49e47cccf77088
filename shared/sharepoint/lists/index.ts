import { aiAbsencesList } from './aiAbsences';
import { aiApprovalTasksList } from './aiApprovalTasks';
import { aiAuditAnchorList } from './aiAuditAnchor';
import { aiAuditLogList } from './aiAuditLog';
import { aiGovernanceRolesList } from './aiGovernanceRoles';
import { aiIncidentsList } from './aiIncidents';
import { aiPoliciesList } from './aiPolicies';
import { aiRegisterList } from './aiRegister';
import { aiRequestsList } from './aiRequests';
import { aiSentMessagesList } from './aiSentMessages';
import { aiWorkflowStateList } from './aiWorkflowState';
import type { ListDefinition } from './listDefinition';

export * from './listDefinition';
export { aiAbsencesList, aiApprovalTasksList, aiAuditAnchorList, aiAuditLogList, aiGovernanceRolesList, aiIncidentsList, aiPoliciesList, aiRegisterList, aiRequestsList, aiSentMessagesList, aiWorkflowStateList };

/** Provisioning order matters: lookup targets (AI Requests) come before the lists that point at them. */
export const allLists: readonly ListDefinition[] = [
  aiRequestsList,
  aiApprovalTasksList,
  aiGovernanceRolesList,
  aiPoliciesList,
  aiIncidentsList,
  aiRegisterList,
  aiAuditLogList,
  aiAuditAnchorList,
  aiSentMessagesList,
  aiWorkflowStateList,
  aiAbsencesList,
];

export function findListDefinition(title: string): ListDefinition | undefined {
  return allLists.find((l) => l.title.toLowerCase() === title.toLowerCase());
}
