import type { CalibrationBin } from '../../train/paper-metrics.ts';
import { ReliabilityDiagram } from '../kit/ReliabilityDiagram.tsx';
import { ExportableFigure } from './ExportableFigure.tsx';
import { OPTIMIZER_COLOURS, OPTIMIZER_NAMES } from './optimizer-style.ts';
import type { RunResult } from './results/run-result.ts';

const S = 170;

/**
 * Reliability diagrams of the finished runs of the first seed, side by side (bSAM: mean weights and model
 * average): bars are each confidence bin's accuracy, the diagonal is perfect calibration, and an empty bin
 * draws nothing.
 */
export function ReliabilityRow({ results }: { results: RunResult[] }) {
  const firstSeed = results.filter((r) => r.finished && r.reliability && r.seed === results[0]?.seed);
  if (firstSeed.length === 0) return null;
  return (
    <ExportableFigure name="experiment-reliability" label="the reliability diagrams">
      <div className="experiment-reliability" data-testid="ex-reliability">
        {firstSeed.flatMap((r) => {
          const rel = r.reliability as NonNullable<RunResult['reliability']>;
          const name = OPTIMIZER_NAMES[r.optimizer];
          return [
            <Diagram key={`${r.optimizer}m`} bins={rel.mean} title={r.optimizer === 'bsam' ? `${name}, mean weights` : name} colour={OPTIMIZER_COLOURS[r.optimizer]} />,
            ...(rel.bayes ? [<Diagram key={`${r.optimizer}b`} bins={rel.bayes} title={`${name}, model average`} colour={OPTIMIZER_COLOURS[r.optimizer]} />] : []),
          ];
        })}
      </div>
    </ExportableFigure>
  );
}

function Diagram({ bins, title, colour }: { bins: CalibrationBin[]; title: string; colour: string }) {
  const shown = bins.map((b) => ({ lo: b.lower, hi: b.upper, count: b.count, confidence: b.confidence, accuracy: b.accuracy }));
  return <ReliabilityDiagram bins={shown} from={0} title={title} label={`reliability diagram, ${title}`} width={S} height={S} colour={colour} />;
}
