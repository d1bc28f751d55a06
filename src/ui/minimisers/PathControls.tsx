import { AXIS_SYMBOL } from '../../math/minimiser-path.ts';
import { minimisersSchema, PATH_AXES } from '../../state/minimisers.ts';
import type { MinimisersState, PathAxis } from '../../state/minimisers.ts';
import { parseField } from '../../state/update.ts';
import { CommitField } from '../kit/CommitField.tsx';
import { formatNumber } from '../kit/format.ts';
import type { Pace } from '../kit/pace.ts';
import { PathLegend } from './PathLegend.tsx';
import { SWEEP_DURATION_MS } from './sweep.ts';
import type { Sweep } from './use-sweep.ts';

const RHO_FIELDS = minimisersSchema.shape;
type Patch = (patch: Partial<MinimisersState>) => void;

/** A parsed end of the ρ range, also checked against the other end (the schema's refinement, said beside the field). */
function rangeEnd(r: ReturnType<typeof parseField>, ok: (v: number) => boolean, message: string): ReturnType<typeof parseField> {
  return r.ok && !ok(r.value) ? { ok: false, message } : r;
}

function AxisChoice({ axis, patch }: { axis: PathAxis; patch: Patch }) {
  return (
    <fieldset style={{ display: 'flex', gap: 8, border: 'none', margin: 0, padding: 0 }}>
      <legend style={{ float: 'left', marginRight: 6 }}>Against</legend>
      {PATH_AXES.map((a: PathAxis) => (
        <label key={a}>
          <input type="radio" name="minimisers-axis" data-testid={`minimisers-axis-${a}`} checked={axis === a} onChange={() => patch({ axis: a })} />{' '}
          {AXIS_SYMBOL[a]}
        </label>
      ))}
    </fieldset>
  );
}

function RhoRangeFields({ rhoFrom, rhoTo, patch }: { rhoFrom: number; rhoTo: number; patch: Patch }) {
  return (
    <>
      <CommitField
        label="ρ from"
        value={rhoFrom}
        testId="minimisers-rho-from"
        parse={(t) => rangeEnd(parseField(t, RHO_FIELDS.rhoFrom, 'ρ from'), (v) => v < rhoTo, `ρ from must be less than ρ to (${formatNumber(rhoTo)}).`)}
        onCommit={(v) => patch({ rhoFrom: v })}
      />
      <CommitField
        label="ρ to"
        value={rhoTo}
        testId="minimisers-rho-to"
        parse={(t) => rangeEnd(parseField(t, RHO_FIELDS.rhoTo, 'ρ to'), (v) => v > rhoFrom, `ρ to must be greater than ρ from (${formatNumber(rhoFrom)}).`)}
        onCommit={(v) => patch({ rhoTo: v })}
      />
    </>
  );
}

interface Props {
  minimisers: MinimisersState;
  patch: Patch;
  sweep: Sweep;
  playLabel: string;
  pace: Pace;
}

/** The swept axis (with ρ's range when it is ρ), Play, the slow pace's note and the legend. */
export function PathControls({ minimisers, patch, sweep, playLabel, pace }: Props) {
  const { axis, rhoFrom, rhoTo } = minimisers;
  return (
    <div style={{ display: 'flex', gap: 12, alignItems: 'center', flexWrap: 'wrap', fontSize: 13 }}>
      <AxisChoice axis={axis} patch={patch} />
      {axis === 'rho' && <RhoRangeFields rhoFrom={rhoFrom} rhoTo={rhoTo} patch={patch} />}
      <button type="button" data-testid="minimisers-play" data-sweep={sweep.status} aria-pressed={sweep.status === 'playing'} onClick={sweep.toggle}>
        {playLabel}
      </button>
      {pace === 'slow' && (
        <span data-testid="minimisers-pace" style={{ fontSize: 12, color: '#555' }}>
          slow pace: {SWEEP_DURATION_MS.slow / 1000} s across the range
        </span>
      )}
      <PathLegend axis={axis} />
    </div>
  );
}
