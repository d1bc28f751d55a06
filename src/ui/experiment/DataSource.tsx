import { useState, type DragEvent } from 'react';
import type { ExperimentData, ExperimentDataKind } from '../../state/experiment-data.ts';
import { FASHION_MNIST_TRAIN_SIZE } from '../../state/training.ts';
import { ownDataNotes, ownDataText, type OwnDataView } from './own-data-view.ts';

interface Props {
  data: ExperimentData;
  own: OwnDataView;
  fashionReady: boolean;
  /** While an experiment trains its data is fixed. */
  disabled: boolean;
  onChoose: (kind: ExperimentDataKind) => void;
  onFiles: (files: File[]) => void;
}

/**
 * Which images train: the shipped Fashion-MNIST, or the user's own IDX files, picked or dropped here as four files
 * (training and test images and labels, .gz or not; which is which is read from the files). A link that says
 * "own" arrives without the files, so then the page asks for them plainly and Run stays off.
 */
export function DataSource({ data, own, fashionReady, disabled, onChoose, onFiles }: Props) {
  const [over, setOver] = useState(false);
  const loaded = own.loaded?.summary ?? null;
  const drop = (e: DragEvent<HTMLDivElement>) => {
    e.preventDefault();
    setOver(false);
    if (!disabled) onFiles(Array.from(e.dataTransfer.files));
  };
  return (
    <fieldset className="experiment-data" disabled={disabled}>
      <legend>Data</legend>
      <label>
        <input type="radio" name="ex-data" data-testid="ex-data-fashion" checked={data.kind === 'fashion-mnist'} onChange={() => onChoose('fashion-mnist')} /> Fashion-MNIST
        {fashionReady ? '' : ' (loading…)'}
      </label>{' '}
      <label>
        <input type="radio" name="ex-data" data-testid="ex-data-own" checked={data.kind === 'own'} disabled={!loaded} onChange={() => onChoose('own')} /> Your own IDX files
        {loaded ? `: ${loaded.name}` : ''}
      </label>
      {data.kind === 'own' && !loaded && (
        <p className="field-error" role="alert" data-testid="ex-own-missing">
          This link trains on your own IDX files{data.name ? ` (${data.name})` : ''}. A link cannot carry files: load the same four files again below, or choose
          Fashion-MNIST. Nothing trains until then.
        </p>
      )}
      <div
        className={`experiment-drop${over ? ' experiment-drop-over' : ''}`}
        data-testid="ex-own-drop"
        onDragOver={(e) => {
          e.preventDefault();
          setOver(true);
        }}
        onDragLeave={() => setOver(false)}
        onDrop={drop}
      >
        <label>
          Load your own IDX files (MNIST, KMNIST, EMNIST…): drop the four files here, or pick them{' '}
          <input
            type="file"
            multiple
            data-testid="ex-own-files"
            onChange={(e) => {
              const files = Array.from(e.target.files ?? []);
              // Cleared, so picking the same files again (after fixing one) fires a change.
              e.target.value = '';
              if (files.length > 0) onFiles(files);
            }}
          />
        </label>
        <p className="experiment-drop-hint">
          Training and test images and labels, gzip-compressed (.gz) or not. Which is which is read from the files: images or labels from the header, training or
          test from the names (train…, t10k… or test…) or else from the counts. The classes are read from the labels.
        </p>
      </div>
      <div aria-live="polite" data-testid="ex-own-status">
        {own.reading ? 'Reading your files…' : loaded ? `Your files: ${ownDataText(loaded)}.` : ''}
      </div>
      {loaded &&
        ownDataNotes(loaded, FASHION_MNIST_TRAIN_SIZE).map((n) => (
          <p key={n} className="experiment-drop-hint" data-testid="ex-own-note">
            {n}
          </p>
        ))}
      {own.error && (
        <p className="field-error" role="alert" data-testid="ex-own-error">
          Your files were not loaded: {own.error}.{loaded ? ` The files loaded before (${loaded.name}) are still in use.` : ''}
        </p>
      )}
    </fieldset>
  );
}
