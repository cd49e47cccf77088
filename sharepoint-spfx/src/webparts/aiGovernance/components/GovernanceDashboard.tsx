import * as React from 'react';
import { MessageBar, MessageBarType } from '@fluentui/react/lib/MessageBar';
import type { GovernanceDashboardData, OversightSummary, RequestsOverview } from '../../../services/types';
import { useService } from './ServiceContext';
import { BarChart } from './BarChart';
import { RequestsDashboard } from './RequestsDashboard';
import { CsvDownload } from './CsvDownload';
import { CountsTable, DataTable, cell as td } from './DataTable';
import { STEP_NAMES, formatDateTime } from './plainText';


const ESCALATION: Record<string, string> = { none: 'Not yet', deputy: 'To the deputy', 'governance-lead': 'To the governance lead' };

const isAvailable = <T,>(part: T | { unavailable: string }): part is T => !(part as { unavailable?: string }).unavailable;

const Unavailable: React.FC<{ text: string }> = ({ text }) => <p data-testid="dashboard-unavailable">{text}</p>;

/** Open requests by stage (chart and table) and the steps past their due date. */
const RequestsPart: React.FC<{ data: RequestsOverview }> = ({ data }) => {
  const totalOpen = data.openByStage.reduce((n, s) => n + s.count, 0);
  return (
    <>
      <p>Figures as at {formatDateTime(data.generatedAt)}.</p>
      <h3>Open requests by stage ({totalOpen} in total)</h3>
      {data.openByStage.length === 0 ? (
        <p>No request is open.</p>
      ) : (
        <>
          <BarChart title="Open requests by stage" data={data.openByStage.map((s) => ({ label: s.stage, value: s.count }))} />
          <CountsTable caption="Open requests by stage" columns={['Stage', 'Open requests']} rows={data.openByStage.map((s) => ({ label: s.stage, count: s.count }))} />
        </>
      )}

      <h3>Overdue steps ({data.overdueSteps.length})</h3>
      {data.overdueSteps.length === 0 ? (
        <p>No step is overdue.</p>
      ) : (
        <>
          <DataTable caption="Steps past their due date, most overdue first" columns={['Request', 'Step', 'With', 'Due', 'Escalated']} wide>
            {data.overdueSteps.slice(0, 200).map((o) => (
              <tr key={`${o.requestId}:${o.stepCode}`}>
                <td style={td}>
                  {o.requestTitle}
                  {o.requestReference ? <div>{o.requestReference}</div> : null}
                </td>
                <td style={td}>{STEP_NAMES[o.stepCode] ?? o.stepCode}</td>
                <td style={td}>{o.assignee}</td>
                <td style={td}>{formatDateTime(o.dueAt, false)}</td>
                <td style={td}>{ESCALATION[o.escalated] ?? o.escalated}</td>
              </tr>
            ))}
          </DataTable>
          {data.overdueSteps.length > 200 && <p>The first 200 are shown; the download has all {data.overdueSteps.length}.</p>}
          <CsvDownload
            what="overdue steps"
            fileName="overdue-steps"
            rows={data.overdueSteps}
            columns={[
              { header: 'Request id', value: (o) => o.requestId },
              { header: 'Request', value: (o) => o.requestTitle },
              { header: 'Reference', value: (o) => o.requestReference ?? '' },
              { header: 'Step', value: (o) => STEP_NAMES[o.stepCode] ?? o.stepCode },
              { header: 'Assigned to', value: (o) => o.assignee },
              { header: 'Due', value: (o) => o.dueAt },
              { header: 'Escalated', value: (o) => ESCALATION[o.escalated] ?? o.escalated },
            ]}
          />
        </>
      )}
    </>
  );
};

