import * as React from 'react';
import { TextField } from '@fluentui/react/lib/TextField';
import { PrimaryButton, DefaultButton } from '@fluentui/react/lib/Button';
import type { ApprovalTask, FieldMessage, HandoverResult } from '../../../services/types';
import { ApiError } from '../../../services/HttpAiGovernanceService';
import { useService } from './ServiceContext';
import { ErrorSummary } from './ErrorSummary';
import { STEP_NAMES } from './plainText';
import { ActionForm } from './ActionForm';

const handoverFieldId = (field: string): string => `aig-handover-${field.replace(/[^A-Za-z0-9_-]/g, '-')}`;

export interface HandoverFormProps {
  task: ApprovalTask;
  /** After the step has changed hands: who holds it now. */
  onDone(result: HandoverResult): void;
  onCancel(): void;
}

/**
 * Pass an open step to a named colleague, with a reason. The back end checks again (never the
 * requester, only the holder or the AI governance lead) and sends the colleague their own link.
 */
export const HandoverForm: React.FC<HandoverFormProps> = ({ task, onDone, onCancel }) => {
  const service = useService();
  const [to, setTo] = React.useState('');
  const [reason, setReason] = React.useState('');
  const [errors, setErrors] = React.useState<FieldMessage[]>([]);
  const [failure, setFailure] = React.useState('');
  const [busy, setBusy] = React.useState(false);
  const headingRef = React.useRef<HTMLHeadingElement>(null);
  React.useEffect(() => headingRef.current?.focus(), []);

  const submit = async (): Promise<void> => {
    const problems: FieldMessage[] = [];
    if (!/^[^\s@]+@[^\s@]+\.[^\s@]+$/.test(to.trim())) problems.push({ field: 'to', message: 'Give the work email address of the colleague who should decide instead' });
    if (reason.trim() === '') problems.push({ field: 'reason', message: 'Say why you are passing the step on' });
    setErrors(problems);
    if (problems.length > 0) return;
    setBusy(true);
    setFailure('');
    try {
      onDone(await service.handOver(task.id, { to: to.trim(), reason: reason.trim() }));
    } catch (e) {
      if (e instanceof ApiError && e.fieldMessages.length > 0) setErrors(e.fieldMessages);
      else setFailure(`We could not pass the step on. ${(e as Error).message}`);
    } finally {
      setBusy(false);
    }
  };
  const errorFor = (field: string): string | undefined => errors.find((e) => e.field === field)?.message;
  const step = STEP_NAMES[task.stepCode] ?? task.stepCode;

  return (
    <ActionForm labelledBy="aig-handover-title" onSubmit={submit} style={{ marginTop: 24 }}>
      <h3 id="aig-handover-title" ref={headingRef} tabIndex={-1}>
        Pass this step to a colleague: {step}, {task.requestTitle}
      </h3>
      <p>They get their own link by email (and Teams if their role uses it), and the step leaves your list. The person who made the request cannot be chosen.</p>
      <ErrorSummary errors={errors} targetId={handoverFieldId} />
      {failure && <p role="alert">{failure}</p>}
      <TextField id={handoverFieldId('to')} label="Their work email address" type="email" autoComplete="email" required value={to} errorMessage={errorFor('to')} onChange={(_, v) => setTo(v ?? '')} />
      <TextField id={handoverFieldId('reason')} label="Why you are passing it on" multiline required value={reason} errorMessage={errorFor('reason')} onChange={(_, v) => setReason(v ?? '')} />
      <div style={{ display: 'flex', flexWrap: 'wrap', gap: 12, marginTop: 12 }}>
        <PrimaryButton type="submit" disabled={busy} text={busy ? 'Passing it on…' : 'Pass the step on'} />
        <DefaultButton type="button" text="Cancel" onClick={onCancel} />
      </div>
    </ActionForm>
  );
};
