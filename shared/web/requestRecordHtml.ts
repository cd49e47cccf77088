import type { DecisionRecord, RequestFactsSection, RequestRecord } from '../contract/requestRecord';
import { formatUkDateTime } from '../ukDateTime';
import { escapeHtml as e } from './page';

/**
 * The request record (shared/contract/requestRecord.ts) as HTML, the same on the decision page,
 * the request page and the evidence pack. `level` is the heading level of each part's title.
 */
type Level = 2 | 3 | 4;

export function factSectionsHtml(sections: readonly RequestFactsSection[], level: Level): string {
  if (sections.length === 0) return '<p>The answers to the request form are not on record (the request was not made through the form).</p>';
  return sections
    .map((s) => {
      const body =
        s.kind === 'questions'
          ? `<ol>${s.facts.map((f) => `<li>${e(f.label)} <strong>${e(f.value)}</strong></li>`).join('')}</ol>`
          : `<dl class="facts">${s.facts.map((f) => `<dt>${e(f.label)}</dt><dd>${e(f.value)}</dd>`).join('')}</dl>`;
      return `<section aria-labelledby="facts-${s.id}"><h${level} id="facts-${s.id}">${e(s.title)}</h${level}>${body}</section>`;
    })
    .join('\n');
}

function checklistHtml(d: DecisionRecord): string {
  if (d.checklist.length === 0) return '';
  const items = d.checklist.map((c) => `<li>${e(c.text)} <strong>${c.confirmed ? 'Confirmed' : `Not confirmed: ${e(c.reasonIfNot ?? 'no reason given')}`}</strong></li>`);
  return `<p>Checklist:</p><ul>${items.join('')}</ul>`;
}

function decisionHtml(d: DecisionRecord, level: Level): string {
  const heading = `${d.stepName}${d.attempt > 1 ? ` (asked again, time ${d.attempt})` : ''}: ${d.role}`;
  const state = d.outcome
    ? `<p><strong>${e(d.outcome)}</strong> by ${e(d.decidedBy ?? d.assignee)}${d.decidedAt ? ` on ${e(formatUkDateTime(d.decidedAt))}` : ''}${d.channel ? ` (${e(d.channel)})` : ''}</p>`
    : `<p><strong>${d.status === 'Cancelled' ? 'Closed without a decision' : 'Still to decide'}</strong>: ${e(d.assignee)}</p>`;
  const comments = d.comments ? `<p>Comments: ${e(d.comments)}</p>` : '';
  return `<article class="decision"><h${level}>${e(heading)}</h${level}>${state}${comments}${checklistHtml(d)}</article>`;
}

export function decisionsHtml(decisions: readonly DecisionRecord[], level: Level): string {
  if (decisions.length === 0) return '<p>No step has been given to anyone yet.</p>';
  return decisions.map((d) => decisionHtml(d, level)).join('\n');
}

export function attachmentsHtml(record: Pick<RequestRecord, 'attachments'>): string {
  if (record.attachments.length === 0) return '<p>No documents are attached to this request.</p>';
  const rows = record.attachments.map(
    (a) => `<li>${a.downloadUrl ? `<a href="${e(a.downloadUrl)}">${e(a.fileName)}</a>` : e(a.fileName)}${a.kind ? ` – ${e(a.kind)}` : ''} (${e(Math.max(1, Math.round(a.sizeBytes / 1024)).toLocaleString('en-GB'))} kilobytes)${a.addedBy ? `, added by ${e(a.addedBy)}` : ''}${a.addedAt ? ` on ${e(formatUkDateTime(a.addedAt))}` : ''}<br><span class="hint hash">SHA-256 fingerprint: ${e(a.sha256)}</span></li>`,
  );
  return `<ul>${rows.join('')}</ul>`;
}

export function referencesHtml(record: Pick<RequestRecord, 'references'>): string {
  if (record.references.length === 0) return '<p>No assessment references have been recorded for this request.</p>';
  return `<dl class="facts">${record.references.map((r) => `<dt>${e(r.label)}</dt><dd>${e(r.value)}</dd>`).join('')}</dl>`;
}

/** Everything a decider reads: the answers, the documents and references, and every decision so far. */
export function requestRecordHtml(record: RequestRecord, level: Level): string {
  const h = (id: string, text: string): string => `<h${level} id="${id}">${e(text)}</h${level}>`;
  const sub = Math.min(level + 1, 4) as Level;
  return `<section aria-labelledby="record-request">${h('record-request', 'The request')}
${factSectionsHtml(record.sections, sub)}</section>
<section aria-labelledby="record-documents">${h('record-documents', 'Documents and references')}
${attachmentsHtml(record)}
${referencesHtml(record)}</section>
<section aria-labelledby="record-decisions">${h('record-decisions', 'Decisions so far')}
${decisionsHtml(record.decisions, sub)}</section>`;
}
