/** A 2-D slice: one heatmap with contours per objective, on one shared colour scale. */
import { formatValue } from '../kit/format.ts';
import { useEffect, useRef } from 'react';
import type { SliceResult } from '../../train/slice/compute-slice.ts';
import { paintPixels } from '../kit/canvas.ts';
import { contourThresholds, type ColourMap } from '../kit/colour.ts';
import { ColourBar, HORIZONTAL_BAR_SPACE } from '../kit/ColourBar.tsx';

const COLOUR_BAR_LENGTH = 240;
import { paintSlice, sharedColourMap, SLICE_MAPS, slicePaths, sliceValues, type SliceMapName } from './slice-render.ts';

function SliceMap({ result, name, label, cmap, size }: { result: SliceResult; name: SliceMapName; label: string; cmap: ColourMap; size: number }) {
  const canvas = useRef<HTMLCanvasElement>(null);
  const values = sliceValues(result, name);
  const n = result.coords.length;
  useEffect(() => {
    paintPixels(canvas.current, size, size, (image, dpr) => {
      if (values) paintSlice(image, values, n, cmap, dpr);
    });
  }, [values, n, cmap, size]);
  if (!values) return null;
  const finite = Array.from(values).filter(Number.isFinite);
  const paths = slicePaths(values, n, contourThresholds(cmap, 8), size, size);
  return (
    <figure className="slice-map" data-testid={`slice-map-${name}`} data-min={Math.min(...finite)} data-max={Math.max(...finite)}>
      <figcaption>{label}</figcaption>
      <div className="slice-map-plot" style={{ width: size, height: size }}>
        <canvas ref={canvas} style={{ width: size, height: size }} aria-hidden="true" />
        <svg width={size} height={size} role="img" aria-label={`${label}: from ${Math.min(...finite).toPrecision(3)} to ${Math.max(...finite).toPrecision(3)}`}>
          {paths.map((p) => (
            <path key={p.value} d={p.d} className="slice-contour" />
          ))}
          <circle cx={size / 2} cy={size / 2} r={4} className="slice-centre-dot">
            <title>the current mean weights</title>
          </circle>
        </svg>
      </div>
    </figure>
  );
}

export function SliceMaps({ result, width }: { result: SliceResult; width: number }) {
  const cmap = sharedColourMap(result);
  const maps = SLICE_MAPS.filter((m) => sliceValues(result, m.name) !== null);
  const size = Math.max(140, Math.min(300, Math.floor((width - 24 * maps.length) / maps.length)));
  return (
    <div className="slice-maps">
      <div className="slice-map-row">
        {maps.map((m) => (
          <SliceMap key={m.name} result={result} name={m.name} label={m.label} cmap={cmap} size={size} />
        ))}
      </div>
      <svg className="slice-colour-bar" width={COLOUR_BAR_LENGTH + 12 + HORIZONTAL_BAR_SPACE.right} height={HORIZONTAL_BAR_SPACE.above + HORIZONTAL_BAR_SPACE.below} aria-hidden="true">
        <g transform={`translate(12,${HORIZONTAL_BAR_SPACE.above})`}>
          <ColourBar cmap={cmap} title="value, shared by the maps" length={COLOUR_BAR_LENGTH} orientation="horizontal" testId="slice-colour-bar" />
        </g>
      </svg>
      <p className="slice-axes-note">
        x: {result.xLabel}; y: {result.yLabel}; both from {formatValue(result.coords[0])} to {formatValue(result.coords[result.coords.length - 1])}. Colour: viridis from{' '}
        {cmap.lo.toPrecision(3)} to {cmap.hi.toPrecision(3)}
        {cmap.clippedAbove ? ' (higher values clipped)' : ''}, shared by the maps.
      </p>
    </div>
  );
}
