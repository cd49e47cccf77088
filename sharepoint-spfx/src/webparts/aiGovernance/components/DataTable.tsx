import * as React from 'react';

export const headerCell: React.CSSProperties = { textAlign: 'left', borderBottom: '1px solid #8a8886', padding: '4px 8px' };
export const cell: React.CSSProperties = { borderBottom: '1px solid #edebe9', padding: '4px 8px', verticalAlign: 'top' };
/** A row's first cell when it names the row (a stage, a month): a header for screen readers, plain to the eye. */
export const rowHeaderCell: React.CSSProperties = { ...cell, fontWeight: 'normal' };

export interface DataTableProps {
  /** What the table lists, read first by screen readers. */
  caption: string;
  columns: readonly string[];
  /** Full width, for tables of long text. */
  wide?: boolean;
  style?: React.CSSProperties;
  headerStyle?: React.CSSProperties;
  /** The body's rows. */
  children?: React.ReactNode;
}

/** A captioned table with a header row, as every table of the web part's dashboards is. */
export const DataTable: React.FC<DataTableProps> = ({ caption, columns, wide, style, headerStyle = headerCell, children }) => (
  <table style={{ borderCollapse: 'collapse', ...(wide ? { width: '100%' } : {}), ...style }}>
    <caption style={{ textAlign: 'left' }}>{caption}</caption>
    <thead>
      <tr>
        {columns.map((column) => (
          <th key={column} scope="col" style={headerStyle}>
            {column}
          </th>
        ))}
      </tr>
    </thead>
    <tbody>{children}</tbody>
  </table>
);

/** A two-column table of counts (by stage, by state), the figures behind a bar chart. */
export const CountsTable: React.FC<{ caption: string; columns: readonly [string, string]; rows: readonly { label: string; count: number }[] }> = ({ caption, columns, rows }) => (
  <DataTable caption={caption} columns={columns}>
    {rows.map((row) => (
      <tr key={row.label}>
        <th scope="row" style={rowHeaderCell}>
          {row.label}
        </th>
        <td style={cell}>{row.count}</td>
      </tr>
    ))}
  </DataTable>
);
