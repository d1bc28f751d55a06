/**
 * The network's landscape (issue 4): slices of the live network's training loss around its current mean
 * weights, along filter-normalised random directions or bSAM's largest-posterior-variance direction, with the
 * expected loss under bSAM's posterior and SAM's max-loss over the same slice. Computed in a worker when asked
 * (not every step), with a progress bar and cancel; the last slice stays on screen.
 */
import { useState } from 'react';
import type { SliceSettings } from '../../train/slice/compute-slice.ts';
import type { NetworkSnapshot } from '../../train/slice/snapshot.ts';
import { ExportMenu } from '../export/ExportMenu.tsx';
import { sliceData } from './data-export.ts';
import { useElementWidth } from '../kit/use-element-width.ts';
import { CommitField } from '../kit/CommitField.tsx';
import { parseSamples, parseSeed, parseSpan } from './slice-fields.ts';
import { SliceLineChart } from './SliceLineChart.tsx';
import { SliceMaps } from './SliceMaps.tsx';
import { SliceStatusLine } from './SliceStatusLine.tsx';
import { useSliceWorker } from './use-slice-worker.ts';
import './slice.css';

export interface SlicePanelProps {
  /** A copy of the live network (from the training worker); rejects with a message when there is none. */
  requestSnapshot(): Promise<NetworkSnapshot>;
  /** SAM's radius from the training config. */
  rho: number;
  /** The run has a posterior (bSAM): the expected loss and the largest-variance direction are available. */
  hasPosterior: boolean;
}

const DEFAULTS: Record<1 | 2, Pick<SliceSettings, 'points'>> = { 1: { points: 101 }, 2: { points: 41 } };

export function SlicePanel({ requestSnapshot, rho, hasPosterior }: SlicePanelProps) {
  const [dims, setDims] = useState<1 | 2>(2);
  const [axis, setAxis] = useState<'random' | 'variance'>('random');
  const [span, setSpan] = useState(1);
  const [samples, setSamples] = useState(16);
  const [seed, setSeed] = useState(0);
  const slice = useSliceWorker();
  const [ref, width] = useElementWidth<HTMLDivElement>(900);
  const running = slice.status.kind === 'running';
  const useAxis = hasPosterior ? axis : 'random';

  const compute = () => {
    requestSnapshot().then(
      (snapshot) => slice.compute(snapshot, { dims, axis: useAxis, points: DEFAULTS[dims].points, span, samples, rho, seed }),
      (error: unknown) => slice.fail(error instanceof Error ? error.message : String(error)),
    );
  };

  const shown = slice.status.kind === 'done' ? slice.status.result : slice.last;
  return (
    <section className="panel slice-panel" data-testid="slice-panel" aria-labelledby="slice-title">
      <div className="panel-head">
        <h2 id="slice-title">The network&rsquo;s landscape</h2>
        <ExportMenu name="network-slice" label="the network's landscape panel" data={sliceData(shown, running)} />
      </div>
      <p className="panel-intro">
        The training loss of the live network around its current mean weights, along directions rescaled filter by filter to the
        weights (Li et al., 2018), with the expected loss under bSAM&rsquo;s posterior (Monte Carlo, the same {samples} samples at every
        point) and SAM&rsquo;s max-loss over a ρ = {rho} ball (to first order, as SAM computes it). Flat minima have wide, low basins in
        all three.
      </p>
      <div className="slice-controls" role="group" aria-label="Slice settings">
        <label>
          Slice
          <select data-testid="slice-dims" value={dims} onChange={(e) => setDims(Number(e.target.value) as 1 | 2)} disabled={running}>
            <option value={1}>1-D (101 points)</option>
            <option value={2}>2-D (41 × 41)</option>
          </select>
        </label>
        <label>
          {dims === 2 ? 'x direction' : 'Direction'}
          <select data-testid="slice-axis" value={useAxis} onChange={(e) => setAxis(e.target.value as 'random' | 'variance')} disabled={running}>
            <option value="random">filter-normalised random</option>
            <option value="variance" disabled={!hasPosterior}>
              largest posterior variance (bSAM)
            </option>
          </select>
        </label>
        <CommitField label="Span ±" value={span} parse={parseSpan} onCommit={setSpan} disabled={running} testId="slice-span" />
        <CommitField label="Posterior samples" value={samples} parse={parseSamples} onCommit={setSamples} disabled={running || !hasPosterior} testId="slice-samples" />
        <CommitField label="Direction seed" value={seed} parse={parseSeed} onCommit={setSeed} disabled={running} testId="slice-seed" />
        {running ? (
          <button type="button" onClick={slice.cancel} data-testid="slice-cancel">
            Cancel
          </button>
        ) : (
          <button type="button" onClick={compute} data-testid="slice-compute">
            Compute slice
          </button>
        )}
      </div>
      <SliceStatusLine status={slice.status} shown={shown} />
      <div ref={ref} className="slice-plot">
        {shown && (shown.dims === 1 ? <SliceLineChart result={shown} width={width} /> : <SliceMaps result={shown} width={width} />)}
        {!shown && !running && <p className="slice-empty">Train a little, then compute a slice of the network as it is now.</p>}
      </div>
    </section>
  );
}

