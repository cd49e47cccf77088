import { dateTime, defineList, note, person, text } from './listDefinition';

/**
 * A person's recorded absence: while they are away, steps that arrive for them go to the deputy
 * they named. One row per absence; the person's rows are found by the indexed Person column.
 */
export const aiAbsencesList = defineList('AI Absences', {
  description: 'Absences recorded by approvers: while they are away, new approval steps go to the deputy they named.',
  fields: {
    Title: text('Absence', { required: true, builtIn: true }),
    Person: person('Person away', { required: true, indexed: true }),
    AwayFrom: dateTime('Away from', { required: true }),
    // Indexed: a new step reads the absences still running, one query beside its other reads.
    AwayUntil: dateTime('Away until', { required: true, indexed: true }),
    Deputy: person('Deputy', { required: true }),
    Note: note('Note', { description: 'Anything the deputy should know, in the person’s own words.' }),
  },
  views: [{ title: 'All Items', fields: ['LinkTitle', 'Person', 'AwayFrom', 'AwayUntil', 'Deputy'], rowLimit: 50 }],
});
