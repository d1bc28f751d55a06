import type { MSigmaState } from '../../state/experiment.ts';
import type { Surface } from '../kit/colour.ts';
import { SigmaRangeFields } from './SigmaRangeFields.tsx';
import { SURFACE_LABELS } from './surface-labels.ts';

const SURFACES: readonly Surface[] = ['gap', 'expected', 'biconjugate'];

/** Which surface, in which coordinates, over which σ range. */
export function MSigmaControls({ msigma, onChange }: { msigma: MSigmaState; onChange: (patch: Partial<MSigmaState>) => void }) {
  const { surface, coords, sigmaFrom, sigmaTo } = msigma;
  return (
    <div style={{ display: 'flex', gap: 16, flexWrap: 'wrap', alignItems: 'center', fontSize: 13 }}>
      <label style={{ display: 'inline-flex', alignItems: 'center', gap: 4 }}>
        Surface
        <select data-testid="msigma-surface" value={surface} onChange={(e) => onChange({ surface: e.target.value as Surface })}>
          {SURFACES.map((s) => (
            <option key={s} value={s}>
              {SURFACE_LABELS[s]}
            </option>
          ))}
        </select>
      </label>
      <label style={{ display: 'inline-flex', alignItems: 'center', gap: 4 }}>
        <input
          type="checkbox"
          data-testid="msigma-coords"
          checked={coords === 'mean'}
          onChange={(e) => onChange({ coords: e.target.checked ? 'mean' : 'msigma' })}
        />
        Mean parameters (μ₁, μ₂) = (m, m² + σ²)
      </label>
      <SigmaRangeFields sigmaFrom={sigmaFrom} sigmaTo={sigmaTo} onChange={onChange} />
    </div>
  );
}
