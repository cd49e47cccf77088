import type { NotificationKind, NotificationModels } from '../../../shared/notify';

/** One realistic view-model per message variant; plain English, no abbreviations, no personal data. */
const base = 'https://aigov.example.nhs.uk';
const request = {
  title: 'Ambient voice notes for outpatient clinics',
  reference: 'AIG-2026-0012',
  requestType: 'New artificial intelligence tool',
  stage: 'Information governance review',
  requestUrl: `${base}/requests/12`,
};
const step = {
  name: 'Data protection review',
  role: 'Information Governance manager',
  reason: 'The tool processes health data, so a Data Protection Impact Assessment (DPIA) must be approved before use.',
  due: '2027-01-06',
};

export interface Variant<K extends NotificationKind = NotificationKind> {
  name: string;
  kind: K;
  model: NotificationModels[K];
  /** Every link the message must carry. */
  links: string[];
  subject: RegExp;
  /** Part of the closing note, when it is not the usual "holds no personal information" one. */
  footer?: string;
}

const variant = <K extends NotificationKind>(v: Variant<K>): Variant => v;
/** The outcome email, named after its outcome: it links to the request. */
const outcome = (model: NotificationModels['outcome'], subject: RegExp): Variant =>
  variant({ name: `outcome ${model.outcome}`, kind: 'outcome', model, links: [request.requestUrl], subject });

export const decisionUrl = `${base}/api/decisions/12/ig?token=abc.def`;
export const replyUrl = `${base}/api/requests/12/reply`;
export const resubmission = {
  askedBy: 'Information Governance manager',
  question: 'Where are the recordings stored, and for how long?',
  reply: 'In the supplier’s United Kingdom data centre, for 30 days.',
  changes: [{ label: 'Whether data leaves the United Kingdom', before: 'Yes', after: 'No' }],
};
const requestRef = { title: request.title, requestType: request.requestType, requestUrl: request.requestUrl };
const route = [
  { stage: 1, steps: [{ name: 'Information governance notification', role: 'Senior Information Governance Manager' }] },
  { stage: 2, steps: [{ name: 'Data protection review', role: 'Information Governance manager' }, { name: 'Finance and procurement', role: 'Head of Procurement' }] },
];

