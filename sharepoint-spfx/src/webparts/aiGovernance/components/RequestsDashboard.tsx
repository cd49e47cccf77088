import * as React from 'react';
import { DefaultButton } from '@fluentui/react/lib/Button';
import { MessageBar, MessageBarType } from '@fluentui/react/lib/MessageBar';
import {
  DASHBOARD_STAGES,
  DASHBOARD_STAGE_LABELS,
  DASHBOARD_STATUSES,
  REQUEST_STATUS_LIST_LABEL,
  REQUEST_TYPES,
  REQUEST_TYPE_LIST_LABEL,
  RISK_RATING_CODES,
  RISK_RATING_LIST_LABEL,
} from '../../../contract/generated/contract';
import type { DashboardRow, RequestsDashboard as Dashboard, RequestsDashboardFilters } from '../../../services/types';
import { useService } from './ServiceContext';
import { BarChart } from './BarChart';
import { OutcomesChart } from './OutcomesChart';
import { downloadText } from './csv';
import { DataTable, cell as td, headerCell, rowHeaderCell } from './DataTable';
import { fireAndForget } from './fireAndForget';

/** Typing must pause this long before the list is asked again, so each key press is not a request. */
const SEARCH_AFTER_MS = 300;

// Long column headings wrap on a phone; their last lines line up above the figures.
const th: React.CSSProperties = { ...headerCell, verticalAlign: 'bottom' };
const field: React.CSSProperties = { display: 'flex', flexDirection: 'column', gap: 2, minWidth: 150, flex: '1 1 150px' };
const control: React.CSSProperties = { font: 'inherit', padding: '6px 4px', border: '1px solid #605e5c', borderRadius: 2, minHeight: 32 };

const MONTHS = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'];
const monthName = (yyyyMm: string): string => `${MONTHS[Number(yyyyMm.slice(5, 7)) - 1]} ${yyyyMm.slice(0, 4)}`;
const workingDays = (n: number): string => `${n} working day${n === 1 ? '' : 's'}`;
// The API sends null where nothing was measured.
const figure = (n: Dashboard['turnaround']['endToEnd']['median']): string => (n === null ? 'None yet' : workingDays(n));

/** "Tuesday 8 December 2026": the due day as the workflow counts it, in UK time. */
function dueDay(iso: string): string {
  const d = new Date(iso);
  const zone = { timeZone: 'Europe/London' } as const;
  return `${d.toLocaleDateString('en-GB', { ...zone, weekday: 'long' })} ${d.toLocaleDateString('en-GB', { ...zone, day: 'numeric', month: 'long', year: 'numeric' })}`;
}

function dueText(step: DashboardRow['openSteps'][number]): string {
  if (!step.dueAt || step.workingDays === null) return 'No due date';
  const on = dueDay(step.dueAt);
  if (step.overdue) return `Was due ${on}: ${workingDays(step.workingDays)} overdue`;
  return step.workingDays === 0 ? `Due today, ${on}` : `Due ${on}, in ${workingDays(step.workingDays)}`;
}

const Choice: React.FC<{ id: string; label: string; value: string | undefined; options: readonly { value: string; label: string }[]; onChange: (v: string) => void }> = ({ id, label, value, options, onChange }) => (
  <div style={field}>
    <label htmlFor={id}>{label}</label>
    <select id={id} style={control} value={value ?? ''} onChange={(e) => onChange(e.target.value)}>
      <option value="">Any</option>
      {options.map((o) => (
        <option key={o.value} value={o.value}>
          {o.label}
        </option>
      ))}
    </select>
  </div>
);

