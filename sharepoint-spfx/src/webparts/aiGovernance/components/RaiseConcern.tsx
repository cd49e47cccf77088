import * as React from 'react';
import { ChoiceGroup, type IChoiceGroupOption } from '@fluentui/react/lib/ChoiceGroup';
import { TextField } from '@fluentui/react/lib/TextField';
import { PrimaryButton, DefaultButton } from '@fluentui/react/lib/Button';
import { MessageBar, MessageBarType } from '@fluentui/react/lib/MessageBar';
import { CONCERN_CATEGORY_CHOICES, CONCERN_HINTS, CONCERN_MESSAGES, CONCERN_QUESTIONS, CONCERN_SEVERITY_CHOICES } from '../../../contract/generated/contract';
import type { FieldMessage, IncidentReport, IncidentReported } from '../../../services/types';
import { useService } from './ServiceContext';
import { useLoadOnMount } from './useLoadOnMount';
import { ErrorSummary } from './ErrorSummary';
import { formatDateTime } from './plainText';
import { ActionForm } from './ActionForm';

type Field = keyof typeof CONCERN_QUESTIONS;
type Values = Partial<Record<Field, string>>;
const CHOICES: Field[] = ['category', 'severity', 'patientHarm', 'personalDataBreach', 'researchRelated'];
const fieldId = (field: string): string => `aig-concern-${field.replace(/[^A-Za-z0-9_-]/g, '-')}`;
const hintOf = (field: Field): string | undefined => (CONCERN_HINTS as Partial<Record<Field, string>>)[field];

const YES_NO = [
  { key: 'yes', text: 'Yes' },
  { key: 'no', text: 'No' },
];
const options = (choices: Record<string, { label: string; hint: string }>): IChoiceGroupOption[] => Object.keys(choices).map((key) => ({ key, text: `${choices[key].label}. ${choices[key].hint}` }));

/** The choices a person must make before the report can go: named in plain English, as the plain page names them. */
function missingChoices(v: Values): FieldMessage[] {
  const problems: FieldMessage[] = [];
  for (const field of CHOICES) if (!v[field]) problems.push({ field, message: CONCERN_MESSAGES[field as keyof typeof CONCERN_MESSAGES] });
  if (!v.occurredAt || Number.isNaN(Date.parse(v.occurredAt))) problems.push({ field: 'occurredAt', message: CONCERN_MESSAGES.occurredAt });
  if (!v.relatedTool?.trim()) problems.push({ field: 'relatedTool', message: CONCERN_MESSAGES.relatedTool });
  return problems;
}

const text = (v: string | undefined): string => v ?? '';
const optionalText = (v: string | undefined): string | undefined => (v && v.trim() ? v : undefined);

function reportFrom(v: Values, reporter: { name: string; email: string }): IncidentReport {
  return {
    category: v.category as IncidentReport['category'],
    summary: text(v.summary),
    description: text(v.description),
    // The date-and-time box gives the person's local time; the API takes an instant.
    occurredAt: new Date(text(v.occurredAt)).toISOString(),
    location: text(v.location),
    directorate: optionalText(v.directorate),
    relatedTool: optionalText(v.relatedTool),
    immediateActionTaken: text(v.immediateActionTaken),
    severity: v.severity as IncidentReport['severity'],
    patientHarm: v.patientHarm === 'yes',
    personalDataBreach: v.personalDataBreach === 'yes',
    researchRelated: v.researchRelated === 'yes',
    reporter,
  };
}

/**
 * "Raise a concern": any member of staff reports an AI incident or a concern about an AI output.
 * It goes to `POST /api/incidents`, the workflow the plain page feeds too: Information Governance
 * is told, research concerns go to Datix at once, and the reporter is emailed the reference.
 */
