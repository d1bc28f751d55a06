/** Save the results table as CSV, JSON or Markdown (file names as every export in the app). */
import { useMemo, useState } from 'react';
import { downloadText } from '../../export/download.ts';
import { exportFileName } from '../../export/file-name.ts';
import { resultsTable } from './results-table.ts';
import { tableToCsv, tableToJson, tableToMarkdown } from './table-export.ts';
import type { RunResult } from './run-result.ts';

export interface ExportTableButtonsProps {
  runs: readonly RunResult[];
  /** What produced the runs (e.g. the experiment's state), written into the JSON file. */
  config?: unknown;
  /** File-name slug and test-id suffix. */
  name?: string;
}

const FORMATS = [
  { id: 'csv', label: 'CSV', type: 'text/csv', extension: 'csv' },
  { id: 'json', label: 'JSON', type: 'application/json', extension: 'json' },
  { id: 'markdown', label: 'Markdown', type: 'text/markdown', extension: 'md' },
] as const;

export function ExportTableButtons({ runs, config, name = 'results-table' }: ExportTableButtonsProps) {
  const table = useMemo(() => resultsTable(runs), [runs]);
  const [status, setStatus] = useState('');
  const empty = table.rows.length === 0;

  const save = (format: (typeof FORMATS)[number]) => {
    try {
      const text = format.id === 'csv' ? tableToCsv(table) : format.id === 'json' ? tableToJson(table, { config, exportedAt: new Date() }) : tableToMarkdown(table);
      downloadText(text, format.type, exportFileName(name, format.extension));
      setStatus(`Table ${format.label} saved.`);
    } catch (e) {
      setStatus(`Table ${format.label} failed: ${e instanceof Error ? e.message : String(e)}`);
    }
  };

  return (
    <div className="results-export" role="group" aria-label="Export the results table" data-export-ignore data-testid={`export-${name}`}>
      <span aria-hidden="true">Table:</span>
      {FORMATS.map((f) => (
        <button
          key={f.id}
          type="button"
          className="export-button"
          data-testid={`export-${name}-${f.id}`}
          aria-label={`Results table as ${f.label}`}
          disabled={empty}
          title={empty ? 'No finished run yet' : undefined}
          onClick={() => save(f)}
        >
          {f.label}
        </button>
      ))}
      <span className="visually-hidden" role="status">
        {status}
      </span>
    </div>
  );
}
