import * as React from 'react';
import type { RequestRecord } from '../../../services/types';
import { formatDateTime } from './plainText';

type Decision = RequestRecord['decisions'][number];

const factsStyle: React.CSSProperties = { margin: '0 0 8px' };
const hashStyle: React.CSSProperties = { overflowWrap: 'anywhere', color: '#605e5c' };

/** Label and answer pairs, each label above its answer so long labels fit a narrow screen. */
function FactList({ facts }: { facts: readonly { label: string; value: string }[] }): React.ReactElement {
  return (
    <dl>
      {facts.map((f) => (
        <React.Fragment key={f.label}>
          <dt style={{ fontWeight: 600 }}>{f.label}</dt>
          <dd style={factsStyle}>{f.value}</dd>
        </React.Fragment>
      ))}
    </dl>
  );
}

function DecisionItem({ d }: { d: Decision }): React.ReactElement {
  return (
    <li style={{ marginBottom: 12 }}>
      <strong>
        {d.stepName}
        {d.attempt > 1 ? ` (asked again, time ${d.attempt})` : ''}: {d.role}
      </strong>
      <br />
      {d.outcome
        ? `${d.outcome} by ${d.decidedBy ?? d.assignee}${d.decidedAt ? ` on ${formatDateTime(d.decidedAt)}` : ''}${d.channel ? ` (${d.channel})` : ''}`
        : `${d.status === 'Cancelled' ? 'Closed without a decision' : 'Still to decide'}: ${d.assignee}`}
      {d.comments && (
        <>
          <br />
          Comments: {d.comments}
        </>
      )}
      {d.checklist.length > 0 && (
        <ul>
          {d.checklist.map((c) => (
            <li key={c.itemId}>
              {c.text} <strong>{c.confirmed ? 'Confirmed' : `Not confirmed: ${c.reasonIfNot ?? 'no reason given'}`}</strong>
            </li>
          ))}
        </ul>
      )}
    </li>
  );
}

/**
 * The whole request in front of the approver before they decide, built by the API for this step's
 * role (its facts first): the same record the emailed decision page and the request page show.
 */
export const RequestRecordPanel: React.FC<{ record: RequestRecord }> = ({ record }) => (
  <div data-testid="request-record" style={{ overflowWrap: 'anywhere' }}>
    <h4 id="aig-record-request">The request</h4>
    {record.sections.length === 0 && <p>The answers to the request form are not on record.</p>}
    {record.sections.map((s) => (
      <section key={s.id} aria-labelledby={`aig-facts-${s.id}`}>
        <h5 id={`aig-facts-${s.id}`}>{s.title}</h5>
        {s.kind === 'questions' ? (
          <ol>
            {s.facts.map((f) => (
              <li key={f.label}>
                {f.label} <strong>{f.value}</strong>
              </li>
            ))}
          </ol>
        ) : (
          <FactList facts={s.facts} />
        )}
      </section>
    ))}
    <section aria-labelledby="aig-record-documents">
      <h4 id="aig-record-documents">Documents and references</h4>
      {record.attachments.length === 0 ? (
        <p>No documents are attached to this request.</p>
      ) : (
        <ul>
          {record.attachments.map((a) => (
            <li key={a.sha256 + a.fileName}>
              {a.fileName} ({Math.max(1, Math.round(a.sizeBytes / 1024)).toLocaleString('en-GB')} kilobytes){a.addedBy ? `, added by ${a.addedBy}` : ''}
              <br />
              <span style={hashStyle}>SHA-256 fingerprint: {a.sha256}</span>
            </li>
          ))}
        </ul>
      )}
      {record.references.length === 0 ? (
        <p>No assessment references have been recorded for this request.</p>
      ) : (
        <FactList facts={record.references} />
      )}
    </section>
    <section aria-labelledby="aig-record-decisions">
      <h4 id="aig-record-decisions">Decisions so far</h4>
      {record.decisions.length === 0 ? (
        <p>No step has been given to anyone yet.</p>
      ) : (
        <ul style={{ paddingLeft: 20 }}>
          {record.decisions.map((d, i) => (
            <DecisionItem key={`${d.stepCode}-${d.role}-${d.attempt}-${i}`} d={d} />
          ))}
        </ul>
      )}
    </section>
  </div>
);