export const RaiseConcern: React.FC = () => {
  const service = useService();
  const [values, setValues] = React.useState<Values>({});
  const [errors, setErrors] = React.useState<FieldMessage[]>([]);
  const [failure, setFailure] = React.useState('');
  const [busy, setBusy] = React.useState(false);
  const [raised, setRaised] = React.useState<IncidentReported | undefined>();
  const doneRef = React.useRef<HTMLHeadingElement>(null);
  const [tools, setTools] = React.useState<string[]>([]);
  const registerNames = React.useCallback(async () => (await service.searchRegister('')).map((e) => e.name).filter((name, i, all) => all.indexOf(name) === i), [service]);
  // Without the register the tool is typed in full: the form still works, so nothing is shown.
  useLoadOnMount(registerNames, setTools, () => setTools([]), 'the register');
  React.useEffect(() => {
    if (raised) doneRef.current?.focus();
  }, [raised]);

  const set = (field: Field) => (value: string | undefined) => setValues((v) => ({ ...v, [field]: value }));
  const errorFor = (field: Field): string | undefined => errors.find((e) => e.field === field)?.message;

  const submit = async (): Promise<void> => {
    const problems = missingChoices(values);
    if (problems.length > 0) {
      setErrors(problems);
      return;
    }
    setBusy(true);
    setFailure('');
    try {
      const result = await service.raiseConcern(reportFrom(values, await service.currentUser()));
      if (result.outcome === 'refused') setErrors(result.refused);
      else {
        setErrors([]);
        setRaised(result.raised);
      }
    } catch (e) {
      setFailure(`We could not send the report. Nothing has been sent. ${(e as Error).message}`);
    } finally {
      setBusy(false);
    }
  };

  if (raised) {
    return (
      <section aria-labelledby="aig-concern-done">
        <h2 id="aig-concern-done" ref={doneRef} tabIndex={-1} style={{ outline: 'none' }}>
          Your report has been received
        </h2>
        <MessageBar messageBarType={MessageBarType.success}>
          Its reference is <strong>{raised.reference}</strong> (incident {raised.id}). An email with the reference is on its way to you.
        </MessageBar>
        <h3>What happens next</h3>
        <ul>
          <li>
            Information Governance is told and asked to triage it by {formatDateTime(raised.triage.dueAt)}. {raised.triage.explanation}
          </li>
          <li>{raised.datix}</li>
        </ul>
        <DefaultButton
          text="Raise another concern"
          onClick={() => {
            setValues({});
            setRaised(undefined);
          }}
        />
      </section>
    );
  }

  const textField = (field: Field, extra: { multiline?: boolean; type?: string; list?: string; description?: string } = {}) => (
    <TextField
      id={fieldId(field)}
      label={CONCERN_QUESTIONS[field]}
      description={extra.description ?? hintOf(field)}
      multiline={extra.multiline}
      rows={extra.multiline ? 5 : undefined}
      type={extra.type}
      list={extra.list}
      autoComplete={extra.list ? 'off' : undefined}
      value={text(values[field])}
      errorMessage={errorFor(field)}
      onChange={(_, v) => set(field)(v)}
    />
  );
  const choiceGroup = (field: Field, choices: IChoiceGroupOption[]) => (
    <div style={{ margin: '16px 0' }}>
      <ChoiceGroup
        id={fieldId(field)}
        label={CONCERN_QUESTIONS[field]}
        required
        selectedKey={values[field] ?? ''}
        options={choices.map((o) => ({ ...o, 'aria-invalid': errorFor(field) ? true : undefined }))}
        onChange={(_, o) => set(field)(o ? String(o.key) : undefined)}
      />
      {hintOf(field) && <p style={{ margin: '4px 0', color: '#4c6272' }}>{hintOf(field)}</p>}
      {errorFor(field) && (
        <p role="alert" style={{ margin: '4px 0', color: '#a4262c', fontWeight: 600 }}>
          {errorFor(field)}
        </p>
      )}
    </div>
  );

  return (
    <ActionForm labelledBy="aig-concern-title" onSubmit={submit}>
      <h2 id="aig-concern-title">Raise a concern about artificial intelligence (AI)</h2>
      <p>
        Report an AI incident, or a concern about something an AI tool produced. It goes to Information Governance, who decide whether it must be reported to Datix, the
        organisation’s incident reporting system. The report is sent in your name, and you get an email with its reference.
      </p>
      <ErrorSummary errors={errors} targetId={fieldId} />
      {failure && <MessageBar messageBarType={MessageBarType.error}>{failure}</MessageBar>}
      {choiceGroup('category', options(CONCERN_CATEGORY_CHOICES))}
      {textField('summary')}
      {textField('description', { multiline: true })}
      {textField('occurredAt', { type: 'datetime-local', description: 'Local time, as your clock shows it. Your best estimate is fine.' })}
      {textField('location')}
      {textField('directorate')}
      {textField('relatedTool', { list: 'aig-concern-tools' })}
      <datalist id="aig-concern-tools">
        {tools.map((name) => (
          <option key={name} value={name} />
        ))}
      </datalist>
      {textField('immediateActionTaken', { multiline: true })}
      {choiceGroup('severity', options(CONCERN_SEVERITY_CHOICES))}
      {choiceGroup('patientHarm', YES_NO)}
      {choiceGroup('personalDataBreach', YES_NO)}
      {choiceGroup('researchRelated', YES_NO)}
      <PrimaryButton type="submit" text={busy ? 'Sending…' : 'Send the report'} disabled={busy} style={{ marginTop: 16 }} />
    </ActionForm>
  );
};
