/** One optimizer path on a map: bSAM's posterior ellipses, the path (a white casing under its colour) and its head. */
import type { OptimizerPath } from '../../math/landscape2d/paths.ts';
import { OPTIMIZER_STYLE } from './optimizer-style.ts';
import { pathMarks } from './path-marks.ts';
import type { MapGeometry } from './render-2d.ts';

export function PathMarks({ path, step, geometry }: { path: OptimizerPath; step: number; geometry: MapGeometry }) {
  const style = OPTIMIZER_STYLE[path.name];
  const { d, ellipses, head } = pathMarks(path, step, geometry);
  const end = path.x.length - 1;
  return (
    <g data-testid={`path2d-${path.name}`} pointerEvents="none">
      {ellipses.map((e) => (
        <ellipse key={e.k} className="map2d-ellipse" cx={e.cx} cy={e.cy} rx={e.rx} ry={e.ry} stroke={style.color} />
      ))}
      <path d={d} fill="none" stroke="white" strokeWidth={3.5} strokeOpacity={0.8} />
      <path
        d={d}
        className="map2d-path"
        data-optimizer={path.name}
        data-end={`${path.x[end]},${path.y[end]}`}
        data-diverged={path.diverged}
        fill="none"
        stroke={style.color}
        strokeWidth={1.8}
        strokeDasharray={style.dash}
      />
      <circle cx={head[0]} cy={head[1]} r={4} fill={style.color} stroke="white" strokeWidth={1.5} data-testid={`path2d-end-${path.name}`} />
    </g>
  );
}
