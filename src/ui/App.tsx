import { useReducer } from 'react';
import { DEFAULT_STATE } from '../state/experiment.ts';
import { reduce } from '../state/update.ts';
import { Landscape1DPanel } from './Landscape1DPanel.tsx';
import { MSigmaPanel } from './MSigmaPanel.tsx';
import { TrainingPanel } from './TrainingPanel.tsx';

/** The whole app state is one ExperimentState; every panel is a view of it. */
export function App() {
  const [state, dispatch] = useReducer(reduce, DEFAULT_STATE);
  return (
    <div className="app">
      <header className="app-header">
        <div className="title-row">
          <h1>SAM–Bayes Lab</h1>
          <p className="subtitle">SAM, Bayes and the relaxations between them, on a loss you can shape</p>
        </div>
        <p className="intro">
          A Gaussian posterior q = N(m, σ²) turns a loss ℓ into the Bayes objective E, the loss averaged under q; SAM instead takes
          the largest loss within distance ρ of m. Replacing the expected negative loss by its optimal convex lower bound, the
          Fenchel biconjugate, gives B; a max-loss with a quadratic penalty, R, bounds it from above (E ≤ B ≤ R + ½) and ties σ to
          SAM&rsquo;s ρ. A larger σ smooths the objectives and moves their minimisers towards flat valleys.
        </p>
      </header>
      <main>
        <Landscape1DPanel state={state} dispatch={dispatch} />
        <MSigmaPanel
          state={state}
          onSelect={(m, sigma) => dispatch({ type: 'selectMSigma', m, sigma })}
          onChange={(patch) => dispatch({ type: 'patchMSigma', patch })}
        />
        <TrainingPanel state={state} dispatch={dispatch} />
      </main>
    </div>
  );
}
