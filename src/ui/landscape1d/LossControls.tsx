import { compileExpression } from '../../math/expression.ts';
import { LOSS_PRESETS, findPreset } from '../../math/presets.ts';
import type { LossSpec } from '../../state/experiment.ts';
import { lossSourceText } from '../../state/update.ts';
import { PresetExpressionControls } from '../kit/PresetExpressionControls.tsx';

interface Props {
  spec: LossSpec;
  onPreset: (id: string) => void;
  /** Called only with text that compiles. */
  onExpression: (text: string) => void;
}

/** Preset select and expression field in θ for the 1-D panel (behaviour in PresetExpressionControls). */
export function LossControls({ spec, onPreset, onExpression }: Props) {
  return (
    <PresetExpressionControls
      className="loss-controls"
      legend="Loss ℓ(θ)"
      presets={LOSS_PRESETS}
      preset={spec.kind === 'preset' ? findPreset(spec.id) : undefined}
      isExpression={spec.kind === 'expression'}
      sourceText={lossSourceText(spec)}
      compile={(t) => compileExpression(t, ['theta'])}
      expressionLabel={
        <>
          Expression in <code>theta</code>
        </>
      }
      hint={
        <>
          e.g. <code>0.5*theta^2 + 0.1*sin(6*theta)</code>; functions exp, log, sin, cos, tanh, abs, sqrt, pow, min, max.
        </>
      }
      presetTestId="preset-select"
      expressionTestId="expression-input"
      onPreset={onPreset}
      onExpression={onExpression}
    />
  );
}
