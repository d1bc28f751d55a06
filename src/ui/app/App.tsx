import { ClassroomBar } from '../classroom/ClassroomBar.tsx';
import { ClassroomProvider } from '../classroom/ClassroomProvider.tsx';
import { ExperimentSection } from '../experiment/ExperimentSection.tsx';
import { Landscape1DPanel } from '../landscape1d/Landscape1DPanel.tsx';
import { MinimiserPathPanel } from '../minimisers/MinimiserPathPanel.tsx';
import { MSigmaPanel } from '../msigma/MSigmaPanel.tsx';
import { ShareBar } from '../permalink/ShareBar.tsx';
import { usePermalinkState } from '../permalink/use-permalink-state.ts';
import { TrainingPanel } from '../training/TrainingPanel.tsx';
import { lazy, Suspense } from 'react';

/**
 * The 2-D panel is the last on the page and computes nothing until it is scrolled near (use-seen-once.ts): its
 * code, with the 2-D numerics its main-thread fallback needs, is a chunk of its own, fetched as the page starts.
 */
const Landscape2DPanel = lazy(() => import('../landscape2d/Landscape2DPanel.tsx').then((m) => ({ default: m.Landscape2DPanel })));

/**
 * The whole app state is one ExperimentState; every panel is a view of it. It is read from and written to the
 * URL fragment (the permalink), and the classroom tour replaces it step by step.
 */
export function App() {
  const { state, dispatch, permalink } = usePermalinkState();
  return (
    <ClassroomProvider state={state} loadState={(next) => dispatch({ type: 'loadState', state: next })}>
      <div className="app">
        <header className="app-header">
          <div className="title-row">
            <h1>SAM–Bayes Lab</h1>
            <p className="subtitle">SAM, Bayes and the relaxations between them, on a loss you can shape</p>
            <ClassroomBar />
          </div>
          <p className="intro">
            A Gaussian posterior q = N(m, σ²) turns a loss ℓ into the Bayes objective E, the loss averaged under q; SAM instead takes
            the largest loss within distance ρ of m. Replacing the expected negative loss by its optimal convex lower bound, the
            Fenchel biconjugate, gives B; a max-loss with a quadratic penalty, R, bounds it from above (E ≤ B ≤ R + ½) and ties σ to
            SAM&rsquo;s ρ. A larger σ smooths the objectives and moves their minimisers towards flat valleys.
          </p>
          <ShareBar permalink={permalink} />
        </header>
        <main>
          <Landscape1DPanel state={state} dispatch={dispatch} />
          <MSigmaPanel
            state={state}
            onSelect={(m, sigma) => dispatch({ type: 'selectMSigma', m, sigma })}
            onChange={(patch) => dispatch({ type: 'patchMSigma', patch })}
          />
          <MinimiserPathPanel state={state} dispatch={dispatch} />
          <TrainingPanel state={state} dispatch={dispatch} />
          <Suspense fallback={<section className="panel" aria-busy="true" style={{ minHeight: 600 }} />}>
            <Landscape2DPanel state={state} dispatch={dispatch} />
          </Suspense>
          <ExperimentSection state={state} dispatch={dispatch} />
        </main>
      </div>
    </ClassroomProvider>
  );
}
