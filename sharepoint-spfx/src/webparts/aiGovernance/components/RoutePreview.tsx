import * as React from 'react';
import type { PlanResult } from '../../../services/types';
import { RISK_NAMES, STEP_NAMES } from './plainText';

export interface RoutePreviewProps {
  result: PlanResult;
  /** Plain-English name of a field path, for refusals. */
  fieldName: (field: string) => string;
}

/** The planned route with its reasons, or why the policy does not allow the request as it stands. */
export const RoutePreview: React.FC<RoutePreviewProps> = ({ result, fieldName }) => {
  if (result.outcome === 'refused') {
    return (
      <section aria-labelledby="aig-route-title" data-testid="route-preview">
        <h3 id="aig-route-title">The policy does not allow this request as it stands</h3>
        <ul>
          {result.refused.map((r) => (
            <li key={`${r.field}:${r.message}`}>
              <strong>{fieldName(r.field)}:</strong> {r.message}
            </li>
          ))}
        </ul>
        <p>Change your answers and check the route again, or contact the Information Governance team for advice.</p>
      </section>
    );
  }
  return (
    <section aria-labelledby="aig-route-title" data-testid="route-preview">
      <h3 id="aig-route-title">Who will look at your request, and why</h3>
      <p>
        Risk rating: <strong>{RISK_NAMES[result.risk.rating] ?? result.risk.rating}</strong>
        {result.risk.facts.length > 0 ? ', because:' : '.'}
      </p>
      {result.risk.facts.length > 0 && (
        <ul>
          {result.risk.facts.map((f) => (
            <li key={f.code}>{f.sentence}</li>
          ))}
        </ul>
      )}
      <ol>
        {result.stages.map((steps, i) => (
          <li key={i}>
            <h4 style={{ margin: '12px 0 4px' }}>
              Stage {i + 1}
              {steps.length > 1 ? ' (these happen at the same time)' : ''}
            </h4>
            <ul>
              {steps.map((s) => (
                <li key={s.code} style={{ marginBottom: 8 }}>
                  <strong>{STEP_NAMES[s.code] ?? s.code}</strong> — {s.role}
                  <br />
                  <span>Why: {s.reason}</span>
                  <br />
                  <span style={{ fontSize: 14 }}>{s.clause}</span>
                </li>
              ))}
            </ul>
          </li>
        ))}
      </ol>
    </section>
  );
};
