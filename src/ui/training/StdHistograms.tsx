/**
 * Per-layer histograms of bSAM's posterior standard deviation 1/sqrt(N·s) on a shared log axis: where the
 * posterior is confident (small std, large precision s) and where it is not. The counts are binned in the
 * worker; here they are only drawn, all layers on one canvas, refreshed at the grid cadence.
 */
import { useEffect, useRef } from 'react';
import type { StdHistograms as Histograms } from '../../worker/std-histogram.ts';
import { prepareCanvas } from '../kit/canvas.ts';
import { formatLogTick, logTicks } from './log-ticks.ts';

interface Props {
  histograms: Histograms | null;
  /** No grid has arrived yet (the histograms come with it). */
  pending: boolean;
  /** The std every weight starts from, 1/sqrt(N·s_init): drawn as a dashed reference line. */
  initialStd: number;
  width: number;
  runLabel: string;
  testId: string;
}

const CELL_MIN_WIDTH = 170;
const CELL_HEIGHT = 86;
const PAD = { top: 16, right: 8, bottom: 18, left: 8 };

export function StdHistograms({ histograms, pending, initialStd, width, runLabel, testId }: Props) {
  const layers = histograms?.layers ?? [];
  const columns = Math.max(1, Math.floor(width / CELL_MIN_WIDTH));
  const rows = Math.max(1, Math.ceil(layers.length / columns));
  const cellWidth = width / columns;
  const height = rows * CELL_HEIGHT;
  const canvasRef = useRef<HTMLCanvasElement>(null);

  useEffect(() => {
    const ctx = prepareCanvas(canvasRef.current, width, height);
    if (!ctx) return;
    const layers = histograms?.layers ?? [];
    ctx.font = '11px system-ui, sans-serif';
    if (!histograms || layers.length === 0) {
      ctx.fillStyle = '#5b616b';
      ctx.textAlign = 'center';
      ctx.fillText(histograms ? 'no layers' : pending ? 'the posterior std appears with the first grid' : 'the posterior std is not available for this run', width / 2, height / 2);
      return;
    }
    const { log10From: from, log10To: to } = histograms;
    const ticks = logTicks(from, to);
    layers.forEach((layer, k) => {
      const left = (k % columns) * cellWidth + PAD.left;
      const top = Math.floor(k / columns) * CELL_HEIGHT + PAD.top;
      const w = cellWidth - PAD.left - PAD.right;
      const h = CELL_HEIGHT - PAD.top - PAD.bottom;
      const px = (l: number) => left + ((l - from) / (to - from)) * w;
      ctx.fillStyle = '#33373d';
      ctx.textAlign = 'left';
      ctx.textBaseline = 'alphabetic';
      const median = Number.isFinite(layer.median) ? ` · median ${layer.median.toPrecision(2)}` : '';
      ctx.fillText(`${layer.layer}${median}`, left, top - 4, w);
      ctx.strokeStyle = '#c4c9d0';
      ctx.lineWidth = 1;
      ctx.strokeRect(left + 0.5, top + 0.5, w - 1, h - 1);
      const peak = Math.max(1, ...layer.counts);
      const binWidth = w / layer.counts.length;
      ctx.fillStyle = '#7570b3';
      layer.counts.forEach((c, b) => {
        if (c === 0) return;
        const bh = Math.max(1, (c / peak) * (h - 2));
        ctx.fillRect(left + b * binWidth + 0.5, top + h - bh, Math.max(1, binWidth - 1), bh);
      });
      const init = Math.log10(initialStd);
      if (Number.isFinite(init) && init >= from && init <= to) {
        ctx.strokeStyle = '#1c1e21';
        ctx.setLineDash([3, 2]);
        ctx.beginPath();
        ctx.moveTo(px(init), top);
        ctx.lineTo(px(init), top + h);
        ctx.stroke();
        ctx.setLineDash([]);
      }
      ctx.fillStyle = '#5b616b';
      ctx.textAlign = 'center';
      ctx.textBaseline = 'top';
      for (const t of ticks) ctx.fillText(formatLogTick(t), Math.min(left + w - 10, Math.max(left + 10, px(t))), top + h + 3);
    });
  }, [histograms, pending, width, height, columns, cellWidth, initialStd]);

  const summary = layers.map((l) => `${l.layer} median ${Number.isFinite(l.median) ? l.median.toPrecision(2) : '—'}`).join(', ');
  return (
    <canvas
      ref={canvasRef}
      data-testid={testId}
      data-layers={layers.length}
      data-counted={layers.reduce((n, l) => n + l.total, 0)}
      role="img"
      aria-label={
        layers.length
          ? `Histograms of ${runLabel}'s posterior standard deviation 1/sqrt(N·s) per layer, log scale, started at ${initialStd.toPrecision(2)}: ${summary}.`
          : `Histograms of ${runLabel}'s posterior standard deviation: not available yet.`
      }
      style={{ width, height, display: 'block' }}
    />
  );
}
