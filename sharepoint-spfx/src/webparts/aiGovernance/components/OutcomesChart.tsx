import * as React from 'react';

export interface MonthOutcomes {
  /** As people read it, "December 2026". */
  label: string;
  approved: number;
  rejected: number;
  withdrawn: number;
}

const SERIES = [
  { key: 'approved', name: 'Approved', colour: '#007f3b' },
  { key: 'rejected', name: 'Rejected', colour: '#d5281b' },
  { key: 'withdrawn', name: 'Withdrawn', colour: '#425563' },
] as const;

let nextChartId = 0;

/**
 * Outcomes by month as grouped columns in SVG: an image with a title and a description giving
 * every month's figures in words; the same figures are in the table that follows it. Each
 * outcome is told apart by a legend as well as its colour.
 */
export const OutcomesChart: React.FC<{ title: string; months: MonthOutcomes[] }> = ({ title, months }) => {
  const id = React.useRef(`aig-outcomes-${++nextChartId}`).current;
  const max = Math.max(1, ...months.map((m) => Math.max(m.approved, m.rejected, m.withdrawn)));
  const column = 14;
  const group = column * SERIES.length + 18;
  const plotHeight = 120;
  const top = 30;
  const width = Math.max(260, months.length * group + 20);
  return (
    <figure style={{ margin: '8px 0' }}>
      <svg viewBox={`0 0 ${width} ${top + plotHeight + 40}`} width="100%" style={{ maxWidth: width, display: 'block' }} role="img" aria-labelledby={`${id}-title ${id}-desc`} focusable="false">
        <title id={`${id}-title`}>{title}</title>
        <desc id={`${id}-desc`}>{months.map((m) => `${m.label}: ${m.approved} approved, ${m.rejected} rejected, ${m.withdrawn} withdrawn`).join('. ')}.</desc>
        <g aria-hidden="true">
          {SERIES.map((s, i) => (
            <g key={s.key} transform={`translate(${10 + i * 86}, 6)`}>
              <rect width={12} height={12} fill={s.colour} />
              <text x={16} y={11} fontSize="12" fill="#323130">
                {s.name}
              </text>
            </g>
          ))}
          {months.map((m, mi) => (
            <g key={m.label} transform={`translate(${10 + mi * group}, ${top})`}>
              {SERIES.map((s, si) => {
                const h = (m[s.key] / max) * plotHeight;
                return (
                  <g key={s.key}>
                    <rect x={si * column} y={plotHeight - h} width={column - 2} height={h} fill={s.colour} />
                    <text x={si * column + (column - 2) / 2} y={plotHeight - h - 3} fontSize="10" textAnchor="middle" fill="#323130">
                      {m[s.key]}
                    </text>
                  </g>
                );
              })}
              <text x={0} y={plotHeight + 16} fontSize="11" fill="#323130">
                {m.label.replace(/ (\d{4})$/, '')}
              </text>
              <text x={0} y={plotHeight + 30} fontSize="11" fill="#323130">
                {/\d{4}$/.exec(m.label)?.[0]}
              </text>
            </g>
          ))}
        </g>
      </svg>
      <figcaption>{title} (the same figures are in the table below)</figcaption>
    </figure>
  );
};
