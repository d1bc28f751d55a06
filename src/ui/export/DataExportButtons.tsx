/**
 * "Data CSV" and "Data JSON" buttons for a panel's numbers, beside its figure exports. The table is
 * built only when a button is pressed (`source.table()`), and its text written in a worker (table-file.ts),
 * so a million-row landscape neither costs anything while nobody exports nor freezes the page when someone does.
 */
import { useState } from 'react';
import type { DataSource } from './data-source.ts';
import { downloadBlob } from './download.ts';
import { exportFileName } from './file-name.ts';
import { writeTableFile } from './table-file.ts';

interface Props {
  /** Slug for file names and test ids, e.g. 'landscape-1d'. */
  name: string;
  /** Human name for the accessible names, e.g. 'the 1-D landscape panel'. */
  label: string;
  source: DataSource;
}

const FORMATS = { csv: { title: 'CSV' }, json: { title: 'JSON' } } as const;
type Format = keyof typeof FORMATS;

const HINT = {
  csv: 'a plain table: a header row, one line per point; +∞ is Infinity, a value that could not be computed NaN',
  json: 'the same columns with the settings that produced them, and why any value is missing (null)',
};

export function DataExportButtons({ name, label, source }: Props) {
  const [writing, setWriting] = useState<Format | null>(null);
  const [status, setStatus] = useState('');

  const save = async (format: Format) => {
    if (!source.ready) return;
    const f = FORMATS[format];
    setWriting(format);
    setStatus(`Writing the data ${f.title}…`);
    try {
      const blob = await writeTableFile(source.table(), format);
      downloadBlob(blob, exportFileName(`${name}-data`, format));
      setStatus(`Data ${f.title} saved (${source.rows} rows).`);
    } catch (e) {
      setStatus(`Data ${f.title} failed: ${e instanceof Error ? e.message : String(e)}`);
    } finally {
      setWriting(null);
    }
  };

  return (
    <>
      {(Object.keys(FORMATS) as Format[]).map((format) => (
        <button
          key={format}
          type="button"
          className="export-button"
          data-testid={`export-${format}-${name}`}
          aria-label={`Data ${FORMATS[format].title} of ${label}`}
          title={source.ready ? `${source.rows} rows: ${HINT[format]}` : source.reason}
          disabled={!source.ready || writing !== null}
          aria-busy={writing === format}
          onClick={() => void save(format)}
        >
          {writing === format ? 'Writing…' : `Data ${FORMATS[format].title}`}
        </button>
      ))}
      <span className="visually-hidden" role="status" data-testid={`export-data-status-${name}`}>
        {status}
      </span>
    </>
  );
}
