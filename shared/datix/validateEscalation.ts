import { DatixReportError } from './errors';
import { datixIncidentReportSchema, idempotencyKeySchema, type DatixIncidentReport } from './incidentReport';
import { reportProblems } from './problems';

/** Every adapter checks its input first, so a bad report is refused before anything is sent. */
export function validateEscalation(incident: unknown, idempotencyKey: unknown): { report: DatixIncidentReport; key: string } {
  const report = datixIncidentReportSchema.safeParse(incident);
  const key = idempotencyKeySchema.safeParse(idempotencyKey);
  const problems = [
    ...(report.success ? [] : reportProblems(report.error)),
    ...(key.success ? [] : key.error.issues.map((i) => ({ field: 'idempotencyKey', message: i.message }))),
  ];
  if (!report.success || !key.success) throw new DatixReportError(problems);
  return { report: report.data, key: key.data };
}
