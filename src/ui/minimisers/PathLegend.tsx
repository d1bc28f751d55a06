import { dependsOn, PATH_OBJECTIVES } from '../../math/minimiser-path.ts';
import type { SweepAxis } from '../../math/minimiser-path.ts';
import { OBJECTIVE_STYLE } from '../kit/objective-style.ts';

/** How faint a held (flat) objective's line is drawn. */
export const HELD_OPACITY = 0.4;

export function PathLegend({ axis }: { axis: SweepAxis }) {
  return (
    <ul aria-label="Legend" style={{ display: 'flex', gap: 12, listStyle: 'none', margin: 0, padding: 0 }}>
      {PATH_OBJECTIVES.map((name) => (
        // Only the line sample is faint for a held objective: faint text would fail contrast; "(flat)" says it.
        <li key={name} style={{ display: 'flex', alignItems: 'center', gap: 4 }}>
          <svg width={22} height={8} aria-hidden="true" opacity={dependsOn(name, axis) ? 1 : HELD_OPACITY + 0.2}>
            <line x1={0} x2={22} y1={4} y2={4} stroke={OBJECTIVE_STYLE[name].color} strokeWidth={2} strokeDasharray={OBJECTIVE_STYLE[name].dash} />
          </svg>
          {OBJECTIVE_STYLE[name].label}
          {!dependsOn(name, axis) && ' (flat)'}
        </li>
      ))}
    </ul>
  );
}
