import * as React from 'react';
import { SearchBox } from '@fluentui/react/lib/SearchBox';
import { MessageBar, MessageBarType } from '@fluentui/react/lib/MessageBar';
import { DefaultButton } from '@fluentui/react/lib/Button';
import type { RegisterEntry } from '../../../services/types';
import { useService } from './ServiceContext';
import { fireAndForget } from './fireAndForget';
import { downloadText, toCsv } from './csv';
import { formatDateTime } from './plainText';
import { matchesSearch } from '../../../services/registerFromList';
import { NOT_IN_REGISTER } from '../../../contract/generated/contract';
import { RegisterDrafts } from './RegisterDrafts';

/** How long typing must pause before the number found is announced, so a screen reader is not talked over. */
const ANNOUNCE_AFTER_MS = 400;

const DPIA_STATUS: Record<RegisterEntry['dpiaStatus'], string> = {
  approved: 'Approved',
  'not-required': 'Not required',
  'in-progress': 'In progress',
};

/** "Is this tool approved?" and the public register of approved tools and research initiatives. */
export const Register: React.FC = () => {
  const service = useService();
  const [query, setQuery] = React.useState('');
  const [announced, setAnnounced] = React.useState('');
  const [all, setAll] = React.useState<RegisterEntry[] | undefined>(undefined);
  const [failure, setFailure] = React.useState('');

  // The whole register is loaded once and filtered as people type (name, supplier or purpose).
  const load = React.useCallback(async (): Promise<void> => {
    setFailure('');
    try {
      setAll(await service.searchRegister(''));
    } catch (e) {
      setFailure(`We could not load the register. ${(e as Error).message}`);
    }
  }, [service]);

  React.useEffect(() => {
    fireAndForget(load());
  }, [load]);

  React.useEffect(() => {
    const timer = setTimeout(() => setAnnounced(query.trim()), ANNOUNCE_AFTER_MS);
    return () => clearTimeout(timer);
  }, [query]);

  const entries = all?.filter((e) => matchesSearch(e, query));
  const tools = (entries ?? []).filter((e) => e.kind === 'tool');
  const research = (entries ?? []).filter((e) => e.kind === 'research');
  const announcedCount = (all ?? []).filter((e) => e.kind === 'tool' && matchesSearch(e, announced)).length;

  const renderEntry = (e: RegisterEntry): React.ReactNode => (
    <li key={`${e.kind}:${e.name}`} style={{ marginBottom: 16 }}>
      <h4 style={{ margin: '0 0 4px' }}>
        {e.name} {e.supplier && <span style={{ fontWeight: 'normal' }}>({e.supplier})</span>}
      </h4>
      {e.source === 'approved' && (
        <p style={{ margin: 0 }}>
          <strong>Approved.</strong> The governance team has not published its full register entry yet.
        </p>
      )}
      <p style={{ margin: 0 }}>{e.description}</p>
      <dl style={{ margin: '4px 0', display: 'grid', gridTemplateColumns: 'max-content 1fr', columnGap: 12 }}>
        <dt>Used for</dt>
        <dd style={{ margin: 0 }}>{e.purpose}</dd>
        <dt>How people check it</dt>
        <dd style={{ margin: 0 }}>{e.humanOversight}</dd>
        <dt>Data it uses</dt>
        <dd style={{ margin: 0 }}>{e.dataUsed}</dd>
        <dt>Data Protection Impact Assessment</dt>
        <dd style={{ margin: 0 }}>{DPIA_STATUS[e.dpiaStatus] ?? e.dpiaStatus}</dd>
        <dt>Next review</dt>
        <dd style={{ margin: 0 }}>{formatDateTime(e.reviewDate, false)}</dd>
        <dt>Contact</dt>
        <dd style={{ margin: 0 }}>{e.contact}</dd>
      </dl>
    </li>
  );

  return (
    <section aria-labelledby="aig-register-title">
      <h2 id="aig-register-title">Register of artificial intelligence tools and research</h2>
      <p>Check whether a tool is approved before you use it. If it is not listed, ask for it with the request form.</p>
      <form
        role="search"
        aria-label="Search the register"
        onSubmit={(ev) => {
          ev.preventDefault();
          setAnnounced(query.trim());
        }}
      >
        <label htmlFor="aig-register-search">Is this tool approved? Search by tool, supplier or purpose</label>
        <SearchBox id="aig-register-search" value={query} onChange={(_, v) => setQuery(v ?? '')} onSearch={(v) => setAnnounced(v.trim())} onClear={() => setQuery('')} />
      </form>
      {failure && (
        <MessageBar messageBarType={MessageBarType.error} role="alert">
          {failure}
        </MessageBar>
      )}
      <div role="status" aria-live="polite" style={{ margin: '8px 0' }}>
        {all !== undefined && announced
          ? announcedCount > 0
            ? `Approved tools matching "${announced}": ${announcedCount}.`
            : `No approved tool matches "${announced}". It is not approved for use.`
          : ''}
      </div>
      {entries !== undefined && query.trim() !== '' && tools.length === 0 && (
        <div style={{ borderLeft: '8px solid #005eb8', background: '#f0f4f5', padding: '8px 16px', margin: '8px 0' }}>
          <h3>{NOT_IN_REGISTER.heading}</h3>
          <p>{NOT_IN_REGISTER.summary}</p>
          <ul>
            {NOT_IN_REGISTER.rules.map((r) => (
              <li key={r}>{r}</li>
            ))}
          </ul>
          <p>{NOT_IN_REGISTER.howToAsk}</p>
        </div>
      )}
      {all === undefined && !failure && <p>Loading the register…</p>}
      {entries !== undefined && (
        <>
          <h3>Approved tools ({tools.length})</h3>
          {tools.length > 0 ? <ul style={{ listStyle: 'none', padding: 0 }}>{tools.map(renderEntry)}</ul> : <p>None found.</p>}
          <h3>Research initiatives using artificial intelligence ({research.length})</h3>
          {research.length > 0 ? <ul style={{ listStyle: 'none', padding: 0 }}>{research.map(renderEntry)}</ul> : <p>None found.</p>}
          <DefaultButton
            text="Download this list as a spreadsheet of comma-separated values (CSV)"
            onClick={() =>
              downloadText(
                'ai-register.csv',
                toCsv(entries, [
                  { header: 'Kind', value: (e) => (e.kind === 'tool' ? 'Approved tool' : 'Research initiative') },
                  { header: 'Name', value: (e) => e.name },
                  { header: 'Supplier or partner', value: (e) => e.supplier },
                  { header: 'Description', value: (e) => e.description },
                  { header: 'Used for', value: (e) => e.purpose },
                  { header: 'Human oversight', value: (e) => e.humanOversight },
                  { header: 'Data used', value: (e) => e.dataUsed },
                  { header: 'Data Protection Impact Assessment', value: (e) => DPIA_STATUS[e.dpiaStatus] ?? e.dpiaStatus },
                  { header: 'Next review', value: (e) => e.reviewDate },
                  { header: 'Contact', value: (e) => e.contact },
                ]),
              )
            }
          />
        </>
      )}
      <RegisterDrafts onPublished={() => fireAndForget(load())} />
    </section>
  );
};
