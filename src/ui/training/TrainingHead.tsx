/** The training panel's title, its export menu (figures and the per-epoch metrics) and what its lines mean. */
import type { TrainingConfig } from '../../state/training.ts';
import { ExportMenu } from '../export/ExportMenu.tsx';
import type { RunView } from './training-client.ts';

interface Props {
  runs: readonly RunView[];
  config: TrainingConfig;
  evaluatedOn: 'test' | 'train';
}

export function TrainingHead({ runs, config, evaluatedOn }: Props) {
  return (
    <div className="panel-head">
      <h2 id="training-title">Training: SGD, Adam, SAM and bSAM on a toy problem</h2>
      <ExportMenu
        name="training"
        label="the training panel"
        metrics={runs.map((r) => ({ optimizer: r.kind, metrics: r.metrics }))}
        metricsConfig={config}
        evaluatedOn={evaluatedOn}
      />
      <p>
        bSAM learns a Gaussian posterior with SAM&rsquo;s cost; its thin lines are the decision boundaries of posterior samples, the
        thick one that of the shown prediction (the predictive averaged over samples, or the mean weights).
      </p>
    </div>
  );
}
