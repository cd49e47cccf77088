import { defineList, note, text } from './listDefinition';

/**
 * Small pieces of state the app keeps between runs, shared by every instance (Flex Consumption
 * has no shared disk): for example where the webhook receiver is in the AI Requests change log.
 */
export const aiWorkflowStateList = defineList('AI Workflow State', {
  description: 'State the AI governance workflow keeps between runs (change tokens). Not for people to edit.',
  fields: {
    Title: text('Name', { required: true, builtIn: true }),
    StateKey: text('State key', { required: true, indexed: true }),
    StateValue: note('Value (JSON)'),
  },
  views: [{ title: 'All Items', fields: ['LinkTitle', 'StateKey', 'Modified'], rowLimit: 30 }],
});
