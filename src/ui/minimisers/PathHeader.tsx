import type { DataSource } from '../export/data-source.ts';
import { ExportMenu } from '../export/ExportMenu.tsx';
import type { PathState } from './use-minimiser-path.ts';

interface Props {
  symbol: string;
  subtitle: string;
  status: PathState['status'];
  statusText: string;
  data: DataSource;
}

/** The panel's title, what it shows, its export menu and the computation's status. */
export function PathHeader({ symbol, subtitle, status, statusText, data }: Props) {
  return (
    <header className="panel-head">
      <h2 id="minimisers-title">Where each objective’s minimum is, as {symbol} grows</h2>
      <p>
        {subtitle}{' '}
        The vertical line is the 1-D panel’s {symbol}: click the plot to set it, or press Play to sweep it slowly.
      </p>
      <ExportMenu name="minimiser-path" label="the minimiser-path plot" data={data} />
      <span data-testid="minimisers-status" role="status" style={{ fontSize: 12, color: status === 'error' ? '#b00020' : '#555' }}>
        {statusText}
      </span>
    </header>
  );
}
