import * as React from 'react';
import { DefaultButton, PrimaryButton } from '@fluentui/react/lib/Button';
import { TextField } from '@fluentui/react/lib/TextField';
import { MessageBar, MessageBarType } from '@fluentui/react/lib/MessageBar';
import type { RequestDetail, RequestSummary } from '../../../services/types';
import { useService } from './ServiceContext';
import { fireAndForget } from './fireAndForget';
import { RequestForm } from './requestForm/RequestForm';
import { fromDraft } from './requestForm/formModel';
import { OUTCOME_NAMES, STATUS_NAMES, STEP_NAMES, TYPE_NAMES, eventName, formatDateTime } from './plainText';

const OPEN = ['submitted', 'in-review', 'more-information'];

/** The requester's requests: where each one is, who did what and when, and what they said. */
export const MyRequests: React.FC = () => {
  const service = useService();
  const [requests, setRequests] = React.useState<RequestSummary[] | undefined>(undefined);
  const [selected, setSelected] = React.useState<RequestDetail | undefined>(undefined);
  const [failure, setFailure] = React.useState('');
  const [answer, setAnswer] = React.useState('');
  const [answerError, setAnswerError] = React.useState('');
  const [withdrawReason, setWithdrawReason] = React.useState('');
  const [confirmWithdraw, setConfirmWithdraw] = React.useState(false);
  const [status, setStatus] = React.useState('');
  const detailRef = React.useRef<HTMLHeadingElement>(null);

  const load = React.useCallback(async (): Promise<void> => {
    try {
      setRequests(await service.listMyRequests());
    } catch (e) {
      setFailure(`We could not load your requests. ${(e as Error).message}`);
    }
  }, [service]);

  React.useEffect(() => {
    fireAndForget(load());
  }, [load]);

  const open = async (id: string): Promise<void> => {
    setFailure('');
    setStatus('');
    setAnswer('');
    setAnswerError('');
    setConfirmWithdraw(false);
    try {
      setSelected(await service.getRequest(id));
      setTimeout(() => detailRef.current?.focus(), 0);
    } catch (e) {
      setFailure(`We could not open that request. ${(e as Error).message}`);
    }
  };

  const respond = async (): Promise<void> => {
    if (!selected) return;
    if (answer.trim() === '') {
      setAnswerError('Enter the information you were asked for');
      return;
    }
    try {
      await service.respondToMoreInfo(selected.id, answer.trim());
      await open(selected.id);
      await load();
      setStatus('Thank you. Your answer has been sent and the review will carry on.');
    } catch (e) {
      setFailure(`We could not send your answer. ${(e as Error).message}`);
    }
  };

  const withdraw = async (): Promise<void> => {
    if (!selected) return;
    try {
      await service.withdraw(selected.id, withdrawReason.trim());
      await open(selected.id);
      await load();
      setStatus('The request has been withdrawn. Everyone who was reviewing it will be told.');
    } catch (e) {
      setFailure(`We could not withdraw the request. ${(e as Error).message}`);
    }
  };

  return (
    <section aria-labelledby="aig-my-title">
      <h2 id="aig-my-title">My requests</h2>
      {failure && (
        <MessageBar messageBarType={MessageBarType.error} role="alert">
          {failure}
        </MessageBar>
      )}
      <div role="status" aria-live="polite">
        {status}
      </div>
      {requests === undefined && !failure && <p>Loading your requests…</p>}
      {requests !== undefined && requests.length === 0 && <p>You have no requests yet.</p>}
      {requests !== undefined && requests.length > 0 && (
        <table style={{ borderCollapse: 'collapse', width: '100%' }}>
          <caption style={{ textAlign: 'left' }}>Your requests, newest first</caption>
          <thead>
            <tr>
              <th scope="col" style={{ textAlign: 'left' }}>Title</th>
              <th scope="col" style={{ textAlign: 'left' }}>Kind</th>
              <th scope="col" style={{ textAlign: 'left' }}>Status</th>
              <th scope="col" style={{ textAlign: 'left' }}>Last change</th>
            </tr>
          </thead>
          <tbody>
            {requests.map((r) => (
              <tr key={r.id}>
                <td>
                  <DefaultButton text={r.title} ariaDescription={`Show the progress of ${r.title}`} onClick={() => fireAndForget(open(r.id))} styles={{ root: { border: 0, padding: 0, minWidth: 0 } }} />
                </td>
                <td>{TYPE_NAMES[r.type] ?? r.type}</td>
                <td>
                  {STATUS_NAMES[r.status] ?? r.status}
                  {r.currentStage ? ` (${r.currentStage})` : ''}
                </td>
                <td>{formatDateTime(r.modifiedAt)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}

      {selected && selected.status === 'draft' && (
        <div style={{ marginTop: 24 }}>
          <h3 ref={detailRef} tabIndex={-1}>
            Carry on with your draft: {selected.title}
          </h3>
          <RequestForm key={selected.id} initialAnswers={fromDraft(selected.request)} draftId={selected.id} onSubmitted={() => fireAndForget(load())} />
        </div>
      )}

      {selected && selected.status !== 'draft' && (
        <article aria-labelledby="aig-detail-title" style={{ marginTop: 24 }}>
          <h3 id="aig-detail-title" ref={detailRef} tabIndex={-1}>
            {selected.title}
          </h3>
          <p>
            Status: <strong>{STATUS_NAMES[selected.status] ?? selected.status}</strong>. Reference {selected.id}.
          </p>

          {selected.steps.length > 0 && (
            <>
              <h4>Steps</h4>
              <ul>
                {selected.steps.map((s) => (
                  <li key={s.code}>
                    <strong>{STEP_NAMES[s.code] ?? s.code}</strong>:{' '}
                    {s.outcome ? OUTCOME_NAMES[s.outcome] : s.status === 'waiting' ? `waiting${s.dueAt ? `, due ${formatDateTime(s.dueAt, false)}` : ''}` : s.status === 'not-started' ? 'not started yet' : s.status}
                    {s.respondedBy ? ` by ${s.respondedBy}` : ''}
                    {s.respondedAt ? ` on ${formatDateTime(s.respondedAt)}` : ''}
                    {s.comments ? <blockquote style={{ margin: '4px 0 8px 16px' }}>{s.comments}</blockquote> : null}
                  </li>
                ))}
              </ul>
            </>
          )}

          <h4>What has happened</h4>
          <ol data-testid="timeline">
            {selected.timeline.map((t, i) => (
              <li key={i}>
                <time dateTime={t.at}>{formatDateTime(t.at)}</time>: {eventName(t.kind)}
                {t.stepCode ? ` (${STEP_NAMES[t.stepCode] ?? t.stepCode})` : ''}
                {t.by ? `, by ${t.by}` : ''}
                {t.comments ? <blockquote style={{ margin: '4px 0 8px 16px' }}>{t.comments}</blockquote> : null}
              </li>
            ))}
          </ol>

          {selected.status === 'more-information' && (
            <div style={{ borderLeft: '4px solid #005eb8', paddingLeft: 12, margin: '16px 0' }}>
              <h4>More information needed</h4>
              {selected.moreInformationQuestion && <p>{selected.moreInformationQuestion}</p>}
              <TextField
                id="aig-more-info-answer"
                label="Your answer"
                multiline
                required
                value={answer}
                errorMessage={answerError || undefined}
                onChange={(_, v) => {
                  setAnswer(v ?? '');
                  setAnswerError('');
                }}
              />
              <PrimaryButton style={{ marginTop: 8 }} text="Send my answer" onClick={() => fireAndForget(respond())} />
            </div>
          )}

          {OPEN.indexOf(selected.status) >= 0 && (
            <div style={{ margin: '16px 0' }}>
              {!confirmWithdraw ? (
                <DefaultButton text="Withdraw this request" onClick={() => setConfirmWithdraw(true)} />
              ) : (
                <div role="group" aria-labelledby="aig-withdraw-title">
                  <h4 id="aig-withdraw-title">Withdraw this request?</h4>
                  <p>Reviews stop and everyone involved is told. You cannot undo this, but you can make a new request later.</p>
                  <TextField label="Why are you withdrawing it? (optional)" value={withdrawReason} onChange={(_, v) => setWithdrawReason(v ?? '')} />
                  <div style={{ display: 'flex', gap: 12, marginTop: 8 }}>
                    <PrimaryButton text="Yes, withdraw it" onClick={() => fireAndForget(withdraw())} />
                    <DefaultButton text="No, keep it" onClick={() => setConfirmWithdraw(false)} />
                  </div>
                </div>
              )}
            </div>
          )}
        </article>
      )}
    </section>
  );
};
