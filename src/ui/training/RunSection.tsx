/**
 * Everything about the run itself above the plots: the run bar (play, step, backend, speed), the finished
 * state with its two ways on, the run options, a divergence and any crash or refused config.
 */
import type { TrainingConfig } from '../../state/training.ts';
import type { TrainingPatch } from '../../state/update.ts';
import { finalLrFactor } from '../../train/schedule.ts';
import type { BackendChoice } from '../../worker/train-protocol.ts';
import { DivergedBanner } from './DivergedBanner.tsx';
import { RunBar } from './RunBar.tsx';
import { RunFinished } from './RunFinished.tsx';
import { RunOptions } from './RunOptions.tsx';
import { TrainingNotices } from './TrainingNotices.tsx';
import type { TrainingControls } from './use-training-worker.ts';

interface Props {
  run: TrainingControls;
  config: TrainingConfig;
  onPatch: (patch: TrainingPatch) => void;
  backend: BackendChoice;
  onBackend: (backend: BackendChoice) => void;
  speed: number;
  /** The classroom's slow pace is on: it sets the speed, the run bar says so. */
  slowPace: boolean;
  /** The panel sends the chosen speed to the worker (unless the slow pace overrides it). */
  onSpeed: (stepsPerTick: number) => void;
}

export function RunSection({ run, config, onPatch, backend, onBackend, speed, slowPace, onSpeed }: Props) {
  const { view } = run;
  return (
    <>
      <RunBar
        view={view}
        epochs={config.epochs}
        backend={backend}
        onBackend={onBackend}
        speed={speed}
        slowPace={slowPace}
        onSpeed={onSpeed}
        onPlay={run.play}
        onPause={run.pause}
        onStep={run.step}
        onReset={run.reset}
      />
      {view.status === 'finished' && (
        <RunFinished
          step={view.step}
          epoch={view.epoch}
          epochs={config.epochs}
          finalRate={config.optimizer.learningRate * finalLrFactor(config)}
          onExtend={run.extend}
          onRestart={run.reset}
        />
      )}
      <RunOptions config={config} onPatch={onPatch} />
      {/* The status line's step: one source for where the run stopped. */}
      {view.diverged && <DivergedBanner step={view.step} message={view.diverged.message} onReset={run.reset} />}
      <TrainingNotices crash={view.crash} error={view.error} />
    </>
  );
}
