import * as React from 'react';
import { Checkbox } from '@fluentui/react/lib/Checkbox';
import { ChoiceGroup, type IChoiceGroupOption } from '@fluentui/react/lib/ChoiceGroup';
import { TextField } from '@fluentui/react/lib/TextField';
import { PrimaryButton, DefaultButton } from '@fluentui/react/lib/Button';
import type { ApprovalTask, DecisionOutcome, FieldMessage } from '../../../services/types';
import { ApiError } from '../../../services/HttpAiGovernanceService';
import { useService } from './ServiceContext';
import { fireAndForget } from './fireAndForget';
import { useLoadOnMount } from './useLoadOnMount';
import { ViewMessages } from './ViewMessages';
import { ErrorSummary } from './ErrorSummary';
import { RequestRecordPanel } from './RequestRecordPanel';
import { ACTION_NAMES, STEP_NAMES, TYPE_NAMES, formatDateTime } from './plainText';
import { HandoverForm } from './HandoverForm';
import { ReferenceFields, type ReferenceValues } from './ReferenceFields';
import { RejectionCheck } from './RejectionCheck';
import { ActionForm } from './ActionForm';

interface ChecklistState {
  confirmed: boolean;
  reasonIfNot: string;
}

const OUTCOME_OPTIONS: IChoiceGroupOption[] = (['approved', 'more-information', 'rejected'] as const).map((key) => ({ key, text: ACTION_NAMES[key] }));

const NOT_REQUIRED: IChoiceGroupOption = { key: 'not-required', text: ACTION_NAMES['not-required'] };

/** The back end says so per step; older answers without the flag follow the policy's one case. */
const mayRecordNotRequired = (task: ApprovalTask): boolean => task.mayRecordNotRequired ?? (task.stepCode === 'DPIA' && task.requestType === 'national');

const decisionFieldId = (field: string): string => `aig-decision-${field.replace(/[^A-Za-z0-9_-]/g, '-')}`;

/** The service words its messages to follow "There is a problem:"; the form shows each as a sentence. */
const asSentence = (m: FieldMessage): FieldMessage => ({ ...m, message: m.message.charAt(0).toUpperCase() + m.message.slice(1) });

/** What happens after each decision, true at the moment it is recorded. */
const WHAT_HAPPENS_NEXT: Record<DecisionOutcome, string> = {
  approved: 'The request moves on when every step of this stage has been decided.',
  'not-required': 'The request moves on when every step of this stage has been decided.',
  rejected: 'The request ends here; the requester is emailed your reason.',
  'more-information': 'The requester is emailed your question; when they reply, this step comes back with their reply.',
};

/** The step's references that were typed, trimmed; the service says which are missing. */
function givenReferences(task: ApprovalTask, values: ReferenceValues): ReferenceValues {
  const given: ReferenceValues = {};
  for (const field of task.references ?? []) {
    const value = values[field]?.trim();
    if (value) given[field] = value;
  }
  return given;
}

/** Rules of the decision page (design: approving needs every checklist item confirmed or a reason). */
export function validateDecision(task: ApprovalTask, outcome: DecisionOutcome | undefined, comments: string, checklist: Record<string, ChecklistState>): FieldMessage[] {
  const problems: FieldMessage[] = [];
  if (!outcome) {
    problems.push({ field: 'outcome', message: 'Choose your decision' });
    return problems;
  }
  if (outcome === 'approved') {
    for (const item of task.checklist) {
      const state = checklist[item.id];
      if (item.mandatory && !state?.confirmed) {
        problems.push({ field: `checklist.${item.id}`, message: `Confirm: ${item.text} The policy makes it a condition of approval.` });
      } else if (!state?.confirmed && (state?.reasonIfNot ?? '').trim() === '') {
        problems.push({ field: `checklist.${item.id}`, message: `Confirm, or say why it does not apply: ${item.text}` });
      }
    }
  } else if (comments.trim() === '') {
    problems.push({ field: 'comments', message: outcome === 'more-information' ? 'Say what information you need' : 'Say why, so the requester knows what to do next' });
  }
  return problems;
}

