import type { EvidencePackResponse } from '../contract/evidencePack';
import { formatUkDateTime } from '../ukDateTime';
import { escapeHtml as e, page } from './page';
import { attachmentsHtml, decisionsHtml, factSectionsHtml, referencesHtml } from './requestRecordHtml';

const when = (iso: string | null): string => (iso ? formatUkDateTime(iso) : 'Not set');

function routeHtml(route: EvidencePackResponse['route']): string {
  if (!route) return '<p>The route has not been planned yet.</p>';
  const risk = `<p>Risk rating: <strong>${e(route.risk.rating)}</strong>${route.risk.reasons.length ? ', because:' : '.'}</p>${
    route.risk.reasons.length ? `<ul>${route.risk.reasons.map((r) => `<li>${e(r)}</li>`).join('')}</ul>` : ''
  }`;
  const stages = route.stages
    .map((stage, index) => {
      const steps = stage.map((s) => {
        const checklist = s.checklist.map((c) => `<li>${e(c.text)}${c.mandatory ? ' <strong>(required to approve)</strong>' : ''}</li>`).join('');
        const who = s.deciders === 'all' ? 'Each of the roles named must decide.' : 'Any one of the people named may decide.';
        return `<article><h4>${e(s.name)}: ${e(s.role)}</h4><p>${e(s.reason)} <span class="hint">(${e(s.clause)})</span></p><p>${who}</p><p>Checklist asked:</p><ul>${checklist}</ul></article>`;
      });
      return `<h3>Stage ${index + 1}</h3>${steps.join('')}`;
    })
    .join('\n');
  return `${risk}<p class="hint">Routing rules version ${e(route.rulesVersion)}.</p>${stages}`;
}

function auditHtml(audit: EvidencePackResponse['audit']): string {
  const verdict = `<div class="panel"><p><strong>${audit.chain.intact ? 'The audit log is intact.' : 'The audit log is broken.'}</strong></p><p>${e(audit.chain.explanation)}</p></div>`;
  if (audit.entries.length === 0) return `${verdict}<p>No entry has been recorded about this request yet.</p>`;
  const entries = audit.entries.map(
    (a) =>
      `<li><time datetime="${e(a.at)}">${e(formatUkDateTime(a.at))}</time>: ${e(a.what)}, by ${e(a.by)}${a.channel ? ` (${e(a.channel)})` : ''}<br><span class="hint hash">Entry ${a.sequence}, fingerprint ${e(a.hash)}</span></li>`,
  );
  return `${verdict}<ol>${entries.join('')}</ol>`;
}

/** The printable evidence pack: the same content as its JSON, in plain HTML that prints as it reads. */
export function evidencePackPage(pack: EvidencePackResponse): string {
  const r = pack.request;
  return page(
    `Evidence pack: ${r.title}`,
    `<p class="hint">AI governance request ${r.id}. Evidence pack made on ${e(formatUkDateTime(pack.generatedAt))}.</p>
<h1>Evidence pack: ${e(r.title)}</h1>
<dl class="facts">
<dt>Type of request</dt><dd>${e(r.type)}</dd>
<dt>Status</dt><dd>${e(r.status)}</dd>
<dt>Risk rating</dt><dd>${e(r.risk ?? 'Not rated yet')}</dd>
<dt>Requester</dt><dd>${e(r.requester)}</dd>
<dt>Sent</dt><dd>${e(when(r.submittedAt))}</dd>
${r.decisionSummary ? `<dt>Decision</dt><dd>${e(r.decisionSummary)}</dd>` : ''}
${r.reviewDue ? `<dt>Review due</dt><dd>${e(when(r.reviewDue))}</dd>` : ''}
</dl>
<h2>The request</h2>
${factSectionsHtml(pack.facts, 3)}
<h2>Route and the reasons for each step</h2>
${routeHtml(pack.route)}
<h2>Decisions</h2>
${decisionsHtml(pack.decisions, 3)}
<h2>Documents and references</h2>
${attachmentsHtml(pack)}
${referencesHtml(pack)}
<h2>Audit log entries</h2>
${auditHtml(pack.audit)}`,
  );
}
