import * as React from 'react';

export interface BarChartProps {
  title: string;
  data: { label: string; value: number }[];
  /** How the value reads in words (the chart's description), for example "3 working days". */
  unit?: (value: number) => string;
}

let nextChartId = 0;

/**
 * A horizontal bar chart in SVG, an image with a title and a description giving every figure in
 * words; the same figures are also in the table that follows it.
 */
export const BarChart: React.FC<BarChartProps> = ({ title, data, unit = String }) => {
  const id = React.useRef(`aig-chart-${++nextChartId}`).current;
  const max = Math.max(1, ...data.map((d) => d.value));
  const rowHeight = 28;
  // Wide enough for the longest label at about 7 pixels a character (13 pixel text).
  const labelWidth = Math.min(360, Math.max(120, ...data.map((d) => d.label.length * 7 + 12)));
  const barWidth = 300;
  return (
    <figure style={{ margin: '8px 0' }}>
      {/* Scales down to the width there is (a phone), never wider than its natural size. */}
      <svg
        viewBox={`0 0 ${labelWidth + barWidth + 50} ${data.length * rowHeight + 8}`}
        width="100%"
        style={{ maxWidth: labelWidth + barWidth + 50, display: 'block' }}
        role="img"
        aria-labelledby={`${id}-title ${id}-desc`}
        focusable="false"
      >
        <title id={`${id}-title`}>{title}</title>
        <desc id={`${id}-desc`}>{data.map((d) => `${d.label}: ${unit(d.value)}`).join('. ')}.</desc>
        {data.map((d, i) => (
          <g key={d.label} transform={`translate(0, ${i * rowHeight + 4})`} aria-hidden="true">
            <text x={labelWidth - 8} y={rowHeight / 2 + 4} textAnchor="end" fontSize="13" fill="#323130">
              {d.label}
            </text>
            <rect x={labelWidth} y={4} height={rowHeight - 10} width={(d.value / max) * barWidth} fill="#005eb8" />
            <text x={labelWidth + (d.value / max) * barWidth + 6} y={rowHeight / 2 + 4} fontSize="13" fill="#323130">
              {d.value}
            </text>
          </g>
        ))}
      </svg>
      <figcaption>{title} (the same figures are in the table below)</figcaption>
    </figure>
  );
};
