import { useRef, type ReactNode } from 'react';
import { ExportMenu } from '../export/ExportMenu.tsx';

interface Props {
  /** File-name slug and test-id suffix, e.g. 'experiment-curves' (export-svg-experiment-curves). */
  name: string;
  /** What the figure is, for the buttons' names and the SVG's <title>, e.g. 'the per-epoch curves'. */
  label: string;
  children: ReactNode;
}

/**
 * One figure of the experiment with its own SVG / PNG export. The menu sits outside the exported element, so a
 * figure's file holds the figure alone (no buttons, no room left for them), drawn by the same export service as
 * the whole panel.
 */
export function ExportableFigure({ name, label, children }: Props) {
  const body = useRef<HTMLDivElement>(null);
  return (
    <div className="experiment-figure">
      <div className="experiment-figure-bar">
        <ExportMenu name={name} label={label} target={body} />
      </div>
      <div ref={body} className="experiment-figure-body" role="group" aria-label={label}>
        {children}
      </div>
    </div>
  );
}
