/**
 * How the boundary plot is drawn: the heatmap (probability or entropy of the prediction) and, for bSAM,
 * which prediction (the predictive averaged over posterior samples, or that of the mean weights). Radio
 * groups, so they work from the keyboard as they are.
 */
import { useId } from 'react';
import type { PredictionSource } from './boundary-render.ts';
import type { HeatmapView } from './BoundaryPlot.tsx';

interface Props {
  heatmap: HeatmapView;
  onHeatmap: (view: HeatmapView) => void;
  source: PredictionSource;
  onSource: (source: PredictionSource) => void;
  /** Only bSAM has two predictions to choose from. */
  hasPosterior: boolean;
}

const HEATMAPS: { value: HeatmapView; label: string }[] = [
  { value: 'probability', label: 'probability' },
  { value: 'entropy', label: 'entropy (nats)' },
];
const SOURCES: { value: PredictionSource; label: string }[] = [
  { value: 'averaged', label: 'averaged predictive' },
  { value: 'mean', label: 'mean weights' },
];

function Radios<T extends string>({ name, legend, options, value, onChange, testId }: { name: string; legend: string; options: { value: T; label: string }[]; value: T; onChange: (v: T) => void; testId: string }) {
  return (
    <fieldset className="train-radios" data-testid={testId}>
      <legend>{legend}</legend>
      {options.map((o) => (
        <label key={o.value}>
          <input type="radio" name={name} value={o.value} checked={value === o.value} onChange={() => onChange(o.value)} data-testid={`${testId}-${o.value}`} />
          {o.label}
        </label>
      ))}
    </fieldset>
  );
}

export function ViewControls({ heatmap, onHeatmap, source, onSource, hasPosterior }: Props) {
  const id = useId();
  return (
    <div className="train-view-controls">
      <Radios name={`${id}-heatmap`} legend="Heatmap" options={HEATMAPS} value={heatmap} onChange={onHeatmap} testId="train-heatmap" />
      {hasPosterior && (
        <Radios name={`${id}-source`} legend="bSAM prediction" options={SOURCES} value={source} onChange={onSource} testId="train-prediction" />
      )}
    </div>
  );
}
