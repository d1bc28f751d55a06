import { compileLoss2D, lossSource2D } from '../../math/landscape2d/loss2d.ts';
import { findPreset2D, LOSS_2D_PRESETS } from '../../math/landscape2d/presets2d.ts';
import type { Loss2DSpec } from '../../state/experiment.ts';
import { PresetExpressionControls } from '../kit/PresetExpressionControls.tsx';

interface Props {
  spec: Loss2DSpec;
  onPreset: (id: string) => void;
  /** Called only with text that compiles. */
  onExpression: (text: string) => void;
}

/**
 * Preset select and expression field in x and y, with the 1-D panel's rules (the same component): valid
 * text replaces the loss as it is typed; invalid text stays in the field with its error while the last
 * valid maps stay.
 */
export function Loss2DControls({ spec, onPreset, onExpression }: Props) {
  return (
    <PresetExpressionControls
      className="loss2d-controls"
      legend="Loss ℓ(x, y)"
      presets={LOSS_2D_PRESETS}
      preset={spec.kind === 'preset' ? findPreset2D(spec.id) : undefined}
      isExpression={spec.kind === 'expression'}
      sourceText={lossSource2D(spec)}
      compile={compileLoss2D}
      expressionLabel={
        <>
          Expression in <code>x</code> and <code>y</code>
        </>
      }
      hint={
        <>
          e.g. <code>0.5*(x^2 + 4*y^2) + 0.2*sin(5*x)</code>; the same functions as in 1-D.
        </>
      }
      presetTestId="preset2d-select"
      expressionTestId="expression2d-input"
      onPreset={onPreset}
      onExpression={onExpression}
    />
  );
}
