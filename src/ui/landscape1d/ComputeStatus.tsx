import type { Computation } from './use-landscape1d.ts';

/** One line saying whether the curves on screen are current, being computed (with progress) or failed. */
export function ComputeStatus({ c }: { c: Computation<unknown> }) {
  let text: string;
  if (c.status === 'computing') {
    const p = c.progress;
    text = p ? `computing… ${Math.round(p.fraction * 100)}% (${p.stage})` : 'computing…';
    if (c.value) text += ' — the curves shown are for the previous settings';
  } else if (c.status === 'error') text = 'not computed';
  else text = `ready${c.elapsedMs !== null ? ` (${Math.round(c.elapsedMs)} ms, ${c.where ?? 'worker'})` : ''}`;
  return (
    <div data-testid="landscape1d-status" data-status={c.status} role="status" style={{ fontSize: 12, color: c.status === 'error' ? '#b00020' : '#555' }}>
      {text}
    </div>
  );
}