/** Policy and tool reviews, incidents by state (chart and table) and Datix escalations. */
const OversightPart: React.FC<{ data: OversightSummary }> = ({ data }) => {
  const totalIncidents = data.incidentsByState.reduce((n, s) => n + s.count, 0);
  return (
    <>
      <h3>Policy and tool review dates</h3>
      {data.reviews.length === 0 ? (
        <p>No review is due soon.</p>
      ) : (
        <DataTable caption="Reviews due or overdue, soonest first" columns={['What', 'Kind', 'Review due', 'Owner']} wide>
          {[...data.reviews]
            .sort((a, b) => a.dueOn.localeCompare(b.dueOn))
            .map((r) => (
              <tr key={`${r.kind}:${r.title}:${r.dueOn}`}>
                <td style={td}>{r.title}</td>
                <td style={td}>{r.kind === 'policy' ? 'Policy' : 'Approved tool'}</td>
                <td style={td}>
                  {formatDateTime(r.dueOn, false)}
                  {r.overdue ? ' (overdue)' : ''}
                </td>
                <td style={td}>{r.owner ?? ''}</td>
              </tr>
            ))}
        </DataTable>
      )}

      <h3>Open artificial intelligence incidents ({totalIncidents})</h3>
      {totalIncidents === 0 ? (
        <p>No incident is open.</p>
      ) : (
        <>
          <BarChart title="Open incidents by state" data={data.incidentsByState.map((s) => ({ label: s.state, value: s.count }))} />
          <CountsTable caption="Open incidents by state" columns={['State', 'Incidents']} rows={data.incidentsByState.map((s) => ({ label: s.state, count: s.count }))} />
        </>
      )}

      {data.openIncidents.length > 0 && (
        <>
          <DataTable caption="Open incidents, newest first" columns={['Incident', 'Severity', 'State', 'Happened', 'Datix reference']} wide style={{ marginTop: 12 }}>
            {data.openIncidents.map((i) => (
              <tr key={i.reference}>
                <td style={td}>
                  {i.reference}: {i.title}
                </td>
                <td style={td}>{i.severity}</td>
                <td style={td}>
                  {i.status}
                  {i.triageDueAt ? `, triage due ${formatDateTime(i.triageDueAt)}` : ''}
                </td>
                <td style={td}>{formatDateTime(i.occurredAt)}</td>
                <td style={td}>{i.datixReference ?? 'None'}</td>
              </tr>
            ))}
          </DataTable>
          <CsvDownload
            what="open incidents"
            fileName="ai-incidents"
            rows={data.openIncidents}
            columns={[
              { header: 'Incident', value: (i) => i.reference },
              { header: 'Title', value: (i) => i.title },
              { header: 'Severity', value: (i) => i.severity },
              { header: 'State', value: (i) => i.status },
              { header: 'Happened', value: (i) => i.occurredAt },
              { header: 'Triage due', value: (i) => i.triageDueAt },
              { header: 'Datix reference', value: (i) => i.datixReference },
            ]}
          />
        </>
      )}

      <h3>Escalated to Datix ({data.datixEscalations.length})</h3>
      <p>
        Datix is the incident reporting system. {data.awaitingDatixReference} escalation{data.awaitingDatixReference === 1 ? ' is' : 's are'} waiting for
        the reference Datix gives; {data.triageOverdue} incident{data.triageOverdue === 1 ? ' is' : 's are'} past the deadline for triage.
      </p>
      {data.datixEscalations.length > 0 && (
        <>
          <DataTable caption="Incidents escalated to Datix, waiting ones first" columns={['Incident', 'Datix reference', 'Escalated']} wide>
            {data.datixEscalations.map((d) => (
              <tr key={d.incidentReference}>
                <td style={td}>
                  {d.incidentReference}: {d.title}
                </td>
                <td style={td}>{d.datixReference ?? 'Waiting for the reference'}</td>
                <td style={td}>{formatDateTime(d.escalatedAt)}</td>
              </tr>
            ))}
          </DataTable>
          <CsvDownload
            what="Datix escalations"
            fileName="datix-escalations"
            rows={data.datixEscalations}
            columns={[
              { header: 'Incident', value: (d) => d.incidentReference },
              { header: 'Title', value: (d) => d.title },
              { header: 'Datix reference', value: (d) => d.datixReference },
              { header: 'Escalated', value: (d) => d.escalatedAt },
            ]}
          />
        </>
      )}
    </>
  );
};

/** For the governance lead: the requests (filtered, with turnaround), open requests by stage, overdue steps, review dates, incidents and Datix escalations. */
export const GovernanceDashboard: React.FC = () => {
  const service = useService();
  const [data, setData] = React.useState<GovernanceDashboardData | undefined>(undefined);
  const [failure, setFailure] = React.useState('');

  React.useEffect(() => {
    service
      .getGovernanceDashboard()
      .then(setData)
      .catch((e: Error) => setFailure(`We could not load the dashboard. ${e.message}`));
  }, [service]);

  if (failure) {
    return (
      <MessageBar messageBarType={MessageBarType.error} role="alert">
        {failure}
      </MessageBar>
    );
  }
  if (!data) return <p>Loading the dashboard…</p>;

  return (
    <section aria-labelledby="aig-dash-title">
      <h2 id="aig-dash-title">Governance dashboard</h2>
      <RequestsDashboard />
      {isAvailable(data.requests) ? <RequestsPart data={data.requests} /> : <><h3>Open requests and overdue steps</h3><Unavailable text={data.requests.unavailable} /></>}
      {isAvailable(data.oversight) ? <OversightPart data={data.oversight} /> : <><h3>Reviews, incidents and Datix escalations</h3><Unavailable text={data.oversight.unavailable} /></>}
    </section>
  );
};
