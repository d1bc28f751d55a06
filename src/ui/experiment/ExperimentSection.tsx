import { lazy, Suspense, useState, type Dispatch } from 'react';
import type { ExperimentState } from '../../state/experiment.ts';
import type { Action } from '../../state/update.ts';

// Its own chunk: the panel, its charts and its worker load only when the experiment is opened.
const ExperimentPanel = lazy(() => import('./ExperimentPanel.tsx'));

interface Props {
  state: ExperimentState;
  dispatch: Dispatch<Action>;
}

/** The section as the page first shows it: a heading, what it does, and a button that opens it (and starts the 31 MB download). */
export function ExperimentSection({ state, dispatch }: Props) {
  const [open, setOpen] = useState(false);
  return (
    <section className="panel experiment" aria-labelledby="experiment-heading">
      <h2 id="experiment-heading">The paper&rsquo;s experiment: Fashion-MNIST</h2>
      <p>
        Train small image classifiers with SGD, SAM and bSAM on real Fashion-MNIST, in your browser, and compare them with the paper&rsquo;s metrics: accuracy,
        NLL, calibration error (ECE) and AUROC, for bSAM under both its mean weights and its model average.
      </p>
      {open ? (
        <Suspense fallback={<p>Opening the experiment…</p>}>
          <ExperimentPanel state={state} dispatch={dispatch} />
        </Suspense>
      ) : (
        <button type="button" data-testid="ex-open" onClick={() => setOpen(true)}>
          Open the experiment (downloads 31 MB once)
        </button>
      )}
    </section>
  );
}
