import { SwatchKey } from './Legend.tsx';

interface Props {
  hoverText: string;
  currentText: string;
  /** The current point lies outside the plotted m-domain or σ range. */
  outOfRange: boolean;
  /** The exact computation's warnings at the current point. */
  warnings: readonly string[];
  showInfeasible: boolean;
}

/** Under the plot: the hover readout, the current point's exact value, and the key of the colours off the bar. */
export function MSigmaReadouts({ hoverText, currentText, outOfRange, warnings, showInfeasible }: Props) {
  return (
    <>
      <div data-testid="msigma-readout" style={{ fontSize: 12, fontVariantNumeric: 'tabular-nums', minHeight: '1.3em' }}>
        {hoverText}
      </div>
      <div data-testid="msigma-current" aria-live="polite" style={{ fontSize: 12, color: '#333', fontVariantNumeric: 'tabular-nums' }}>
        Current: {currentText}
        {outOfRange && ' — outside the plotted range'}
        {warnings.length > 0 && ` — ${warnings.join('; ')}`}
      </div>
      <SwatchKey showInfeasible={showInfeasible} />
    </>
  );
}
