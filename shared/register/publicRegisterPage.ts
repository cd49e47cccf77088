import { NOT_IN_REGISTER } from '../contract/register';
import { escapeHtml, page } from '../web/page';
import type { AtrsRecord } from '../transparency/atrsRecord';
import { recordHtml } from '../transparency/recordHtml';
import { matchesWords, type PublicRegisterEntry } from './publicRegister';

export interface PublicRegisterView {
  entry: PublicRegisterEntry;
  record?: AtrsRecord;
}

const KIND = { tool: 'Approved tool', research: 'Research initiative' } as const;

const countText = (n: number, query: string): string =>
  `${n === 1 ? '1 entry' : `${n} entries`}${query ? ` ${n === 1 ? 'matches' : 'match'} “${query}”` : ' in the register'}.`;

// Narrow screens: one column, long words wrap, so nothing scrolls sideways at 375 pixels.
const STYLE = `<style>.entry{border-top:1px solid #d8dde0;padding-top:.5rem}.entry dl{grid-template-columns:1fr}.entry dd{margin:0 0 .5rem;overflow-wrap:anywhere}
@media (min-width:40rem){.entry dl{grid-template-columns:14rem 1fr}}input[type=search]{width:100%;font:inherit;padding:.5rem;border:2px solid #4c6272;box-sizing:border-box}</style>`;

function entryHtml({ entry, record }: PublicRegisterView, hidden: boolean): string {
  const search = `${entry.name} ${entry.supplier} ${entry.purpose} ${entry.description}`.toLowerCase();
  const fact = (label: string, value: string): string => (value ? `<dt>${label}</dt><dd>${escapeHtml(value)}</dd>` : '');
  return `<article class="entry" data-search="${escapeHtml(search)}"${hidden ? ' hidden' : ''}>
<h2>${escapeHtml(entry.name)}</h2>
<dl>${fact('Kind', KIND[entry.kind])}${fact('Purpose', entry.purpose)}${entry.description !== entry.purpose ? fact('About it', entry.description) : ''}${fact('Supplier', entry.supplier)}${fact('Owner', entry.owner)}${fact('How people check its outputs', entry.humanOversight)}${fact('Kind of data used', entry.dataUsed)}${fact('Date approved', entry.approvedOn)}${fact('Approved by', entry.approvedBy)}${fact('Next review', entry.nextReview)}${fact('Contact', entry.contact)}</dl>
${record ? `<details><summary>Transparency record for ${escapeHtml(entry.name)}</summary>${recordHtml(record, 3)}<p><a href="${escapeHtml(entry.transparencyRecord)}">Download the transparency record for ${escapeHtml(entry.name)} (JSON)</a></p></details>` : ''}
</article>`;
}

/** Filters the entries as people type; without it the form's GET does the same on the server. */
const SCRIPT = `(function(){
var q=document.getElementById('q'),count=document.getElementById('count'),none=document.getElementById('not-found');
var entries=Array.prototype.slice.call(document.querySelectorAll('[data-search]')),timer;
function text(n,query){return (n===1?'1 entry':n+' entries')+(query?(n===1?' matches':' match')+' \\u201c'+query+'\\u201d':' in the register')+'.';}
function apply(){var query=q.value.trim(),words=query.toLowerCase().split(/\\s+/).filter(Boolean),n=0;
entries.forEach(function(e){var show=words.every(function(w){return e.getAttribute('data-search').indexOf(w)>=0;});e.hidden=!show;if(show)n++;});
count.textContent=text(n,query);none.hidden=n>0;}
q.addEventListener('input',function(){clearTimeout(timer);timer=setTimeout(apply,300);});
})();`;

/**
 * The public register page: every published entry, a search over name, supplier and purpose
 * (as you type with the page's script; by the form's GET without it), the number found in a
 * live region, and what to do about a tool that is not there.
 */
export function publicRegisterPage(views: PublicRegisterView[], query: string, contact: string, nonce: string): string {
  const shown = views.map((v) => ({ v, show: matchesWords(v.entry, query) }));
  const found = shown.filter((s) => s.show).length;
  const body = `${STYLE}
<h1>Register of artificial intelligence (AI) tools and research</h1>
<p>The artificial intelligence (AI) tools approved for use in the organisation, and its AI research initiatives, with what each is for, who owns it, how people check what it produces and the kind of data it uses.</p>
<p>Download the register: <a href="register.json">as JSON</a> or <a href="register.csv">as a spreadsheet (CSV)</a>.</p>
<form method="get" action="register" role="search">
<label for="q">Search by name, supplier or purpose</label>
<input type="search" id="q" name="q" value="${escapeHtml(query)}" maxlength="100" autocomplete="off">
<button type="submit" class="secondary">Search</button>
</form>
<p id="count" role="status" aria-live="polite">${escapeHtml(countText(found, query))}</p>
${shown.map(({ v, show }) => entryHtml(v, !show)).join('\n')}
<div id="not-found" class="panel"${found > 0 ? ' hidden' : ''}>
<h2>${escapeHtml(NOT_IN_REGISTER.heading)}</h2>
<p>${escapeHtml(NOT_IN_REGISTER.summary)}</p>
<ul>${NOT_IN_REGISTER.rules.map((r) => `<li>${escapeHtml(r)}</li>`).join('')}</ul>
<p>${escapeHtml(NOT_IN_REGISTER.howToAsk)} Their email address: <a href="mailto:${escapeHtml(contact)}">${escapeHtml(contact)}</a>.</p>
</div>`;
  return page('Register of AI tools and research', body, { nonce, code: SCRIPT });
}
