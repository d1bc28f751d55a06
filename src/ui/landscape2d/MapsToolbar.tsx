/** Above the maps: zoom and reset, the view's extent, and the colour scale the shown maps share. */
import type { Action } from '../../state/update.ts';
import type { ColourMap } from '../kit/colour.ts';
import { ColourBar, HORIZONTAL_BAR_SPACE } from '../kit/ColourBar.tsx';
import { formatNumber } from '../kit/format.ts';
import { zoomAbout } from './render-2d.ts';
import type { ViewRange } from './render-2d.ts';

const COLOUR_BAR_LENGTH = 220;

interface Props {
  view: ViewRange;
  cmap: ColourMap | null;
  dispatch: (action: Action) => void;
}

export function MapsToolbar({ view, cmap, dispatch }: Props) {
  const zoom = (factor: number) => dispatch({ type: 'set2DView', view: zoomAbout(view, (view.xFrom + view.xTo) / 2, (view.yFrom + view.yTo) / 2, factor) });
  return (
    <div className="landscape2d-toolbar">
      <button type="button" data-testid="zoom2d-in" onClick={() => zoom(1 / 1.5)}>
        Zoom in
      </button>
      <button type="button" data-testid="zoom2d-out" onClick={() => zoom(1.5)}>
        Zoom out
      </button>
      <button type="button" data-testid="reset2d-view" onClick={() => dispatch({ type: 'reset2DView' })}>
        Reset view
      </button>
      <span className="hint" data-testid="view2d">
        x ∈ [{formatNumber(view.xFrom)}, {formatNumber(view.xTo)}], y ∈ [{formatNumber(view.yFrom)}, {formatNumber(view.yTo)}]
      </span>
      {cmap && <SharedScale cmap={cmap} />}
    </div>
  );
}

function SharedScale({ cmap }: { cmap: ColourMap }) {
  return (
    <svg
      className="landscape2d-scale"
      data-testid="scale2d"
      width={COLOUR_BAR_LENGTH + 12 + HORIZONTAL_BAR_SPACE.right}
      height={HORIZONTAL_BAR_SPACE.above + HORIZONTAL_BAR_SPACE.below}
      role="img"
      aria-label={`colour: ${formatNumber(cmap.lo)} (dark) to ${formatNumber(cmap.hi)} (light)${cmap.clippedAbove ? ', higher values clipped' : ''}`}
    >
      <g transform={`translate(12,${HORIZONTAL_BAR_SPACE.above})`}>
        <ColourBar cmap={cmap} title="value, shared by the maps" length={COLOUR_BAR_LENGTH} orientation="horizontal" />
      </g>
    </svg>
  );
}
