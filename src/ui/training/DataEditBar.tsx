/**
 * Above the boundary plot: the class a click adds, how many points the runs train on, how many the user
 * added or removed, and the way back to the unedited data.
 */
import { useId } from 'react';
import type { DataSnapshot } from '../../worker/train-protocol.ts';
import { classColour } from './boundary-render.ts';

interface Props {
  classes: number;
  addClass: number;
  onAddClass: (label: number) => void;
  data: DataSnapshot | null;
  added: number;
  removed: number;
  onClear: () => void;
}

export function DataEditBar({ classes, addClass, onAddClass, data, added, removed, onClear }: Props) {
  const id = useId();
  return (
    <div className="train-edit-bar">
      <fieldset className="train-radios" data-testid="train-add-class">
        <legend>Click adds class</legend>
        {Array.from({ length: classes }, (_, c) => (
          <label key={c}>
            <input type="radio" name={`${id}-class`} value={c} checked={addClass === c} onChange={() => onAddClass(c)} data-testid={`train-add-class-${c}`} />
            <svg width={10} height={10} aria-hidden="true">
              <circle cx={5} cy={5} r={4} fill={classColour(c)} />
            </svg>
            {c}
          </label>
        ))}
      </fieldset>
      <span className="train-point-count" data-testid="train-point-count" data-train={data?.train.length ?? ''} data-test={data?.test.length ?? ''} role="status">
        {data ? `${data.train.length} training · ${data.test.length} test points` : 'no data yet'}
        {(added > 0 || removed > 0) && <span className="train-muted"> ({added} added, {removed} removed)</span>}
      </span>
      <button type="button" className="train-button" data-testid="train-clear-edits" disabled={added === 0 && removed === 0} onClick={onClear}>
        Undo all edits
      </button>
    </div>
  );
}
