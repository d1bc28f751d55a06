/** A map's frame and tick labels (no tick marks: the labels sit just outside the frame). */
import { formatNumber } from '../kit/format.ts';
import type { MapGeometry } from './render-2d.ts';

export function MapAxes({ geometry }: { geometry: MapGeometry }) {
  const { width, height } = geometry;
  const xTicks = geometry.x.ticks(Math.max(2, Math.round(width / 70)));
  const yTicks = geometry.y.ticks(Math.max(2, Math.round(height / 60)));
  return (
    <g aria-hidden="true" className="map2d-axes">
      <rect width={width} height={height} fill="none" stroke="#8a9099" />
      {xTicks.map((v) => (
        <text key={`x${v}`} x={geometry.x(v)} y={height + 14} textAnchor="middle">
          {formatNumber(v)}
        </text>
      ))}
      {yTicks.map((v) => (
        <text key={`y${v}`} x={-4} y={geometry.y(v)} dy="0.32em" textAnchor="end">
          {formatNumber(v)}
        </text>
      ))}
    </g>
  );
}
