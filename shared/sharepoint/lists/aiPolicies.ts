import { choice, dateTime, defineList, number, person, text } from './listDefinition';

export const POLICY_STATUSES = ['Draft', 'Active', 'Under review', 'Superseded'] as const;

/** Policies under review control; the review orchestration reads NextReviewDue. */
export const aiPoliciesList = defineList('AI Policies', {
  description: 'Policies whose review dates the workflow tracks (review every 24 months by default).',
  staffAccess: { level: 'read' },
  fields: {
    Title: text('Policy', { required: true, builtIn: true }),
    // "Version" is reserved by SharePoint (item version), hence PolicyVersion.
    PolicyVersion: text('Version', { required: true }),
    PolicyOwner: text('Owner', { required: true }),
    // The owner is a role ("Chief Medical Officer"); review reminders go to the person who holds it.
    OwnerContact: person('Owner contact', { description: 'Who is reminded about reviews for the owner (the person in the role, or their office).' }),
    ApprovedOn: dateTime('Approved on', { required: true }),
    ReviewIntervalMonths: number('Review interval (months)', { required: true, defaultValue: '24' }),
    NextReviewDue: dateTime('Next review due', { required: true, indexed: true }),
    Status: choice('Status', POLICY_STATUSES, { required: true, indexed: true, defaultValue: 'Active' }),
    LastReminderSent: dateTime('Last reminder sent'),
  },
  views: [{ title: 'All Items', fields: ['LinkTitle', 'PolicyVersion', 'PolicyOwner', 'ApprovedOn', 'NextReviewDue', 'Status'], rowLimit: 30 }],
});
