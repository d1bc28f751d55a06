import type { ExperimentPanelState } from '../../state/fashion-experiment.ts';
import { chosenOptimizers, runConfig } from '../../state/fashion-experiment.ts';
import { weightDecayOf } from '../../state/training-derived.ts';
import { planOptimizer, subBatchCount, type OptimizerPlan } from '../../train/core/optimizer-plan.ts';
import { OPTIMIZER_NAMES } from './optimizer-style.ts';

/** What each optimizer will train with, read from the same derivation the worker gets (runConfig), so the page never describes other settings than it runs. */
export function RunSettings({ ex }: { ex: ExperimentPanelState }) {
  return (
    <ul className="experiment-settings" data-testid="ex-settings">
      {chosenOptimizers(ex).map((kind) => {
        const c = runConfig(ex, kind, 0);
        const o = c.optimizer;
        const kText = subBatchText(planOptimizer(o, c.dataset.size), o.msharpness, c.batchSize);
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

/**
 * K as the engines run it (subBatchCount, SAM and bSAM alike), not only as the state asks: a batch of fewer rows
 * than K splits into one sub-batch a row, and the rows beyond K equal sub-batches are not used; the page says so.
 */
function subBatchText(plan: OptimizerPlan, asked: number, batchSize: number): string {
  const k = subBatchCount(plan, batchSize);
  const unused = batchSize - k * Math.floor(batchSize / k);
  const notes = [
    ...(k === asked ? [] : [`K ${asked} asked: a batch of ${batchSize} rows has at most ${k} sub-batches`]),
    ...(unused === 0 ? [] : [`sub-batches of ${Math.floor(batchSize / k)} rows, ${unused} of the batch's ${batchSize} rows unused each step`]),
  ];
  return notes.length ? `K ${k} (${notes.join('; ')})` : `K ${k}`;
}
