import { devPage, escapeHtml as e } from '../server/devPage';
import type { WorkbenchPerson } from './people';

export const VIEWS = [
  { key: 'requestForm', label: 'Request form' },
  { key: 'myRequests', label: 'My requests' },
  { key: 'approverInbox', label: 'Approver inbox' },
  { key: 'absences', label: 'My absences' },
  { key: 'dashboard', label: 'Governance dashboard' },
  { key: 'register', label: 'Register' },
  { key: 'raiseConcern', label: 'Raise a concern' },
] as const;
export type ViewKey = (typeof VIEWS)[number]['key'];

export const isView = (v: string | null | undefined): v is ViewKey => VIEWS.some((x) => x.key === v);

export interface WorkbenchPageInput {
  view: ViewKey;
  people: WorkbenchPerson[];
  signedIn?: WorkbenchPerson | { email: string; name: string };
  bundleBuilt: boolean;
}

const STYLE = `
.signin{display:flex;flex-wrap:wrap;gap:.5rem 1rem;align-items:center;padding:.75rem 1rem;background:#f0f4f5;border-left:4px solid #005eb8;margin:1rem 0}
.signin label{font-weight:bold}
.signin select,.signin button{font:inherit;padding:.3rem .5rem;max-width:100%}
.signin button{background:#005eb8;color:#fff;border:2px solid #005eb8;border-radius:2px;cursor:pointer}
select:focus{outline:4px solid #ffeb3b;box-shadow:0 4px 0 #212b32}
.views{display:flex;flex-wrap:wrap;gap:.25rem 1.5rem;list-style:none;padding:0;margin:0 0 1.5rem;border-bottom:1px solid #d8dde0}
.views a{display:inline-block;padding:.5rem 0}
.views a[aria-current=page]{font-weight:bold;color:#212b32;border-bottom:4px solid #005eb8}
`;

function option(p: WorkbenchPerson, selected: string | undefined): string {
  return `<option value="${e(p.email)}"${p.email === selected ? ' selected' : ''}>${e(p.name)}, ${e(p.roles.join(' and '))}</option>`;
}

/**
 * `/workbench`: "sign in as", the seven views, and the web part's components mounted by the bundle.
 * Fluent UI fetches the Segoe UI web font from Microsoft's content network unless told otherwise;
 * an empty font address keeps the workbench on this computer (the page's own fonts are used).
 */
export function workbenchPage({ view, people, signedIn, bundleBuilt }: WorkbenchPageInput): string {
  const groups = (['Requester', 'Approvers', 'Governance lead'] as const)
    .map((g) => `<optgroup label="${g}">${people.filter((p) => p.group === g).map((p) => option(p, signedIn?.email)).join('')}</optgroup>`)
    .join('\n');
  const nav = VIEWS.map(
    (v) => `<li><a href="/workbench?view=${v.key}"${v.key === view ? ' aria-current="page"' : ''}>${e(v.label)}</a></li>`,
  ).join('');
  const current = VIEWS.find((v) => v.key === view)!;
  let content: string;
  if (!bundleBuilt) {
    content = `<p><strong>The web part is not built yet.</strong> Install the SharePoint Framework solution with <code>npm run spfx:install</code>, then run <code>npm start</code> again.</p>`;
  } else if (!signedIn) {
    content = `<p>Choose who you are above to use the ${e(current.label.toLowerCase())}.</p>`;
  } else {
    content = `<div id="aigov-root" data-view="${e(view)}" data-user-name="${e(signedIn.name)}" data-user-email="${e(signedIn.email)}"><p>Loading the web part…</p></div>
<noscript><p>The web part needs JavaScript.</p></noscript>
<script>window.FabricConfig = { fontBaseUrl: '' };</script>
<script src="/workbench/assets/workbench.js" defer></script>`;
  }
  return devPage(
    `${current.label}: workbench`,
    `<h1>Workbench: the SharePoint web part on this computer</h1>
<p>The web part’s own components, over the local Function App and the SharePoint emulator. Choose who you are, then a view. Emails and Teams messages arrive in the <a href="/dev/mailbox">mailbox</a>; the lists are in the <a href="/dev/sharepoint">SharePoint emulator</a>.</p>
<form class="signin" method="post" action="/workbench/sign-in">
<label for="aig-who">Signed in as</label>
<select id="aig-who" name="email">
<option value=""${signedIn ? '' : ' selected'}>Nobody (signed out)</option>
${groups}
</select>
<input type="hidden" name="view" value="${e(view)}">
<button type="submit">Sign in</button>
</form>
<nav aria-label="Web part views"><ul class="views">${nav}</ul></nav>
${content}`,
    { extraStyle: STYLE },
  );
}
