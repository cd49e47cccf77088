import * as React from 'react';
import { TextField } from '@fluentui/react/lib/TextField';
import { PrimaryButton, DefaultButton } from '@fluentui/react/lib/Button';
import type { Absence, FieldMessage } from '../../../services/types';
import { useService } from './ServiceContext';
import { fireAndForget } from './fireAndForget';
import { useLoadOnMount } from './useLoadOnMount';
import { ViewMessages } from './ViewMessages';
import { ErrorSummary } from './ErrorSummary';
import { formatDateTime } from './plainText';
import { ActionForm } from './ActionForm';

const absenceFieldId = (field: string): string => `aig-absence-${field}`;
const DATE = /^\d{4}-\d{2}-\d{2}$/;

/** The start of a day in the person's own time zone, as the API takes it (an instant with its offset). */
const startOfDay = (day: string): string => new Date(`${day}T00:00:00`).toISOString();
const dayAfter = (day: string): string => {
  const d = new Date(`${day}T00:00:00`);
  d.setDate(d.getDate() + 1);
  return d.toISOString();
};
const asSentence = (m: FieldMessage): FieldMessage => ({ ...m, message: m.message.charAt(0).toUpperCase() + m.message.slice(1) });

/** The form's own checks; the service checks again (and that the deputy is not you). */
export function validateAbsence(firstDay: string, lastDay: string, deputy: string): FieldMessage[] {
  const problems: FieldMessage[] = [];
  if (!DATE.test(firstDay) || isNaN(Date.parse(firstDay))) problems.push({ field: 'from', message: 'Give the first day you are away' });
  if (!DATE.test(lastDay) || isNaN(Date.parse(lastDay))) problems.push({ field: 'until', message: 'Give the last day you are away' });
  else if (DATE.test(firstDay) && lastDay < firstDay) problems.push({ field: 'until', message: 'The last day away cannot be before the first' });
  if (!/^[^\s@]+@[^\s@]+\.[^\s@]+$/.test(deputy.trim())) problems.push({ field: 'deputy', message: 'Give the work email address of the colleague who covers for you' });
  return problems;
}

/**
 * My absences: record one (first and last day away, the deputy who covers), see those now and to
 * come, and end one early. While I am away, steps that arrive for me go to my deputy instead.
 */
export const Absences: React.FC = () => {
  const service = useService();
  const [absences, setAbsences] = React.useState<Absence[] | undefined>(undefined);
  const [firstDay, setFirstDay] = React.useState('');
  const [lastDay, setLastDay] = React.useState('');
  const [deputy, setDeputy] = React.useState('');
  const [errors, setErrors] = React.useState<FieldMessage[]>([]);
  const [failure, setFailure] = React.useState('');
  const [status, setStatus] = React.useState('');
  const [busy, setBusy] = React.useState(false);

  const fetchList = React.useCallback(() => service.listAbsences(), [service]);
  const load = useLoadOnMount(fetchList, setAbsences, setFailure, 'your absences');

  const record = async (): Promise<void> => {
    const problems = validateAbsence(firstDay, lastDay, deputy);
    setErrors(problems);
    setStatus('');
    if (problems.length > 0) return;
    setBusy(true);
    setFailure('');
    try {
      const result = await service.recordAbsence({ from: startOfDay(firstDay), until: dayAfter(lastDay), deputy: deputy.trim() });
      if (result.outcome === 'refused') {
        setErrors(result.refused.map(asSentence));
        return;
      }
      setFirstDay('');
      setLastDay('');
      setDeputy('');
      setStatus(`Your absence is recorded. From ${formatDateTime(result.absence.from)} until ${formatDateTime(result.absence.until)}, steps that arrive for you go to ${result.absence.deputy.name}.`);
      await load();
    } catch (e) {
      setFailure(`We could not record your absence. ${(e as Error).message}`);
    } finally {
      setBusy(false);
    }
  };

  const end = async (absence: Absence): Promise<void> => {
    setFailure('');
    setStatus('');
    try {
      await service.endAbsence(absence.id);
      setStatus(
        absence.state === 'current'
          ? `Your absence has ended. Steps that arrive from now on come to you; steps already sent to ${absence.deputy.name} stay with them.`
          : `That absence is called off: steps keep coming to you in those days.`,
      );
      await load();
    } catch (e) {
      setFailure(`We could not end that absence. ${(e as Error).message}`);
    }
  };

  const errorFor = (field: string): string | undefined => errors.find((e) => e.field === field)?.message;

  return (
    <section aria-labelledby="aig-absences-title">
      <h2 id="aig-absences-title">My absences</h2>
      <p>While you are away, approval steps that arrive for you go to the colleague you name as your deputy, and the audit log records it. Steps you already hold stay with you: pass them on from the approver inbox.</p>
      <ViewMessages failure={failure} status={status} />

      <h3>Now and coming up</h3>
      {absences === undefined && !failure && <p>Loading your absences…</p>}
      {absences !== undefined && absences.length === 0 && <p>You have no absences recorded now or to come.</p>}
      {absences !== undefined && absences.length > 0 && (
        <ul style={{ listStyle: 'none', padding: 0 }}>
          {absences.map((a) => (
            <li key={a.id} style={{ borderBottom: '1px solid #edebe9', padding: '8px 0' }}>
              <strong>{a.state === 'current' ? 'Away now' : 'Coming up'}</strong>: from {formatDateTime(a.from)} until {formatDateTime(a.until)}. Covered by {a.deputy.name} ({a.deputy.email}).
              <div style={{ marginTop: 8 }}>
                <DefaultButton
                  text={a.state === 'current' ? 'End this absence now' : 'Call off this absence'}
                  ariaLabel={`${a.state === 'current' ? 'End this absence now' : 'Call off this absence'}: from ${formatDateTime(a.from, false)}, covered by ${a.deputy.name}`}
                  onClick={() => fireAndForget(end(a))}
                />
              </div>
            </li>
          ))}
        </ul>
      )}

      <ActionForm labelledBy="aig-absence-form-title" onSubmit={record} style={{ marginTop: 24 }}>
        <h3 id="aig-absence-form-title">Record an absence</h3>
        <ErrorSummary errors={errors} targetId={absenceFieldId} />
        <TextField id={absenceFieldId('from')} label="First day away" type="date" required value={firstDay} errorMessage={errorFor('from')} onChange={(_, v) => setFirstDay(v ?? '')} />
        <TextField
          id={absenceFieldId('until')}
          label="Last day away"
          type="date"
          required
          description="Steps come to you again from the start of the next day."
          styles={{ description: { fontSize: 14 } }}
          value={lastDay}
          errorMessage={errorFor('until')}
          onChange={(_, v) => setLastDay(v ?? '')}
        />
        <TextField
          id={absenceFieldId('deputy')}
          label="Your deputy's work email address"
          type="email"
          autoComplete="off"
          required
          value={deputy}
          errorMessage={errorFor('deputy')}
          onChange={(_, v) => setDeputy(v ?? '')}
        />
        <div style={{ marginTop: 12 }}>
          <PrimaryButton type="submit" disabled={busy} text={busy ? 'Recording…' : 'Record the absence'} />
        </div>
      </ActionForm>
    </section>
  );
};