const RequestRow: React.FC<{ r: DashboardRow }> = ({ r }) => (
  <tr>
    <td style={td}>
      <a href={r.url}>{r.reference ?? `Request ${r.id}`}</a>
      <div>{r.title}</div>
      <div>
        {r.requester.name}
        {r.directorate ? `, ${r.directorate}` : ''}
      </div>
    </td>
    <td style={td}>
      {REQUEST_TYPE_LIST_LABEL[r.type]}
      <div>Risk: {r.risk ? RISK_RATING_LIST_LABEL[r.risk] : 'not rated yet'}</div>
    </td>
    <td style={td}>
      {DASHBOARD_STAGE_LABELS[r.stage]}
      <div>Status: {REQUEST_STATUS_LIST_LABEL[r.status]}</div>
      {r.listStatus && <div>The list says {r.listStatus}, which the audit log does not bear out.</div>}
    </td>
    <td style={td}>
      {r.openSteps.length === 0
        ? 'None'
        : r.openSteps.map((s) => (
            <div key={`${s.stepCode}:${s.dueAt ?? ''}`} style={{ marginBottom: 4 }}>
              <strong>{s.stepName}</strong>
              <div>With {s.holders.map((h) => h.name).join(' and ')}</div>
              <div>{s.overdue ? <strong>{dueText(s)}</strong> : dueText(s)}</div>
            </div>
          ))}
    </td>
  </tr>
);

/** The figures over the requests shown: outcomes by month, turnaround and decisions on time. */
const Figures: React.FC<{ data: Dashboard }> = ({ data }) => {
  const months = data.outcomesByMonth.map((m) => ({ ...m, label: monthName(m.month) }));
  const t = data.turnaround;
  const rows = [...t.stages.map((s) => ({ name: DASHBOARD_STAGE_LABELS[s.stage], ...s })), { name: 'End to end (sent to approved or rejected)', ...t.endToEnd }];
  const share = t.decisions.onTimeShare === null ? undefined : Math.round(t.decisions.onTimeShare * 100);
  return (
    <>
      <h4>Outcomes by month</h4>
      {months.length === 0 ? (
        <p>None of these requests has an outcome yet.</p>
      ) : (
        <>
          <OutcomesChart title="Outcomes by month" months={months} />
          <DataTable caption="Outcomes by month" columns={['Month', 'Approved', 'Rejected', 'Withdrawn']} headerStyle={th}>
            {months.map((m) => (
              <tr key={m.month}>
                <th scope="row" style={rowHeaderCell}>{m.label}</th>
                <td style={td}>{m.approved}</td>
                <td style={td}>{m.rejected}</td>
                <td style={td}>{m.withdrawn}</td>
              </tr>
            ))}
          </DataTable>
        </>
      )}

      <h4>Turnaround in working days</h4>
      <p>Weekends and bank holidays are not counted. A stage runs from its first step being sent to its last decision, and counts once every step in it was decided.</p>
      {t.stages.length > 0 && (
        <BarChart title="Median working days by stage" data={t.stages.map((s) => ({ label: DASHBOARD_STAGE_LABELS[s.stage], value: s.median ?? 0 }))} unit={workingDays} />
      )}
      <DataTable caption="Turnaround in working days" columns={['Stage', 'Requests measured', 'Median', '90th percentile']} headerStyle={th}>
        {rows.map((r) => (
          <tr key={r.name}>
            <th scope="row" style={rowHeaderCell}>{r.name}</th>
            <td style={td}>{r.count}</td>
            <td style={td}>{figure(r.median)}</td>
            <td style={td}>{figure(r.p90)}</td>
          </tr>
        ))}
      </DataTable>
      <p data-testid="on-time">
        {share === undefined
          ? 'No step of these requests has been decided yet.'
          : `Decided on time: ${t.decisions.onTime} of ${t.decisions.decided} decisions (${share}%) were made by the end of their step's due day.`}
      </p>
    </>
  );
};

/**
 * The governance lead's list of requests: filters, search as you type, each request linked to its
 * page with who holds its open steps and when they are due, the figures over what is shown, and
 * the same list as a spreadsheet from the server (so its rows are the API's).
 */
