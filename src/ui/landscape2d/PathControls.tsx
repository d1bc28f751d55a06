/** Which optimizer paths show (each with its line style), their step size, length, bSAM's N and seed. */
import type { Landscape2DState } from '../../state/experiment.ts';
import { landscape2dSchema, PATH_OPTIMIZERS } from '../../state/experiment.ts';
import type { Action } from '../../state/update.ts';
import { parseField } from '../../state/update.ts';
import { formatNumber } from '../kit/format.ts';
import { NumberField } from '../kit/NumberField.tsx';
import { OPTIMIZER_STYLE } from './optimizer-style.ts';

interface Props {
  s: Landscape2DState;
  dispatch: (action: Action) => void;
}

/** Every field validates against its own schema bounds (state/experiment.ts), as the reducer clamps. */
const FIELDS = landscape2dSchema.shape;
const parseLearningRate = (t: string) => parseField(t, FIELDS.learningRate, 'Learning rate');
const parseSteps = (t: string) => parseField(t, FIELDS.steps, 'Steps');
const parseDataSize = (t: string) => parseField(t, FIELDS.dataSize, 'N');
const parseSeed = (t: string) => parseField(t, FIELDS.seed, 'Seed');

export function PathControls({ s, dispatch }: Props) {
  const patch = (p: Partial<Pick<Landscape2DState, 'learningRate' | 'steps' | 'dataSize' | 'seed'>>) => dispatch({ type: 'patch2D', patch: p });
  return (
    <fieldset className="control landscape2d-toggles">
      <legend className="control-label">Optimizer paths</legend>
      {PATH_OPTIMIZERS.map((name) => (
        <label key={name}>
          <input type="checkbox" data-testid={`show-path2d-${name}`} checked={s.paths[name]} onChange={(e) => dispatch({ type: 'patch2D', patch: { paths: { [name]: e.target.checked } } })} />
          <svg width={22} height={8} aria-hidden="true">
            <line x1={1} x2={21} y1={4} y2={4} stroke={OPTIMIZER_STYLE[name].color} strokeWidth={2} strokeDasharray={OPTIMIZER_STYLE[name].dash} />
          </svg>
          {OPTIMIZER_STYLE[name].label}
        </label>
      ))}
      <div className="landscape2d-fields">
        <label>
          <span>step size α</span>
          <NumberField id="lr2d" label="Learning rate α of the 2-D paths" value={s.learningRate} parse={parseLearningRate} onCommit={(v) => patch({ learningRate: v })} testId="lr2d" />
        </label>
        <label>
          <span>steps</span>
          <NumberField id="steps2d" label="Steps of the 2-D paths" value={s.steps} parse={parseSteps} onCommit={(v) => patch({ steps: v })} testId="steps2d" />
        </label>
        <label>
          <span>bSAM N</span>
          <NumberField id="n2d" label="bSAM pseudo data size N" value={s.dataSize} parse={parseDataSize} onCommit={(v) => patch({ dataSize: v })} testId="n2d" />
        </label>
        <label>
          <span>seed</span>
          <NumberField id="seed2d" label="Seed of bSAM's noise" value={s.seed} parse={parseSeed} onCommit={(v) => patch({ seed: v })} testId="seed2d" />
        </label>
      </div>
      <p className="hint">
        Start ({formatNumber(s.startX)}, {formatNumber(s.startY)}). bSAM&rsquo;s ellipses show its posterior N(w, 1/(N·s)) at 1 std.
      </p>
    </fieldset>
  );
}
