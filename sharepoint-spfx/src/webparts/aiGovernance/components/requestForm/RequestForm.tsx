import * as React from 'react';
import { Checkbox } from '@fluentui/react/lib/Checkbox';
import { ChoiceGroup, type IChoiceGroupOption, type IChoiceGroupProps } from '@fluentui/react/lib/ChoiceGroup';
import { TextField } from '@fluentui/react/lib/TextField';
import { DefaultButton, PrimaryButton } from '@fluentui/react/lib/Button';
import { MessageBar, MessageBarType } from '@fluentui/react/lib/MessageBar';
import type { FieldMessage, PlanResult } from '../../../../services/types';
import { useService } from '../ServiceContext';
import { fireAndForget } from '../fireAndForget';
import { ErrorSummary } from '../ErrorSummary';
import { RoutePreview } from '../RoutePreview';
import { formatDateTime } from '../plainText';
import {
  type Answer,
  type Answers,
  type Question,
  REQUEST_TYPE_OPTIONS,
  SECTIONS,
  applicableQuestions,
  fieldDomId,
  questionByPath,
  toDraft,
  toIntakeRequest,
  validate,
} from './formModel';
import { ActionForm } from '../ActionForm';

export interface RequestFormProps {
  /** Answers from a saved draft, or of a request sent back for more information. */
  initialAnswers?: Answers;
  draftId?: string;
  /** Set when correcting a request sent back for more information: sending resubmits it. */
  resubmitFor?: string;
  /** The requester's reply to the question, sent with the corrected answers. */
  reply?: string;
  onSubmitted?: (id: string) => void;
}

const YES_NO: IChoiceGroupOption[] = [
  { key: 'yes', text: 'Yes' },
  { key: 'no', text: 'No' },
];

const errorStyle: React.CSSProperties = { color: '#a4262c', fontWeight: 600, margin: '4px 0' };
const helpStyle: React.CSSProperties = { margin: '2px 0 6px', color: '#605e5c' };

/** A question's hint and its error, each with the id the control's aria-describedby names. */
function FieldNotes(props: { help?: string; helpId?: string; error?: string; errorId: string }): React.ReactElement {
  return (
    <>
      {props.help && <p id={props.helpId} style={helpStyle}>{props.help}</p>}
      {props.error && <p id={props.errorId} style={errorStyle}>Error: {props.error}</p>}
    </>
  );
}

function fieldName(field: string): string {
  return questionByPath(field)?.name ?? field;
}

