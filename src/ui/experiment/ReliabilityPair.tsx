import { scaleLinear } from 'd3';
import type { CalibrationBin } from '../../train/paper-metrics.ts';
import { ExportableFigure } from './ExportableFigure.tsx';
import { OPTIMIZER_COLOURS, OPTIMIZER_NAMES } from './optimizer-style.ts';
import type { RunResult } from './results/run-result.ts';

const S = 170;
const M = { top: 20, right: 8, bottom: 26, left: 30 };

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
  const x = scaleLinear().domain([0, 1]).range([M.left, S - M.right]);
  const y = scaleLinear().domain([0, 1]).range([S - M.bottom, M.top]);
  return (
    <svg width={S} height={S} role="img" aria-label={`reliability diagram, ${title}`}>
      <text x={M.left} y={13} fontSize={11}>
        {title}
      </text>
      <line x1={x(0)} y1={y(0)} x2={x(1)} y2={y(1)} stroke="#999" strokeDasharray="3 3" />
      {bins.map((b) =>
        b.count > 0 ? <rect key={b.lower} x={x(b.lower)} width={Math.max(0, x(b.upper) - x(b.lower) - 1)} y={y(b.accuracy)} height={y(0) - y(b.accuracy)} fill={colour} opacity={0.8} /> : null,
      )}
      {[0, 0.5, 1].map((t) => (
        <g key={t} fontSize={10}>
          <text x={x(t)} y={S - 12} textAnchor="middle">
            {t}
          </text>
          <text x={M.left - 4} y={y(t) + 4} textAnchor="end">
            {t}
          </text>
        </g>
      ))}
      <text x={(M.left + S) / 2} y={S - 1} textAnchor="middle" fontSize={10}>
        confidence
      </text>
    </svg>
  );
}
