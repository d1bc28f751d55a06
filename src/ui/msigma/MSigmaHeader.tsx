import type { DataSource } from '../export/data-source.ts';
import { ExportMenu } from '../export/ExportMenu.tsx';
import type { GridStatus } from './use-msigma-grid.ts';

/** The panel's title, question, export menu and computation status. */
export function MSigmaHeader({ status, statusText, data }: { status: GridStatus; statusText: string; data: DataSource }) {
  return (
    <header className="panel-head">
      <h2 id="msigma-title">(m, σ) landscape</h2>
      <p>Where is the convex relaxation loose? The horizontal line is the 1-D panel’s σ.</p>
      <ExportMenu name="msigma" label="the (m, σ) panel" data={data} />
      <span data-testid="msigma-status" role="status" style={{ fontSize: 12, color: status === 'error' ? '#b00020' : '#555' }}>
        {statusText}
      </span>
    </header>
  );
}
