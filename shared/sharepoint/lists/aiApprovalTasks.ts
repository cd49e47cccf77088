import { boolean, choice, dateTime, defineList, lookup, note, number, person, personMulti, text } from './listDefinition';

export const TASK_STATUSES = ['Pending', 'Reminded', 'Escalated', 'Completed', 'Cancelled'] as const;
export const TASK_OUTCOMES = ['Approved', 'Rejected', 'More information needed', 'Not required'] as const;

/** A decision's outcome (shared/domain) as the Outcome column shows it. */
export const TASK_OUTCOME_LABEL = {
  approved: 'Approved',
  rejected: 'Rejected',
  'more-information': 'More information needed',
  'not-required': 'Not required',
} as const satisfies Record<string, (typeof TASK_OUTCOMES)[number]>;
export const CHANNELS = ['Email', 'Teams', 'Web'] as const;

/** One row per approval step an approver must answer; RequestId points at AI Requests. */
export const aiApprovalTasksList = defineList('AI Approval Tasks', {
  description: 'Approval steps assigned to governance roles for each AI request.',
  fields: {
    Title: text('Task', { required: true, builtIn: true }),
    Request: lookup('Request', 'AI Requests', { required: true, indexed: true }),
    StepCode: text('Step code', { required: true }),
    RoleCode: text('Role code', { required: true }),
    Assignee: person('Assignee', { required: true, indexed: true }),
    Delegate: person('Delegate'),
    AlsoHeldBy: personMulti('Also held by', { description: 'The other people who may decide this step: the other roles of a shared step.' }),
    HeldSince: dateTime('Held since', { description: 'When the step last changed hands (delegated, reassigned); decision links sent before then no longer work.' }),
    Status: choice('Status', TASK_STATUSES, { required: true, indexed: true, defaultValue: 'Pending' }),
    Outcome: choice('Outcome', TASK_OUTCOMES),
    Comments: note('Comments'),
    ChecklistJson: note('Checklist answers', { description: 'Each checklist item ticked, or the reason it does not apply (JSON), as the approver gave them.' }),
    ReferencesJson: note('References', { description: 'The references the approver recorded with the decision (JSON): DPIA, DTAC with its date and five areas, IRAS number, ethics committee.' }),
    DueDate: dateTime('Due'),
    RemindersSent: number('Reminders sent'),
    Escalated: boolean('Escalated'),
    RespondedBy: person('Responded by'),
    RespondedAt: dateTime('Responded at'),
    ResponseChannel: choice('Response channel', CHANNELS),
    Attempt: number('Attempt', { description: 'A step asked again after more information is a new attempt.' }),
    InstanceId: text('Orchestration instance id', { description: 'The approvalStep instance that waits for this decision.' }),
    DecisionTokenId: text('Decision link id', { description: 'Set when a decision link is used, so each link decides once.' }),
  },
  views: [
    { title: 'All Items', fields: ['LinkTitle', 'Request', 'StepCode', 'Assignee', 'Status', 'Outcome', 'DueDate'], rowLimit: 30 },
    {
      title: 'Open tasks',
      fields: ['LinkTitle', 'Request', 'StepCode', 'Assignee', 'Status', 'DueDate'],
      query: '<Where><In><FieldRef Name="Status"/><Values><Value Type="Choice">Pending</Value><Value Type="Choice">Reminded</Value><Value Type="Choice">Escalated</Value></Values></In></Where>',
      rowLimit: 30,
    },
  ],
});
