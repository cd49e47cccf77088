import * as React from 'react';
import { DefaultButton, PrimaryButton } from '@fluentui/react/lib/Button';
import { TextField } from '@fluentui/react/lib/TextField';
import type { RequestDetail, RequestSummary } from '../../../services/types';
import { useService } from './ServiceContext';
import { fireAndForget } from './fireAndForget';
import { useLoadOnMount } from './useLoadOnMount';
import { ViewMessages } from './ViewMessages';
import { RequestForm } from './requestForm/RequestForm';
import { RequestDocuments } from './RequestDocuments';
import { fromDraft, type Answers } from './requestForm/formModel';
import { STATUS_NAMES, STEP_NAMES, TYPE_NAMES, eventName, formatDateTime } from './plainText';
import { StagesAhead, stepLine } from './StagesAhead';

const OPEN = ['submitted', 'in-review', 'more-information'];

type Selected =
  | { kind: 'draft'; summary: RequestSummary; answers: Answers }
  | { kind: 'request'; detail: RequestDetail; correcting?: Answers };


const WITHDRAWAL_CHECKS = 10;
const WITHDRAWAL_CHECK_MS = 500;

/** The requester's requests: where each one is, who did what and when, and what they said. */
export const MyRequests: React.FC = () => {
  const service = useService();
  const [requests, setRequests] = React.useState<RequestSummary[] | undefined>(undefined);
  const [selected, setSelected] = React.useState<Selected | undefined>(undefined);
  const [failure, setFailure] = React.useState('');
  const [withdrawReason, setWithdrawReason] = React.useState('');
  const [confirmWithdraw, setConfirmWithdraw] = React.useState(false);
  const [status, setStatus] = React.useState('');
  const [reply, setReply] = React.useState('');
  const detailRef = React.useRef<HTMLHeadingElement>(null);

  const fetchList = React.useCallback(() => service.listMyRequests(), [service]);
  const load = useLoadOnMount(fetchList, setRequests, setFailure, 'your requests');

  /** Shows a request's detail; its row in the table takes the same status, so the two never disagree. */
  const showDetail = (detail: RequestDetail): void => {
    setSelected({ kind: 'request', detail });
    setRequests((rows) => rows?.map((r) => (r.id === detail.id ? { ...r, status: detail.status, currentStage: detail.currentStage } : r)));
  };

  const focusDetail = (): void => {
    setTimeout(() => detailRef.current?.focus(), 0);
  };

  const open = async (summary: RequestSummary): Promise<void> => {
    setFailure('');
    setStatus('');
    setConfirmWithdraw(false);
    try {
      if (summary.status === 'draft') {
        const saved = await service.getAnswers(summary.id);
        setSelected({ kind: 'draft', summary, answers: fromDraft(saved.answers ?? {}) });
      } else {
        showDetail(await service.getRequest(summary.id));
      }
      focusDetail();
    } catch (e) {
      setFailure(`We could not open that request. ${(e as Error).message}`);
    }
  };

  const correct = async (detail: RequestDetail): Promise<void> => {
    setFailure('');
    try {
      const saved = await service.getAnswers(detail.id);
      setSelected({ kind: 'request', detail, correcting: fromDraft(saved.answers ?? {}) });
    } catch (e) {
      setFailure(`We could not load your answers. ${(e as Error).message}`);
    }
  };

  const sendReply = async (detail: RequestDetail): Promise<void> => {
    setFailure('');
    if (reply.trim() === '') {
      setFailure('Write your reply to the question first.');
      return;
    }
    try {
      const result = await service.reply(detail.id, reply.trim());
      if (result.outcome === 'refused') {
        setFailure(result.refused.map((r) => r.message).join(' '));
        return;
      }
      setReply('');
      await load();
      setStatus('Your reply has been sent. The reviewers who need to look again are sent it, and we will email you about what happens next.');
      setSelected({ kind: 'request', detail: await service.getRequest(detail.id) });
    } catch (e) {
      setFailure(`We could not send your reply. ${(e as Error).message}`);
    }
  };

  const withdraw = async (detail: RequestDetail): Promise<void> => {
    try {
      await service.withdraw(detail.id, withdrawReason.trim());
      setConfirmWithdraw(false);
      // The workflow records the withdrawal a moment after accepting it: wait for it (briefly), so
      // the page never says "being reviewed" about a withdrawn request.
      let latest = await service.getRequest(detail.id);
      for (let i = 0; i < WITHDRAWAL_CHECKS && latest.status !== 'withdrawn'; i++) {
        await new Promise((resolve) => setTimeout(resolve, WITHDRAWAL_CHECK_MS));
        latest = await service.getRequest(detail.id);
      }
      await load();
      setStatus(latest.status === 'withdrawn' ? 'The request has been withdrawn. Everyone with an open step on it is told by email.' : 'The request is being withdrawn. Everyone with an open step on it is told by email.');
      showDetail(latest);
    } catch (e) {
      setFailure(`We could not withdraw the request. ${(e as Error).message}`);
    }
  };

  const renderRequest = (detail: RequestDetail, correcting: Answers | undefined): React.ReactNode => (
    <article aria-labelledby="aig-detail-title" style={{ marginTop: 24 }}>
      <h3 id="aig-detail-title" ref={detailRef} tabIndex={-1}>
        {detail.title}
      </h3>
      <p>
        Status: <strong data-testid="request-status">{STATUS_NAMES[detail.status] ?? detail.status}</strong>. {detail.reference ? ` Reference ${detail.reference}.` : ''}
        {detail.reviewDue ? ` Next review due ${formatDateTime(detail.reviewDue, false)}.` : ''}
      </p>
      {detail.decisionSummary && <p>{detail.decisionSummary}</p>}

      {detail.stages ? <StagesAhead stages={detail.stages} /> : detail.steps.length > 0 && (
        <>
          <h4>Steps</h4>
          <ul>
            {detail.steps.map((s) => (
              <li key={`${s.code}:${s.attempt ?? 1}`}>
                <strong>{s.name ?? STEP_NAMES[s.code] ?? s.code}</strong>
                {(s.attempt ?? 1) > 1 ? ` (asked again, attempt ${s.attempt})` : ''}: {stepLine(s)}
                {s.comments ? <blockquote style={{ margin: '4px 0 8px 16px' }}>{s.comments}</blockquote> : null}
              </li>
            ))}
          </ul>
        </>
      )}

      <RequestDocuments key={`documents-${detail.id}`} requestId={detail.id} />

      <h4>What has happened</h4>
      <ol data-testid="timeline">
        {detail.timeline.map((t, i) => (
          <li key={i}>
            <time dateTime={t.at}>{formatDateTime(t.at)}</time>: {t.what ?? eventName(t.kind)}
            {!t.what && t.stepCode ? ` (${STEP_NAMES[t.stepCode] ?? t.stepCode})` : ''}
            {t.by ? `, by ${t.by}` : ''}
            {t.comments ? <blockquote style={{ margin: '4px 0 8px 16px' }}>{t.comments}</blockquote> : null}
          </li>
        ))}
      </ol>

      {detail.status === 'more-information' && (
        <div style={{ borderLeft: '4px solid #005eb8', paddingLeft: 12, margin: '16px 0' }}>
          <h4>More information needed</h4>
          {detail.moreInformationQuestion && (
            <p>
              The reviewer asked: <q>{detail.moreInformationQuestion}</q>
            </p>
          )}
          <TextField
            label="Your reply"
            description="Answer the question in your own words. The reviewers are sent your reply and exactly which answers you changed."
            multiline
            required
            value={reply}
            onChange={(_, v) => setReply(v ?? '')}
          />
          {correcting ? (
            <RequestForm key={`correct-${detail.id}`} initialAnswers={correcting} resubmitFor={detail.id} reply={reply.trim()} onSubmitted={() => fireAndForget(load())} />
          ) : (
            <>
              <p>You can send the reply on its own, or change answers too: then check the route again and send the request back. Approvals that do not depend on the changed answers stand.</p>
              <div style={{ display: 'flex', gap: 12, flexWrap: 'wrap' }}>
                <PrimaryButton text="Send the reply" onClick={() => fireAndForget(sendReply(detail))} />
                <DefaultButton text="Change my answers too" onClick={() => fireAndForget(correct(detail))} />
              </div>
            </>
          )}
        </div>
      )}

      {OPEN.indexOf(detail.status) >= 0 && !correcting && (
        <div style={{ margin: '16px 0' }}>
          {!confirmWithdraw ? (
            <DefaultButton text="Withdraw this request" onClick={() => setConfirmWithdraw(true)} />
          ) : (
            <div role="group" aria-labelledby="aig-withdraw-title">
              <h4 id="aig-withdraw-title">Withdraw this request?</h4>
              <p>Reviews stop and everyone with an open step on it is told. You cannot undo this, but you can make a new request later.</p>
              <TextField label="Why are you withdrawing it? (optional)" value={withdrawReason} onChange={(_, v) => setWithdrawReason(v ?? '')} />
              <div style={{ display: 'flex', gap: 12, marginTop: 8 }}>
                <PrimaryButton text="Yes, withdraw it" onClick={() => fireAndForget(withdraw(detail))} />
                <DefaultButton text="No, keep it" onClick={() => setConfirmWithdraw(false)} />
              </div>
            </div>
          )}
        </div>
      )}
    </article>
  );

  return (
    <section aria-labelledby="aig-my-title">
      <h2 id="aig-my-title">My requests</h2>
      <ViewMessages failure={failure} status={status} />
      {requests === undefined && !failure && <p>Loading your requests…</p>}
      {requests !== undefined && requests.length === 0 && <p>You have no requests yet.</p>}
      {requests !== undefined && requests.length > 0 && (
        <table style={{ borderCollapse: 'collapse', width: '100%' }}>
          <caption style={{ textAlign: 'left' }}>Your requests, most recently changed first</caption>
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
                  <DefaultButton text={r.title} ariaDescription={`Show the progress of ${r.title}`} onClick={() => fireAndForget(open(r))} styles={{ root: { border: 0, padding: 0, minWidth: 0 } }} />
                  {r.reference ? <div>{r.reference}</div> : null}
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

      {selected?.kind === 'draft' && (
        <div style={{ marginTop: 24 }}>
          <h3 ref={detailRef} tabIndex={-1}>
            Carry on with your draft: {selected.summary.title}
          </h3>
          <RequestForm key={selected.summary.id} initialAnswers={selected.answers} draftId={selected.summary.id} onSubmitted={() => fireAndForget(load())} />
        </div>
      )}

      {selected?.kind === 'request' && renderRequest(selected.detail, selected.correcting)}
    </section>
  );
};
