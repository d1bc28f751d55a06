import type { ExperimentPanelState } from '../../state/fashion-experiment.ts';
import { chosenOptimizers, runConfig } from '../../state/fashion-experiment.ts';
import { weightDecayOf } from '../../state/training-derived.ts';
import { OPTIMIZER_NAMES } from './optimizer-style.ts';

/** What each optimizer will train with, read from the same derivation the worker gets (runConfig), so the page never describes other settings than it runs. */
export function RunSettings({ ex }: { ex: ExperimentPanelState }) {
  return (
    <ul className="experiment-settings" data-testid="ex-settings">
      {chosenOptimizers(ex).map((kind) => {
        const c = runConfig(ex, kind, 0);
        const o = c.optimizer;
        const parts = [`α ${o.learningRate}`, ...(kind.includes('adam') ? [] : [`momentum ${o.momentum}`]), ...(o.rho > 0 ? [`ρ ${o.rho}`, `K ${o.msharpness}`] : [])];
        const delta = weightDecayOf(o, c.dataset.size);
        return (
          <li key={kind}>
            <strong>{OPTIMIZER_NAMES[kind]}</strong>: {parts.join(', ')}, weight decay δ = priorprec {o.priorPrecision} / N = {delta.toPrecision(3)}, {c.schedule} schedule
            {kind === 'bsam' ? `, model average of M = ${c.predictiveSamples} samples` : ''}
          </li>
        );
      })}
    </ul>
  );
}
