import type { Resubmission } from '../notify/viewModels';
import { changesHtml } from '../web/conversationHtml';
import { escapeHtml as e } from '../web/page';

/** On the decision page of a step asked again: why it is back, the question, the reply and what changed. */
export function resubmissionHtml(r: Resubmission | undefined): string {
  if (!r) return '';
  return `<section class="panel" aria-labelledby="resubmission-title">
<h2 id="resubmission-title">Resubmitted after a question</h2>
<p>The ${e(r.askedBy)} asked the requester for more information. The requester has replied, so this step needs a decision again.</p>
<h3>The question</h3><blockquote>${e(r.question)}</blockquote>
<h3>The reply</h3><blockquote>${e(r.reply || 'No written reply: the requester changed answers only.')}</blockquote>
<h3>Answers that changed</h3>
${changesHtml(r.changes)}
</section>`;
}