export const RequestForm: React.FC<RequestFormProps> = ({ initialAnswers, draftId: initialDraftId, resubmitFor, reply, onSubmitted }) => {
  const service = useService();
  const [answers, setAnswers] = React.useState<Answers>(initialAnswers ?? {});
  const [errors, setErrors] = React.useState<FieldMessage[]>([]);
  const [route, setRoute] = React.useState<PlanResult | undefined>(undefined);
  const [busy, setBusy] = React.useState<'route' | 'submit' | 'draft' | undefined>(undefined);
  const [draftId, setDraftId] = React.useState<string | undefined>(initialDraftId);
  const [status, setStatus] = React.useState<string>('');
  const [failure, setFailure] = React.useState<string>('');
  const [submittedId, setSubmittedId] = React.useState<string | undefined>(undefined);
  const [submittedReference, setSubmittedReference] = React.useState<string | undefined>(undefined);
  const routeRef = React.useRef<HTMLDivElement>(null);

  // Who is asking comes from sign-in; the person can still correct it.
  React.useEffect(() => {
    let live = true;
    service
      .currentUser()
      .then((me) => {
        if (!live) return;
        setAnswers((a) => ({ ...a, 'requester.name': a['requester.name'] ?? me.name, 'requester.email': a['requester.email'] ?? me.email }));
      })
      .catch(() => undefined);
    return () => {
      live = false;
    };
  }, [service]);

  const errorFor = (path: string): string | undefined => errors.find((e) => e.field === path)?.message;

  const change = (path: string, value: Answer): void => {
    const next = { ...answers, [path]: value };
    setAnswers(next);
    // Keep showing only the problems that are still there, so fixing a field clears its message.
    if (errors.length > 0) {
      const still = validate(next);
      setErrors(errors.filter((s) => still.some((n) => n.field === s.field)));
    }
    setRoute(undefined); // the planned route no longer matches the answers
    setStatus('');
  };

  const checkAnswers = (): boolean => {
    const problems = validate(answers);
    setErrors(problems);
    return problems.length === 0;
  };

  const checkRoute = async (): Promise<void> => {
    setFailure('');
    if (!checkAnswers()) return;
    setBusy('route');
    try {
      const result = await service.planRoute(toIntakeRequest(answers));
      setRoute(result);
      setTimeout(() => routeRef.current?.focus(), 0);
    } catch (e) {
      setFailure(`We could not check the route. ${(e as Error).message}`);
    } finally {
      setBusy(undefined);
    }
  };

  const submit = async (): Promise<void> => {
    setFailure('');
    if (!checkAnswers()) return;
    setBusy('submit');
    try {
      const request = toIntakeRequest(answers);
      const result = !resubmitFor ? await service.submitRequest(request) : reply !== undefined ? await service.reply(resubmitFor, reply, request) : await service.resubmit(resubmitFor, request);
      if (result.outcome === 'refused') {
        setErrors(result.refused.map((r) => ({ field: r.field, message: `${fieldName(r.field)}: ${r.message}` })));
        setRoute(undefined);
        return;
      }
      // The draft has become the request; a draft left behind would only confuse "My requests".
      if (draftId) await service.deleteDraft(draftId).catch(() => undefined);
      setSubmittedReference(result.reference);
      setSubmittedId(result.id);
      onSubmitted?.(result.id);
    } catch (e) {
      setFailure(`We could not send your request. Your answers are still here. ${(e as Error).message}`);
    } finally {
      setBusy(undefined);
    }
  };

  const saveDraft = async (): Promise<void> => {
    setFailure('');
    // Every saved request is filed under its kind, so that one question must be answered first.
    if (answers.type === undefined) {
      setErrors([{ field: 'type', message: 'Choose what kind of request this is before saving a draft' }]);
      return;
    }
    setBusy('draft');
    try {
      const saved = await service.saveDraft(toDraft(answers), draftId);
      setDraftId(saved.id);
      setStatus(`Draft saved ${formatDateTime(saved.savedAt)}. You can come back to it from "My requests".`);
    } catch (e) {
      setFailure(`We could not save your draft. ${(e as Error).message}`);
    } finally {
      setBusy(undefined);
    }
  };

  if (submittedId !== undefined) {
    return (
      <section aria-labelledby="aig-sent-title">
        <h2 id="aig-sent-title" tabIndex={-1}>
          {resubmitFor ? 'Updated request sent' : 'Request sent'}
        </h2>
        <p>
          {submittedReference ? (
            <>
              Your reference is <strong>{submittedReference}</strong>.{' '}
            </>
          ) : null}
          We will email you a receipt with its route, when each stage is complete, if a reviewer needs more information, and with the outcome. You can follow it under
          &quot;My requests&quot;.
        </p>
      </section>
    );
  }

  const shown = applicableQuestions(answers);

  const renderQuestion = (q: Question): React.ReactNode => {
    const id = fieldDomId(q.path);
    const error = errorFor(q.path);
    const value = answers[q.path];
    const helpId = `${id}-help`;
    const errorId = `${id}-error`;
    const describedBy = [q.help ? helpId : '', error ? errorId : ''].filter(Boolean).join(' ') || undefined;
    // Fluent's ChoiceGroup does not pass aria-describedby to its radio group, so each radio button
    // carries the help and the error itself.
    const describe: Partial<IChoiceGroupOption> = { 'aria-describedby': describedBy, 'aria-invalid': error ? true : undefined };
    const radios = (selectedKey: string, options: IChoiceGroupOption[], pick: (key: string | undefined) => void, styles?: IChoiceGroupProps['styles']): React.ReactNode => (
      <div key={q.path} style={{ marginBottom: 16 }}>
        <ChoiceGroup
          id={id}
          label={q.label}
          required
          selectedKey={selectedKey}
          options={options.map((o) => ({ ...o, ...describe }))}
          styles={styles}
          onChange={(_, o) => pick(o ? String(o.key) : undefined)}
        />
        <FieldNotes help={q.help} helpId={helpId} error={error} errorId={errorId} />
      </div>
    );
    switch (q.kind) {
      case 'requestType':
        return radios(
          typeof value === 'string' ? value : '',
          REQUEST_TYPE_OPTIONS.map((o) => ({ key: o.key, text: `${o.text}. ${o.help}` })),
          (key) => change(q.path, key),
        );
      case 'yesNo':
        return radios(value === true ? 'yes' : value === false ? 'no' : '', YES_NO, (key) => change(q.path, key === undefined ? undefined : key === 'yes'), {
          flexContainer: { display: 'flex', gap: 24 },
        });
      case 'promise':
        return (
          <div key={q.path} style={{ marginBottom: 12 }}>
            <Checkbox
              id={id}
              label={q.label}
              required
              ariaDescribedBy={error ? errorId : undefined}
              checked={value === true}
              onChange={(_, checked) => change(q.path, !!checked)}
            />
            <FieldNotes error={error} errorId={errorId} />
          </div>
        );
      default:
        return (
          <div key={q.path} style={{ marginBottom: 12 }}>
            <TextField
              id={id}
              label={q.label}
              required={!q.optional}
              description={q.help}
              multiline={q.kind === 'multiline'}
              autoAdjustHeight={q.kind === 'multiline'}
              type={q.kind === 'email' ? 'email' : 'text'}
              inputMode={q.kind === 'money' ? 'decimal' : q.kind === 'count' ? 'numeric' : undefined}
              prefix={q.kind === 'money' ? '£' : undefined}
              autoComplete={q.path === 'requester.name' ? 'name' : q.path === 'requester.email' ? 'email' : 'off'}
              value={typeof value === 'string' ? value : ''}
              errorMessage={error}
              onChange={(_, v) => change(q.path, v ?? '')}
            />
          </div>
        );
    }
  };

  return (
    <ActionForm labelledBy="aig-form-title" onSubmit={checkRoute}>
      <h2 id="aig-form-title">Ask to use an artificial intelligence tool</h2>
      <p>
        Answer the questions below. More questions appear when they apply to your answers. You can save a draft and
        come back later. Before you send it, you will see who needs to look at your request and why.
      </p>
      <ErrorSummary errors={errors} targetId={fieldDomId} />
      {SECTIONS.map((section) => {
        const questions = shown.filter((q) => q.section === section.id);
        if (questions.length === 0) return null;
        return (
          <fieldset key={section.id} style={{ border: 0, padding: 0, margin: '24px 0' }}>
            <legend>
              <h3 style={{ margin: '0 0 4px' }}>{section.title}</h3>
            </legend>
            <p style={helpStyle}>{section.intro}</p>
            {questions.map(renderQuestion)}
          </fieldset>
        );
      })}

      {failure && (
        <MessageBar messageBarType={MessageBarType.error} role="alert">
          {failure}
        </MessageBar>
      )}
      <div role="status" aria-live="polite" style={{ minHeight: 20 }}>
        {status}
      </div>

      <div style={{ display: 'flex', gap: 12, flexWrap: 'wrap', margin: '16px 0' }}>
        <PrimaryButton type="submit" disabled={busy !== undefined} text={busy === 'route' ? 'Checking the route…' : 'Check the route'} />
        {!resubmitFor && (
          <DefaultButton type="button" disabled={busy !== undefined} text={busy === 'draft' ? 'Saving…' : 'Save as draft'} onClick={() => fireAndForget(saveDraft())} />
        )}
      </div>

      {route && (
        <div ref={routeRef} tabIndex={-1} style={{ outline: 'none', borderTop: '1px solid #c8c6c4', paddingTop: 8 }}>
          <RoutePreview result={route} fieldName={fieldName} />
          {route.outcome === 'routed' && (
            <PrimaryButton
              type="button"
              disabled={busy !== undefined}
              text={busy === 'submit' ? 'Sending…' : resubmitFor ? 'Send the updated request' : 'Send the request'}
              onClick={() => fireAndForget(submit())}
            />
          )}
        </div>
      )}
    </ActionForm>
  );
};
