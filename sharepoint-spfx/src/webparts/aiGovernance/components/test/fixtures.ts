import type { Answers } from '../requestForm/formModel';
import type { ApprovalTask, RequestDetail, Route } from '../../../../services/types';

/** A complete, valid set of answers for a procured tool with no personal data. */
export function validProcuredAnswers(): Answers {
  const answers: Answers = {
    type: 'procured',
    title: 'Meeting notes summariser',
    directorate: 'Corporate Services',
    'requester.name': 'Alex Requester',
    'requester.email': 'alex.requester@example.nhs.uk',
    'product.name': 'NoteTaker Pro',
    'product.supplier': 'Example Software Ltd',
    purpose: 'Summarise internal meeting recordings.',
    benefits: 'Two hours a week saved for each team administrator.',
    successMeasures: 'Time spent on minutes, measured after three months.',
    estimatedCost: '1200',
    'data.personal': false,
    'data.anonymised': false,
    'data.usedForTraining': false,
    'data.leavesUk': false,
    'use.clinical': false,
    'use.healthcareProvision': false,
    'use.serviceChange': false,
    'use.staffImpact': false,
    'use.automatedDecisions': false,
    'use.installNeeded': true,
    'use.supplierAssured': false,
  };
  for (let i = 0; i < 10; i++) answers[`dpiaScreening.${i}`] = false;
  return answers;
}

export const PROCURED_ROUTE: Route = {
  outcome: 'routed',
  risk: { rating: 'medium', facts: [{ code: 'supplier', sentence: 'The supplier has not yet been checked and approved.' }] },
  stages: [
    [
      { code: 'IG_NOTIFY', stage: 1, role: 'Senior Information Governance Manager', reason: 'Every request must be shared with the Senior Information Governance Manager first.', clause: 'AI Policy, section 5: Finance and Procurement' },
      { code: 'FINANCE', stage: 1, role: 'Finance and Procurement', reason: 'The tool costs money, so the purchase must follow the Procurement policy.', clause: 'AI Policy, section 5: Finance and Procurement' },
    ],
    [{ code: 'IT_INSTALL', stage: 2, role: 'IT', reason: 'Software must be installed, which needs explicit permission.', clause: 'AI Policy, section 6.1: Freely Available Artificial Intelligence Apps' }],
  ],
};

export function waitingTask(): ApprovalTask {
  return {
    id: 'task-7',
    requestId: '42',
    requestTitle: 'Meeting notes summariser',
    requestType: 'procured',
    requesterName: 'Alex Requester',
    stepCode: 'DIGITAL_BI',
    role: 'Digital and Business Intelligence',
    reason: 'Every tool other than a free generic one needs a technical check.',
    clause: 'AI Policy, section 5: Business Intelligence staff',
    checklist: [
      { id: 'config', text: 'Configuration and security checked' },
      { id: 'monitoring', text: 'Continuous monitoring arranged' },
    ],
    assignee: 'sam.approver@example.nhs.uk',
    dueAt: '2026-01-12T17:00:00Z',
    status: 'waiting',
    record: {
      sections: [
        {
          id: 'product',
          title: 'Product, supplier and cost',
          kind: 'answers',
          facts: [
            { label: 'The product name', value: 'Notes <b>Pro</b>' },
            { label: 'The supplier', value: 'Example Software Ltd' },
            { label: 'The estimated cost', value: '£12,000' },
          ],
        },
        { id: 'screening', title: 'Data Protection Impact Assessment (DPIA) screening', kind: 'questions', facts: [{ label: 'Will the tool process information that identifies a person, living or dead?', value: 'Yes' }] },
      ],
      decisions: [
        {
          stepCode: 'FINANCE',
          stepName: 'Finance and procurement review',
          role: 'Finance and Procurement',
          attempt: 1,
          status: 'Completed',
          outcome: 'Approved',
          assignee: 'pat.finance@example.nhs.uk',
          decidedBy: 'pat.finance@example.nhs.uk',
          decidedAt: '2026-01-08T10:00:00Z',
          channel: 'Email',
          comments: 'Budget agreed',
          checklist: [{ itemId: 'budget', text: 'A budget is agreed.', confirmed: false, reasonIfNot: 'Paid from the <i>pilot</i> fund' }],
        },
      ],
      attachments: [],
      references: [],
    },
  };
}

export function requestWithMarkup(): RequestDetail {
  return {
    id: '42',
    title: '<img src=x onerror="alert(1)"> Notes tool',
    type: 'procured',
    status: 'more-information',
    modifiedAt: '2026-01-06T10:00:00Z',
    steps: [],
    timeline: [
      { at: '2026-01-05T09:00:00Z', kind: 'submitted', by: 'Alex Requester' },
      { at: '2026-01-06T10:00:00Z', kind: 'more-information', stepCode: 'FINANCE', by: 'Pat Finance', comments: '<b>Which</b> budget? <script>alert(2)</script>' },
    ],
    moreInformationQuestion: 'Which budget will pay for it?',
  };
}
