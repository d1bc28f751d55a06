/**
 * Import a dataset as CSV rows x,y,label: from a file or pasted. A refused file changes nothing and says
 * which line is wrong and why; an accepted one becomes the 'custom' dataset (kept in the experiment state,
 * so it survives reloads and permalinks, and re-initialises the run with the same seeds).
 */
import { useId, useState } from 'react';
import type { ChangeEvent } from 'react';
import type { TrainingConfig } from '../../state/training.ts';
import type { TrainingPatch } from '../../state/update.ts';
import type { Point } from '../../train/datasets.ts';
import { importCsv } from './csv-import.ts';

interface Props {
  config: TrainingConfig;
  onPatch: (patch: TrainingPatch) => void;
}

type Outcome = { ok: true; text: string; warning: string | null; points: readonly Point[] } | { ok: false; text: string } | null;

function samePoints(a: readonly Point[], b: readonly Point[]): boolean {
  return a.length === b.length && a.every((p, i) => p.x === b[i].x && p.y === b[i].y && p.label === b[i].label);
}

export function CsvImport({ config, onPatch }: Props) {
  const id = useId();
  const [pasted, setPasted] = useState('');
  const [outcome, setOutcome] = useState<Outcome>(null);

  const load = (text: string, source: string) => {
    const r = importCsv(text, source, config);
    if (!r.ok) {
      setOutcome({ ok: false, text: r.message });
      return;
    }
    onPatch({ dataset: r.dataset });
    setOutcome({ ok: true, text: r.summary, warning: r.warning, points: r.dataset.points ?? [] });
  };
  // Success is said only while the imported points are the state's data (on screen): never for data the
  // state did not take, nor after the dataset was changed since.
  const shown = outcome?.ok && !(config.dataset.kind === 'custom' && samePoints(config.dataset.points, outcome.points)) ? null : outcome;

  const onFile = async (e: ChangeEvent<HTMLInputElement>) => {
    const input = e.currentTarget;
    const file = input.files?.[0];
    if (!file) return;
    try {
      load(await file.text(), file.name);
    } catch (err) {
      setOutcome({ ok: false, text: `${file.name} could not be read: ${err instanceof Error ? err.message : String(err)}` });
    }
    // The same file can be chosen again after fixing it.
    input.value = '';
  };

  return (
    <details className="train-group train-csv">
      <summary>Import CSV data</summary>
      <p className="train-muted train-csv-hint">
        Rows <code>x,y,label</code> (an optional header line, labels 0–5), up to 5000 points.
      </p>
      <label htmlFor={`${id}-file`} className="control-label">
        CSV file
      </label>
      <input id={`${id}-file`} type="file" accept=".csv,text/csv,text/plain" data-testid="train-csv-file" onChange={(e) => void onFile(e)} />
      <label htmlFor={`${id}-paste`} className="control-label">
        or paste rows
      </label>
      <textarea
        id={`${id}-paste`}
        rows={4}
        spellCheck={false}
        placeholder={'x,y,label\n0.1,0.5,0\n1.2,-0.3,1'}
        value={pasted}
        data-testid="train-csv-paste"
        onChange={(e) => setPasted(e.target.value)}
      />
      <button type="button" className="train-button" data-testid="train-csv-load" disabled={pasted.trim() === ''} onClick={() => load(pasted, 'The pasted text')}>
        Load pasted rows
      </button>
      {shown && (
        <p className={shown.ok ? 'train-csv-ok' : 'field-error'} role={shown.ok ? 'status' : 'alert'} data-testid={shown.ok ? 'train-csv-ok' : 'train-csv-error'}>
          {shown.text}
        </p>
      )}
      {shown?.ok && shown.warning && (
        <p className="field-error" role="alert" data-testid="train-csv-warning">
          {shown.warning}
        </p>
      )}
    </details>
  );
}
