import { choice, dateTime, defineList, person, personMulti, text } from './listDefinition';

export const CHANNEL_PREFERENCES = ['Email', 'Teams', 'Both'] as const;

/** Role code → who answers for it, who deputises, who is escalated to, and how to reach them. */
export const aiGovernanceRolesList = defineList('AI Governance Roles', {
  description: 'Governance roles (IG, CSO, Finance, …) and the people who hold them.',
  fields: {
    Title: text('Role', { required: true, builtIn: true }),
    RoleCode: text('Role code', { required: true, indexed: true }),
    PrimaryPerson: person('Primary person', { required: true }),
    Deputies: personMulti('Deputies'),
    EscalationContact: person('Escalation contact'),
    ChannelPreference: choice('Channel preference', CHANNEL_PREFERENCES, { required: true, defaultValue: 'Email' }),
    OutOfOfficeFrom: dateTime('Out of office from'),
    OutOfOfficeTo: dateTime('Out of office to'),
  },
  views: [{ title: 'All Items', fields: ['LinkTitle', 'RoleCode', 'PrimaryPerson', 'Deputies', 'EscalationContact', 'ChannelPreference'], rowLimit: 50 }],
});
