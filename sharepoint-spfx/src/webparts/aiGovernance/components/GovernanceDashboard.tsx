import * as React from 'react';
import { DefaultButton } from '@fluentui/react/lib/Button';
import { MessageBar, MessageBarType } from '@fluentui/react/lib/MessageBar';
import type { GovernanceSummary } from '../../../services/types';
import { useService } from './ServiceContext';
import { BarChart } from './BarChart';
import { downloadText, toCsv } from './csv';
import { STEP_NAMES, formatDateTime } from './plainText';

const th: React.CSSProperties = { textAlign: 'left', borderBottom: '1px solid #8a8886', padding: '4px 8px' };
const td: React.CSSProperties = { borderBottom: '1px solid #edebe9', padding: '4px 8px', verticalAlign: 'top' };

const ESCALATION: Record<string, string> = { none: 'Not yet', deputy: 'To the deputy', 'governance-lead': 'To the governance lead' };

/** For the governance lead: open requests by stage, overdue steps, review dates, incidents. */
export const GovernanceDashboard: React.FC = () => {
  const service = useService();
  const [summary, setSummary] = React.useState<GovernanceSummary | undefined>(undefined);
  const [failure, setFailure] = React.useState('');

  React.useEffect(() => {
    service
      .getGovernanceSummary()
      .then(setSummary)
      .catch((e: Error) => setFailure(`We could not load the dashboard. ${e.message}`));
  }, [service]);

  if (failure) {
    return (
      <MessageBar messageBarType={MessageBarType.error} role="alert">
        {failure}
      </MessageBar>
    );
  }
  if (!summary) return <p>Loading the dashboard…</p>;

  const day = summary.generatedAt.slice(0, 10);
  const totalOpen = summary.openByStage.reduce((n, s) => n + s.count, 0);

  return (
    <section aria-labelledby="aig-dash-title">
      <h2 id="aig-dash-title">Governance dashboard</h2>
      <p>Figures as at {formatDateTime(summary.generatedAt)}.</p>

      <h3>Open requests by stage ({totalOpen} in total)</h3>
      <BarChart title="Open requests by stage" data={summary.openByStage.map((s) => ({ label: s.stage, value: s.count }))} />
      <table style={{ borderCollapse: 'collapse' }}>
        <caption style={{ textAlign: 'left' }}>Open requests by stage</caption>
        <thead>
          <tr>
            <th scope="col" style={th}>Stage</th>
            <th scope="col" style={th}>Open requests</th>
          </tr>
        </thead>
        <tbody>
          {summary.openByStage.map((s) => (
            <tr key={s.stage}>
              <th scope="row" style={{ ...td, fontWeight: 'normal' }}>{s.stage}</th>
              <td style={td}>{s.count}</td>
            </tr>
          ))}
        </tbody>
      </table>

      <h3>Overdue steps ({summary.overdueSteps.length})</h3>
      {summary.overdueSteps.length === 0 ? (
        <p>No step is overdue.</p>
      ) : (
        <>
          <table style={{ borderCollapse: 'collapse', width: '100%' }}>
            <caption style={{ textAlign: 'left' }}>Steps past their due date</caption>
            <thead>
              <tr>
                <th scope="col" style={th}>Request</th>
                <th scope="col" style={th}>Step</th>
                <th scope="col" style={th}>With</th>
                <th scope="col" style={th}>Due</th>
                <th scope="col" style={th}>Escalated</th>
              </tr>
            </thead>
            <tbody>
              {summary.overdueSteps.map((o) => (
                <tr key={`${o.requestId}:${o.stepCode}`}>
                  <td style={td}>{o.requestTitle}</td>
                  <td style={td}>{STEP_NAMES[o.stepCode] ?? o.stepCode}</td>
                  <td style={td}>{o.assignee}</td>
                  <td style={td}>{formatDateTime(o.dueAt, false)}</td>
                  <td style={td}>{ESCALATION[o.escalated] ?? o.escalated}</td>
                </tr>
              ))}
            </tbody>
          </table>
          <DefaultButton
            style={{ marginTop: 8 }}
            text="Download overdue steps as a spreadsheet (CSV file)"
            onClick={() =>
              downloadText(
                `overdue-steps-${day}.csv`,
                toCsv(summary.overdueSteps, [
                  { header: 'Request id', value: (o) => o.requestId },
                  { header: 'Request', value: (o) => o.requestTitle },
                  { header: 'Step', value: (o) => STEP_NAMES[o.stepCode] ?? o.stepCode },
                  { header: 'Assigned to', value: (o) => o.assignee },
                  { header: 'Due', value: (o) => o.dueAt },
                  { header: 'Escalated', value: (o) => ESCALATION[o.escalated] ?? o.escalated },
                ]),
              )
            }
          />
        </>
      )}

      <h3>Policy and tool review dates</h3>
      <table style={{ borderCollapse: 'collapse', width: '100%' }}>
        <caption style={{ textAlign: 'left' }}>Reviews due, soonest first</caption>
        <thead>
          <tr>
            <th scope="col" style={th}>What</th>
            <th scope="col" style={th}>Kind</th>
            <th scope="col" style={th}>Review due</th>
            <th scope="col" style={th}>Owner</th>
          </tr>
        </thead>
        <tbody>
          {[...summary.reviewDates]
            .sort((a, b) => a.dueOn.localeCompare(b.dueOn))
            .map((r) => (
              <tr key={`${r.kind}:${r.title}`}>
                <td style={td}>{r.title}</td>
                <td style={td}>{r.kind === 'policy' ? 'Policy' : 'Approved tool'}</td>
                <td style={td}>{formatDateTime(r.dueOn, false)}</td>
                <td style={td}>{r.owner ?? ''}</td>
              </tr>
            ))}
        </tbody>
      </table>

      <h3>Artificial intelligence incidents ({summary.incidents.length})</h3>
      {summary.incidents.length === 0 ? (
        <p>No incidents reported.</p>
      ) : (
        <>
          <table style={{ borderCollapse: 'collapse', width: '100%' }}>
            <caption style={{ textAlign: 'left' }}>Incidents, with their Datix incident-reporting reference once escalated</caption>
            <thead>
              <tr>
                <th scope="col" style={th}>Incident</th>
                <th scope="col" style={th}>Severity</th>
                <th scope="col" style={th}>Status</th>
                <th scope="col" style={th}>Happened</th>
                <th scope="col" style={th}>Datix reference</th>
              </tr>
            </thead>
            <tbody>
              {summary.incidents.map((i) => (
                <tr key={i.id}>
                  <td style={td}>{i.title}</td>
                  <td style={td}>{i.severity}</td>
                  <td style={td}>{i.status}</td>
                  <td style={td}>{formatDateTime(i.occurredAt)}</td>
                  <td style={td}>{i.datixReference ? `${i.datixReference} (escalated ${formatDateTime(i.escalatedAt, false)})` : 'Not escalated'}</td>
                </tr>
              ))}
            </tbody>
          </table>
          <DefaultButton
            style={{ marginTop: 8 }}
            text="Download incidents as a spreadsheet (CSV file)"
            onClick={() =>
              downloadText(
                `ai-incidents-${day}.csv`,
                toCsv(summary.incidents, [
                  { header: 'Incident id', value: (i) => i.id },
                  { header: 'Incident', value: (i) => i.title },
                  { header: 'Severity', value: (i) => i.severity },
                  { header: 'Status', value: (i) => i.status },
                  { header: 'Happened', value: (i) => i.occurredAt },
                  { header: 'Datix reference', value: (i) => i.datixReference },
                  { header: 'Escalated to Datix', value: (i) => i.escalatedAt },
                ]),
              )
            }
          />
        </>
      )}
    </section>
  );
};
