import type { ExperimentPanelState } from '../../state/fashion-experiment.ts';
import { chosenOptimizers, runConfig } from '../../state/fashion-experiment.ts';
import { weightDecayOf } from '../../state/training-derived.ts';
import { planOptimizer, subBatchCount } from '../../train/core/optimizer-plan.ts';
import { OPTIMIZER_NAMES } from './optimizer-style.ts';

/** What each optimizer will train with, read from the same derivation the worker gets (runConfig), so the page never describes other settings than it runs. */
export function RunSettings({ ex }: { ex: ExperimentPanelState }) {
  return (
    <ul className="experiment-settings" data-testid="ex-settings">
      {chosenOptimizers(ex).map((kind) => {
        const c = runConfig(ex, kind, 0);
        const o = c.optimizer;
        // K as the engines run it (subBatchCount), not as the state asks: SAM's m-sharpness is not implemented yet,
        // so a SAM run asked for K 4 trains with one perturbation per batch, and the page says so.
        const k = subBatchCount(planOptimizer(o, c.dataset.size), c.batchSize);
        const kText = k === o.msharpness ? `K ${k}` : `K ${k} (K ${o.msharpness} asked: SAM's m-sharpness is not implemented yet)`;
        const parts = [`α ${o.learningRate}`, ...(kind.includes('adam') ? [] : [`momentum ${o.momentum}`]), ...(o.rho > 0 ? [`ρ ${o.rho}`, kText] : [])];
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