export const RequestsDashboard: React.FC = () => {
  const service = useService();
  const [filters, setFilters] = React.useState<RequestsDashboardFilters>({});
  const [data, setData] = React.useState<Dashboard | undefined>(undefined);
  const [failure, setFailure] = React.useState('');
  const [exporting, setExporting] = React.useState('');
  const latest = React.useRef(0);

  React.useEffect(() => {
    const asked = ++latest.current;
    const timer = setTimeout(() => {
      service
        .getRequestsDashboard(filters)
        .then((answer) => {
          if (asked !== latest.current) return;
          setFailure('');
          setData(answer);
        })
        .catch((e: Error) => asked === latest.current && setFailure(`We could not load the requests. ${e.message}`));
    }, SEARCH_AFTER_MS);
    return () => clearTimeout(timer);
  }, [service, filters]);

  const set =
    (key: keyof RequestsDashboardFilters) =>
    (value: string): void =>
      setFilters((f) => ({ ...f, [key]: value === '' ? undefined : value }));
  const download = async (): Promise<void> => {
    setExporting('Preparing the spreadsheet…');
    try {
      const csv = await service.exportRequestsCsv(filters);
      downloadText(`ai-requests-${new Date().toISOString().slice(0, 10)}.csv`, csv);
      setExporting('The spreadsheet has been downloaded.');
    } catch (e) {
      setExporting(`We could not make the spreadsheet. ${(e as Error).message}`);
    }
  };
  const count = data?.requests.length ?? 0;

  return (
    <section aria-labelledby="aig-requests-title">
      <h3 id="aig-requests-title">Requests</h3>
      <p>Every request to use artificial intelligence (AI), where it is in the route and who holds it now.</p>
      <form role="search" aria-label="Filter the requests" onSubmit={(e) => e.preventDefault()} style={{ display: 'flex', flexWrap: 'wrap', gap: 12, marginBottom: 12 }}>
        <div style={{ ...field, flexBasis: '100%' }}>
          <label htmlFor="aig-dash-q">Search by reference, title, requester or directorate</label>
          <input id="aig-dash-q" type="search" style={control} maxLength={100} autoComplete="off" value={filters.q ?? ''} onChange={(e) => set('q')(e.target.value)} />
        </div>
        <Choice id="aig-dash-status" label="Status" value={filters.status} options={DASHBOARD_STATUSES.map((s) => ({ value: s, label: REQUEST_STATUS_LIST_LABEL[s] }))} onChange={set('status')} />
        <Choice id="aig-dash-stage" label="Stage" value={filters.stage} options={DASHBOARD_STAGES.map((s) => ({ value: s, label: DASHBOARD_STAGE_LABELS[s] }))} onChange={set('stage')} />
        <Choice id="aig-dash-directorate" label="Directorate" value={filters.directorate} options={(data?.directorates ?? []).map((d) => ({ value: d, label: d }))} onChange={set('directorate')} />
        <Choice id="aig-dash-risk" label="Risk" value={filters.risk} options={RISK_RATING_CODES.map((r) => ({ value: r, label: RISK_RATING_LIST_LABEL[r] }))} onChange={set('risk')} />
        <Choice id="aig-dash-type" label="Request type" value={filters.type} options={REQUEST_TYPES.map((t) => ({ value: t, label: REQUEST_TYPE_LIST_LABEL[t] }))} onChange={set('type')} />
        <Choice
          id="aig-dash-overdue"
          label="Overdue steps"
          value={filters.overdue}
          options={[
            { value: 'true', label: 'Overdue' },
            { value: 'false', label: 'Not overdue' },
          ]}
          onChange={set('overdue')}
        />
      </form>

      {failure && (
        <MessageBar messageBarType={MessageBarType.error} role="alert">
          {failure}
        </MessageBar>
      )}
      <p role="status" data-testid="requests-count">
        {data ? `${count} request${count === 1 ? '' : 's'} shown.` : 'Loading the requests…'}
      </p>
      {data && count > 0 && (
        <>
          <div role="region" aria-label="Requests shown" tabIndex={0} style={{ overflowX: 'auto', maxWidth: '100%' }}>
            <DataTable caption="Requests shown, those with an overdue step first" columns={['Request', 'Type and risk', 'Where it is', 'Open steps, who holds them and when they are due']} wide headerStyle={th}>
              {data.requests.map((r) => (
                <RequestRow key={r.id} r={r} />
              ))}
            </DataTable>
          </div>
          <DefaultButton style={{ marginTop: 8 }} text="Download these requests as a spreadsheet of comma-separated values (CSV)" onClick={() => fireAndForget(download())} />
          <p role="status">{exporting}</p>
        </>
      )}
      {data && <Figures data={data} />}
    </section>
  );
};
