import * as React from 'react';
import { DefaultButton } from '@fluentui/react/lib/Button';
import { downloadText, toCsv } from './csv';

export interface CsvDownloadProps<T> {
  /** What the rows are, as the button says it: "overdue steps". */
  what: string;
  /** The file's name before the day's date: "overdue-steps". */
  fileName: string;
  rows: T[];
  columns: Parameters<typeof toCsv<T>>[1];
}

/** Offers the rows a table shows (all of them, where the table shows the first few) as a spreadsheet file named with today's date. */
export function CsvDownload<T>({ what, fileName, rows, columns }: CsvDownloadProps<T>): React.ReactElement {
  return (
    <DefaultButton
      style={{ marginTop: 8 }}
      text={`Download ${what} as a spreadsheet of comma-separated values (CSV)`}
      onClick={() => downloadText(`${fileName}-${new Date().toISOString().slice(0, 10)}.csv`, toCsv(rows, columns))}
    />
  );
}