/** Tasks waiting for me (and those delegated to me), with the decision form for the one I open. */
export const ApproverInbox: React.FC = () => {
  const service = useService();
  const [tasks, setTasks] = React.useState<ApprovalTask[] | undefined>(undefined);
  const [openTask, setOpenTask] = React.useState<ApprovalTask | undefined>(undefined);
  const [passing, setPassing] = React.useState<ApprovalTask | undefined>(undefined);
  const [outcome, setOutcome] = React.useState<DecisionOutcome | undefined>(undefined);
  const [comments, setComments] = React.useState('');
  const [checklist, setChecklist] = React.useState<Record<string, ChecklistState>>({});
  const [references, setReferences] = React.useState<ReferenceValues>({});
  /** A rejection waits on this second step, which says what rejecting does. */
  const [confirmingRejection, setConfirmingRejection] = React.useState(false);
  const [errors, setErrors] = React.useState<FieldMessage[]>([]);
  const [failure, setFailure] = React.useState('');
  const [status, setStatus] = React.useState('');
  const [busy, setBusy] = React.useState(false);
  const headingRef = React.useRef<HTMLHeadingElement>(null);

  const fetchList = React.useCallback(() => service.listMyTasks(), [service]);
  const load = useLoadOnMount(fetchList, setTasks, setFailure, 'your tasks');

  const focusForm = (): void => {
    setTimeout(() => headingRef.current?.focus(), 0);
  };

  const start = (task: ApprovalTask): void => {
    setPassing(undefined);
    setOpenTask(task);
    setOutcome(undefined);
    setComments('');
    setChecklist({});
    setReferences({});
    setConfirmingRejection(false);
    setErrors([]);
    setStatus('');
    focusForm();
  };

  const decide = async (): Promise<void> => {
    if (!openTask || !outcome) return;
    setBusy(true);
    setFailure('');
    try {
      await service.decide(openTask.id, {
        outcome,
        comments: comments.trim(),
        checklist: openTask.checklist.map((item) => ({
          itemId: item.id,
          confirmed: !!checklist[item.id]?.confirmed,
          reasonIfNot: checklist[item.id]?.confirmed ? undefined : (checklist[item.id]?.reasonIfNot ?? '').trim() || undefined,
        })),
        references: givenReferences(openTask, references),
      });
      setStatus(`Your decision on "${openTask.requestTitle}" has been recorded. ${WHAT_HAPPENS_NEXT[outcome]}`);
      setOpenTask(undefined);
      await load();
    } catch (e) {
      if (e instanceof ApiError && e.fieldMessages.length > 0) {
        // The service checks again (references too); its field names point into the checklist by
        // position. Back to the form, whose error summary takes focus.
        setConfirmingRejection(false);
        setErrors(
          e.fieldMessages.map((m) => {
            const item = /^checklist\.(\d+)\./.exec(m.field);
            return asSentence(item ? { field: `checklist.${openTask.checklist[Number(item[1])]?.id ?? item[1]}`, message: m.message } : m);
          }),
        );
      } else {
        setFailure(`We could not record your decision. ${(e as Error).message}`);
      }
    } finally {
      setBusy(false);
    }
  };

  /** Checks the form; a rejection then asks once more, anything else is recorded. */
  const submit = (): void => {
    if (!openTask) return;
    const problems = validateDecision(openTask, outcome, comments, checklist);
    setErrors(problems);
    if (problems.length > 0) return;
    if (outcome === 'rejected') setConfirmingRejection(true);
    else fireAndForget(decide());
  };

  const setItem = (id: string, patch: Partial<ChecklistState>): void =>
    setChecklist((c) => ({ ...c, [id]: { ...(c[id] ?? { confirmed: false, reasonIfNot: '' }), ...patch } }));

  const errorFor = (field: string): string | undefined => errors.find((e) => e.field === field)?.message;

  return (
    <section aria-labelledby="aig-inbox-title">
      <h2 id="aig-inbox-title">Requests waiting for my decision</h2>
      <ViewMessages failure={failure} status={status} />
      {tasks === undefined && !failure && <p>Loading your tasks…</p>}
      {tasks !== undefined && tasks.length === 0 && <p>Nothing is waiting for you.</p>}
      {tasks !== undefined && tasks.length > 0 && (
        <ul style={{ listStyle: 'none', padding: 0 }}>
          {tasks.map((t) => (
            <li key={t.id} style={{ borderBottom: '1px solid #edebe9', padding: '8px 0' }}>
              <strong>{t.requestTitle}</strong>{t.requestReference ? `, ${t.requestReference}` : ''} ({TYPE_NAMES[t.requestType] ?? t.requestType}) from {t.requesterName}
              <br />
              Step: {STEP_NAMES[t.stepCode] ?? t.stepCode}. Due {formatDateTime(t.dueAt, false)}.
              {t.delegatedFrom ? ` Delegated to you by ${t.delegatedFrom}.` : ''}
              {t.heldAs === 'shared' ? ' You share this step with another role: either of you can decide.' : ''}
              <br />
              <div style={{ display: 'flex', flexWrap: 'wrap', gap: 8 }}>
                <DefaultButton text="Review and decide" ariaLabel={`Review and decide: ${t.requestTitle}, ${STEP_NAMES[t.stepCode] ?? t.stepCode}`} onClick={() => start(t)} />
                <DefaultButton
                  text="Pass to a colleague"
                  ariaLabel={`Pass to a colleague: ${t.requestTitle}, ${STEP_NAMES[t.stepCode] ?? t.stepCode}`}
                  onClick={() => {
                    setOpenTask(undefined);
                    setStatus('');
                    setPassing(t);
                  }}
                />
              </div>
            </li>
          ))}
        </ul>
      )}

      {passing && (
        <HandoverForm
          key={passing.id}
          task={passing}
          onCancel={() => setPassing(undefined)}
          onDone={(result) => {
            setStatus(`"${passing.requestTitle}" is now with ${result.holder.name} (${result.holder.email}), who has been sent their own link.`);
            setPassing(undefined);
            fireAndForget(load());
          }}
        />
      )}

      {openTask && confirmingRejection && (
        <RejectionCheck
          title={openTask.requestTitle}
          reason={comments.trim()}
          busy={busy}
          onConfirm={() => fireAndForget(decide())}
          onBack={() => {
            setConfirmingRejection(false);
            focusForm();
          }}
        />
      )}

      {openTask && !confirmingRejection && (
        <ActionForm labelledBy="aig-decide-title" onSubmit={submit} style={{ marginTop: 24 }}>
          <h3 id="aig-decide-title" ref={headingRef} tabIndex={-1}>
            {STEP_NAMES[openTask.stepCode] ?? openTask.stepCode}: {openTask.requestTitle}
          </h3>
          <p>
            Why this step is needed: {openTask.reason} <span style={{ fontSize: 14 }}>({openTask.clause})</span>
          </p>
          <RequestRecordPanel record={openTask.record} />
          <ErrorSummary errors={errors} targetId={decisionFieldId} />
          {openTask.checklist.length > 0 && (
            <fieldset style={{ border: 0, padding: 0 }}>
              <legend>
                <strong>Checklist: confirm each item, or say why it does not apply</strong>
              </legend>
              {openTask.checklist.map((item) => {
                const state = checklist[item.id];
                const error = errorFor(`checklist.${item.id}`);
                return (
                  <div key={item.id} style={{ margin: '8px 0' }}>
                    <Checkbox
                      id={decisionFieldId(`checklist.${item.id}`)}
                      label={item.text}
                      checked={!!state?.confirmed}
                      ariaDescribedBy={item.mandatory ? decisionFieldId(`checklist.${item.id}-hint`) : undefined}
                      onChange={(_, c) => setItem(item.id, { confirmed: !!c })}
                    />
                    {item.mandatory && (
                      <p id={decisionFieldId(`checklist.${item.id}-hint`)} style={{ margin: '4px 0 0 28px' }}>
                        Required to approve: the policy does not allow a reason instead.
                        {error ? <strong style={{ display: 'block', color: '#a4262c' }}>Error: {error}</strong> : null}
                      </p>
                    )}
                    {!item.mandatory && !state?.confirmed && (
                      <TextField
                        label="If not confirmed, why not?"
                        ariaLabel={`If not confirmed, why not: ${item.text}`}
                        value={state?.reasonIfNot ?? ''}
                        errorMessage={error}
                        onChange={(_, v) => setItem(item.id, { reasonIfNot: v ?? '' })}
                        styles={{ root: { marginLeft: 28 } }}
                      />
                    )}
                  </div>
                );
              })}
            </fieldset>
          )}
          <ReferenceFields
            fields={openTask.references ?? []}
            values={references}
            onChange={(field, value) => setReferences((r) => ({ ...r, [field]: value }))}
            errorFor={errorFor}
            fieldId={decisionFieldId}
          />
          <ChoiceGroup
            id={decisionFieldId('outcome')}
            label="Your decision"
            required
            selectedKey={outcome ?? ''}
            options={(mayRecordNotRequired(openTask) ? [...OUTCOME_OPTIONS, NOT_REQUIRED] : OUTCOME_OPTIONS).map((o) => ({
              ...o,
              'aria-describedby': errorFor('outcome') ? 'aig-decision-outcome-error' : undefined,
              'aria-invalid': errorFor('outcome') ? true : undefined,
            }))}
            onChange={(_, o) => setOutcome(o ? (o.key as DecisionOutcome) : undefined)}
          />
          {errorFor('outcome') && (
            <p id="aig-decision-outcome-error" style={{ color: '#a4262c', fontWeight: 600 }}>
              Error: {errorFor('outcome')}
            </p>
          )}
          <TextField
            id={decisionFieldId('comments')}
            label="Comments for the requester"
            description="Required unless you approve. The requester sees exactly what you write here."
            multiline
            value={comments}
            errorMessage={errorFor('comments')}
            onChange={(_, v) => setComments(v ?? '')}
          />
          <div style={{ display: 'flex', gap: 12, marginTop: 12 }}>
            <PrimaryButton type="submit" disabled={busy} text={busy ? 'Recording…' : 'Record my decision'} />
            <DefaultButton type="button" text="Cancel" onClick={() => setOpenTask(undefined)} />
          </div>
        </ActionForm>
      )}
    </section>
  );
};