export const variants: Variant[] = [
  variant({
    name: 'status not trusted',
    kind: 'statusNotTrusted',
    model: {
      request,
      typedStatus: 'Approved',
      statusNow: 'In review',
      reason: 'the Status says Approved, but the audit log holds no approval of this request by the workflow',
      itemUrl: `${base}/sites/aigov/Lists/AI%20Requests/DispForm.aspx?ID=12`,
    },
    links: [`${base}/sites/aigov/Lists/AI%20Requests/DispForm.aspx?ID=12`, request.requestUrl],
    subject: /^Status not trusted: “Ambient voice notes for outpatient clinics”$/,
  }),
  variant({
    name: 'step no longer needed',
    kind: 'stepNoLongerNeeded',
    model: { request, step: { name: step.name, role: step.role }, explanation: 'Caldicott Guardian: no longer needed, because whether the tool uses confidential patient information changed.' },
    links: [request.requestUrl],
    subject: /^No longer needed: Data protection review for “Ambient voice notes for outpatient clinics”$/,
  }),
  variant({
    name: 'step assigned',
    kind: 'stepAssigned',
    model: { request, step, decisionUrl },
    links: [decisionUrl, request.requestUrl],
    subject: /^Decision needed: Data protection review for “Ambient voice notes for outpatient clinics”$/,
  }),
  variant({
    name: 'step asked again after a reply',
    kind: 'stepAssigned',
    model: { request, step, decisionUrl, resubmission },
    links: [decisionUrl, request.requestUrl],
    subject: /^Decision needed again, resubmitted: Data protection review for “Ambient voice notes for outpatient clinics”$/,
    footer: 'It quotes the reviewer’s question, the requester’s reply and the answers that changed',
  }),
  variant({
    name: 'receipt when a request is sent',
    kind: 'requestReceived',
    model: { request: requestRef, reference: '12', resubmitted: false, route },
    links: [request.requestUrl],
    subject: /^Request received: “Ambient voice notes for outpatient clinics”$/,
  }),
  variant({
    name: 'receipt when a reply is sent',
    kind: 'requestReceived',
    model: { request: requestRef, reference: '12', resubmitted: true, route: route.slice(1) },
    links: [request.requestUrl],
    subject: /^Reply received: “Ambient voice notes/,
  }),
  variant({
    name: 'stage complete',
    kind: 'stageCompleted',
    model: { request: requestRef, completed: { stage: 1, steps: ['Information governance notification'] }, next: route[1], stages: 2 },
    links: [request.requestUrl],
    subject: /^Stage 1 of 2 complete: “Ambient voice notes/,
  }),
  variant({
    name: 'withdrawn, to an approver with an open step',
    kind: 'stepWithdrawn',
    model: { request: requestRef, step: { name: step.name, role: step.role } },
    links: [request.requestUrl],
    subject: /^Withdrawn, no decision needed: “Ambient voice notes/,
  }),
  variant({
    name: 'reminder before the due date',
    kind: 'reminder',
    model: { request, step, decisionUrl, overdue: false },
    links: [decisionUrl],
    subject: /^Reminder: Data protection review for “Ambient voice notes for outpatient clinics” is due by Wednesday 6 January 2027$/,
  }),
  variant({
    name: 'reminder when overdue',
    kind: 'reminder',
    model: { request, step, decisionUrl, overdue: true },
    links: [decisionUrl],
    subject: /^Overdue: Data protection review/,
  }),
  variant({
    name: 'escalation to deputy',
    kind: 'escalation',
    model: { escalatedTo: 'deputy', request, step, decisionUrl },
    links: [decisionUrl],
    subject: /^Decision needed as deputy: Data protection review/,
  }),
  variant({
    name: 'escalation to governance lead',
    kind: 'escalation',
    model: { escalatedTo: 'governanceLead', request, step },
    links: [request.requestUrl],
    subject: /^Escalated to you: Data protection review for “Ambient voice notes for outpatient clinics” is overdue$/,
  }),
  variant({
    name: 'more information needed',
    kind: 'moreInformationNeeded',
    model: { request, step: { name: step.name, role: step.role, reason: step.reason }, replyUrl, respondBy: '2027-01-13' },
    links: [replyUrl, request.requestUrl],
    subject: /^More information needed: “Ambient voice notes for outpatient clinics”$/,
  }),
  outcome({ outcome: 'approved', request, reviewDue: '2029-01-06' }, /^Approved: “Ambient voice notes/),
  outcome(
    { outcome: 'rejected', request, reasons: ['The supplier could not show where recordings are stored.', 'No clinical safety case was provided.'] },
    /^Rejected: “Ambient voice notes/,
  ),
  outcome({ outcome: 'withdrawn', request }, /^Withdrawn: “Ambient voice notes/),
  ...(['requester', 'information-governance'] as const).map((to) =>
    variant({
      name: `request made in the list form, to ${to}`,
      kind: 'listFormRequest',
      model: { to, title: request.title, itemId: 12, madeBy: 'Amara Nwosu (amara.nwosu@example.nhs.uk)', formUrl: `${base}/form`, itemUrl: `${base}/Lists/AI%20Requests/DispForm.aspx?ID=12` },
      links: [to === 'requester' ? `${base}/form` : `${base}/Lists/AI%20Requests/DispForm.aspx?ID=12`],
      subject: to === 'requester' ? /^Finish your request: “Ambient voice notes/ : /^Request made in the list form: “Ambient voice notes/,
    }),
  ),
  variant({
    name: 'weekly digest',
    kind: 'weeklyDigest',
    model: {
      weekEnding: '2026-11-27',
      dashboardUrl: `${base}/dashboard`,
      overdueSteps: [{ requestTitle: request.title, stepName: step.name, role: step.role, due: '2026-11-20', url: request.requestUrl }],
      reviewsDue: [
        { title: 'Artificial Intelligence Policy', subject: 'policy', due: '2027-01-06', url: `${base}/policies/1` },
        { title: 'Radiology triage assistant', subject: 'tool', due: '2026-12-15', url: `${base}/register/4` },
      ],
      openIncidents: [{ reference: '2026-031', category: 'Wrong output', severity: 'Moderate', reportedOn: '2026-11-24T09:30:00Z', url: `${base}/incidents/31` }],
    },
    links: [request.requestUrl, `${base}/policies/1`, `${base}/register/4`, `${base}/incidents/31`, `${base}/dashboard`],
    subject: /^Weekly governance summary: 1 overdue step, 2 reviews due, 1 open incident$/,
  }),
];
