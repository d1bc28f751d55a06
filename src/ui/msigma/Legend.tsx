const hatch = (angle: number, a: string, b: string) => `repeating-linear-gradient(${angle}deg, ${a} 0 2px, ${b} 2px 7px)`;

export const INFINITE_SWATCH = hatch(-45, 'rgb(150,150,150)', 'rgb(200,200,200)');
export const NAN_SWATCH = hatch(45, 'rgb(185,185,185)', 'rgb(232,232,232)');
export const INFEASIBLE_SWATCH = 'rgb(236,231,222)';

/** HTML key for the colours that are not on the bar. */
export function SwatchKey({ showInfeasible }: { showInfeasible: boolean }) {
  const item = (background: string, text: string) => (
    <span style={{ display: 'inline-flex', alignItems: 'center', gap: 4 }}>
      <span aria-hidden="true" style={{ width: 14, height: 14, background, border: '1px solid #999', display: 'inline-block' }} />
      {text}
    </span>
  );
  return (
    <div style={{ display: 'flex', gap: 16, fontSize: 12, color: '#444', flexWrap: 'wrap' }}>
      {item(INFINITE_SWATCH, '+∞ (proven infinite)')}
      {item(NAN_SWATCH, 'not computable')}
      {showInfeasible && item(INFEASIBLE_SWATCH, 'infeasible: μ₂ < μ₁² (σ² would be negative)')}
    </div>
  );
}
