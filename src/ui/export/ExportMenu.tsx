/**
 * Export buttons for a panel header: the panel as SVG and PNG, its numbers as data CSV and JSON (`data`)
 * and, for the training panel, the metric history as CSV and JSON. The panel is the closest `.panel` around the menu (or `target`), so wiring a
 * panel is one line; the menu marks itself data-export-ignore and so is not part of the picture.
 */
import type { RefObject } from 'react';
import type { TrainingConfig } from '../../state/training.ts';
import type { DataSource } from './data-source.ts';
import { DataExportButtons } from './DataExportButtons.tsx';
import { downloadBlob, downloadText } from './download.ts';
import { exportFileName } from './file-name.ts';
import { metricsToCsv, metricsToJson } from './metrics.ts';
import type { MetricSeries } from './metrics.ts';
import { exportPanelPng } from './panel-png.ts';
import { exportPanelSvg } from './panel-svg.ts';
import { useExportJob } from './use-export-job.ts';

interface Props {
  /** Short slug for file names and test ids, e.g. 'landscape-1d'. */
  name: string;
  /** Human name for the buttons' accessible names, e.g. '1-D landscape'. */
  label?: string;
  /** The element to export; by default the closest `.panel` around the menu. */
  target?: RefObject<HTMLElement | null>;
  /** The panel's numbers (built only when a data button is pressed): adds the Data CSV and JSON buttons. */
  data?: DataSource;
  /** The training panel's metric histories, one per run: adds the Metrics CSV and JSON buttons. */
  metrics?: readonly MetricSeries[];
  metricsConfig?: TrainingConfig;
  evaluatedOn?: 'test' | 'train';
}

export function ExportMenu({ name, label = name, target, data, metrics, metricsConfig, evaluatedOn }: Props) {
  const { ownRef, status, busy, run } = useExportJob(label, target);

  const saveSvg = () => run('SVG', (el) => downloadText(exportPanelSvg(el), 'image/svg+xml', exportFileName(name, 'svg')));
  const savePng = () => run('PNG', async (el) => downloadBlob(await exportPanelPng(el), exportFileName(name, 'png')));
  const saveCsv = () => run('Metrics CSV', () => downloadText(metricsToCsv(metrics ?? []), 'text/csv', exportFileName(`${name}-metrics`, 'csv')));
  const saveJson = () =>
    run('Metrics JSON', () =>
      downloadText(
        metricsToJson(metrics ?? [], { config: metricsConfig, evaluatedOn, exportedAt: new Date() }),
        'application/json',
        exportFileName(`${name}-metrics`, 'json'),
      ),
    );

  const noMetrics = metrics !== undefined && metrics.every((r) => r.metrics.length === 0);
  return (
    <div ref={ownRef} className="export-menu" role="group" aria-label={`Export ${label}`} data-export-ignore data-testid={`export-${name}`}>
      <span className="export-menu-title" aria-hidden="true">
        Export
      </span>
      <button type="button" className="export-button" data-testid={`export-svg-${name}`} aria-label={`SVG of ${label}`} disabled={busy} onClick={saveSvg}>
        SVG
      </button>
      <button type="button" className="export-button" data-testid={`export-png-${name}`} aria-label={`PNG of ${label}`} disabled={busy} onClick={savePng}>
        PNG
      </button>
      {data !== undefined && <DataExportButtons name={name} label={label} source={data} />}
      {metrics !== undefined && (
        <>
          <button
            type="button"
            className="export-button"
            data-testid="export-metrics-csv"
            aria-label={`Metrics CSV of ${label}`}
            title={noMetrics ? 'No metrics yet: train for an epoch first' : undefined}
            disabled={busy || noMetrics}
            onClick={saveCsv}
          >
            Metrics CSV
          </button>
          <button
            type="button"
            className="export-button"
            data-testid="export-metrics-json"
            aria-label={`Metrics JSON of ${label}`}
            title={noMetrics ? 'No metrics yet: train for an epoch first' : undefined}
            disabled={busy || noMetrics}
            onClick={saveJson}
          >
            Metrics JSON
          </button>
        </>
      )}
      <span className="visually-hidden" role="status">
        {status}
      </span>
    </div>
  );
}
