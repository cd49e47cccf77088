import { datixIncidentReportSchema } from '../../../shared/datix/incidentReport';
import { reportProblems } from '../../../shared/datix/problems';
import { incidentReport } from './fixtures';

const problemsOf = (input: unknown) => {
  const result = datixIncidentReportSchema.safeParse(input);
  return result.success ? [] : reportProblems(result.error);
};

describe('Datix incident report', () => {
  test('a complete report is accepted', () => {
    expect(problemsOf(incidentReport())).toEqual([]);
  });

  test('an extra field such as a patient identifier is refused by name', () => {
    expect(problemsOf({ ...incidentReport(), nhsNumber: '9434765919' })).toEqual([
      { field: 'nhsNumber', message: 'remove nhsNumber: only the Datix form fields are accepted' },
    ]);
  });

  test('each missing field is named with what to give', () => {
    const { description: _d, category: _c, ...rest } = incidentReport();

    expect(problemsOf(rest)).toEqual([
      { field: 'description', message: 'give a description of what happened' },
      { field: 'category', message: expect.stringContaining('choose a category: clinical-safety') },
    ]);
  });

  test('the tool or its request must be named', () => {
    expect(problemsOf(incidentReport({ relatedTool: undefined, relatedRequestId: undefined }))).toEqual([
      { field: 'relatedTool', message: 'name the AI tool, or give the request it was approved under' },
    ]);
  });

  test('an incident cannot have happened after it was reported', () => {
    expect(problemsOf(incidentReport({ occurredAt: '2026-03-03T00:00:00Z' }))).toEqual([
      { field: 'occurredAt', message: 'the incident cannot have happened after it was reported' },
    ]);
  });
});
